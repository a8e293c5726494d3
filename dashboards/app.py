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

import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import panel as pn
import param
from panel.custom import JSComponent

from concert.accounts import Session
from concert.region import Region
from dashboards._common import ACCENT, TABLE_CSS, esc, message_pane, page_stylesheet, tr
from dashboards.agreements import agreements_page
from dashboards.analysis import analysis_page
from dashboards.assessment import assessment_page
from dashboards.changes import changes_page
from dashboards.data import data_page
from dashboards.history import history_page
from dashboards.network_map import MapView
from dashboards.next_steps import next_steps_page
from dashboards.overview import overview_page
from dashboards.pages.account import AccountPage
from dashboards.pages.admin import AdminPage
from dashboards.pages.tenant_codes import TenantCodes
from dashboards.state import ACCOUNT_PAGES, EDITING_PAGES, PAGES, DashboardState

__all__ = ["app_for", "build_app", "serve"]

PAGE_BUILDERS: dict[str, Callable[[DashboardState], Any]] = {
    "overview": overview_page,
    "map": MapView,
    "agreements": agreements_page,
    "assessment": assessment_page,
    "history": history_page,
    "next_steps": next_steps_page,
    "analysis": analysis_page,
    "changes": changes_page,
    "data": data_page,
}

# ---- BEGIN accounts and roles (issue 12, branch i-accounts) -------------------------------
# Temporary wiring onto the current frame; the lead re-wires it onto the new page frame at
# merge. The administration and account pages are Viewer classes built once per session;
# the liaison agent's agreements page adds the ententes III with their tenant codes (each
# showing written to the access log by the library). Which pages a role sees is
# DashboardState.pages (state.py): no assessment form for *lecture*, the administration
# page for *administration* only, the account page for a signed-in person.
_BUILT: weakref.WeakKeyDictionary[DashboardState, dict[type, Any]] = weakref.WeakKeyDictionary()


def _built(state: DashboardState, cls: type, **params: Any) -> Any:
    """The page ``cls`` of this session, built on first use."""
    pages = _BUILT.setdefault(state, {})
    if cls not in pages:
        pages[cls] = cls(state, **params)
    return pages[cls]


def _agreements_for_role(state: DashboardState) -> Any:
    page = agreements_page(state)
    if state.session is None or not state.session.may("tenant_codes"):
        return page
    codes = _built(state, TenantCodes, follow=False)  # this frame rebuilds the page itself
    codes.render()  # one showing, logged
    return pn.Column(page, codes, sizing_mode="stretch_width")


PAGE_BUILDERS.update({
    "agreements": _agreements_for_role,
    "admin": lambda state: _built(state, AdminPage),
    "account": lambda state: _built(state, AccountPage),
})
# ---- END accounts and roles ----------------------------------------------------------------

SIDEBAR_CSS = """
:host { font-size: 18px; --bokeh-font-size: 18px; }
label { white-space: normal; display: flex; align-items: flex-start; gap: 0.4em;
  line-height: 1.3; margin: 0.2em 0; }
input[type="checkbox"] { width: 1.1em; height: 1.1em; margin-top: 0.15em; flex: none; }
"""
NAV_CSS = """
:host { width: 100%; }
.bk-btn { font-size: 18px; text-align: left; justify-content: flex-start; padding: 8px 14px;
  min-height: 44px; }
.bk-btn-light { color: #0B2F52; background: #fff; border: 1px solid #9fb3c8; }
.bk-btn-primary { background: #0B4F8A; border-color: #0B4F8A; color: #fff; font-weight: 700; }
.bk-btn:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
"""
HEADER_CSS = """
:host { color: #fff; }
h1 { font-size: 1.35em; margin: 0; color: #fff; font-weight: 600; }
"""




def _extensions() -> None:
    pn.extension("tabulator", notifications=False)


def _display_value(state: DashboardState) -> list[str]:
    return [k for k in ("presentation", "anonymise") if getattr(state, k)]


