"""The follow-up pages (issue 15, dashboard half): the members' assessment, the action
plan, the commitments, the figures and the downloads, driven through their callbacks."""

from __future__ import annotations

import datetime as dt
import re

import panel as pn
import pytest
from _helpers import stored_file
from test_followup import OPEN, PASSWORD, region_with_members

import concert.settings
from concert import Account, Store, i18n, settings
from concert import framework as fw
from concert.gaps import all_gaps
from dashboards._common import esc
from dashboards.pages.bilan import BilanPage, local_host, view_options
from dashboards.pages.engagements import EngagementsPage
from dashboards.pages.figures import FiguresPage
from dashboards.pages.plan import PlanPage, followup_overview_html
from dashboards.pages.registry import PAGES
from dashboards.state import DashboardState

CODE = "demo"


@pytest.fixture
def db(tmp_path):
    return stored_file(tmp_path / "cn.db", region_with_members(), user="secretaire")


def state(db, **params) -> DashboardState:
    return DashboardState(db_path=str(db), **params)


def answer_all(page: BilanPage, level: int) -> bool:
    return page.submit({c.code: level for c in fw.CRITERIA}, {})


def received(page: BilanPage) -> int:
    return int(re.search(r'data-received="(\d+)"', page._results_html()).group(1))


def test_the_four_pages_are_registered():
    assert {"bilan", "plan", "engagements", "figures"} <= set(PAGES)


def test_a_member_answers_by_link_and_the_secretary_sees_the_count(db):
    secretary = BilanPage(state(db))
    secretary.__panel__()
    assert secretary.chosen == "bilan-2026"
    assert secretary.received() == (0, 5)
    rows = secretary.make_links(["omh", "ciusss"], "http://h/")
    assert [r["expires"] for r in rows] == ["2025-02-28", "2025-02-28"]  # its closing day
    assert rows[0]["url"].startswith("http://h/?page=bilan&lang=fr&answer=")
    assert rows[0]["token"] in secretary.links_html  # shown once, to copy
    # A member opens its link in another session: that assessment's form only.
    member = BilanPage(state(db), token=rows[0]["token"])
    layout = member.__panel__()
    text = " ".join(str(getattr(o, "object", "")) for o in layout.select())
    assert ("Bilan « Bilan 2026 » — réponse de l’organisme : Office municipal d’habitation "
            "de Démo") in text
    assert "Résultats du bilan" not in text and "Liens personnels" not in text
    assert member.organisation == "omh"
    assert answer_all(member, 3), member.note
    # The secretary reloads: one answer received, OMH's.
    secretary.state.reload()
    assert secretary.received() == (1, 5) and received(secretary) == 1
    with Store(db) as s:
        a = s.load_region(CODE).assessment("bilan-2026")
    assert a.respondents == ("omh",) and {x.level for x in a.answers} == {3}


def test_an_expired_or_unknown_link_answers_nothing(db):
    secretary = BilanPage(state(db))
    token = secretary.make_links(["omh"])[0]["token"]
    concert.settings.today = dt.date(2025, 3, 1)
    late = BilanPage(state(db), token=token)
    html = late.__panel__().objects[0].object
    html = html if isinstance(html, str) else html()
    assert "Ce lien ne permet pas de répondre" in html and "expiré le 2025-02-28" in html
    assert not answer_all(late, 2)
    unknown = BilanPage(state(db), token="pas-un-jeton")
    assert unknown._link is None and "inconnu" in unknown._link_error


def test_the_secretary_sees_medians_spread_divergence_and_pole_views(db):
    st = state(db)
    page = BilanPage(st)
    page.__panel__()
    for org, level in (("omh", 3), ("ciusss", 1), ("ville", 2)):
        page.organisation = org
        assert answer_all(page, level), page.note
    html = page._results_html()
    assert "Réponses reçues : 3 sur 5 organismes du comité de gestion" in html
    assert re.search(r'data-flags="(\d+)"', html).group(1) == str(len(fw.CRITERIA))
    assert "⚑ écart de 2" in html
    # all: median 2, lowest 1, highest 3 on every criterion
    assert ("<td>3</td><td>2</td><td>1</td><td>3</td><td>3 (1 rép.)</td><td>1 (1 rép.)</td>"
            in html)  # each pole: its median and how many answered
    # The plan beside the answers on the project's structure (no action adopted yet).
    assert "Aucune action adoptée avec une cible chiffrée et datée (0)." in html
    page.view = "housing"
    assert "Pôle habitation" in page._results_html()
    page.view = "org:ciusss"
    assert "Organisation : CIUSSS de Démo" in page._results_html()
    # answering again starts from one's own answers
    page.organisation = "ciusss"
    assert set(page.prefill().values()) == {(1, "")}


