"""Commitments kept: each signed entente I and II's commitments, and the annual review.

Each party's commitments (Tableau 5 and the annexes' clauses) with their status, note and
next review (:func:`concert.followup.commitment_table`), saved one review at a time
(:class:`concert.commitments.CommitmentReview`, :meth:`concert.Store.save_record`); the
annual review of the ententes (:func:`concert.followup.annual_review`: reviews due and
overdue, entente II notice dates, ends to renew). Ententes III bind a tenant: the committee
sees their counts only (:func:`concert.followup.agreement_iii_counts`); the liaison role
sees and reviews them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import panel as pn
import param

from concert import framework as fw
from concert import i18n
from concert.commitments import CommitmentReview
from concert.followup import (
    agreement_iii_counts,
    agreement_names,
    annual_review,
    commitment_table,
)
from concert.region import Region
from dashboards._common import esc, html_table, row_tuples, tr, typed_date
from dashboards.pages._followup import (
    FORM_CSS,
    acting,
    calendar_download,
    editing,
    field,
    iso_date,
    name_of,
    save_one,
    session_of,
    set_options,
    status_pane,
)
from dashboards.pages.base import Page

__all__ = ["EngagementsPage", "agreement_options", "commitment_options", "commitments_html",
           "iii_counts_html", "review_html", "review_rows", "shorten"]


def commitments_html(region: Region, lang: str, on: dt.date,
                     types: tuple[str, ...] = ("I", "II")) -> str:
    """Each signed entente's commitments with their review, one table per entente."""
    table = commitment_table(region, on=on, lang=lang, types=types)
    if table.empty:
        return f"<p>{esc(tr('fu.eng.none', lang))}</p>"
    out = []
    for (agreement, kind), rows in table.groupby(["agreement_name", "type"], sort=False):
        body = []
        for r in row_tuples(rows, index=False):
            nxt = esc(iso_date(r.next_review))
            if r.overdue:
                nxt += f' <span class="late">⚠ {esc(tr("fu.eng.overdue", lang))}</span>'
            status = esc(r.status_label)
            if r.status == "not_kept":
                status = f'<span class="late">{status}</span>'
            body.append([esc(name_of(region, r.party)), esc(r.text), esc(r.source), status,
                         esc(r.note), esc(iso_date(r.reviewed_on)), nxt])
        out.append(html_table(
            [tr(f"fu.col.{k}", lang) for k in ("party", "commitment", "source", "status", "note",
                                               "reviewed", "next")],
            body, raw=True, caption=tr("fu.eng.caption", lang, type=kind, agreement=agreement)))
    return "".join(out)