class PageSetup(JSComponent):
    """An invisible component that fixes the page frame for assistive technologies.

    - sets the document's language (``<html lang>``) to the dashboard's;
    - makes the scrolling main area reachable by keyboard and names the landmarks;
    - removes list semantics from the template's sidebar wrapper (it holds no list items);
    - repairs the ARIA tree of Tabulator tables: their focusable scrolling body gets the
      ``rowgroup`` role its rows need (Tabulator leaves it without a role, which screen
      readers and axe-core report as a broken grid).
    """

    lang = param.String(default="fr")
    header_label = param.String(default="")
    nav_label = param.String(default="")

    _esm = """
    function fixTabulators(root) {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) fixTabulators(el.shadowRoot);
        if (el.classList.contains("tabulator") && el.getAttribute("role") === "grid") {
          const holder = el.querySelector(":scope > .tabulator-tableholder");
          if (holder && holder.getAttribute("role") !== "rowgroup") {
            holder.setAttribute("role", "rowgroup");
          }
          const table = holder && holder.querySelector(":scope > .tabulator-table");
          if (table && table.getAttribute("role") !== "none") table.setAttribute("role", "none");
        }
      }
    }
    export function render({ model }) {
      const apply = () => {
        document.documentElement.lang = model.lang;
        const main = document.getElementById("main");
        if (main) {
          main.setAttribute("tabindex", "0");
          main.setAttribute("role", "main");
        }
        const header = document.getElementById("header");
        if (header) header.setAttribute("aria-label", model.header_label);
        const nav = document.querySelector("#sidebar > ul");
        if (nav) nav.setAttribute("role", "none");
        const sidebar = document.getElementById("sidebar");
        if (sidebar) {
          sidebar.setAttribute("role", "navigation");
          sidebar.setAttribute("aria-label", model.nav_label);
        }
      };
      apply();
      model.on(["lang", "header_label", "nav_label"], apply);
      fixTabulators(document);
      const timer = setInterval(() => fixTabulators(document), 400);
      model.on("remove", () => clearInterval(timer));
      const el = document.createElement("span");
      el.setAttribute("aria-hidden", "true");
      return el;
    }
    """


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
        The signed-in account (named accounts); its role decides what the pages offer
        and the library refuses the rest. ``None``: the file's owner.

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
    if _served():
        pn.state.location.sync(state, {"page": "page", "lang": "lang", "region_code": "region",
                                        "presentation": "presentation", "anonymise": "anonymise"})
    return _frame(state)


