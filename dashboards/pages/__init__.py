"""The dashboard's pages, each a :class:`panel.viewable.Viewer` built once per session."""