def test_an_anonymous_assessment_shows_aggregates_of_three_only(db):
    page = BilanPage(state(db))
    page.__panel__()
    page.open_assessment("anonyme-2025", "Bilan anonyme", "2025-01-12", "", True)
    assert page.ok and page.chosen == "anonyme-2025", page.note
    for org in ("omh", "ciusss"):
        page.organisation = org
        assert answer_all(page, 2), page.note
    html = page._results_html()
    assert "Réponses reçues : 2 sur 5" in html  # from the receipts, not the answers
    # One answer per pole: no pole's median is shown, so the poles are not compared.
    assert "Les deux pôles ne peuvent pas encore être comparés" in html
    assert "moins de 3 réponses par critère (bilan anonyme)" in html
    assert "masqué (moins de 3 réponses)" in html
    assert "Trop peu de réponses pour montrer ce groupe (au moins 3)." in html
    assert "Office municipal" not in html.split("</table>", 1)[1]  # no name past the list
    options = view_options(page.region, page._assessment(), "fr")
    assert not any(v.startswith("org:") for v in options.values())
    page.organisation = "ville"
    assert answer_all(page, 2)
    html = page._results_html()
    assert "masqué" not in html and '<table class="matrix">' in html
    page.organisation = "omh"
    assert not answer_all(page, 1)  # once only
    assert "Non enregistré" in page.note


def test_a_reader_session_is_refused_by_the_library(db):
    with Store(db) as s:
        s.add_account(Account("admin", "admin", region=CODE, organisation="cem"), PASSWORD)
        s.add_account(Account("lecteur", "reader", region=CODE, organisation="omh"), PASSWORD)
        session = s.session("lecteur")
    st = state(db, session=session)
    page = BilanPage(st)
    page.__panel__()
    assert page.organisation == "omh"
    assert not answer_all(page, 2)
    assert "Non enregistré" in page.note
    with Store(db) as s:
        assert s.load_region(CODE).assessment("bilan-2026").answers == ()


def test_an_action_adopted_from_a_step_is_saved_and_becomes_late(db):
    page = PlanPage(state(db))
    page.__panel__()
    assert page.adopt(step="structure.cooperation.1", title="", lead="cem",
                      partners=["omh", "cem"], due="2025-03-31", target_figure="tenants_housed",
                      target_value="150", target_on="2027-03-31"), page.note
    assert "Une planification commune et un projet structurant" in page.note
    with Store(db) as s:
        action = s.load_region(CODE).actions[0]
    assert (action.lead, action.partners, action.criterion, action.target_value) == (
        "cem", ("omh",), "structure.cooperation.1", 150.0)
    assert page.change_status(action.id, "in_progress", "2025-02-01", "démarrée")
    with Store(db) as s:
        assert s.load_region(CODE).actions[0].log[-1].note == "démarrée"
    block = followup_overview_html(page.state.region, "fr")
    assert "Aucune action en retard." in block and "150" in block
    concert.settings.today = dt.date(2025, 4, 10)
    block = followup_overview_html(page.state.region, "fr")
    assert "10 jours de retard" in block
    assert "en retard" in page_plan_html(page)
    # Dates as people type them: day first is understood, a two-digit year is not.
    assert page.adopt(step="", title="Y", lead="cem", partners=[], due="30/04/2025")
    assert next(a for a in page.state.region.actions if a.title == "Y").due == dt.date(2025, 4, 30)
    assert not page.adopt(step="", title="X", lead="cem", partners=[], due="31/03/25")
    assert "AAAA-MM-JJ ou JJ/MM/AAAA" in page.note


def page_plan_html(page: PlanPage) -> str:
    from dashboards.pages.plan import plan_html

    return plan_html(page.state.region, "fr", concert.settings.current_date())