def shorten(text: str, width: int = 90) -> str:
    """``text`` cut at a word to at most ``width`` characters, ending with "…" when cut.

    Examples
    --------
    >>> shorten("Participer aux rencontres de suivi", 20)
    'Participer aux…'
    >>> shorten("Court", 20)
    'Court'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    head = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return head.rstrip(" ,;:.—-") + "…"


def review_rows(region: Region, lang: str, on: dt.date) -> list[tuple[dt.date, str, str]]:
    """The annual review, one row per entente for its commitments due (or overdue).

    Rows ``(date, kind, text)``, by date: the ententes whose commitments were never
    reviewed (due ``on`` only for that) in one ``review_never`` row naming them; an
    entente's other commitments due or overdue grouped (how many, from the earliest
    date), entente II notice dates, ends to renew, and the ententes III counted.
    """
    frame = annual_review(region, on=on, lang=lang)
    out: list[tuple[dt.date, str, str]] = []
    groups: dict[tuple[str, str], list[dt.date]] = {}
    never: list[str] = []
    for r in row_tuples(frame, index=False):
        if r.kind == "review_due" and r.never_reviewed:
            if r.agreement_name not in never:
                never.append(r.agreement_name)
        elif r.kind in ("review_due", "review_overdue"):
            groups.setdefault((r.kind, r.agreement_name), []).append(r.date)
        else:
            out.append((r.date, r.kind, r.message))
    for (kind, agreement), dates in groups.items():
        key = "fu.review.group_overdue" if kind == "review_overdue" else "fu.review.group_due"
        key += "_one" if len(dates) == 1 else ""
        out.append((min(dates), kind, tr(key, lang, agreement=agreement, n=len(dates),
                                         date=min(dates).isoformat())))
    if never:
        key = "fu.review.group_never_one" if len(never) == 1 else "fu.review.group_never"
        out.append((on, "review_never", tr(key, lang, n=len(never),
                                           agreements=", ".join(sorted(never)))))
    return sorted(out, key=lambda x: (x[0], x[1], x[2]))


def review_html(region: Region, lang: str, on: dt.date) -> str:
    """The annual review of the ententes: what falls due within a year, and what is late."""
    rows = review_rows(region, lang, on)
    head = f"<h3>{esc(tr('fu.eng.review_title', lang))}</h3>"
    if not rows:
        return head + f"<p>{esc(tr('fu.eng.review_none', lang))}</p>"
    return head + html_table([tr("dash.hist.date", lang), tr("fu.col.what_due", lang),
                              tr("fu.col.note", lang)],
                             [[d.isoformat(), tr(f"fu.review.{k}", lang), text]
                              for d, k, text in rows])


def agreement_options(region: Region, lang: str, on: dt.date,
                      types: tuple[str, ...] = ("I", "II")) -> dict[str, str]:
    """The ententes in force with commitments, named with their organisations: ``{name: id}``.

    By type, then name: ``{"II-athenee (L’Athénée)": "II-athenee", …}``.
    """
    table = commitment_table(region, on=on, lang=lang, types=types)
    pairs = {(r.type, r.agreement_name, r.agreement) for r in row_tuples(table, index=False)}
    return {name: agreement for _type, name, agreement in sorted(pairs)}


def commitment_options(region: Region, lang: str, on: dt.date, agreement: str | None,
                       types: tuple[str, ...] = ("I", "II"), width: int = 110
                       ) -> dict[str, str]:
    """One entente's commitments: ``{"party — commitment": "agreement/commitment"}``.

    The commitment's text is cut at a word (with "…") beyond ``width`` characters; the
    same words twice are told apart by the commitment's source.
    """
    table = commitment_table(region, on=on, lang=lang, types=types)
    out: dict[str, str] = {}
    for r in row_tuples(table[table["agreement"] == agreement], index=False):
        shown = f"{name_of(region, r.party)} — {shorten(r.text, width)}"
        if shown in out:
            shown = f"{shown} ({r.source})"
        out[shown] = f"{r.agreement}/{r.commitment}"
    return out


def iii_counts_html(region: Region, lang: str, on: dt.date) -> str:
    """The ententes III's commitments as counts by status (never a tenant's status)."""
    counts = agreement_iii_counts(region, on=on)
    rows = [[i18n.label("commitment_status", c, lang), counts[c]]
            for c in fw.codes("commitment_status")]
    rows += [[tr("commitment.unreviewed", lang), counts["unreviewed"]],
             [tr("fu.eng.iii_overdue", lang), counts["overdue"]]]
    return (f"<h3>{esc(tr('fu.eng.iii_title', lang))}</h3>"
            f"<p class=\"muted\">{esc(tr('fu.eng.iii_note', lang))}</p>"
            + html_table([tr("fu.col.status", lang), tr("fu.col.count", lang)], rows))


class EngagementsPage(Page):
    """The commitments page: statuses, notes, next reviews; the annual review."""

    slug = "engagements"

    note = param.String(default="", doc="The result of the last save, in words.")
    ok = param.Boolean(default=False)
    note_from = param.String(default="", doc="The form whose action wrote ``note``.")

    def _liaison(self) -> bool:
        return getattr(session_of(self.state), "role", "") == "liaison"

    def _types(self) -> tuple[str, ...]:
        return ("I", "II", "III") if self._liaison() else ("I", "II")

    def save_review(self, key: str, status: str, note: str = "", reviewed_on: str = "",
                    next_review: str = "") -> bool:
        """Save the review of one commitment (``key``: ``agreement/commitment``)."""
        lang = self.lang
        agreement, _, commitment = (key or "").partition("/")
        if not status:
            self.param.update(ok=False, note=tr("fu.required", lang,
                                                field=tr("fu.col.status", lang)))
            return False
        if commitment.startswith("III.") and not self._liaison():
            # A tenant's commitments: the liaison role's alone, whoever holds the file.
            self.param.update(ok=False, note=tr("fu.eng.iii_note", lang))
            return False
        try:
            reviewed = typed_date(reviewed_on) or self.state.today()
            nxt = typed_date(next_review)
        except ValueError:
            self.param.update(ok=False, note=tr("fu.bad_date", lang,
                                                field=tr("fu.eng.reviewed_on", lang)))
            return False
        base = next((r for r in self.state.region.commitments if r.key == key), None)
        if not save_one(self, lambda: CommitmentReview(
                agreement, commitment, status, (note or "").strip(), reviewed_on=reviewed,
                next_review=nxt), base=base):
            return False
        words = fw.commitment(commitment)  # known: the region checked it when saved
        self.param.update(ok=True, note=tr(
            "fu.eng.saved", lang, commitment=shorten(words.fr if lang == "fr" else words.en),
            agreement=agreement_names(self.state.region)(agreement),
            status=i18n.label("commitment_status", status, lang)))
        return True

    def build(self) -> pn.viewable.Viewable:
        """The page's layout."""
        if self.state.region is None:
            return self.no_region()
        today = self.state.today

        def body() -> str:
            region, lang = self.region, self.lang
            out = commitments_html(region, lang, today())
            if self._liaison():
                out += (f"<h3>{esc(tr('fu.eng.iii_liaison', lang))}</h3>"
                        + commitments_html(region, lang, today(), ("III",)))
            else:
                out += iii_counts_html(region, lang, today())
            return out

        return self.column(
            self.html(lambda: f"<h2>{esc(tr('dash.page.engagements', self.lang))}</h2>"
                      f"<p>{esc(tr('fu.eng.intro', self.lang))}</p>", FORM_CSS),
            pn.Column(self._form(), visible=editing(self), sizing_mode="stretch_width"),
            self.html(body, FORM_CSS),
            self.html(lambda: review_html(self.region, self.lang, today()), FORM_CSS),
            pn.Row(calendar_download(self)))

    def _form(self) -> pn.viewable.Viewable:
        agreement = field(self, pn.widgets.Select, "fu.eng.which_agreement", width=760)
        which = field(self, pn.widgets.Select, "fu.eng.which", width=760)
        full = pn.pane.HTML("", stylesheets=[FORM_CSS], sizing_mode="stretch_width")
        status = field(self, pn.widgets.Select, "fu.col.status", width=260)
        note = field(self, pn.widgets.TextInput, "fu.col.note", width=760)
        reviewed = field(self, pn.widgets.TextInput, "fu.eng.reviewed_on",
                         value=self.state.today().isoformat(), width=240)
        nxt = field(self, pn.widgets.TextInput, "fu.eng.next", width=300)

        def current(*_: Any) -> None:
            r = next((x for x in self.state.region.commitments if x.key == which.value), None)
            # A commitment never reviewed starts with no status chosen (and not with the
            # previous commitment's note): "Respecté" is never saved by default.
            status.value = r.status if r is not None else ""
            note.value = r.note if r is not None else ""
            nxt.value = iso_date(r.next_review) if r is not None else ""
            full.object = self._full_text(which.value)

        def commitments(*_: Any) -> None:
            # Real ids and names (the form is hidden when anonymised).
            set_options(which, commitment_options(self.state.region, self.lang,
                                                  self.state.today(), agreement.value,
                                                  self._types()))
            current()

        def options(*_: Any) -> None:
            lang = self.lang
            set_options(agreement, agreement_options(self.state.region, lang,
                                                     self.state.today(), self._types()))
            set_options(status, {tr("fu.choose_option", lang): "",
                                 **{i18n.label("commitment_status", s, lang): s
                                    for s in fw.codes("commitment_status")}})
            commitments()

        options()
        self.param.watch(options, ["lang", "version"])
        agreement.param.watch(commitments, "value")
        which.param.watch(current, "value")
        button = pn.widgets.Button(label=self.text("fu.eng.save"), color="primary",
                                   disabled=not self.state.can_save, height=44, width=220)
        button.on_click(acting(self, "review", lambda: self.save_review(
            which.value, status.value, note.value or "", reviewed.value or "", nxt.value or "")))
        return pn.Column(
            self.html(lambda: f"<h3>{esc(tr('fu.eng.form_title', self.lang))}</h3>", FORM_CSS),
            agreement, which, full, pn.Row(status, reviewed, nxt), note, button,
            status_pane(self, "review"), sizing_mode="stretch_width",
            styles={"border-top": "2px solid #0B4F8A"})

    def _full_text(self, key: str | None) -> str:
        """The chosen commitment's full text, its party and source, under the select."""
        region, lang = self.state.region, self.lang
        table = commitment_table(region, on=self.state.today(), lang=lang, types=self._types())
        agreement, _, code = (key or "").partition("/")
        rows = table[(table["agreement"] == agreement) & (table["commitment"] == code)]
        if rows.empty:
            return ""
        r = rows.iloc[0]
        head = tr("fu.eng.full_text", lang, party=name_of(region, r["party"]), source=r["source"])
        return f'<p class="muted">{esc(head)}</p><p>{esc(r["text"])}</p>'

