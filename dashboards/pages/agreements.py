"""Agreements page: the agreements I and II in a table, the agreements III as counts.

Agreements ending soon are flagged in words; each party's commitments are listed by
agreement type. The table is plain HTML (a caption, column headers with ``scope``, every
cell escaped): it is read-only, and screen readers read it as a table.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import panel as pn

from concert import framework as fw
from concert import i18n
from concert.agreements import agreements_frame, commitments_frame
from dashboards._common import TABLE_CSS, esc, row_tuples, tr
from dashboards.pages.base import Page

__all__ = ["AgreementsPage", "agreements_table_html", "commitments_html"]

EXPIRING_BG = "#FFE2B8"
AGREEMENTS_CSS = TABLE_CSS + f"""
.alert {{ border-left: 6px solid #8A4B00; background: #FFF4E0; padding: 0.3em 0.8em; }}
.scroll {{ max-height: 560px; overflow: auto; border: 1px solid #c8d2dc; }}
.scroll table.data {{ margin: 0; width: 100%; }}
.scroll table.data thead th {{ position: sticky; top: 0; }}
table.data tr.soon td {{ background: {EXPIRING_BG}; font-weight: 700; }}
table.data td:nth-child(4), table.data td:nth-child(5) {{ white-space: nowrap; }}
"""


def _date(d: Any) -> str:
    return d.isoformat() if d is not None and not pd.isna(d) else "—"


def agreements_table_html(region: Any, lang: str = "fr", search: str = "") -> str:
    """The region's agreements I and II as an HTML table, those ending soon first.

    Agreements III bind a tenant: they are never listed one by one (the page counts them).
    Rows ending within the warning period (90 days) are highlighted and carry the words
    "⚠ échéance proche" in the first column. ``search`` keeps the rows whose parties
    contain it (case-insensitive).
    """
    frame = agreements_frame(region.agreements, region.actors_by_id(), lang=lang)
    frame = frame[frame["type"] != "III"]
    order = frame.assign(_soon=~frame["expiring"], _left=frame["days_left"].fillna(1e9))
    frame = frame.loc[order.sort_values(["_soon", "_left"], kind="stable").index]
    wanted = search.strip().casefold()
    if wanted:
        frame = frame[[wanted in str(p).casefold() for p in frame["parties"]]]
        if frame.empty:
            return f"<p>{esc(tr('dash.agr.no_match', lang, text=search.strip()))}</p>"
    header = [tr("dash.agr.alert", lang), tr("dash.fig.type", lang), tr("dash.agr.parties", lang),
              tr("dash.agr.signed", lang), tr("dash.agr.ends", lang), tr("dash.agr.status", lang),
              tr("dash.agr.days_left", lang)]
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in header)
    rows = []
    for r in row_tuples(frame):
        cells = ["⚠ " + tr("dash.agr.expiring_word", lang) if r.expiring else "",
                 tr("dash.map.edge.agreement", lang, type=r.type), r.parties,
                 _date(r.signed_on), _date(r.ends_on), r.status_label,
                 "—" if pd.isna(r.days_left) else str(int(r.days_left))]
        cls = ' class="soon"' if r.expiring else ""
        rows.append(f"<tr{cls}>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    return (f'<div class="scroll" tabindex="0" role="region" '
            f'aria-label="{esc(tr("dash.agr.table", lang))}"><table class="data">'
            f'<caption>{esc(tr("dash.agr.table", lang))}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def commitments_html(agreement_type: str, lang: str = "fr") -> str:
    """Each party's commitments under ``agreement_type`` (Tableau 5 and annexes), as HTML."""
    frame = commitments_frame(agreement_type, lang=lang)
    out = [f"<h3>{esc(i18n.agreement_label(agreement_type, lang))}</h3>"]
    for party in fw.agreement_type(agreement_type).parties:
        sub = frame[frame["party"] == party]
        items = "".join(f'<li>{esc(r.commitment)} <span class="small muted">({esc(r.source)})'
                        f"</span></li>" for r in row_tuples(sub))
        out.append(f"<h4>{esc(i18n.label('party_role', party, lang))}</h4><ul>{items}</ul>")
    return "".join(out)


class AgreementsPage(Page):
    """The agreements page: ending soon, the table of agreements I and II, the commitments.

    Its own state: the search text of the table and the agreement type whose commitments
    are listed.
    """

    slug = "agreements"

    def build(self) -> pn.viewable.Viewable:
        """The page's layout, built once; its parts follow the drawn state."""
        search = pn.widgets.TextInput(label=self.text("dash.agr.search"),
                                      placeholder=self.text("dash.agr.search"), width=360)
        self.search = search
        chooser = pn.widgets.RadioButtonGroup(
            options=self.bound(lambda: {tr("dash.map.edge.agreement", self.lang, type=t): t
                                        for t in ("I", "II", "III")}),
            value="II", color="primary", variant="outline")
        self.chooser = chooser
        table = pn.pane.HTML(
            pn.bind(lambda text, *_: self._table(text), search.param.value_input,
                    *(self.param[k] for k in ("lang", "version", "anonymise"))),
            stylesheets=[AGREEMENTS_CSS], sizing_mode="stretch_width")
        commitments = pn.pane.HTML(pn.bind(commitments_html, chooser, self.param.lang),
                                   stylesheets=[TABLE_CSS], sizing_mode="stretch_width")
        return self.column(
            self.html(self._header, AGREEMENTS_CSS), search, table,
            self.html(lambda: f"<h2>{esc(tr('dash.agr.commitments_title', self.lang))}</h2>"
                      f"<p>{esc(tr('dash.agr.commitments_of', self.lang))}</p>"),
            chooser, commitments)

    def _table(self, text: str | None) -> str:
        region = self.region
        if region is None:
            return ""
        return agreements_table_html(region, self.lang, text or "")

    def _header(self) -> str:
        lang, region = self.lang, self.region
        if region is None:
            return f"<p>{esc(tr('dash.no_region', lang))}</p>"
        frame = agreements_frame(region.agreements, region.actors_by_id(), lang=lang)
        soon = frame[(frame["type"] != "III") & frame["expiring"]]
        parts = [f"<h2>{esc(tr('dash.page.agreements', lang))}</h2>"]
        if len(soon):
            items = "".join(
                "<li>" + esc(tr("dash.agr.ends_in", lang,
                                agreement=tr("dash.map.edge.agreement", lang, type=r.type),
                                parties=r.parties, date=r.ends_on.isoformat(),
                                days=int(r.days_left))) + "</li>" for r in row_tuples(soon))
            parts.append(f'<div class="alert" role="status"><strong>⚠ '
                         f"{esc(tr('dash.fig.expiring', lang, n=len(soon)))}</strong>"
                         f"<ul>{items}</ul></div>")
        iii = frame[frame["type"] == "III"]
        in_force = int(iii["status"].isin(["signed", "renewed"]).sum())
        parts.append(f"<p>{esc(tr('dash.agr.iii_count', lang, n=len(iii), current=in_force))}</p>")
        return "".join(parts)