def test_a_commitment_status_is_saved_and_shows_among_the_gaps(db):
    page = EngagementsPage(state(db))
    page.__panel__()
    assert page.save_review("II-1/II.referring_org.1", "not_kept", "aucune rencontre",
                            "2025-01-12", "2025-06-30"), page.note
    with Store(db) as s:
        region = s.load_region(CODE)
    review = region.commitments[0]
    assert (review.status, review.note, review.next_review) == (
        "not_kept", "aucune rencontre", dt.date(2025, 6, 30))
    assert "commitment.not_kept" in set(all_gaps(region)["rule"])
    from dashboards.pages.engagements import commitments_html, iii_counts_html

    html = commitments_html(page.state.view_region, "fr", concert.settings.current_date())
    assert "Non respecté" in html and "aucune rencontre" in html
    counts = iii_counts_html(page.state.view_region, "fr", concert.settings.current_date())
    assert "Ententes III : décomptes seulement" in counts and "CEM-0042" not in counts
    # An entente III's commitment: the liaison role's only.
    assert not page.save_review("III-1/III.worker.1", "kept")


def _form_of(layout, button_label: str):
    """The form column holding the button ``button_label``, and that button."""
    for column in layout.select(pn.Column):
        for o in column.objects:
            if isinstance(o, pn.widgets.Button) and o.name == button_label:
                return column, o
    raise AssertionError(button_label)


def test_a_commitment_is_chosen_entente_first_and_saved_in_words_under_the_button(db):
    page = EngagementsPage(state(db))
    layout = page.__panel__()
    selects = {o.name: o for o in layout.select(pn.widgets.Select)}
    entente, which = selects["Entente"], selects["Engagement"]
    # First the entente, named with its organisations (no entente III for the committee).
    assert entente.options == {"I-1 (Office municipal d’habitation de Démo)": "I-1",
                               "II-1 (Organisme référent de Démo)": "II-1"}
    entente.value = "II-1"
    # Then that entente's commitments only: party — text, cut at a word.
    expected = {f"II-1/{code}" for code, c in fw.agreement_commitments("II")}
    assert set(which.options.values()) == expected
    for shown, key in which.options.items():
        party, _, text = shown.partition(" — ")
        assert party in ("Clés en main", "Organisme référent de Démo")
        full = fw.commitment(key.partition("/")[2]).fr
        if text != full:
            assert text.endswith("…") and len(text) <= 110
            assert full.startswith(text[:-1]) and full[len(text) - 1] in " ,;:.—-"
    which.value = "II-1/II.referring_org.1"
    full_text = fw.commitment("II.referring_org.1").fr
    form, button = _form_of(layout, "Enregistrer")
    shown = " ".join(str(o.object) for o in form.select(pn.pane.HTML))
    assert esc(full_text) in shown  # the whole text under the select
    selects["Statut"].value = "not_kept"
    button.clicks += 1
    assert page.ok and page.note_from == "review", page.note
    # The confirmation in words: the commitment's text, the entente named, no code.
    assert page.note.startswith("Engagement « ") and "II.referring_org" not in page.note
    assert page.note.endswith("» de l’entente II-1 (Organisme référent de Démo) : "
                              "Non respecté."), page.note
    words = page.note.split("« ")[1].split(" »")[0]
    assert full_text.startswith(words.rstrip("…")) and len(words) <= 90
    # The message shows right under the button, and nowhere above the form.
    after = form.objects[form.objects.index(button) + 1]
    assert "Non respecté" in str(after.object)
    top = layout.objects[:layout.objects.index(next(
        o for o in layout.objects if form in o.select(pn.Column)))]
    assert not any("Non respecté" in str(getattr(o, "object", "")) for o in top)


def test_shorten_cuts_at_a_word_and_says_so():
    from dashboards.pages.engagements import shorten

    assert shorten("Participer aux rencontres de suivi", 20) == "Participer aux…"
    assert shorten("Court", 20) == "Court"
    assert shorten("Un  texte\n sur deux lignes", 40) == "Un texte sur deux lignes"
    long = "Rencontrer le locataire au minimum une fois par mois durant la première année"
    cut = shorten(long, 30)
    assert len(cut) <= 30 and cut.endswith("…") and long.startswith(cut[:-1])
    assert long[len(cut) - 1] == " "


