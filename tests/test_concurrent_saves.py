"""Saves never lose what someone else wrote (issue 9, item 1).

A region loaded, then saved after someone else added an assessment or edited an
actor, keeps their records: the save writes only what its author changed. Changes
that overlap are refused with the name of whoever saved in between.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import queue
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from concert import Actor, Answer, Assessment, Store, Tie
from concert.example import capitale_nationale
from concert.merge import MergeConflict, three_way_merge
from concert.region import Baseline, Region
from concert.store import ConflictError

CODE = "capitale-nationale"


@pytest.fixture
def stored(example, tmp_path):
    db = tmp_path / "cn.db"
    with Store(db, user="setup") as store:
        store.save_region(example)
    return db


def _assessment(ident: str) -> Assessment:
    return Assessment(ident, TODAY, [Answer("climat.coordination.1", 2, "r")])


def test_save_from_an_older_load_keeps_a_new_assessment(stored):
    with Store(stored, user="alice") as a, Store(stored, user="bruno") as b:
        mine = a.load_region(CODE)
        b.add_assessment(CODE, _assessment("bilan-bruno"))
        first = mine.actors[0]
        mine.actors[0] = dataclasses.replace(first, note="Note d’alice")
        a.save_region(mine)
        # The caller's region now holds the merged result.
        assert "bilan-bruno" in {s.id for s in mine.assessments}
        kept = b.load_region(CODE)
        hist = a.history(CODE)
    assert "bilan-bruno" in {s.id for s in kept.assessments}
    assert kept.actor(first.id).note == "Note d’alice"
    alice = hist[hist.user == "alice"]
    assert list(zip(alice.action, alice.kind, alice.key, strict=True)) == [
        ("update", "actor", first.id)]


def test_two_non_overlapping_edits_both_stay(stored):
    with Store(stored, user="alice") as a, Store(stored, user="bruno") as b:
        mine, theirs = a.load_region(CODE), b.load_region(CODE)
        mine.ties = mine.ties[:-1]
        a.save_region(mine)
        theirs.figures = theirs.figures[:-1]
        b.save_region(theirs)
        kept = a.load_region(CODE)
    assert len(kept.ties) == len(mine.ties) and len(kept.figures) == len(theirs.figures)
    assert kept.ties == mine.ties and kept.figures == theirs.figures


def test_the_same_record_changed_both_ways_is_refused_and_nothing_written(stored):
    with Store(stored, user="alice") as a, Store(stored, user="bruno") as b:
        mine, theirs = a.load_region(CODE), b.load_region(CODE)
        mine.actors[1] = dataclasses.replace(mine.actors[1], note="alice")
        a.save_region(mine)
        theirs.actors[1] = dataclasses.replace(theirs.actors[1], note="bruno")
        before = Path(stored).read_bytes(), a.revision(CODE)
        with pytest.raises(ConflictError, match="alice") as err:
            b.save_region(theirs)
        assert f"actor:{mine.actors[1].id}" in str(err.value)
        assert a.revision(CODE) == before[1]
        assert a.load_region(CODE).actors[1].note == "alice"


def test_a_removal_that_breaks_their_new_record_is_refused(stored):
    with Store(stored, user="setup") as s:
        region = s.load_region(CODE)
        region.add_actor(Actor("nouveau", "Nouvel organisme", "community_org"))
        s.save_region(region)
    with Store(stored, user="alice") as a, Store(stored, user="bruno") as b:
        mine, theirs = a.load_region(CODE), b.load_region(CODE)
        mine.add_tie(Tie("nouveau", mine.actors[0].id, "information"))
        a.save_region(mine)
        theirs.actors = [x for x in theirs.actors if x.id != "nouveau"]
        with pytest.raises(ConflictError, match="alice") as err:
            b.save_region(theirs)
        assert "nouveau" in str(err.value)
        assert "nouveau" in {t.source for t in a.load_region(CODE).ties}


def test_a_fresh_region_still_replaces_on_purpose(stored):
    with Store(stored) as store:
        store.add_assessment(CODE, _assessment("sera-remplacee"))
        store.save_region(capitale_nationale())  # built afresh, as `concert example --replace`
        assert "sera-remplacee" not in {s.id for s in store.load_region(CODE).assessments}


def test_add_assessment_moves_the_revision(stored):
    with Store(stored) as store:
        rev = store.revision(CODE)
        store.add_assessment(CODE, _assessment("x"))
        assert store.revision(CODE) == rev + 1


# ------------------------------------------------------------------ several processes
def _assessor(db: str, who: int, seconds: float, done: multiprocessing.Queue) -> None:
    end = time.monotonic() + seconds
    with Store(db, user=f"assessor-{who}") as store:
        k = 0
        while time.monotonic() < end:
            ident = f"p{who}-{k}"
            if k % 2:  # the dashboard's form
                store.add_assessment(CODE, _assessment(ident))
            else:      # a whole-region save (an import, the data page)
                region = store.load_region(CODE)
                region.add_assessment(_assessment(ident))
                store.save_region(region)
            done.put(("assessment", ident, None))
            k += 1


def _editor(db: str, who: int, seconds: float, done: multiprocessing.Queue) -> None:
    """Edits its own actor from a stale copy, reloading only after a refusal."""
    end = time.monotonic() + seconds
    with Store(db, user=f"editor-{who}") as store:
        region = store.load_region(CODE)
        target = region.actors[who].id
        k = 0
        while time.monotonic() < end:
            i = next(n for n, a in enumerate(region.actors) if a.id == target)
            region.actors[i] = dataclasses.replace(region.actors[i], note=f"edit {k}")
            try:
                store.save_region(region)
            except ConflictError:
                region = store.load_region(CODE)
            else:
                done.put(("actor", target, f"edit {k}"))
            k += 1
            time.sleep(0.01)


def test_several_processes_lose_no_reported_save(stored):
    ctx = multiprocessing.get_context("fork")
    done: multiprocessing.Queue = ctx.Queue()
    seconds = 4.0
    procs = [ctx.Process(target=_assessor, args=(str(stored), w, seconds, done))
             for w in range(3)]
    procs += [ctx.Process(target=_editor, args=(str(stored), w, seconds, done))
              for w in range(3)]
    for p in procs:
        p.start()
    reported = []
    while any(p.is_alive() for p in procs) or not done.empty():
        with contextlib.suppress(queue.Empty):
            reported.append(done.get(timeout=0.5))
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    with Store(stored) as store:
        final = store.load_region(CODE)
    ids = {s.id for s in final.assessments}
    saved = [i for kind, i, _ in reported if kind == "assessment"]
    lost = [i for i in saved if i not in ids]
    last_edit = {target: note for kind, target, note in reported if kind == "actor"}
    assert len(saved) > 20 and len(last_edit) == 3
    assert lost == []
    assert {t: final.actor(t).note for t in last_edit} == last_edit
    assert sqlite3.connect(stored).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    print(f"\n{len(saved)} assessments and {len(reported) - len(saved)} actor edits "
          f"reported saved by 6 processes in {seconds} s; {len(lost)} lost")


# ------------------------------------------------------------------ the merge as a function
_NOTES = st.sampled_from(["", "a", "b"])


@settings(max_examples=60, deadline=None)
@given(base=st.lists(_NOTES, min_size=3, max_size=3), theirs=st.lists(_NOTES, min_size=3,
                                                                       max_size=3),
       mine=st.lists(_NOTES, min_size=3, max_size=3))
def test_merge_takes_each_side_change_or_refuses(base, theirs, mine):
    def region(notes: list[str]) -> Region:
        r = Region("r", "R")
        for i, n in enumerate(notes):
            if n != "":
                r.add_actor(Actor(f"a{i}", f"Acteur {i}", "omh", note=n))
        return r

    b, t, m = region(base), region(theirs), region(mine)
    clash = [i for i in range(3) if base[i] != theirs[i] != mine[i] != base[i]]
    if clash:
        with pytest.raises(MergeConflict) as err:
            three_way_merge(Baseline.of(b), t, m)
        assert sorted(err.value.keys) == [f"actor:a{i}" for i in clash]
        return
    merged = three_way_merge(Baseline.of(b), t, m)
    expected = {f"a{i}": (mine[i] if mine[i] != base[i] else theirs[i]) for i in range(3)}
    assert {a.id: a.note for a in merged.actors} == {k: v for k, v in expected.items() if v}
