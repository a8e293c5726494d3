"""The editor of one kind of record: choose a record (or a new one), its form, save, delete.

An :class:`Editor` holds a :class:`~dashboards.forms.record.RecordForm` and the actions
around it: save (one record, :meth:`concert.Store.save_record`), delete after a
confirmation (only for a record entered by mistake), retire an organisation
(:func:`concert.retire.retire_actor`, its ententes still in force listed), end an entente
(:func:`concert.retire.end_agreement`). What was typed stays in the form when a save is
refused, when the language changes and when the region is reloaded.

Without accounts, the person is asked for a name once per session (:func:`author_box`):
the change log shows it.
"""

from __future__ import annotations

import weakref
from typing import Any

import panel as pn
import param

from concert import i18n
from concert._errors import ConcertError
from concert.region import RECORD_LISTS, record_key
from concert.retire import end_agreement, retire_actor
from concert.store import RecordConflict
from dashboards._common import MESSAGE_CSS, TABLE_CSS, bind, esc, message_html, tr, typed_date
from dashboards.forms.fields import FIELD_CSS
from dashboards.forms.record import FORM_CLASSES, RecordForm, record_choice

__all__ = ["NEW", "Editor", "author_box", "can_edit", "pending_prefill", "prefill",
           "session_of", "show_codes"]

NEW = "__new__"
_PREFILL: weakref.WeakKeyDictionary[Any, dict[str, dict[str, Any]]] = (
    weakref.WeakKeyDictionary())


def session_of(state: Any) -> Any:
    """The state's signed-in session (``None``: no accounts, today's behaviour)."""
    return getattr(state, "session", None)


def can_edit(state: Any) -> bool:
    """Forms are shown: a store to save to, not in presentation mode, a role that writes."""
    session = session_of(state)
    if session is not None and not session.may("write"):
        return False
    return bool(state.can_save) and not state.presentation


def show_codes(state: Any) -> bool:
    """Stored tenant codes may be shown in the forms (a role allowed to see them)."""
    session = session_of(state)
    return session is not None and session.may("tenant_codes")


def prefill(state: Any, kind: str, values: dict[str, Any]) -> None:
    """Ask the next editor of ``kind`` shown in this session to open a new record so."""
    _PREFILL.setdefault(state, {})[kind] = values


def pending_prefill(state: Any, kind: str) -> dict[str, Any] | None:
    """The values asked for a new record of ``kind`` (once), if any."""
    return _PREFILL.get(state, {}).pop(kind, None)


def author_box(state: Any, lang_ref: Any) -> pn.viewable.Viewable:
    """Without accounts, "Votre nom" (once per session): the name saves are recorded under."""
    box = pn.widgets.TextInput(label=bind(lambda lang: tr("form.author", lang), lang_ref),
                               placeholder=bind(lambda lang: tr("form.author_hint", lang),
                                                lang_ref),
                               value=state.author, stylesheets=[FIELD_CSS], width=420)
    box.link(state, value="author", bidirectional=True)  # one name, whichever page asked
    shown = session_of(state) is None
    return pn.Column(box, visible=shown, sizing_mode="stretch_width")


