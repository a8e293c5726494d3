"""Start from nothing (issue 13, point 1): the "Nouvelle région" page and the region picker.

``concert serve DB`` on a missing or empty file opens :func:`new_region_app` instead of an
error: the region's name, its code suggested from the name, its territories and the
program's own organisation. Nothing is written until the person saves
(:func:`concert.start.new_region`, then :meth:`DashboardState.create_region`). The same
page is in the menu to add another region to the file; with several regions,
:func:`region_picker` is the sidebar's choice of region.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import panel as pn
import param

from concert._errors import ConcertError, ValidationError
from concert.start import new_region, suggest_code
from concert.store import Store
from dashboards._common import ACCENT, MESSAGE_CSS, TABLE_CSS, bind, esc, message_html, tr
from dashboards.forms.fields import FIELD_CSS
from dashboards.pages.base import Page

__all__ = ["NewRegionPage", "new_region_app", "region_picker", "store_is_empty"]


def store_is_empty(db_path: str | Path | None) -> bool:
    """True when ``db_path`` is missing, empty, or a concert store holding no region.

    A damaged or foreign file is not empty: the dashboard says why it cannot read it.
    """
    if db_path is None:
        return False
    path = Path(db_path)
    if not path.exists():
        return True
    if path.is_dir():
        return False
    if path.stat().st_size == 0:
        return True
    try:
        with Store(path) as store:
            return not store.regions()
    except Exception:  # noqa: BLE001 - a damaged file is the frame's to explain
        return False


class NewRegionPage(Page):
    """The "Nouvelle région" form: name, code, territories, the program's organisation."""

    slug = "new_region"
    notice = param.String(default="", doc="The last save's message (HTML, escaped).")

    def build(self) -> pn.viewable.Viewable:
        """The form (nothing is written until the person saves)."""
        state = self.state
        taken = [c for c, _ in state.regions()]
        css = [FIELD_CSS]
        name = pn.widgets.TextInput(label=self.text("start.name"), stylesheets=css,
                                    placeholder=self.text("start.name_hint"), max_width=600,
                                    sizing_mode="stretch_width")
        code = pn.widgets.TextInput(label=self.text("start.code"), stylesheets=css,
                                    max_width=600, sizing_mode="stretch_width")
        territories = pn.widgets.TextAreaInput(label=self.text("start.territories"),
                                               placeholder=self.text("start.territories_hint"),
                                               rows=3, stylesheets=css, max_width=600,
                                               sizing_mode="stretch_width")
        program = pn.widgets.TextInput(label=self.text("start.program"), stylesheets=css,
                                       placeholder=self.text("start.program_hint"),
                                       max_width=600, sizing_mode="stretch_width")
        author = pn.widgets.TextInput(label=self.text("form.author"), stylesheets=css,
                                      value=state.author, max_width=600,
                                      sizing_mode="stretch_width",
                                      visible=getattr(state, "session", None) is None)
        author.link(state, value="author", bidirectional=True)
        auto = {"on": True, "last": ""}

        def name_typed(event: Any) -> None:
            if auto["on"]:
                auto["last"] = suggest_code(event.new, taken=taken) if event.new.strip() else ""
                code.value = auto["last"]

        def code_typed(event: Any) -> None:
            auto["on"] = event.new == auto["last"] or not event.new

        name.param.watch(name_typed, "value")
        code.param.watch(code_typed, "value")
        save = pn.widgets.Button(label=self.text("start.save"), color="primary", width=300)
        notice = pn.pane.HTML(self.param.notice, stylesheets=[TABLE_CSS + MESSAGE_CSS],
                              sizing_mode="stretch_width", max_width=700)

        def on_save(_e: Any) -> None:
            lang = self.lang
            lines = [t for t in (territories.value or "").replace("\n", ";").split(";")]
            try:
                region = new_region((name.value or "").strip(), lines,
                                    code=(code.value or "").strip() or None,
                                    program_name=(program.value or "").strip() or None)
                state.create_region(region)
            except ValidationError as exc:
                self.notice = message_html(tr("form.not_saved", lang), "danger",
                                           items=[p.body(lang) for p in exc.problems])
                return
            except ConcertError as exc:
                self.notice = message_html(tr("form.not_saved", lang), "danger",
                                           items=[exc.text(lang)])
                return
            self.notice = message_html("✔ " + tr("start.saved", lang, region=region.name),
                                       "success")
            if _served():
                # Open the region's dashboard (a new page: the frame with its menu).
                assert pn.state.location is not None  # served: each session has its location
                pn.state.location.search = f"?region={region.code}&page=organisations"
                pn.state.location.reload = True
            else:
                state.page = "organisations"

        save.on_click(on_save)
        title = self.html(lambda: f"<h2>{esc(tr('dash.page.new_region', self.lang))}</h2>"
                          f'<p class="muted">{esc(tr("start.intro", self.lang))}</p>')
        return self.column(title, name, code, territories, program, author, save, notice)


def _served() -> bool:
    return (pn.state.location is not None and pn.state.curdoc is not None
            and pn.state.curdoc.session_context is not None)


HEADER_CSS = ":host { color: #fff; } h1 { font-size: 1.35em; margin: 0; color: #fff; }"


def new_region_app(state: Any) -> pn.template.BootstrapTemplate:
    """The dashboard of an empty store: only the "Nouvelle région" page (and the language)."""
    page = NewRegionPage(state)
    lang_switch = pn.widgets.RadioButtonGroup(
        label="Langue / Language", options={"Français": "fr", "English": "en"},
        value=state.lang, color="primary", variant="outline")
    lang_switch.link(state, value="lang")
    header = pn.pane.HTML(bind(
        lambda lang: f"<h1>concert — {esc(tr('dash.page.new_region', lang))}</h1>",
        state.param.lang), stylesheets=[HEADER_CSS])
    template = pn.template.BootstrapTemplate(
        title="concert", sidebar=[lang_switch], main=[page], header=[header],
        header_background=ACCENT, header_color="#FFFFFF", sidebar_width=300)
    # Panel's template takes any attribute; its class declares none of these.
    kept: Any = template
    kept.dashboard_state = state
    kept.dashboard_pages = {"new_region": page}
    return template


def region_picker(state: Any) -> pn.widgets.Select:
    """The sidebar's choice of region, shown when the file holds several.

    Wiring (frame's sidebar): ``region_picker(state)`` before the language switch.
    """
    def options() -> dict[str, str]:
        return {f"{n} ({c})": c for c, n in state.regions()}

    opts = options()
    picker = pn.widgets.Select(label=tr("start.pick", state.lang), options=opts,
                               value=state.region_code if state.region_code in opts.values()
                               else None, visible=len(opts) > 1, stylesheets=[FIELD_CSS],
                               sizing_mode="stretch_width")

    def chosen(event: Any) -> None:
        if event.new and event.new != state.region_code:
            state.region_code = event.new

    def follow(*_e: Any) -> None:
        new = options()
        picker.param.update(options=new, visible=len(new) > 1,
                            label=tr("start.pick", state.lang))
        if state.region_code in new.values():
            picker.value = state.region_code

    picker.param.watch(chosen, "value")
    state.param.watch(follow, ["version", "lang"])
    return picker