def test_the_review_groups_the_ententes_never_reviewed_in_one_row():
    from concert.example import capitale_nationale
    from concert.followup import annual_review
    from dashboards.pages.engagements import review_html, review_rows

    on = dt.date(2026, 12, 6)
    region = capitale_nationale(reference=on)
    frame = annual_review(region, on=on, lang="fr")
    never = sorted(set(frame[frame["never_reviewed"].astype(bool)]["agreement_name"]))
    assert len(never) > 10  # the example: most ententes' commitments never reviewed
    rows = review_rows(region, "fr", on)
    grouped = [text for _d, k, text in rows if k == "review_never"]
    assert grouped == [(f"{len(never)} ententes dont les engagements n’ont jamais été revus : "
                       f"à revoir — {', '.join(never)}")]
    # No more one row per entente due today only because never reviewed.
    assert not [x for x in rows if x[1] == "review_due" and x[0] == on]
    # The rest stays: notice dates, renewals, reviews due at a real date, one row each.
    real = frame[~frame["never_reviewed"].astype(bool)]
    for kind in ("notice", "renewal"):
        assert len([x for x in rows if x[1] == kind]) == int((real["kind"] == kind).sum()) > 0
    due = real[real["kind"] == "review_due"]
    assert {(x[0], x[2].split(" : ")[0]) for x in rows if x[1] == "review_due"} == {
        (min(g["date"]), f"Entente {name}") for name, g in due.groupby("agreement_name")}
    assert "Jamais revus" in review_html(region, "fr", on)
    english = [t for _d, k, t in review_rows(region, "en", on) if k == "review_never"]
    assert english[0].startswith(f"{len(never)} ententes whose commitments were never "
                                 "reviewed: to review — ")


def test_the_liaison_chooses_among_ententes_iii_too(db):
    with Store(db) as s:
        s.add_account(Account("admin", "admin", region=CODE, organisation="cem"), PASSWORD)
        s.add_account(Account("agent", "liaison", region=CODE, organisation="cem"), PASSWORD)
        liaison = s.session("agent")
    agent = EngagementsPage(state(db, session=liaison))
    layout = agent.__panel__()
    entente = next(o for o in layout.select(pn.widgets.Select) if o.name == "Entente")
    assert list(entente.options.values()) == ["I-1", "II-1", "III-1"]
    entente.value = "III-1"
    which = next(o for o in layout.select(pn.widgets.Select) if o.name == "Engagement")
    assert all(v.startswith("III-1/III.") for v in which.options.values())
    assert "CEM-0042" not in " ".join(which.options)


def test_ententes_iii_are_counted_for_the_committee_and_listed_for_the_liaison(db):
    with Store(db) as s:
        s.add_account(Account("admin", "admin", region=CODE, organisation="cem"), PASSWORD)
        s.add_account(Account("agent", "liaison", region=CODE, organisation="cem"), PASSWORD)
        liaison = s.session("agent")
    st = state(db)
    committee = EngagementsPage(st)
    assert committee._types() == ("I", "II")
    st2 = state(db, session=liaison)
    agent = EngagementsPage(st2)
    assert agent._types() == ("I", "II", "III")
    assert agent.save_review("III-1/III.worker.1", "watch", "", "2025-01-12"), agent.note


def test_the_figures_page_draws_each_figure_and_offers_the_downloads(db):
    page = FiguresPage(state(db))
    layout = page.__panel__()
    charts = [o for o in layout.select() if type(o).__name__ == "Bokeh"]
    assert len(charts) == 1 and charts[0].object.title.text == "Locataires logés"  # named
    downloads = {o.filename: o for o in layout.select() if type(o).__name__ == "FileDownload"}
    stamp = f"{page.region.code}-{settings.current_date().isoformat()}"
    assert set(downloads) == {f"rapport-{stamp}.pdf", f"rapport-{stamp}.html",
                              "concert-echeances.ics"}
    ics = downloads["concert-echeances.ics"].callback().getvalue().decode()
    assert ics.startswith("BEGIN:VCALENDAR") and "CEM-0042" not in ics
    pdf = downloads[f"rapport-{stamp}.pdf"].callback().getvalue()
    assert pdf.startswith(b"%PDF")


def test_the_bilan_page_follows_the_language(db):
    page = BilanPage(state(db, lang="en"))
    page.__panel__()
    assert "Answers received: 0 of 5" in page._results_html()
    assert "All answers" in view_options(page.region, page._assessment(), "en")
    assert page._assessment().on == OPEN


