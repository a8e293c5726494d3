"""The base of every dashboard page: a :class:`panel.viewable.Viewer` bound to the state.

A page is built once per session, on its first visit (:meth:`Page.__panel__` calls
:meth:`Page.build`); afterwards its layout stays, and its contents follow the state. The
panes and widget labels of a page are bound (``pn.bind``, Panel references) to the page's
own copy of the display parameters (``lang``, ``version``, ``anonymise``,
``presentation``), which the page takes from the :class:`~dashboards.state.DashboardState`
while it is :attr:`Page.active` (shown). A hidden page does not recompute; it catches up
when it is shown again. A language switch therefore changes texts in place: no page is
ever rebuilt.

Page-specific state (a filter, a chosen tab, a form's draft) lives in the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import panel as pn
import param
from panel.viewable import Viewer

from dashboards._common import TABLE_CSS, page_stylesheet, text_pane, tr

__all__ = ["DISPLAY", "Page"]

DISPLAY = ("lang", "version", "anonymise", "presentation")
"""The state's parameters every page follows."""


class Page(Viewer):
    """A dashboard page: built once, its contents updated in place when the state changes.

    Parameters
    ----------
    state : DashboardState
        The session's state.
    active : bool
        Whether the page is shown (the frame sets it); an inactive page does not follow the
        state until it is shown again. True by default (a page shown alone, in a notebook).

    Subclasses set :attr:`slug` and implement :meth:`build`, which returns the page's
    layout, whose parts are bound to the page's parameters through :meth:`bound`,
    :meth:`html` and :meth:`text`.
    """

    slug: ClassVar[str] = ""

    state = param.Parameter(doc="The dashboard state (a DashboardState).")
    active = param.Boolean(default=True, doc="Shown: follows the state.")
    lang: param.Selector[str] = param.Selector(default="fr", objects=["fr", "en"],
                                               doc="Language drawn.")
    version = param.Integer(default=0, doc="State version drawn (the region's reloads).")
    anonymise = param.Boolean(default=False, doc="Anonymised names drawn.")
    presentation = param.Boolean(default=False, doc="Presentation mode drawn.")

    def __init__(self, state: Any, **params: Any) -> None:
        params.update({k: getattr(state, k) for k in DISPLAY})
        super().__init__(state=state, **params)
        self._layout: pn.viewable.Viewable | None = None
        state.param.watch(self._state_changed, list(DISPLAY))
        self.param.watch(lambda _e: self.sync(), "active")

    # ------------------------------------------------------------------ following the state
    def _state_changed(self, event: param.parameterized.Event) -> None:
        if self.active or (event.name == "anonymise" and event.new):
            # (Turning anonymisation on updates hidden pages too: no real name stays drawn.)
            self.sync()

    def sync(self) -> None:
        """Take the state's display parameters (updates what depends on them, once)."""
        if self.active or self.state.anonymise and not self.anonymise:
            self.param.update({k: getattr(self.state, k) for k in DISPLAY})

    @property
    def region(self) -> Any:
        """The region as shown (anonymised when asked): the state's ``view_region``."""
        return self.state.view_region

    # ------------------------------------------------------------------ building
    def __panel__(self) -> pn.viewable.Viewable:
        if self._layout is None:
            self._layout = self.build()
        return self._layout

    def build(self) -> pn.viewable.Viewable:
        """The page's layout (called once)."""
        raise NotImplementedError

    def bound(self, fn: Callable[[], Any]) -> Any:
        """``fn()`` as a reference that is computed again when the drawn state changes."""
        return pn.bind(lambda *_: fn(), *(self.param[k] for k in DISPLAY))

    def html(self, fn: Callable[[], str], css: str = TABLE_CSS, **params: Any) -> pn.pane.HTML:
        """An HTML pane showing ``fn()`` (HTML, every text already escaped), kept up to date."""
        params.setdefault("sizing_mode", "stretch_width")
        return pn.pane.HTML(self.bound(fn), stylesheets=[css], **params)

    def text(self, key: str, **values: Any) -> Any:
        """The label ``key`` as a reference that follows the page's language."""
        return pn.bind(lambda lang: tr(key, lang, **values), self.param.lang)

    def no_region(self) -> pn.viewable.Viewable:
        """What a page shows when there is no region."""
        return text_pane(tr("dash.no_region", self.lang))

    def column(self, *objects: Any, **params: Any) -> pn.Column:
        """The page's outer column, its font size following the presentation mode."""
        params.setdefault("sizing_mode", "stretch_width")
        return pn.Column(*objects, stylesheets=self.bound(
            lambda: [page_stylesheet(self.presentation)]), **params)
