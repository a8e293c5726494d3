"""The committee dashboard: a BootstrapTemplate with one page per concern.

Pages (``?page=<slug>`` in the URL): ``overview``, ``map``, ``agreements``,
``assessment`` (hidden in presentation mode), ``history``, ``next_steps``,
``analysis`` (network measures and gaps), ``changes`` (two dates, several regions) and
``data`` (import, templates, export; editing hidden in presentation mode). The
language (``?lang=fr|en``), the presentation mode and the anonymised names are kept in
the URL too, so a link opens the same view.

:func:`serve` is what ``concert serve DB`` calls; :func:`build_app` returns the page
frame for one session; :func:`app_for` serves a region held in memory (notebooks).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import panel as pn

from concert.accounts import Session
from concert.region import Region
from dashboards._common import message_pane, tr
from dashboards.frame import build_frame, build_link_frame, view_of
from dashboards.pages.base import Page
from dashboards.pages.bilan import token_from_url
from dashboards.pages.new_region import new_region_app, store_is_empty
from dashboards.state import DashboardState

__all__ = ["app_for", "build_app", "page_for", "serve"]


def _extensions() -> None:
    pn.extension(notifications=False)


def _served() -> bool:
    """True inside a server session (where the URL can be read and written)."""
    return (pn.state.location is not None and pn.state.curdoc is not None
            and pn.state.curdoc.session_context is not None)


def build_app(db_path: str | Path | None, *, region: str | None = None, lang: str = "fr",
              presentation: bool = False, state: DashboardState | None = None,
              session: Session | None = None) -> pn.template.BootstrapTemplate:
    """Build the dashboard for one session.

    Parameters
    ----------
    db_path : str or Path
        The concert SQLite file.
    region : str, optional
        The region code; default the store's only (or first) region.
    lang : str
        ``"fr"`` (default) or ``"en"``; the URL's ``?lang=`` wins when served.
    presentation : bool
        Start in presentation mode (large type, no editing controls).
    state : DashboardState, optional
        A ready state to show instead of opening ``db_path`` (used by :func:`app_for`).
    session : concert.accounts.Session, optional
        The signed-in account (named accounts); its role decides which pages the menu offers
        (:func:`dashboards.pages.registry.may_see`) and the library refuses the rest.
        ``None``: the file's owner.

    Returns
    -------
    panel.template.BootstrapTemplate
        The page frame: a sidebar menu (keyboard usable buttons), the FR/EN switch, the
        presentation and anonymisation switches, and the current page.
    """
    _extensions()
    if state is None:
        state = DashboardState(db_path=str(db_path) if db_path is not None else None,
                               region_code=region, lang=lang, presentation=presentation,
                               session=session)
    else:
        state.param.update(lang=lang, presentation=presentation)
    token = token_from_url() if _served() else None
    if token is not None:
        # A personal answer link: that member's form alone, whatever else the address says.
        assert pn.state.location is not None  # served: each session has its location
        pn.state.location.sync(state, {"lang": "lang"})
        return build_link_frame(state, token)
    if _served():
        assert pn.state.location is not None  # served: each session has its location
        pn.state.location.sync(state, {"page": "page", "lang": "lang", "region_code": "region",
                                        "presentation": "presentation", "anonymise": "anonymise"})
    return _frame(state)


def _frame(state: DashboardState) -> pn.template.BootstrapTemplate:
    if state.region is None and store_is_empty(state.db_path):
        return new_region_app(state)  # a missing or empty file: start a region (issue 13)
    return build_frame(state)


def page_for(region: Region, page: str = "overview", *, lang: str = "fr",
             anonymise: bool = False) -> Page:
    """One page of the dashboard over a region held in memory, to show in a notebook.

    Parameters
    ----------
    region : Region
        The region to show.
    page : str
        The page's slug (``overview``, ``map``, ``agreements``…, see
        :data:`dashboards.pages.registry.PAGES`).
    lang : str
        ``"fr"`` or ``"en"``; change it later with ``view.state.lang = "en"``.
    anonymise : bool
        Organisation names replaced by type labels.

    Returns
    -------
    Page
        A Panel viewer: it displays inline after ``pn.extension()``.

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> view = page_for(capitale_nationale(), "next_steps", lang="en")
    >>> "Next steps" in view.__panel__().objects[0].object
    True
    """
    state = DashboardState(region=region, lang=lang, anonymise=anonymise)
    state.page = page
    return view_of(page, state)


def app_for(region: Region, *, lang: str = "fr", presentation: bool = False,
            save: bool = True) -> pn.template.BootstrapTemplate:
    """The dashboard over a region held in memory (for a notebook).

    Parameters
    ----------
    region : Region
        The region to show, e.g. ``concert.example.capitale_nationale()``.
    lang : str
        ``"fr"`` or ``"en"``.
    presentation : bool
        Start in presentation mode.
    save : bool
        If true (default), assessments typed in the form are saved to an in-memory
        store (``Store(memory=True)``, lost when the kernel stops) and the dashboard
        shows them; if false, the Save button is disabled.

    Returns
    -------
    panel.template.BootstrapTemplate
        Show it with ``.show()`` (opens a browser tab) or ``.servable()``.

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> app = app_for(capitale_nationale(), lang="en")
    >>> app.dashboard_state.can_save
    True
    """
    state = DashboardState(region=region, memory=save, lang=lang, presentation=presentation)
    return build_app(None, lang=lang, presentation=presentation, state=state)


def serve(db_path: str | Path, *, region: str | None = None, port: int = 5006,
          address: str = "127.0.0.1", lang: str = "fr", presentation: bool = False,
          show: bool = False, password: str | None = None, user: str = "comite",
          allow_origin: Sequence[str] = (), accounts: bool | None = None) -> None:
    """Serve the dashboard of ``db_path`` until interrupted (blocking).

    Parameters
    ----------
    db_path : str or Path
        The concert SQLite file.
    region : str, optional
        The region code; default the store's only (or first) region.
    port : int
        The port (default 5006); 0 picks a free one.
    address : str
        The address to bind; default ``127.0.0.1`` (this computer only).
    lang : str
        Default language of new sessions and of the login page (``"fr"`` or ``"en"``).
    presentation : bool
        Start sessions in presentation mode.
    show : bool
        Open a browser tab.
    password : str, optional
        Ask every visitor for ``user`` and this password
        (:class:`dashboards.serving.PasswordAuthProvider`: compared in constant time, never
        read as a file name, failures throttled per client address).
    user : str
        The one user name accepted with ``password`` (default ``comite``).
    allow_origin : sequence of str
        ``HOST[:PORT]`` values whose pages may open the dashboard's websocket, besides
        ``localhost`` and ``127.0.0.1``; default: ``address`` when it is not loopback
        (this computer's names and addresses for ``0.0.0.0``), see
        :func:`dashboards.serving.websocket_origins`.
    accounts : bool, optional
        Sign visitors in with the file's named accounts
        (:class:`dashboards.serving.AccountsAuthProvider`; ``password`` is then not used).
        Default: when the file holds an account. ``True`` on a file without any: the login
        page creates the first administrator, from this computer only.

    Notes
    -----
    Bokeh's and Panel's JavaScript and CSS are served by the server itself, from its
    ``/static/`` path: the dashboard needs no network access.
    """
    import secrets

    from concert._errors import NotFoundError
    from concert.store import Store
    from dashboards.serving import (
        AccountsAuthProvider,
        PasswordAuthProvider,
        free_port,
        websocket_origins,
    )

    path = Path(db_path)

    def has_accounts() -> bool | None:
        """Whether the file holds accounts; ``None`` when it cannot be read (damaged)."""
        try:
            with Store(path) as store:
                return store.has_accounts()
        except Exception:  # noqa: BLE001 - each session then says what is wrong
            return None

    unread = False
    if accounts is None:
        found = has_accounts()
        unread = found is None
        accounts = bool(found)

    def session() -> pn.viewable.Viewable | pn.template.BootstrapTemplate:
        signed: Session | None = None
        if unread and has_accounts():
            # Unreadable at start, readable now and holding accounts: never shown unsigned.
            _extensions()
            return message_pane(tr("serve.accounts_unread", lang))
        if accounts:
            try:
                with Store(path) as store:
                    signed = store.session(str(pn.state.user or ""))
            except NotFoundError:  # removed since the cookie was given
                _extensions()
                return message_pane(tr("serve.no_account", lang, user=pn.state.user or ""))
        return build_app(path, region=region, lang=lang, presentation=presentation,
                         session=signed)

    port = port or free_port(address)
    origins = websocket_origins(address, port, allow_origin)
    auth: dict[str, Any] = {}
    if accounts:
        auth = {"auth_provider": AccountsAuthProvider(path, lang=lang),
                "cookie_secret": secrets.token_hex(32)}
    elif password is not None:
        # Our own provider, not ``basic_auth=``: Panel reads an existing path as a file.
        auth = {"auth_provider": PasswordAuthProvider(password, user=user, lang=lang),
                "cookie_secret": secrets.token_hex(32)}
    pn.serve(session, port=port, address=address, show=show, title="concert",
             websocket_origin=origins, **auth)