def test_names_anonymised_on_screen_leave_counts_and_groups_only(db):
    page = BilanPage(state(db))
    page.__panel__()
    for org, level in (("omh", 3), ("ciusss", 1), ("ville", 2)):
        page.organisation = org
        assert answer_all(page, level), page.note
    page.state.anonymise = True
    html = page._results_html()
    assert "Réponses reçues : 3 sur 5" in html and "⚑ écart de 2" in html
    assert "Office municipal" not in html and "CIUSSS de Démo" not in html
    assert not any(v.startswith("org:") for v in view_options(
        page.state.region, page._assessment(), "fr", names=False).values())


def test_a_step_adopted_from_the_next_steps_opens_the_plan_with_it(db):
    from concert.example import capitale_nationale
    from dashboards.pages.next_steps import NextStepsPage

    with Store(db) as store:  # a region whose latest assessment lacks criteria
        store.save_region(capitale_nationale())
    s = state(db, region_code="capitale-nationale")
    steps = NextStepsPage(s)
    layout = steps.__panel__()
    select = next(o for o in layout.select(pn.widgets.Select))
    button = next(o for o in layout.select(pn.widgets.Button))
    select.value = list(select.options.values())[-1]
    button.clicks += 1
    assert (s.page, s.step) == ("plan", select.value)
    plan = PlanPage(s)
    plan_layout = plan.__panel__()
    assert any(o.value == s.step for o in plan_layout.select(pn.widgets.Select))


def test_the_self_assessment_shows_the_plan_beside_the_structure_criterion(db):
    from dashboards.pages.assessment import AssessmentPage

    text = " ".join(str(o.object) for o in AssessmentPage(state(db)).__panel__().select(
        pn.pane.HTML))
    assert "Aucune action adoptée avec une cible chiffrée et datée" in text
    s = state(db)
    plan = PlanPage(s)
    assert plan.adopt(step="", title="Loger 150 personnes", lead="cem", partners=[],
                      due="2025-06-30", target_figure="tenants_housed", target_value="150",
                      target_on="31/03/2027")
    text = " ".join(str(o.object) for o in AssessmentPage(s).__panel__().select(pn.pane.HTML))
    assert "Plan d’action adopté avec une cible chiffrée et datée" in text


# ---------------------------------------------------------------- links, poles, messages


def test_one_pole_without_answers_is_not_compared(db):
    page = BilanPage(state(db))
    page.__panel__()
    page.organisation = "omh"  # the housing pole only
    assert answer_all(page, 3), page.note
    html = page._results_html()
    health = i18n.label("response_group", "health_social", "fr")
    assert ("Les deux pôles ne peuvent pas encore être comparés : "
            f"« {health} » n’a aucune réponse.") in html
    assert "critères où les médianes" not in html and 'data-comparable="false"' in html
    page.organisation = "ciusss"  # now both poles have a median: the count is back
    assert answer_all(page, 3), page.note
    html = page._results_html()
    assert "0 critères où les médianes des deux pôles diffèrent" in html
    assert "ne peuvent pas encore être comparés" not in html


def test_the_member_s_page_title_avoids_de_before_a_vowel(db):
    token = BilanPage(state(db)).make_links(["omh"])[0]["token"]
    member = BilanPage(state(db, lang="en"), token=token)
    assert i18n.t("fu.link.title", "fr", label="B", org="Office X") == (
        "Bilan « B » — réponse de l’organisme : Office X")
    layout = member.__panel__()
    text = " ".join(str(getattr(o, "object", "")) for o in layout.select())
    assert "— answer of the organisation: Office municipal d’habitation de Démo" in text


@pytest.mark.parametrize(("base", "local"), [
    ("http://127.0.0.1:5006/", "127.0.0.1"), ("http://localhost:5006/", "localhost"),
    ("http://[::1]:5006/", "::1"), ("https://tableau.example.org/", ""),
    ("http://192.168.1.20:5006/", ""), ("", "")])
def test_links_to_this_computer_say_they_open_only_here(db, base, local):
    assert local_host(base) == local
    page = BilanPage(state(db))
    page.make_links(["omh"], base)
    warned = "ne s’ouvrent que sur cet ordinateur" in page.links_html
    assert warned == bool(local)
    if local:
        assert f"ils mènent à l’adresse {local}," in page.links_html
        assert "Serving a committee" in page.links_html and "--address" in page.links_html
        assert "répondre ici, sur cet ordinateur" in page.links_html


