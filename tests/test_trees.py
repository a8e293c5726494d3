"""The guide's three decision trees as data, and walking them (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from concert import framework as fw
from concert import i18n, trees
from concert._errors import ArgumentError
from concert.calls import Call

SEED = Path(__file__).parents[2] / "shared" / "seeds" / "000_7150e0c789458ca2.txt"
if not SEED.is_file():
    SEED = Path("/work/shared/seeds/000_7150e0c789458ca2.txt")

# The links the guide's comments state (spec §10.4; everything else is inferred).
STATED = {
    ("A7", "yes", "A11"), ("A8", "yes", "A12"), ("A8", "no", "A9"), ("A11", "tree_b", "tree:B"),
    ("B3", "tenant", "B4"), ("B3", "owner", "B9"), ("B7", "lacks_info", "end"),
    ("B7", "needs_changed", "B8"), ("B10", "no", "end"), ("B12", "yes", "end"),
    ("C3", "no", "C4"), ("C3", "yes", "C5"), ("C4", "next", "C5"), ("C6", "no", "C7"),
    ("C7", "tree_a", "tree:A"), ("C9", "tree_a", "tree:A"), ("C9", "tree_b", "tree:B"),
}


@pytest.mark.parametrize(("tree", "n"), [("A", 13), ("B", 12), ("C", 9)])
def test_every_numbered_comment_is_a_step_reachable_from_the_start(tree, n):
    t = fw.decision_tree(tree)
    assert [s.code for s in t.steps] == [f"{tree}{i}" for i in range(1, n + 1)]
    assert trees.reachable(tree) == {s.code for s in t.steps}
    assert t.start == f"{tree}1"


def test_links_only_as_stated_and_every_other_one_marked_inferred():
    stated = {(link.step, link.answer, link.target) for t in fw.DECISION_TREES
              for link in t.links if not link.inferred}
    assert stated == STATED
    for t in fw.DECISION_TREES:
        codes = {s.code for s in t.steps}
        for link in t.links:
            assert link.step in codes and link.source
            assert link.target in codes or link.target == fw.TREE_END or \
                link.target in ("tree:A", "tree:B", "tree:C")
            fw.tree_answer(link.answer)  # a known answer, with both labels
        answers = [(link.step, link.answer) for link in t.links]
        assert len(answers) == len(set(answers))  # one target per answer


def test_links_between_trees_are_those_the_guide_makes():
    between = {(link.step, link.target) for t in fw.DECISION_TREES for link in t.links
               if link.target.startswith("tree:")}
    assert between == {("A11", "tree:B"), ("C7", "tree:A"), ("C9", "tree:A"),
                       ("C9", "tree:B")}


def test_steps_cite_the_guides_comments_and_inferred_steps_are_marked():
    for t in fw.DECISION_TREES:
        for s in t.steps:
            assert s.comment_fr and s.comment_en and s.fr and s.en
            first, last = (int(x) for x in s.source[1:].split("-"))
            assert first < last
            if SEED.is_file():  # each step's lines open with the comment's number
                line = SEED.read_text("utf-8").splitlines()[first - 1]
                assert line.lstrip().startswith(f"{s.code[1:]}. "), (s.code, line)
    inferred = {s.code for t in fw.DECISION_TREES for s in t.steps if s.inferred}
    assert {"A2", "A6", "A13", "B3", "B5", "C3"} <= inferred
    assert not {"A1", "A10", "A12", "B11", "C8"} & inferred


def test_the_warning_goes_with_the_trees_in_both_languages():
    assert "jugement clinique" in i18n.t("tree.warning", "fr")
    assert "clinical judgement" in i18n.t("tree.warning", "en")
    assert fw.CLINICAL_JUDGEMENT.source == "Section IX.1.d (L4959-4966)"


def _walk_everything(tree):
    """Every step visited by some walk, following only the links of the data."""
    seen = set()
    todo = [trees.start(tree)]
    while todo:
        w = todo.pop()
        if w.done or w.tree != tree:
            continue
        if w.step in seen:
            continue
        seen.add(w.step)
        todo += [trees.answer(w, link.answer) for link in trees.options(w)]
    return seen


@pytest.mark.parametrize("tree", ["A", "B", "C"])
def test_walking_visits_every_step(tree):
    assert _walk_everything(tree) == {s.code for s in fw.decision_tree(tree).steps}


def test_an_answer_the_step_does_not_offer_is_refused():
    with pytest.raises(ArgumentError) as err:
        trees.answer(trees.start("B"), "yes")
    assert "next" in err.value.text("en")


def test_a_walk_to_another_tree_starts_it():
    w = trees.start("C")
    for a in ("next", "next", "yes", "next", "no", "tree_a"):
        w = trees.answer(w, a)
    assert (w.tree, w.step, w.first_tree) == ("A", "A1", "C")
    assert w.path == ("C1", "C2", "C3", "C5", "C6", "C7", "A1")


def test_finishing_a_walk_prefills_a_call():
    w = trees.start("B")
    for a in ("next", "next", "tenant", "next", "no", "needs_changed"):
        w = trees.answer(w, a)
    assert w.step == "B8" and w.can_finish
    with pytest.raises(ArgumentError):
        trees.finish(trees.start("B"))
    draft = trees.finish(w, on=dt.date(2026, 2, 1))
    assert draft == {"on": dt.date(2026, 2, 1), "caller_group": "worker", "tree": "B",
                     "action": "tripartite_meeting", "outcome": "in_progress",
                     "reevaluate_on": dt.date(2026, 3, 3)}
    call = Call("c1", caller_kind="referring_partner", reasons=("symptoms",), **draft)
    assert call.tree == "B" and call.reevaluate_on > call.on


def test_tree_frame_speaks_one_language():
    fr = trees.tree_frame("A", lang="fr")
    en = trees.tree_frame("A", lang="en")
    assert set(fr["step"]) == {f"A{i}" for i in range(1, 14)}
    assert fr.loc[fr["step"] == "A2", "text"].iloc[0] == "S’agit-il d’un non-paiement de loyer ?"
    assert en.loc[en["step"] == "A2", "text"].iloc[0] == "Is it a rent non-payment?"
    assert "21e jour" in fr.loc[fr["step"] == "A2", "comment"].iloc[0]
    assert set(fr["answer_label"]) >= {"Oui", "Non"} and "Yes" in set(en["answer_label"])
    assert fr["link_inferred"].any() and not fr["link_inferred"].all()
