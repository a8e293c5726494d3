"""The dashboard's frame: the template, the sidebar menu, the language switch, the page slots.

The frame keeps the pages it built in a dict (slug -> page), each in its own slot of the
template's main area, and shows one slot at a time:
a page is built on its first visit (:class:`dashboards.pages.base.Page`) and never again in
the session; a language switch updates texts in place. :class:`FrameDesign` keeps every
component drawn during the session styled as on a direct load of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import panel as pn
import param
from panel.custom import JSComponent
from panel.theme import Bootstrap
from panel.viewable import Viewable

from concert import accounts
from dashboards._common import ACCENT, TABLE_CSS, esc, message_html, page_stylesheet, tr
from dashboards.pages.base import DISPLAY, Page
from dashboards.pages.new_region import region_picker
from dashboards.pages.registry import GROUPS, PAGES, REGISTRY

__all__ = ["FrameDesign", "PageSetup", "build_frame", "build_link_frame", "view_of"]

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
GROUP_CSS = """
:host { width: 100%; }
h3 { font-size: 15px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em;
  color: #3d4f61; margin: 10px 0 0 0; }
"""
WHO_CSS = """
:host { width: 100%; font-size: 15px; }
p { margin: 0 0 0.3em 0; line-height: 1.35; }
a { color: #0B4F8A; font-weight: 600; }
a:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
"""
SCROLL_CSS = """
#sidebar { overflow-y: auto; max-height: calc(100vh - 76px); }
"""
HEADER_CSS = """
:host { color: #fff; }
h1 { font-size: 1.35em; margin: 0; color: #fff; font-weight: 600; }
"""


class FrameDesign(Bootstrap):
    """Panel's Bootstrap design, without Bootstrap inside each component.

    Panel styles the components of the first drawing of a template with its small
    Bootstrap theme only, but gives every component drawn later (a page shown during the
    session) the whole Bootstrap stylesheet inside its shadow root: ``.progress``,
    ``h2`` or ``caption`` rules then change how a page draws (the maturity matrix's
    "◐ En cours" cells shrank, headings lost their weight). This design gives later
    components what the first drawing gives: the page draws the same either way.
    """

    def params(self, viewable: Viewable, doc: Any = None
               ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The modifiers of ``viewable``, as for the template's first drawing."""
        from panel.io.state import state

        if doc is None:
            cache: dict[str, Any] = {}
        else:
            cache = state._stylesheets.setdefault(doc, {})
        modifiers, child_modifiers = self._get_modifiers(viewable, theme=self.theme,
                                                         isolated=False)
        self._patch_modifiers(doc, modifiers, cache)
        return modifiers, child_modifiers


class PageSetup(JSComponent):
    """An invisible component that fixes the page frame for assistive technologies.

    - sets the document's language (``<html lang>``) to the dashboard's;
    - makes the scrolling main area reachable by keyboard and names the landmarks;
    - removes list semantics from the template's sidebar wrapper (it holds no list items).

    It acts when drawn and when the language changes; nothing runs on a timer.
    """

    lang = param.String(default="fr")
    header_label = param.String(default="")
    nav_label = param.String(default="")

    _esm = """
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
      const el = document.createElement("span");
      el.setAttribute("aria-hidden", "true");
      return el;
    }
    """


class _ViewerPage(Page):
    """A page made of another Viewer of the state (the map), which follows the state itself.

    The viewer is made once, on the page's first display, and updates in place.
    """

    def __init__(self, state: Any, make: Any, **params: Any) -> None:
        self._make = make
        super().__init__(state, **params)

    def build(self) -> Viewable:
        view = pn.panel(self._make(self.state), sizing_mode="stretch_both")
        assert isinstance(view, Viewable)  # the viewer's __panel__ gives a layout
        return view


def view_of(slug: str, state: Any) -> Page:
    """The page ``slug`` of ``state``, as a :class:`Page` (built on its first display)."""
    make = REGISTRY[slug].view
    if isinstance(make, type) and issubclass(make, Page):
        return make(state)
    return _ViewerPage(state, make)


def _display_value(state: Any) -> list[str]:
    return [k for k in ("presentation", "anonymise") if getattr(state, k)]


def _served() -> bool:
    """True inside a server session (where the URL can be read and written)."""
    return (pn.state.location is not None and pn.state.curdoc is not None
            and pn.state.curdoc.session_context is not None)


def _who_html(state: Any) -> str:
    """The signed-in line: name, organisation and role, and the sign-out link (or nothing)."""
    session = state.session
    if session is None:
        return ""
    lang = state.lang
    region = state.view_region
    names = {a.id: a.name for a in region.actors} if region is not None else {}
    organisation = names.get(session.organisation, session.organisation or "—")
    line = tr("dash.signed_in", lang, user=session.account.shown_name,
              organisation=organisation, role=accounts.role_label(session.role, lang))
    return (f"<p>{esc(line)}</p>"
            f'<p><a href="./logout?lang={esc(lang)}">{esc(tr("dash.logout", lang))}</a></p>')


def build_frame(state: Any) -> pn.template.BootstrapTemplate:
    """The template of one session over ``state``: the sidebar and one slot per page."""
    message = pn.pane.HTML("", stylesheets=[TABLE_CSS], sizing_mode="stretch_width",
                           visible=False)
    # One slot per page, each a root of the template's main area: a page is put in its slot
    # on its first visit, and pages are shown and hidden by their slot's visibility. (Slots
    # share no parent: a page's sizing, the map's full height or the form's minimum width,
    # never reaches another page.)
    slots = {slug: pn.Column(stylesheets=[page_stylesheet(state.presentation)],
                             sizing_mode="stretch_width", visible=False) for slug in PAGES}
    pages: dict[str, Page] = {}
    header = pn.pane.HTML("", stylesheets=[HEADER_CSS], sizing_mode="stretch_width",
                          margin=(0, 10))
    nav: dict[str, pn.widgets.Button] = {}

    def go_to(slug: str) -> Callable[[Any], None]:
        return lambda _e: setattr(state, "page", slug)

    for slug in PAGES:
        button = pn.widgets.Button(label=slug, color="light", sizing_mode="stretch_width",
                                   stylesheets=[NAV_CSS], margin=(3, 5))
        button.on_click(go_to(slug))
        nav[slug] = button
    # The menu by group (registry's ``group``), each under a small heading; a group with no
    # page for the session's role is hidden with its heading.
    group_titles = {g: pn.pane.HTML("", stylesheets=[GROUP_CSS], margin=(0, 5))
                    for g in GROUPS}
    menu: list[Any] = []
    for group in GROUPS:
        members = [nav[s] for s in PAGES if REGISTRY[s].group == group]
        if members:
            menu += [group_titles[group], *members]
    who = pn.pane.HTML("", stylesheets=[WHO_CSS], margin=(0, 5, 6, 5),
                       visible=state.session is not None)
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
            assert pn.state.location is not None  # served: each session has its location
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
    page_setup = PageSetup(lang=state.lang, width=0, height=0, margin=0)

    def relabel() -> None:
        lang = state.lang
        for slug, button in nav.items():
            button.label = tr(f"dash.page.{slug}", lang)
            button.color = "primary" if slug == state.page else "light"
            button.visible = slug in state.pages
        for group, title in group_titles.items():
            title.object = f"<h3>{esc(tr(f'dash.group.{group}', lang))}</h3>"
            title.visible = any(REGISTRY[s].group == group for s in state.pages)
        who.object = _who_html(state)
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

    def show(*_events: param.parameterized.Event) -> None:
        if state.page not in state.pages:
            state.page = "overview"
            return
        relabel()
        css = [page_stylesheet(state.presentation)]
        if state.region is None:
            message.object = message_html(tr("dash.load_error", state.lang,
                                             detail=state.error_text(state.lang)))
            message.visible = True
            for page in pages.values():
                page.active = False
            for slot in slots.values():
                slot.visible = False
            return
        message.visible = False
        if state.page not in pages:
            pages[state.page] = view_of(state.page, state)
            slots[state.page].objects = [pages[state.page].__panel__()]
        for slug, page in pages.items():
            if slug != state.page:
                page.active = False
        pages[state.page].active = True  # catches up with the state before it is shown
        for slug, slot in slots.items():
            if slot.stylesheets != css:
                slot.stylesheets = css
            slot.visible = slug == state.page

    state.param.watch(show, ["page", *DISPLAY])
    show()
    sidebar = pn.Column(who, nav_title, *menu, region_picker(state), lang_title, lang_switch,
                        options_title, display, reload, footer, sizing_mode="stretch_width",
                        stylesheets=[SIDEBAR_CSS])
    template = pn.template.BootstrapTemplate(
        title="concert", sidebar=[sidebar], main=[message, *slots.values()],
        header=[header, page_setup], raw_css=[SCROLL_CSS],
        header_background=ACCENT, header_color="#FFFFFF", design=FrameDesign,
        sidebar_width=300, collapsed_sidebar=state.presentation)
    # Panel's template takes any attribute; its class declares none of these.
    kept: Any = template
    kept.dashboard_state = state  # for tests and notebooks
    kept.dashboard_pages = pages  # the pages built so far (slug -> page)
    return template


def build_link_frame(state: Any, token: str) -> pn.template.BootstrapTemplate:
    """The template of a session opened by a personal answer link (``?answer=TOKEN``).

    That member's answer form alone (:class:`dashboards.pages.bilan.BilanPage` with the
    token): no page menu, no other page, no display options; only the language switch.
    The session's ``page`` is not read from the address, so nothing switches to another
    page; every save goes through the token, which the library checks again.
    """
    from dashboards.pages.bilan import BilanPage

    state.page = "bilan"
    page = BilanPage(state, token=token)
    header = pn.pane.HTML("", stylesheets=[HEADER_CSS], sizing_mode="stretch_width",
                          margin=(0, 10))
    lang_title = pn.pane.HTML("", stylesheets=[TABLE_CSS], margin=(10, 5, 0, 5))
    lang_switch = pn.widgets.RadioButtonGroup(
        label="Langue / Language", options={"Français": "fr", "English": "en"},
        value=state.lang, color="primary", variant="outline",
        sizing_mode="stretch_width", stylesheets=[NAV_CSS])
    lang_switch.link(state, value="lang")
    page_setup = PageSetup(lang=state.lang, width=0, height=0, margin=0)

    def relabel(*_events: param.parameterized.Event) -> None:
        lang = state.lang
        header.object = f"<h1>{esc(tr('dash.page.bilan', lang))}</h1>"
        lang_title.object = f"<h2>{esc(tr('dash.language', lang))}</h2>"
        page_setup.param.update(lang=lang, header_label=tr("dash.a11y.header", lang),
                                nav_label=tr("dash.a11y.nav", lang))
        lang_switch.value = lang

    relabel()
    state.param.watch(relabel, "lang")
    slot = pn.Column(page.__panel__(), stylesheets=[page_stylesheet(False)],
                     sizing_mode="stretch_width")
    sidebar = pn.Column(lang_title, lang_switch, sizing_mode="stretch_width",
                        stylesheets=[SIDEBAR_CSS])
    template = pn.template.BootstrapTemplate(
        title="concert", sidebar=[sidebar], main=[slot], header=[header, page_setup],
        raw_css=[SCROLL_CSS], header_background=ACCENT, header_color="#FFFFFF",
        design=FrameDesign, sidebar_width=300)
    # Panel's template takes any attribute; its class declares none of these.
    kept: Any = template
    kept.dashboard_state = state  # for tests
    kept.dashboard_pages = {"bilan": page}
    return template
