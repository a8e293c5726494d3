"""A form for one record, derived from its schema: every field a widget, its rules at the field.

:class:`RecordForm` lays out one widget per field of a record class
(:func:`concert.schema.specs`), nested records (an organisation's contacts, an entente's
parties) as rows of their own. Each change checks the record at once (its own rules, then
the region's rules with the record in place) and shows each message under its field,
before anything is saved; :meth:`RecordForm.save` saves the one record through
:meth:`concert.Store.save_record` with the record as it was loaded as ``base``. A refused
save (a rule, or someone else's save of the same record: who and when) leaves every value
typed in place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import panel as pn

from concert import i18n, schema
from concert._errors import ConcertError, Problem, ValidationError
from concert.actors import Actor, is_housing_provider, is_program, is_referring
from concert.agreements import Party, commitments_frame
from concert.region import (
    RECORD_LISTS,
    RECORD_TYPES,
    Region,
    record_key,
    record_label,
    region_copy,
)
from concert.retire import is_retired
from concert.start import suggest_code
from concert.store import RecordConflict
from dashboards._common import MESSAGE_CSS, TABLE_CSS, esc, html_table, message_html, tr
from dashboards.forms.fields import (
    FIELD_CSS,
    BadValue,
    field_widget,
    group_title,
    is_required,
    label_of,
    read_widget,
)

__all__ = ["FORM_CLASSES", "HIDDEN", "ItemsEditor", "RecordForm", "record_choice", "ref_options"]

HIDDEN = frozenset({"illustrative"})
"""Fields no form shows (the example data's mark)."""

PARTY_ACTORS: dict[str, Callable[[Actor], bool]] = {
    "housing_provider": is_housing_provider,
    "program": is_program,
    "referring_org": is_referring,
    "worker": is_referring,
    "liaison_agent": is_program,
}
"""Which organisations each party role may name (the rules of :mod:`concert.agreements`:
Tableau 5's parties; the worker's organisation holds an entente II, so it is referring)."""

# Rules of the region (between records) and the field that shows them.
RULE_FIELD = {"duplicate": "id", "actor.name_duplicate": "name", "unknown_actor": "actor",
              "unknown_committee": "committee", "agreement.dates": "ends_on",
              "agreement.signed_date": "signed_on", "agreement.type": "type",
              "dates.order": "until", "tie.self": "target", "figure.value": "value",
              "committee.meetings": "meetings_per_year", "actor.sector_required": "sector",
              "actor.contact_duplicate": "contacts"}

MSG_CSS = TABLE_CSS + MESSAGE_CSS + """
.field-msg { color: #8A1C14; font-size: 0.95em; margin: 0 0 0.4em 0; font-weight: 600; }
"""


def actor_name(actor: Actor) -> str:
    """An organisation as a list names it: its name, and its acronym when it has one."""
    return f"{actor.name} ({actor.acronym})" if actor.acronym else actor.name


def ref_options(region: Region, kind: str, *, role: str = "", lang: str = "fr",
                agreement_type: str = "") -> dict[str, str]:
    """``{label: id}`` of the records a ``ref`` field may name, filtered by what it allows.

    Organisations retired are left out; an entente's party by its role (Tableau 5).
    """
    if kind == "actor":
        ok = PARTY_ACTORS.get(role, lambda _a: True)
        return {actor_name(a): a.id for a in region.actors if not is_retired(a) and ok(a)}
    if kind == "committee":
        return {c.name or f"{i18n.label('committee_kind', c.kind, lang)} ({c.id})": c.id
                for c in region.committees}
    if kind == "agreement":
        return {g.id: g.id for g in region.agreements
                if g.type != "III" and (not agreement_type or g.type == agreement_type)}
    return {}


def record_choice(kind: str, record: Any, region: Region, lang: str, *,
                  show_codes: bool = False) -> str:
    """How a record is named in a list to choose from (an entente III never by its id)."""
    names = {a.id: actor_name(a) for a in region.actors}
    if kind == "actor":
        gone = f" ({tr('form.retired', lang)})" if is_retired(record) else ""
        return f"{actor_name(record)}{gone}"
    if kind == "agreement":
        others = [names.get(p.actor, p.actor) for p in record.parties if p.actor]
        name = (record.id if record.type != "III" or show_codes
                else tr("form.agreement_iii", lang, n=region.agreements.index(record) + 1))
        return f"{i18n.agreement_label(record.type, lang)} — {name} — {' · '.join(others)}"
    if kind == "committee":
        return record.name or i18n.label("committee_kind", record.kind, lang)
    if kind == "membership":
        com = {c.id: c.name or c.id for c in region.committees}
        return f"{com.get(record.committee, record.committee)} — {names.get(record.actor, '')}"
    if kind == "tie":
        return (f"{names.get(record.source, record.source)} → "
                f"{names.get(record.target, record.target)} "
                f"({i18n.label('tie_kind', record.kind, lang)})")
    if kind == "figure":
        return f"{record.code} ({record.as_of})"
    return record_label(kind, record)


class ItemsEditor:
    """The nested records of a field (an organisation's contacts, an entente's parties).

    Contacts are rows that can be added and removed; parties are one row per role the
    entente's type names (Tableau 5), each naming an organisation allowed for that role.
    """

    def __init__(self, form: RecordForm, name: str, cls: type, items: list[dict[str, Any]]
                 ) -> None:
        self.form, self.name, self.cls = form, name, cls
        self.kind = cls.kind_name  # type: ignore[attr-defined]
        self.rows: list[dict[str, pn.widgets.Widget]] = []
        self.column = pn.Column(sizing_mode="stretch_width")
        self.fixed = cls is Party
        self.stored_codes: dict[str, str] = {}
        for item in items:
            self._add_row(item, redraw=False)
        self._draw()

    # rows
    def _row_widgets(self, item: dict[str, Any]) -> dict[str, pn.widgets.Widget]:
        form, lang = self.form, self.form.lang
        out: dict[str, pn.widgets.Widget] = {}
        role = str(item.get("role", ""))
        for n, spec in schema.specs(self.cls):
            if self.fixed and n == "role":
                continue
            if self.fixed and n == "tenant_code" and role != "tenant":
                continue
            if self.fixed and n in ("actor", "person") and role == "tenant":
                continue
            if self.fixed and n == "person" and role not in ("worker", "liaison_agent"):
                continue
            value = item.get(n)
            if n == "tenant_code":
                if value and not form.show_codes:
                    self.stored_codes[role] = str(value)
                    value = ""
                w: pn.widgets.Widget = pn.widgets.PasswordInput(
                    label=label_of(self.kind, n, lang, required=True), value=str(value or ""),
                    placeholder=tr("form.tenant_kept" if self.stored_codes.get(role)
                                   else "form.tenant_hint", lang),
                    stylesheets=[FIELD_CSS], sizing_mode="stretch_width")
            else:
                opts = (ref_options(form.region, spec.table, role=role, lang=lang)
                        if spec.kind == "ref" else None)
                w = field_widget(self.cls, n, spec, value, lang, options=opts)
                if self.fixed and n in ("actor", "person"):
                    # Each party's fields named by its role (two rows name an organisation).
                    said = i18n.label("party_role", role, lang)
                    w.label = f"{said} *" if n == "actor" else \
                        f"{said} : {schema.field_label('party', n, lang)} *"
            w.param.watch(lambda _e: form.changed(self.name), "value")
            out[n] = w
        if self.fixed:
            out["_role"] = pn.widgets.StaticText(value=role, visible=False)
        return out

    def add_row(self) -> None:
        """One more empty row (the editor's "add" button: buttons drawn once, in place)."""
        self._add_row({})

    def _add_row(self, item: dict[str, Any], *, redraw: bool = True) -> None:
        self.rows.append(self._row_widgets(item))
        if redraw:
            self._draw()
            self.form.changed(self.name)

    def set_roles(self, roles: tuple[str, ...]) -> None:
        """One row per party role (an entente's type chosen), keeping rows already filled."""
        old = {str(r["_role"].value): self._values(r) for r in self.rows}
        self.rows = [self._row_widgets({**old.get(role, {}), "role": role}) for role in roles]
        self._draw()

    def _draw(self) -> None:
        """Lay the rows out; a row keeps its box once drawn (no model drawn twice)."""
        lang = self.form.lang
        boxes = getattr(self, "_boxes", {})
        self._boxes = {id(r): boxes[id(r)] for r in self.rows if id(r) in boxes}
        out: list[Any] = []
        for i, row in enumerate(self.rows):
            if id(row) not in self._boxes:
                self._boxes[id(row)] = self._box(i, row)
            out.append(self._boxes[id(row)])
        if not self.fixed and self.rows:
            out.append(pn.pane.HTML(f'<p class="muted small">{esc(tr("form.empty_row", lang))}'
                                    "</p>", stylesheets=[TABLE_CSS]))
        self.column.objects = out

    def _box(self, i: int, row: dict[str, pn.widgets.Widget]) -> pn.Column:
        lang = self.form.lang
        if self.fixed:
            title = i18n.label("party_role", str(row["_role"].value), lang)
        else:
            title = f"{tr(f'kind.{self.kind}', lang).capitalize()} {i + 1}"
        head = pn.pane.HTML(f"<h4>{esc(title)}</h4>", stylesheets=[TABLE_CSS],
                            margin=(0, 5))
        widgets = [w for n, w in row.items() if n != "_role"]
        parts: list[Any] = [head, pn.Row(*widgets, sizing_mode="stretch_width")]
        return pn.Column(*parts, sizing_mode="stretch_width",
                         styles={"border-left": "4px solid #9fb3c8",
                                 "padding-left": "8px", "margin": "4px 0"})

    def _values(self, row: dict[str, pn.widgets.Widget]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for n, spec in schema.specs(self.cls):
            if n in row:
                out[n] = read_widget(spec, row[n]) if n != "tenant_code" else row[n].value
        if self.fixed:
            out["role"] = str(row["_role"].value)
            if out.get("role") == "tenant" and not out.get("tenant_code"):
                out["tenant_code"] = self.stored_codes.get("tenant", "")
        return out

    def drafts(self) -> list[dict[str, Any]]:
        """What each row holds (to draw the form again in another language)."""
        return [self._values(r) for r in self.rows]

    def records(self) -> tuple[tuple[Any, ...], list[str]]:
        """The nested records, and the messages of those that break a rule."""
        out, messages = [], []
        lang = self.form.lang
        for i, row in enumerate(self.rows):
            values = self._values(row)
            if not self.fixed and not any(v for k, v in values.items()
                                          if k != "role" and isinstance(v, str)):
                continue  # a row emptied: removed
            title = (i18n.label("party_role", values.get("role", ""), lang) if self.fixed
                     else f"{tr(f'kind.{self.kind}', lang).capitalize()} {i + 1}")
            try:
                out.append(schema.build(self.cls, values))
            except ValidationError as exc:
                messages += [f"{title} : {p.body(lang)}" for p in exc.problems]
        return tuple(out), messages


class RecordForm:
    """The form of one record of ``cls`` in ``region``.

    Parameters
    ----------
    cls : type
        The record class (:data:`concert.region.RECORD_TYPES`).
    region : Region
        The region as loaded (not anonymised): the records a field may name.
    lang : str
        The language of labels and messages.
    base : record, optional
        The record as loaded (``None``: a new record).
    draft : dict, optional
        Values to start from instead of ``base``'s (a prefilled form, a redraw).
    show_codes : bool
        Tenant codes stored may be shown (a role allowed to see them).
    """

    def __init__(self, cls: type, region: Region, *, lang: str = "fr", base: Any = None,
                 draft: dict[str, Any] | None = None, show_codes: bool = False) -> None:
        self.cls, self.region, self.lang, self.base = cls, region, lang, base
        self.kind: str = cls.kind_name  # type: ignore[attr-defined]
        self.show_codes = show_codes
        self.widgets: dict[str, pn.widgets.Widget] = {}
        self.notes: dict[str, pn.pane.HTML] = {}
        self.items: ItemsEditor | None = None
        self.top = pn.pane.HTML("", stylesheets=[MSG_CSS], sizing_mode="stretch_width")
        self.extra = pn.pane.HTML("", stylesheets=[TABLE_CSS], sizing_mode="stretch_width")
        self.problems: dict[str, list[str]] = {}
        self._id_auto = base is None
        self.touched: set[str] = set(draft or {}) if base is None else set()
        self.tried = base is not None
        self._quiet = True
        values = self._start(base, draft or {})
        self._build(values)
        self._quiet = False
        self.changed(show=False)

    # ------------------------------------------------------------------ values
    def _start(self, base: Any, draft: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if base is not None:
            for n, _spec in schema.specs(self.cls):
                v = getattr(base, n)
                values[n] = [dataclasses.asdict(x) for x in v] if _spec.kind == "items" else v
        else:
            for n, spec in schema.specs(self.cls):
                d = schema.default_of(self.cls, n)
                if d is not dataclasses.MISSING:
                    values[n] = list(d) if spec.kind == "items" else d
        values.update(draft)
        if self.kind == "agreement" and not values.get("type"):
            values["type"] = "I"
        if self.kind == "agreement" and not values.get("parties"):
            values["parties"] = []
        return values

    def _build(self, values: dict[str, Any]) -> None:
        lang, region = self.lang, self.region
        for n, spec in schema.specs(self.cls):
            if n in HIDDEN:
                continue
            v = values.get(n)
            if spec.kind == "items" and spec.of is not None:
                items = [x if isinstance(x, dict) else dataclasses.asdict(x) for x in v or []]
                if self.kind == "agreement":
                    have = {str(x.get("role")): x for x in items}
                    roles = _party_roles(str(values.get("type") or "I"))
                    items = [{**have.get(r, {}), "role": r} for r in roles]
                self.items = ItemsEditor(self, n, spec.of, items)
                self.notes[n] = self._note()
                continue
            opts = None
            if spec.kind == "ref":
                opts = ref_options(region, spec.table, lang=lang,
                                   agreement_type=str(values.get("type") or ""))
                if self.base is not None and v and v not in opts.values():
                    opts[str(v)] = str(v)  # a retired organisation still named stays
            w = field_widget(self.cls, n, spec, v, lang, options=opts,
                             territories=region.territories,
                             disabled=(spec.kind == "id" and self.base is not None))
            if self.kind == "agreement" and n == "type":
                assert isinstance(w, pn.widgets.Select)  # a "code" field
                w.options = {i18n.agreement_label(t, lang): t for t in ("I", "II", "III")}
                w.value = str(v or "I")
                w.param.watch(self._type_changed, "value")
            if spec.kind == "id":
                w.param.watch(self._id_typed, "value")
            w.param.watch(lambda _e, n=n: self.changed(n), "value")
            self.widgets[n] = w
            self.notes[n] = self._note()
        if self.base is None and self._id_field():
            self._suggest_id()

    @staticmethod
    def _note() -> pn.pane.HTML:
        return pn.pane.HTML("", stylesheets=[MSG_CSS], sizing_mode="stretch_width",
                            margin=(0, 10))

    def _id_field(self) -> str:
        return next((n for n, s in schema.specs(self.cls) if s.kind == "id"), "")

    def _id_typed(self, event: Any) -> None:
        if not self._quiet and event.new != getattr(self, "_suggested", None):
            self._id_auto = False

    def _suggest_id(self) -> None:
        """A new record's identifier, made from its name while the person has not typed one."""
        field = self._id_field()
        if not field or not self._id_auto or field not in self.widgets:
            return
        attr = RECORD_LISTS[self.kind]
        taken = [record_key(self.kind, r) for r in getattr(self.region, attr)]
        if self.kind == "agreement":
            seed = f"entente-{self.widgets['type'].value}"
        elif "name" in self.widgets and self.widgets["name"].value.strip():
            seed = self.widgets["name"].value
        elif self.kind == "committee":
            seed = str(self.widgets["kind"].value or "comite")
        else:
            return
        self._suggested = suggest_code(seed, taken=taken)
        quiet, self._quiet = self._quiet, True
        self.widgets[field].value = self._suggested
        self._quiet = quiet

    def _type_changed(self, event: Any) -> None:
        if self.items is not None:
            self.items.set_roles(_party_roles(str(event.new)))
        if "renews" in self.widgets:
            w = self.widgets["renews"]
            assert isinstance(w, pn.widgets.Select)  # a "ref" field
            w.options = {"—": "", **ref_options(self.region, "agreement",
                                                 agreement_type=str(event.new))}
        self._suggest_id()

    def values(self) -> dict[str, Any]:
        """The values as typed, by field (nested records as dicts)."""
        out: dict[str, Any] = {}
        for n, spec in schema.specs(self.cls):
            if n in self.widgets:
                out[n] = read_widget(spec, self.widgets[n])
            elif self.items is not None and n == self.items.name:
                out[n] = self.items.drafts()
            elif self.base is not None:
                out[n] = getattr(self.base, n)
        return out

    # ------------------------------------------------------------------ checking
    def build(self) -> tuple[Any, dict[str, list[str]]]:
        """The record typed, and the messages by field (``""``: the whole record).

        The record is ``None`` when it breaks a rule of its own; a record that breaks a rule
        of the region (a name already used, an organisation that may not sign) is returned
        with its messages.
        """
        lang = self.lang
        msgs: dict[str, list[str]] = {}
        values = self.values()
        given: dict[str, Any] = {}
        for n, v in list(values.items()):
            if isinstance(v, BadValue):
                msgs.setdefault(n, []).append(tr(v.key, lang, value=v.typed))
                values[n] = None
        if self.items is not None:
            nested, problems = self.items.records()
            given[self.items.name] = nested
            if problems:
                msgs.setdefault(self.items.name, []).extend(problems)
        if self.base is not None:
            for n in HIDDEN:
                if hasattr(self.base, n):
                    given[n] = getattr(self.base, n)
        for n, spec in schema.specs(self.cls):
            if n in self.widgets and is_required(self.cls, n, spec) and values.get(n) in (
                    "", None) and spec.kind in ("id", "ref", "code", "text", "date", "float",
                                                "int"):
                msgs.setdefault(n, []).append(Problem("text.required", "", field=n).body(lang))
        try:
            record = schema.build(self.cls, values, **given)
        except ValidationError as exc:
            self._place(exc.problems, msgs, skip=set(msgs))
            return None, msgs
        except (TypeError, ValueError):
            msgs.setdefault("", []).append(tr("form.invalid", lang))
            return None, msgs
        if msgs:
            return None, msgs
        region = region_copy(self.region)
        attr = RECORD_LISTS[self.kind]
        items = getattr(region, attr)
        key = record_key(self.kind, self.base) if self.base is not None else None
        where = next((i for i, r in enumerate(items)
                      if key is not None and record_key(self.kind, r) == key), None)
        if where is None:
            items.append(record)
        else:
            items[where] = record
        label = record_label(self.kind, record)
        self._place([p for p in region.problems() if p.where == label], msgs)
        return record, msgs

    def _place(self, problems: list[Problem], msgs: dict[str, list[str]], *,
               skip: set[str] | frozenset[str] = frozenset()) -> None:
        for p in problems:
            if p.params.get("field") in skip:
                continue  # already said (required, not a number)
            field = p.params.get("field")
            if not isinstance(field, str) or field not in self.widgets and (
                    self.items is None or field != self.items.name):
                field = RULE_FIELD.get(p.rule, "")
                if p.rule.startswith("agreement.") and self.items is not None and \
                        field not in self.widgets:
                    field = self.items.name
                if field not in self.widgets:
                    field = "" if self.items is None or field != self.items.name else field
            msgs.setdefault(field, []).append(p.body(self.lang))

    def changed(self, field: str = "", *, show: bool = True) -> None:
        """Check the record as typed and show each rule's message at its field.

        A new record's messages show at the fields already typed in (all of them after a
        first attempt to save); an existing record's at once.
        """
        if self._quiet:
            return
        if field:
            self.touched.add(field)
        if self._id_auto and self.base is None:
            self._suggest_id()
        _record, msgs = self.build()
        self.problems = msgs
        for n, pane in self.notes.items():
            # (The parties' messages wait until a party is typed in: choosing "entente II"
            # does not shout that its referring organisation is missing.)
            shown = self.tried or n in self.touched
            lines = msgs.get(n, []) if shown else []
            pane.object = "".join(f'<p class="field-msg" role="alert">⚠ {esc(m)}</p>'
                                  for m in lines)
        whole = msgs.get("", []) if self.tried or self.touched else []
        self.top.object = message_html(tr("form.check", self.lang), "warning", items=whole) \
            if whole else ""
        if self.kind == "agreement":
            self.extra.object = _commitments_html(str(self.widgets["type"].value), self.lang)

    # ------------------------------------------------------------------ saving
    def save(self, state: Any) -> tuple[bool, str]:
        """Save the record (one record, one transaction); return ``(saved, message HTML)``.

        Nothing is written when a rule is broken; on a conflict the message names who
        changed the record and when. The values typed stay in the form either way.
        """
        lang = self.lang
        self.tried = True
        record, msgs = self.build()
        if record is None or any(msgs.values()):
            self.changed()
            return False, message_html(tr("form.not_saved", lang), "danger",
                                       items=[m for v in msgs.values() for m in v])
        try:
            state.save_records([(self.base, record)])
        except RecordConflict as exc:
            return False, message_html(tr("form.conflict", lang, detail=exc.text(lang)),
                                       "danger")
        except ValidationError as exc:
            return False, message_html(tr("form.not_saved", lang), "danger",
                                       items=[p.body(lang) for p in exc.problems])
        except ConcertError as exc:
            return False, message_html(tr("form.not_saved", lang), "danger",
                                       items=[exc.text(lang)])
        self.base = record
        return True, message_html("✔ " + tr("form.saved", lang, what=record_choice(
            self.kind, record, state.region or self.region, lang, show_codes=self.show_codes)),
            "success")

    # ------------------------------------------------------------------ layout
    def panel(self) -> pn.Column:
        """The form's widgets, each followed by its messages."""
        parts: list[Any] = [self.top]
        for n, _spec in schema.specs(self.cls):
            if n in self.widgets:
                title = group_title(self.widgets[n])
                parts += [p for p in (title, self.widgets[n], self.notes[n]) if p is not None]
        if self.items is not None:  # the list (contacts, parties) last, under its heading
            n = self.items.name
            heading = schema.field_label(self.kind, n, self.lang).capitalize()
            parts += [pn.pane.HTML(f"<h3>{esc(heading)}</h3>", stylesheets=[TABLE_CSS]),
                      self.items.column, self.notes[n], self.extra]
        return pn.Column(*parts, sizing_mode="stretch_width", max_width=900)


def _party_roles(agreement_type: str) -> tuple[str, ...]:
    from concert import framework as fw

    try:
        return fw.agreement_type(agreement_type).parties
    except (KeyError, ConcertError):
        return ()


def _commitments_html(agreement_type: str, lang: str) -> str:
    """The commitments of each party under the type (Tableau 5), as a table."""
    try:
        frame = commitments_frame(agreement_type, lang=lang)
    except (KeyError, ConcertError):
        return ""
    rows = [(r.party_label, r.commitment) for r in frame.itertuples()]
    return html_table([tr("form.party", lang), tr("form.commitment", lang)], rows,
                      caption=tr("form.commitments", lang, type=i18n.agreement_label(
                          agreement_type, lang)))


FORM_CLASSES: dict[str, type] = {k: RECORD_TYPES[k] for k in (
    "actor", "agreement", "committee", "membership", "tie", "figure")}
"""The kinds of record the dashboard's forms edit (assessments have their own page)."""