class Editor(param.Parameterized):
    """Choose a record of one kind (or a new one), edit it, save, delete, retire or end it."""

    lang = param.String(default="fr")
    message = param.String(default="", doc="The last action's message (HTML, escaped).")

    def __init__(self, state: Any, kind: str, lang: str = "fr", **params: Any) -> None:
        super().__init__(lang=lang, **params)
        self.state, self.kind = state, kind
        self.cls = FORM_CLASSES[kind]
        self._tokens: dict[str, str] = {}
        self.chooser = pn.widgets.Select(label=tr("form.choose", lang), options={},
                                         stylesheets=[FIELD_CSS], sizing_mode="stretch_width",
                                         max_width=900)
        self.holder = pn.Column(sizing_mode="stretch_width")
        self.note = pn.pane.HTML(self.param.message, stylesheets=[TABLE_CSS + MESSAGE_CSS],
                                 sizing_mode="stretch_width", max_width=900)
        self.save_button = pn.widgets.Button(label=tr("form.save", lang), color="primary",
                                             width=260)

        def on_save(_e: Any) -> None:
            self.save()

        self.save_button.on_click(on_save)
        self.delete_button = pn.widgets.Button(label=tr("form.delete", lang),
                                               color="light", width=260)
        self.delete_button.on_click(lambda _e: self.ask_delete())
        # Every button is made once, here: a button drawn later in the session (inside a
        # form drawn again) makes the browser send bokeh a model it knows when clicked.
        self.add_button = pn.widgets.Button(label="+ " + tr("form.add.contact", lang),
                                            color="default", visible=False)
        self.add_button.on_click(lambda _e: self.form.items.add_row()
                                 if self.form is not None and self.form.items else None)
        self.confirm_text = pn.pane.HTML("", stylesheets=[TABLE_CSS + MESSAGE_CSS],
                                         sizing_mode="stretch_width", max_width=900)
        self.yes = pn.widgets.Button(label=tr("form.delete_yes", lang), color="danger",
                                     width=260)
        self.no = pn.widgets.Button(label=tr("form.cancel", lang), color="light", width=160)
        self.yes.on_click(lambda _e: self.delete())
        self.no.on_click(lambda _e: setattr(self.confirm, "visible", False))
        self.confirm = pn.Column(self.confirm_text, pn.Row(self.yes, self.no), visible=False,
                                 sizing_mode="stretch_width")
        self.end_date = pn.widgets.TextInput(label=tr("form.end_on", lang),
                                             value=state.today().isoformat(), width=220,
                                             stylesheets=[FIELD_CSS])
        self.end_button = pn.widgets.Button(label=tr(f"form.end.{kind}", lang)
                                            if kind in ("actor", "agreement") else "",
                                            color="warning", width=300)
        self.end_button.on_click(lambda _e: self.end())
        self.end_row = pn.Row(self.end_date, self.end_button,
                              visible=kind in ("actor", "agreement"))
        self.form: RecordForm | None = None
        self._choosing = False
        self._busy = False  # saving: the reload that follows draws no form of its own
        self.refresh_choices()
        self.chooser.param.watch(self._chosen, "value")
        self.open(None)

    # ------------------------------------------------------------------ records
    @property
    def records(self) -> list[Any]:
        """The records of this kind in the region as loaded."""
        region = self.state.region
        return list(getattr(region, RECORD_LISTS[self.kind])) if region is not None else []

    def _find(self, key: str) -> Any:
        return next((r for r in self.records if record_key(self.kind, r) == key), None)

    def refresh_choices(self) -> None:
        """The list of records to choose from, in the current language."""
        lang, region = self.lang, self.state.region
        opts = {f"+ {tr(f'form.new.{self.kind}', lang)}": NEW}
        # The options' values are tokens, never the records' keys: the browser receives
        # them, and an entente III's id may be a tenant's file number.
        current = self._tokens.get(self.chooser.value)
        self._tokens = {}
        value = NEW
        if region is not None:
            for i, r in enumerate(self.records):
                label = record_choice(self.kind, r, region, lang,
                                      show_codes=show_codes(self.state))
                while label in opts:
                    label += " "
                token = f"r{i}"
                self._tokens[token] = record_key(self.kind, r)
                opts[label] = token
                if self._tokens[token] == current:
                    value = token
        self._choosing = True
        self.chooser.param.update(options=opts, value=value, label=tr("form.choose", lang))
        self._choosing = False

    def _select(self, key: str) -> None:
        """Show ``key`` as chosen in the list, without opening it again."""
        token = next((t for t, k in self._tokens.items() if k == key), NEW)
        self._choosing = True
        self.chooser.value = token
        self._choosing = False

    def choose(self, key: str) -> None:
        """Open the record of key ``key`` (as choosing it in the list does)."""
        token = next((t for t, k in self._tokens.items() if k == key), NEW)
        self.chooser.value = token

    def _chosen(self, event: Any) -> None:
        if self._choosing:
            return
        self.message = ""
        self.open(None if event.new == NEW else self._find(self._tokens.get(event.new, "")))

    def open(self, base: Any, draft: dict[str, Any] | None = None) -> None:
        """Show the form of ``base`` (``None``: a new record, from ``draft`` if given)."""
        region = self.state.region
        self.confirm.visible = False
        if region is None:
            self.form = None
            self.holder.objects = []
            return
        codes = show_codes(self.state)
        if codes and base is not None and self.kind == "agreement" and base.type == "III":
            try:  # showing a stored tenant code is logged (the access log), or not done
                session_of(self.state).showing_tenant_codes(self.state.region_code, [base.id])
            except ConcertError:
                codes = False
        self.form = RecordForm(self.cls, region, lang=self.lang, base=base, draft=draft,
                               show_codes=codes)
        self.holder.objects = [self.form.panel()]
        self.delete_button.visible = base is not None
        self.add_button.visible = self.kind == "actor"
        self.end_row.visible = base is not None and self.kind in ("actor", "agreement")

    def redraw(self, lang: str) -> None:
        """Draw again in ``lang`` or over a reloaded region, keeping what was typed."""
        self.lang = lang
        for w, key in ((self.save_button, "form.save"), (self.delete_button, "form.delete"),
                       (self.end_date, "form.end_on"), (self.yes, "form.delete_yes"),
                       (self.no, "form.cancel")):
            w.label = tr(key, lang)
        if self.kind in ("actor", "agreement"):
            self.end_button.label = tr(f"form.end.{self.kind}", lang)
        self.add_button.label = "+ " + tr("form.add.contact", lang)
        self.refresh_choices()
        if self.form is not None and not self._busy:
            base, draft = self.form.base, self.form.values()
            if base is not None:
                current = self._find(record_key(self.kind, base))
                # The form keeps its base (as loaded): a conflict is for the save to say.
                base = base if current is None or current == base else base
            self.open(base, draft)

    def start_new(self, values: dict[str, Any]) -> None:
        """Open a new record prefilled with ``values`` (the key-actor grid's "add")."""
        self._choosing = True
        self.chooser.value = NEW
        self._choosing = False
        self.message = ""
        self.open(None, values)

    # ------------------------------------------------------------------ actions
    def _author_missing(self) -> bool:
        if session_of(self.state) is None and not self.state.author.strip():
            self.message = message_html(tr("form.author_needed", self.lang), "warning")
            return True
        return False

    def save(self) -> bool:
        """Save the form's record; the message says what happened."""
        form = self.form
        if form is None or self._author_missing():
            return False
        self._busy = True
        try:
            ok, html = form.save(self.state)
        finally:
            self._busy = False
        self.message = html
        if ok:
            key = record_key(self.kind, form.base)
            self.refresh_choices()
            self._select(key)
            self.open(self._find(key))
        return ok

    def ask_delete(self) -> None:
        """Ask to confirm the deletion (for a record entered by mistake)."""
        if self.form is None or self.form.base is None:
            return
        lang = self.lang
        name = record_choice(self.kind, self.form.base, self.state.region, lang,
                             show_codes=show_codes(self.state))
        self.confirm_text.object = message_html(tr("form.delete_confirm", lang, what=name),
                                                "warning")
        self.confirm.visible = True

    def delete(self) -> None:
        """Delete the record shown (after the confirmation)."""
        if self.form is None or self.form.base is None or self._author_missing():
            return
        key = record_key(self.kind, self.form.base)
        session = session_of(self.state)
        self._busy = True
        try:
            self.state.write_store(lambda store: store.delete_record(
                self.state.region_code, self.kind, key, session=session))
        except ConcertError as exc:
            self.message = message_html(tr("form.not_deleted", self.lang), "danger",
                                        items=[_problem_text(exc, self.lang)])
            return
        finally:
            self._busy = False
        self.confirm.visible = False
        self.message = message_html("✔ " + tr("form.deleted", self.lang), "success")
        self.refresh_choices()
        self.open(None)

    def end(self) -> None:
        """Retire the organisation, or end the entente, from the date given."""
        if self.form is None or self.form.base is None or self._author_missing():
            return
        lang = self.lang
        try:
            # An emptied field: today, as the library would take it (the message names it).
            on = typed_date(self.end_date.value) or self.state.today()
        except ValueError:
            self.message = message_html(tr("form.bad_date", lang,
                                           value=self.end_date.value), "danger")
            return
        region, base = self.state.region, self.form.base
        in_force: list[str] = []
        self._busy = True
        try:
            if self.kind == "actor":
                done = retire_actor(region, base.id, on=on)
                pairs = [(before, after) for _k, before, after in done.changed]
                in_force = [record_choice("agreement", g, region, lang,
                                          show_codes=show_codes(self.state))
                            for g in done.agreements_in_force]
            else:
                new = end_agreement(region, base.id, on=on)
                pairs = [(base, new.agreement(base.id))]
            if pairs:
                self.state.save_records(pairs)
        except RecordConflict as exc:
            self.message = message_html(tr("form.conflict", lang, detail=exc.text(lang)),
                                        "danger")
            return
        except ConcertError as exc:
            self.message = message_html(tr("form.not_saved", lang), "danger",
                                        items=[_problem_text(exc, lang)])
            return
        finally:
            self._busy = False
        key = record_key(self.kind, base)
        text = tr(f"form.ended.{self.kind}", lang, date=on.isoformat())
        if in_force:
            self.message = message_html("✔ " + text + "\n" + tr("form.in_force", lang),
                                        "warning", items=in_force)
        else:
            self.message = message_html("✔ " + text, "success")
        self.refresh_choices()
        self.open(self._find(key))

    # ------------------------------------------------------------------ layout
    def panel(self) -> pn.Column:
        """The editor: the chooser, the form, its buttons and messages."""
        return pn.Column(self.chooser, self.holder, self.add_button, self.note,
                         pn.Row(self.save_button, self.delete_button), self.confirm,
                         self.end_row, sizing_mode="stretch_width")


def _problem_text(exc: ConcertError, lang: str) -> str:
    problems = getattr(exc, "problems", None)
    if problems:
        return "\n".join(p.body(lang) for p in problems)
    return exc.text(lang)


def kind_title(kind: str, lang: str) -> str:
    """The heading of an editor: the record kind, plural (``form.title.<kind>``)."""
    return tr(f"form.title.{kind}", lang) if f"form.title.{kind}" in i18n.TEXT else kind


def heading(text: str) -> str:
    """An escaped ``<h2>``."""
    return f"<h2>{esc(text)}</h2>"