def test_the_links_download_as_a_csv_for_a_mail_merge(db):
    page = BilanPage(state(db))
    rows = page.make_links(["omh", "ciusss"], "http://h/")
    data = page.links_csv()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with its BOM (French Excel)
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "organisme;lien;expire le"
    assert lines[1] == f"Office municipal d’habitation de Démo;{rows[0]['url']};2025-02-28"
    assert lines[2].startswith("CIUSSS de Démo;http://h/?page=bilan&lang=fr&answer=")
    assert lines[3:] == [""]
    page.lang = "en"
    assert page.links_csv().decode("utf-8-sig").startswith("organisation;link;expires on\r\n")


def _buttons(layout, label):
    return [b for b in layout.select(pn.widgets.Button) if b.label == label]


def _shown(layout):
    """The message panes (status panes) showing something, with their text."""
    out = []
    for pane in layout.select(pn.pane.HTML):
        if 'class="message' in str(pane.object):
            out.append(pane)
    return out


def test_each_form_s_message_shows_under_its_own_button(db):
    page = BilanPage(state(db))
    layout = page.__panel__()
    forms = layout.objects[-1].objects  # answer, links, open
    make = _buttons(forms[1], "Générer les liens")[0]
    make.clicks += 1
    assert page.note_from == "links" and "liens générés" in page.note
    assert _shown(forms[1]) and not _shown(forms[0]) and not _shown(forms[2])
    download = list(forms[1].select(pn.widgets.FileDownload))
    assert len(download) == 1 and download[0].filename == "liens-bilan-2026.csv"
    # Opening an assessment with a bad date: the message under the open form only.
    fields = list(forms[2].select(pn.widgets.TextInput))
    fields[2].value = "pas une date"
    _buttons(forms[2], "Ouvrir le bilan")[0].clicks += 1
    assert page.note_from == "open" and not page.ok
    assert _shown(forms[2]) and not _shown(forms[1]) and not _shown(forms[0])
    _buttons(forms[0], "Enregistrer les réponses")[0].clicks += 1  # nothing chosen
    assert page.note_from == "answer" and _shown(forms[0]) and not _shown(forms[2])


def test_a_link_s_session_shows_its_form_alone(db):
    from dashboards.frame import build_link_frame

    token = BilanPage(state(db)).make_links(["omh"])[0]["token"]
    st = state(db)
    template = build_link_frame(st, token)
    widgets = [w for part in (*template.main, *template.sidebar)
               for w in part.select(pn.widgets.Widget)]
    buttons = [w.label for w in widgets if isinstance(w, pn.widgets.Button)]
    assert buttons == ["Enregistrer les réponses"]  # no page of the menu, no other form
    assert not [w for w in widgets if isinstance(w, pn.widgets.FileDownload)]
    assert [w for w in widgets if isinstance(w, pn.widgets.RadioButtonGroup)]  # the language
    page = template.dashboard_pages["bilan"]
    assert page.organisation == "omh" and answer_all(page, 2), page.note
    # An empty or unknown token: the link's refusal, never the whole page.
    for bad in ("", "pas-un-jeton"):
        template = build_link_frame(state(db), bad)
        widgets = [w for part in template.main for w in part.select(pn.widgets.Widget)]
        assert widgets == []
        assert not answer_all(template.dashboard_pages["bilan"], 1)


def test_a_commitment_never_reviewed_starts_with_no_status_chosen(db):
    page = EngagementsPage(state(db))
    layout = page.__panel__()
    selects = {o.name: o for o in layout.select(pn.widgets.Select)}
    notes = [o for o in layout.select(pn.widgets.TextInput) if o.name == "Remarque"]
    selects["Entente"].value = "II-1"
    selects["Engagement"].value = "II-1/II.referring_org.1"
    assert selects["Statut"].value == ""  # "Respecté" is never saved by default
    assert not page.save_review("II-1/II.referring_org.1", "")
    assert "Statut : ce champ est obligatoire." in page.note
    assert page.save_review("II-1/II.referring_org.1", "watch", "à suivre"), page.note
    selects["Engagement"].value = "II-1/II.referring_org.1"
    assert (selects["Statut"].value, notes[0].value) == ("watch", "à suivre")
    selects["Engagement"].value = "II-1/II.referring_org.2"  # another, never reviewed
    assert (selects["Statut"].value, notes[0].value) == ("", "")
