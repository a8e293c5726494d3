"""One widget per kind of field of the record schema (:mod:`concert.schema`).

:func:`field_widget` makes the widget of a field from its :class:`~concert.schema.Spec`;
:func:`read_widget` reads it back as the value :func:`concert.schema.build` takes (or the
text as typed, which the record's rules then refuse with their own message). Labels are
:func:`concert.schema.field_label` in the form's language; option labels of the
vocabularies are the framework's French or English labels, escaped
(:func:`dashboards._common.html_options`) where bokeh writes them as HTML.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

import panel as pn

from concert import framework as fw
from concert import i18n, schema
from dashboards._common import esc, html_options, tr, typed_date

__all__ = ["FIELD_CSS", "GROUP_CSS", "BadValue", "field_widget", "group_title", "is_required",
           "label_of", "read_widget", "vocabulary"]

GROUP_CSS = """
label { white-space: normal; font-size: 1em; color: #111; margin-right: 1.2em; }
input[type="checkbox"] { width: 1.1em; height: 1.1em; }
"""
FIELD_CSS = """
label { white-space: normal; font-size: 1em; line-height: 1.3; color: #111; font-weight: 600; }
.bk-input, select, input, textarea { font-size: 1em; min-height: 38px; color: #111; }
.bk-input::placeholder, textarea::placeholder { color: #595959; }
"""

NONE = ""  # the value of "— none —" in a select


class BadValue:
    """A value typed that is not of its field's kind (a number that is not one)."""

    def __init__(self, typed: str, key: str) -> None:
        self.typed, self.key = typed, key


def vocabulary(table: str, lang: str) -> dict[str, str]:
    """``{label: code}`` of a framework vocabulary, in ``lang``."""
    if table == "agreement_type":
        return {i18n.agreement_label(t.code, lang): t.code for t in fw.AGREEMENT_TYPES}
    return {i18n.label(table, c, lang): c for c in fw.codes(table)}


def label_of(kind: str, name: str, lang: str, *, required: bool = False) -> str:
    """A field's label as a person reads it: capitalised, `` *`` when it must be given."""
    text = schema.field_label(kind, name, lang)
    text = text[:1].upper() + text[1:]
    return f"{text} *" if required else text


def is_required(cls: type, name: str, spec: schema.Spec) -> bool:
    """A field the person must fill (a required text or date, a code or ref without default)."""
    if spec.kind in ("bool", "items", "texts", "codes"):
        return False
    return spec.required or schema.default_of(cls, name) is dataclasses.MISSING


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def field_widget(cls: type, name: str, spec: schema.Spec, value: Any, lang: str, *,
                 options: Mapping[str, str] | None = None, territories: tuple[str, ...] = (),
                 disabled: bool = False) -> pn.widgets.Widget:
    """The widget of field ``name`` of ``cls`` holding ``value``.

    ``options``: ``{label: id}`` of the records a ``ref`` field may name (already filtered).
    ``territories``: the region's territories (an organisation's ``territories``).
    """
    kind = getattr(cls, "kind_name", cls.__name__.lower())
    required = is_required(cls, name, spec)
    label = label_of(kind, name, lang, required=required)
    common: dict[str, Any] = {"label": label, "disabled": disabled,
                              "stylesheets": [FIELD_CSS], "sizing_mode": "stretch_width"}
    k = spec.kind
    if k == "code":
        opts = vocabulary(spec.table, lang)
        if not required:
            opts = {"—": NONE, **opts}
        v = value if value in opts.values() else next(iter(opts.values()))
        return pn.widgets.Select(options=opts, value=v, **common)
    if k == "ref":
        opts = {"—": NONE, **(options or {})}
        v = value if value in opts.values() else next(iter(opts.values()))
        return pn.widgets.Select(options=opts, value=v, **common)
    if k == "codes":
        # Check boxes (real <label>s, usable by keyboard and screen readers): few codes.
        opts = html_options(vocabulary(spec.table, lang))
        return pn.widgets.CheckBoxGroup(options=opts, value=[c for c in (value or ())
                                                            if c in opts.values()],
                                        inline=True, **common)
    if k == "texts" and name == "territories" and territories:
        opts = html_options({t: t for t in territories})
        return pn.widgets.CheckBoxGroup(options=opts, value=[t for t in (value or ())
                                                            if t in territories],
                                        inline=True, **common)
    if k == "texts":
        return pn.widgets.TextInput(value="; ".join(value or ()),
                                    placeholder=tr("form.texts_hint", lang), **common)
    if k == "bool":
        return pn.widgets.Checkbox(value=bool(value), **{**common, "sizing_mode": "fixed",
                                                        "width": 400})
    if k == "date":
        return pn.widgets.TextInput(value=_text(value), placeholder=tr("dash.form.date_hint", lang),
                                    **common)
    if k == "text" and spec.max_len > 500:
        return pn.widgets.TextAreaInput(value=_text(value), max_length=spec.max_len,
                                        auto_grow=True, rows=2, **common)
    return pn.widgets.TextInput(value=_text(value), **common)


def group_title(widget: pn.widgets.Widget) -> pn.pane.HTML | None:
    """The visible title of a group of check boxes (bokeh draws none), else ``None``."""
    if not isinstance(widget, pn.widgets.CheckBoxGroup):
        return None
    widget.stylesheets = [GROUP_CSS]
    return pn.pane.HTML(f'<p class="group">{esc(widget.label)}</p>',
                        stylesheets=[(":host{width:100%} p.group{font-weight:600;color:#111;"
                                      "margin:0.4em 0 0 0;font-size:1em}")],
                        sizing_mode="stretch_width", margin=(5, 10, 0, 10))


def read_widget(spec: schema.Spec, widget: pn.widgets.Widget) -> Any:
    """The value a widget holds, as :func:`concert.schema.build` takes it.

    Dates that are not ``YYYY-MM-DD`` stay as typed (the record's rule says so); numbers
    that are not numbers come back as :class:`BadValue`.
    """
    k = spec.kind
    value = widget.value
    if k in ("codes",):
        return tuple(value or ())
    if k == "texts":
        if isinstance(value, list):
            return tuple(value)
        return tuple(p.strip() for p in str(value or "").split(";") if p.strip())
    if k == "bool":
        return bool(value)
    if k == "date":
        typed = str(value or "").strip()
        if not typed:
            return None
        try:
            return typed_date(typed)
        except ValueError:
            return typed
    if k in ("int", "float"):
        typed = str(value or "").strip().replace("\u202f", "").replace(" ", "")
        if not typed:
            return None
        try:
            return int(typed) if k == "int" else float(typed.replace(",", "."))
        except ValueError:
            return BadValue(typed, "form.integer" if k == "int" else "form.number")
    if k in ("id", "ref", "code"):
        return str(value or "").strip()
    return str(value or "")
