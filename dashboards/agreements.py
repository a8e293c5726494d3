"""Agreements page: the agreements I and II in a table, the agreements III as counts.

Agreements ending soon are flagged in words; each party's commitments are listed by
agreement type.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import panel as pn

from concert import framework as fw
from concert import i18n
from concert.agreements import agreements_frame, commitments_frame
from dashboards._common import TABLE_CSS, esc, text_pane, tr

__all__ = ["agreements_page", "agreements_table", "commitments_html"]

EXPIRING_BG = "#FFE2B8"
TABULATOR_CSS = """
.tabulator, .tabulator .tabulator-header, .tabulator .tabulator-row,
.tabulator .tabulator-footer { font-size: 17px !important; }
.tabulator .tabulator-row .tabulator-cell { color: #111; padding: 6px 8px; }
.tabulator .tabulator-header .tabulator-col { background: #E8EEF4; color: #111; }
.tabulator .tabulator-footer .tabulator-page { color: #111; font-size: 16px; padding: 4px 10px; }
.tabulator .tabulator-footer .tabulator-page.active { color: #fff; background: #0B4F8A; }
"""


def agreements_table(region: Any, lang: str = "fr", *, height: int = 560
                     ) -> pn.widgets.Tabulator:
    """A read-only Tabulator of the region's agreements I and II.

    Agreements III bind a tenant: they are never listed one by one (see
    :func:`agreements_page`, which counts them). Rows ending within the warning period
    (90 days) are highlighted and carry the words "⚠ échéance proche" in the first column.
    """
    frame = agreements_frame(region.agreements, region.actors_by_id(), lang=lang)
    frame = frame[frame["type"] != "III"]
    # Agreements ending soon first, then by days left, then the others in their order.
    order = frame.assign(_soon=~frame["expiring"], _left=frame["days_left"].fillna(1e9))
    frame = frame.loc[order.sort_values(["_soon", "_left"], kind="stable").index]
    frame = frame.reset_index(drop=True)
    show = pd.DataFrame({
        "alert": ["⚠ " + tr("dash.agr.expiring_word", lang) if e else "" for e in
                  frame["expiring"]],
        "type": [tr("dash.map.edge.agreement", lang, type=t) for t in frame["type"]],
        "parties": frame["parties"],
        "signed_on": [d.isoformat() if d is not None and not pd.isna(d) else "—"
                      for d in frame["signed_on"]],
        "ends_on": [d.isoformat() if d is not None and not pd.isna(d) else "—"
                    for d in frame["ends_on"]],
        "status": frame["status_label"],
        "days_left": ["—" if pd.isna(v) else str(int(v)) for v in frame["days_left"]],
    })
    titles = {"alert": tr("dash.agr.alert", lang), "type": tr("dash.fig.type", lang),
              "parties": tr("dash.agr.parties", lang), "signed_on": tr("dash.agr.signed", lang),
              "ends_on": tr("dash.agr.ends", lang), "status": tr("dash.agr.status", lang),
              "days_left": tr("dash.agr.days_left", lang)}
    expiring = list(frame["expiring"])

    def highlight(row: pd.Series) -> list[str]:
        on = expiring[row.name]
        css = f"background-color: {EXPIRING_BG}; font-weight: 700" if on else ""
        return [css] * len(row)

    # No pagination: the rows scroll inside a fixed height (pagination buttons inside a
    # grid break its ARIA structure), the table body is reachable with the keyboard.
    table = pn.widgets.Tabulator(
        show, titles=titles, disabled=True, show_index=False, height=height,
        layout="fit_data_stretch", sizing_mode="stretch_width",
        widths={"alert": 210, "type": 165, "signed_on": 135, "ends_on": 135, "status": 110},
        header_filters={"parties": {"type": "input", "func": "like",
                                    "placeholder": tr("dash.agr.search", lang)}},
        selectable=False, theme="default",
        stylesheets=[TABULATOR_CSS])
    table.style.apply(highlight, axis=1)
    return table


def commitments_html(agreement_type: str, lang: str = "fr") -> str:
    """Each party's commitments under ``agreement_type`` (Tableau 5 and annexes), as HTML."""
    frame = commitments_frame(agreement_type, lang=lang)
    out = [f"<h3>{esc(i18n.agreement_label(agreement_type, lang))}</h3>"]
    for party in fw.agreement_type(agreement_type).parties:
        sub = frame[frame["party"] == party]
        items = "".join(f'<li>{esc(r.commitment)} <span class="small muted">({esc(r.source)})'
                        f"</span></li>" for r in sub.itertuples())
        out.append(f"<h4>{esc(i18n.label('party_role', party, lang))}</h4><ul>{items}</ul>")
    return "".join(out)


def agreements_page(state: Any) -> pn.viewable.Viewable:
    """The agreements page of the dashboard."""
    lang, region = state.lang, state.view_region
    if region is None:
        return text_pane(tr("dash.no_region", lang))
    frame = agreements_frame(region.agreements, region.actors_by_id(), lang=lang)
    soon = frame[(frame["type"] != "III") & frame["expiring"]]
    parts = [f"<h2>{esc(tr('dash.page.agreements', lang))}</h2>"]
    if len(soon):
        items = "".join(
            "<li>" + esc(tr("dash.agr.ends_in", lang,
                            agreement=tr("dash.map.edge.agreement", lang, type=r.type),
                            parties=r.parties, date=r.ends_on.isoformat(),
                            days=int(r.days_left))) + "</li>" for r in soon.itertuples())
        parts.append(f'<div class="alert" role="status"><strong>⚠ '
                     f"{esc(tr('dash.fig.expiring', lang, n=len(soon)))}</strong>"
                     f"<ul>{items}</ul></div>")
    iii = frame[frame["type"] == "III"]
    in_force = int(iii["status"].isin(["signed", "renewed"]).sum())
    parts.append(f"<p>{esc(tr('dash.agr.iii_count', lang, n=len(iii), current=in_force))}</p>")
    header = pn.pane.HTML("".join(parts), sizing_mode="stretch_width",
                          stylesheets=[TABLE_CSS + ".alert { border-left: 6px solid #8A4B00; "
                                       "background: #FFF4E0; padding: 0.3em 0.8em; }"])
    table = agreements_table(region, lang, height=460 if state.presentation else 560)
    chooser = pn.widgets.RadioButtonGroup(
        label=tr("dash.agr.commitments_of", lang),
        options={tr("dash.map.edge.agreement", lang, type=t): t for t in ("I", "II", "III")},
        value="II", color="primary", variant="outline")
    commitments = pn.pane.HTML(pn.bind(commitments_html, chooser, lang),
                               stylesheets=[TABLE_CSS], sizing_mode="stretch_width")
    return pn.Column(
        header, table,
        pn.pane.HTML(f"<h2>{esc(tr('dash.agr.commitments_title', lang))}</h2>",
                     stylesheets=[TABLE_CSS]),
        pn.pane.HTML(f"<p>{esc(tr('dash.agr.commitments_of', lang))}</p>",
                     stylesheets=[TABLE_CSS]),
        chooser, commitments, sizing_mode="stretch_width")
