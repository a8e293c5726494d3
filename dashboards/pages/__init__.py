"""The dashboard's pages: one module per page, each a :class:`~dashboards.pages.base.Page`.

:mod:`dashboards.pages.registry` lists them (slug, view, whether it edits, who may see it);
the frame (:mod:`dashboards.frame`) builds each page on its first visit and then only
shows or hides it.
"""