def _frame(state: DashboardState) -> pn.template.BootstrapTemplate:
    # No explicit sizing mode: the page decides (the map fills the height, others the width).
    holder = pn.Column(stylesheets=[page_stylesheet(state.presentation)])
    header = pn.pane.HTML("", stylesheets=[HEADER_CSS], sizing_mode="stretch_width",
                          margin=(0, 10))
    nav: dict[str, pn.widgets.Button] = {}
    for slug in PAGES + ACCOUNT_PAGES:  # accounts (issue 12): hidden unless state.pages
        button = pn.widgets.Button(label=slug, color="light", sizing_mode="stretch_width",
                                   stylesheets=[NAV_CSS], margin=(3, 5))
        button.on_click(lambda _e, s=slug: setattr(state, "page", s))
        nav[slug] = button
    nav_title = pn.pane.HTML("", stylesheets=[TABLE_CSS], margin=(0, 5))
    lang_switch = pn.widgets.RadioButtonGroup(
        label="Langue / Language", options={"Français": "fr", "English": "en"},
        value=state.lang, color="primary", variant="outline",
        sizing_mode="stretch_width", stylesheets=[NAV_CSS])
    lang_switch.link(state, value="lang")
    # A CheckBoxGroup draws real <label> elements (bokeh's single Checkbox does not).
    display = pn.widgets.CheckBoxGroup(options={"presentation": "presentation",
                                                "anonymise": "anonymise"},
                                       value=_display_value(state), inline=False,
                                       stylesheets=[SIDEBAR_CSS])

    def on_display(event: param.parameterized.Event) -> None:
        wanted = {"presentation": "presentation" in event.new,
                  "anonymise": "anonymise" in event.new}
        if _served() and (wanted["presentation"] != state.presentation
                          or (wanted["anonymise"] and not state.anonymise)):
            # Reload the page with ?presentation=...: the sidebar starts folded on a projector.
            # Reload it with ?anonymise=true too: a fresh browser document, with none of the
            # models that held the real names (bokeh keeps detached models for a while).
            pn.state.location.reload = True
        state.param.update(**wanted)

    display.param.watch(on_display, "value")
    reload = pn.widgets.Button(label="", color="light", stylesheets=[NAV_CSS],
                               sizing_mode="stretch_width")
    reload.on_click(lambda _e: state.reload())
    lang_title = pn.pane.HTML("", stylesheets=[TABLE_CSS], margin=(10, 5, 0, 5))
    options_title = pn.pane.HTML("", stylesheets=[TABLE_CSS], margin=(10, 5, 0, 5))
    footer = pn.pane.HTML("", stylesheets=[TABLE_CSS + ":host { font-size: 14px; }"],
                          margin=(10, 5))

    def relabel(*_events: param.parameterized.Event) -> None:
        lang = state.lang
        for slug, button in nav.items():
            button.label = tr(f"dash.page.{slug}", lang)
            button.color = "primary" if slug == state.page else "light"
            button.visible = slug in state.pages
        nav_title.object = f"<h2>{esc(tr('dash.nav', lang))}</h2>"
        lang_title.object = f"<h2>{esc(tr('dash.language', lang))}</h2>"
        options_title.object = f"<h2>{esc(tr('dash.display', lang))}</h2>"
        display.options = {tr("dash.presentation", lang): "presentation",
                           tr("dash.anonymise", lang): "anonymise"}
        display.value = _display_value(state)
        page_setup.param.update(lang=lang, header_label=tr("dash.a11y.header", lang),
                                nav_label=tr("dash.a11y.nav", lang))
        reload.label = "⟳ " + tr("dash.reload", lang)
        reload.visible = state.can_save
        lang_switch.value = lang
        name = state.region.name if state.region is not None else ""
        page = tr(f"dash.page.{state.page}", lang)
        heading = f"{name} — {page}" if name else page
        header.object = f"<h1>{esc(heading)}</h1>"
        footer.object = f'<p class="muted">{esc(tr("dash.footer", lang))}</p>'

    def render(*events: param.parameterized.Event) -> None:
        if state.page not in state.pages:
            state.page = "overview"
            return
        relabel()
        if events and all(e.name == "version" for e in events) and state.page in EDITING_PAGES:
            # The form just saved (the region was reloaded): keep it as it is, with its
            # message and the keyboard focus where they are.
            return
        holder.stylesheets = [page_stylesheet(state.presentation)]
        if state.region is None:
            holder.objects = [message_pane(tr("dash.load_error", state.lang,
                                              detail=state.error_text(state.lang)))]
            return
        holder.objects = [PAGE_BUILDERS[state.page](state)]

    page_setup = PageSetup(lang=state.lang, width=0, height=0, margin=0)
    state.param.watch(render, ["page", "lang", "presentation", "anonymise", "version"])
    render()
    sidebar = pn.Column(nav_title, *nav.values(), lang_title, lang_switch, options_title,
                        display, reload, footer, sizing_mode="stretch_width",
                        stylesheets=[SIDEBAR_CSS])
    title = "concert"
    template = pn.template.BootstrapTemplate(
        title=title, sidebar=[sidebar], main=[holder], header=[header, page_setup],
        header_background=ACCENT, header_color="#FFFFFF",
        sidebar_width=300, collapsed_sidebar=state.presentation)
    template.dashboard_state = state  # for tests and notebooks
    return template


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
    if accounts is None:
        with Store(path) as store:
            accounts = store.has_accounts()

    def session() -> pn.viewable.Viewable:
        signed: Session | None = None
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
