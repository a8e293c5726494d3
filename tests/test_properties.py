"""Property tests (hypothesis).

1. Malformed input of any type fed to every constructor of the model: the only
   exception allowed out is :class:`concert.ValidationError`. A ``TypeError``,
   ``AttributeError``, ``OverflowError``... escaping is a bug.
2. Any valid small region, built from random valid choices, saves and loads back
   equal, and its graph reads back equal from GraphML and GEXF.
3. Whatever text or number the model accepts, the store keeps (no crash between the
   model and SQLite).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concert import (
    Actor,
    Agreement,
    Answer,
    Assessment,
    Committee,
    Contact,
    Figure,
    Membership,
    Party,
    Region,
    Store,
    Tie,
    ValidationError,
)
from concert import framework as fw
from concert._validate import CONTROL_RE, fold
from concert.agreements import ACTIVE, effective_status

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# ------------------------------------------------------------------------------- junk
control_text = st.text(st.characters(max_codepoint=0x9f, categories=["Cc"]), min_size=1,
                       max_size=5).flatmap(lambda c: st.sampled_from([c, f"ok{c}", f"{c}ok"]))
surrogate_text = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3).map(
    lambda s: f"a{s}b")
long_text = st.integers(2001, 2300).map(lambda n: "x" * n)

junk = st.one_of(
    st.none(), st.booleans(), st.integers(), st.just(10**5000), st.just(-(10**400)),
    st.floats(), st.complex_numbers(), st.decimals(), st.fractions(),
    st.text(max_size=20), control_text, surrogate_text, long_text, st.just(""), st.just("   "),
    st.binary(max_size=10), st.datetimes(), st.dates(), st.times(), st.timedeltas(),
    st.lists(st.integers() | st.text(max_size=5), max_size=3),
    st.tuples(st.integers(), st.text(max_size=5)),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.sets(st.integers(), max_size=3), st.frozensets(st.text(max_size=3), max_size=2),
    st.just(object()), st.just(Contact("X")), st.just(Party("tenant")),
)

ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.\-]{0,15}\Z")
text_chars = (st.characters(exclude_categories=["Cc", "Cs"], exclude_characters="\ufffe\uffff")
              .filter(lambda c: not CONTROL_RE.match(c)) | st.sampled_from("\n\t"))
texts = st.text(text_chars, max_size=30)
names = st.text(text_chars, min_size=1, max_size=30).filter(str.strip)
dates = st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
tenant_codes = st.from_regex(r"\A[A-Z]{1,4}-[0-9]{1,8}\Z")


def maybe(valid: st.SearchStrategy, p_junk: float = 0.3) -> st.SearchStrategy:
    """Mostly valid values, sometimes junk of any type."""
    cut = round(10 * p_junk)
    return st.integers(0, 9).flatmap(lambda n: junk if n < cut else valid)


def seq(item: st.SearchStrategy) -> st.SearchStrategy:
    """A sequence field: a tuple or list of items (valid or not), or junk."""
    return st.one_of(st.lists(item, max_size=3), st.lists(item, max_size=3).map(tuple), junk)


def code_of(table: str) -> st.SearchStrategy:
    return st.sampled_from(fw.codes(table))


def only_validation_error(build: Callable[[], Any]) -> Any:
    """Run ``build``; a ValidationError is fine, any other exception fails the test."""
    try:
        return build()
    except ValidationError as exc:
        assert exc.problems, "a ValidationError lists its problems"
        assert all(isinstance(p.text("fr"), str) and isinstance(p.text("en"), str)
                   for p in exc.problems)
        assert str(exc)
        return None


# ------------------------------------------------------------------------------- strategies
valid_contacts = st.builds(Contact, names, code_of("contact_role"))


@given(maybe(names), maybe(code_of("contact_role")), maybe(texts), maybe(texts))
@SETTINGS
def test_contact_only_raises_validation_error(name, role, email, phone):
    c = only_validation_error(lambda: Contact(name, role, email, phone))
    if c is not None:
        assert c.problems() == []


@given(maybe(ids), maybe(names), maybe(code_of("actor_type")),
       maybe(st.sampled_from(("", *fw.codes("sector")))), seq(maybe(names)),
       seq(maybe(code_of("org_role"))), seq(st.one_of(valid_contacts, junk)),
       maybe(code_of("engagement")), maybe(texts), maybe(texts), maybe(texts),
       maybe(st.booleans()))
@SETTINGS
def test_actor_only_raises_validation_error(aid, name, type_, sector, territories, roles,
                                            contacts_, engagement, acronym, note, source,
                                            illustrative):
    a = only_validation_error(lambda: Actor(
        aid, name, type_, sector, territories, roles, contacts_, engagement, acronym, note,
        source, illustrative))
    if a is not None:
        assert a.problems() == []
        assert a.roles == tuple(sorted(set(a.roles)))


parties = st.builds(Party, maybe(code_of("party_role")), maybe(st.sampled_from(["cem", "org",
                                                                                 ""])),
                    maybe(names | st.just("")), maybe(tenant_codes | st.just("")))


@given(maybe(ids), maybe(st.sampled_from(["I", "II", "III"])),
       st.one_of(st.lists(st.one_of(parties, junk), max_size=4), junk),
       maybe(st.none() | dates), maybe(st.none() | dates),
       maybe(code_of("agreement_status")), maybe(st.just("") | ids), maybe(texts),
       maybe(texts), maybe(st.booleans()))
@SETTINGS
def test_agreement_only_raises_validation_error(aid, type_, parties_, signed, ends, status,
                                                renews, note, source, illustrative):
    only_validation_error(lambda: Agreement(aid, type_, parties_, signed, ends, status, renews,
                                            note, source, illustrative))


@given(st.tuples(maybe(ids), maybe(code_of("committee_kind")), maybe(texts), maybe(texts),
       maybe(st.none() | st.integers(-5, 400)), maybe(texts), maybe(texts),
       maybe(st.booleans())))
@SETTINGS
def test_committee_only_raises_validation_error(args):
    only_validation_error(lambda: Committee(*args))


@given(st.tuples(maybe(ids), maybe(ids), maybe(code_of("seat")), maybe(texts),
       maybe(st.none() | dates), maybe(st.none() | dates), maybe(texts), maybe(st.booleans())))
@SETTINGS
def test_membership_only_raises_validation_error(args):
    only_validation_error(lambda: Membership(*args))


@given(st.tuples(maybe(ids), maybe(ids), maybe(code_of("tie_kind")), maybe(texts),
       maybe(st.none() | dates), maybe(st.none() | dates), maybe(texts), maybe(texts),
       maybe(st.booleans())))
@SETTINGS
def test_tie_only_raises_validation_error(args):
    only_validation_error(lambda: Tie(*args))


@given(st.tuples(maybe(ids), maybe(st.floats() | st.integers()), maybe(names), maybe(dates),
       maybe(names), maybe(texts), maybe(texts), maybe(st.booleans())))
@SETTINGS
def test_figure_only_raises_validation_error(args):
    only_validation_error(lambda: Figure(*args))


answers = st.builds(Answer, maybe(st.sampled_from([c.code for c in fw.CRITERIA])),
                    maybe(st.integers(-1, 4)), maybe(st.sampled_from(["", "A", "B"])),
                    maybe(texts))


@given(maybe(ids), maybe(dates), st.one_of(st.lists(st.one_of(answers, junk), max_size=5),
                                           junk),
       maybe(texts), maybe(texts), maybe(texts), maybe(st.booleans()))
@SETTINGS
def test_assessment_only_raises_validation_error(aid, on, answers_, label, note, source,
                                                 illustrative):
    a = only_validation_error(lambda: Assessment(aid, on, answers_, label, note, source,
                                                 illustrative))
    if a is not None:
        from concert import maturity

        maturity(a)  # a valid assessment can always be placed


def records(build: Callable[..., Any], *strategies: st.SearchStrategy) -> st.SearchStrategy:
    """Valid records when the random fields allow it, junk otherwise."""
    return st.builds(lambda *a: only_validation_error(lambda: build(*a)) or a[0], *strategies)


region_items = st.one_of(
    junk,
    records(Actor, st.sampled_from(["cem", "org", "omh"]), names, code_of("actor_type")),
    records(Committee, st.sampled_from(["c1", "c2"]), code_of("committee_kind")),
    records(Membership, st.sampled_from(["c1", "c9"]), st.sampled_from(["cem", "ghost"])),
    records(Tie, st.sampled_from(["cem", "org"]), st.sampled_from(["org", "omh", "ghost"]),
            code_of("tie_kind")),
    records(Agreement, ids, st.sampled_from(["I", "II"]),
            st.sampled_from([(Party("housing_provider", "omh"), Party("program", "cem")),
                             (Party("program", "cem"), Party("referring_org", "org"))]),
            st.just(dt.date(2024, 1, 1))),
    records(Assessment, st.sampled_from(["e1", "e2"]), dates),
    records(Figure, ids, st.integers(0, 10), names, dates, names),
)


@given(maybe(ids, 0.1), maybe(names, 0.1), maybe(st.lists(names, max_size=2), 0.1),
       maybe(texts, 0.1), maybe(texts, 0.1), st.dictionaries(
           st.sampled_from(["actors", "agreements", "committees", "memberships", "ties",
                            "assessments", "figures"]),
           st.one_of(st.lists(region_items, max_size=4), junk), max_size=7),
       st.lists(region_items, max_size=4))
@SETTINGS
def test_region_only_raises_validation_error(code, name, territories, note, source, fields,
                                             added):
    region = only_validation_error(lambda: Region(code, name, territories, note, source,
                                                  **fields))
    if region is None:
        return
    only_validation_error(region.validate)
    only_validation_error(region.problems)
    for item in added:
        for add in (region.add_actor, region.add_agreement, region.add_committee,
                    region.add_membership, region.add_tie, region.add_assessment,
                    region.add_figure):
            only_validation_error(lambda add=add, item=item: add(item))


# ------------------------------------------------------------------------------- valid regions
@st.composite
def valid_regions(draw) -> Region:
    """A small valid region from random valid choices, built through the checked adds."""
    region = Region(draw(ids), draw(names), tuple(draw(st.lists(names, max_size=2))),
                    note=draw(texts), source=draw(texts))
    liaisons = draw(st.lists(names, min_size=1, max_size=2, unique_by=fold))
    region.add_actor(Actor("prog", draw(names), "program", acronym=draw(texts),
                           territories=tuple(draw(st.lists(names, max_size=2))),
                           contacts=tuple(Contact(n, "liaison_agent", draw(texts), draw(texts))
                                          for n in liaisons),
                           engagement=draw(code_of("engagement"))))
    orgs = []
    for i in range(draw(st.integers(0, 3))):
        worker = draw(names)
        extra = draw(st.lists(st.tuples(names, code_of("contact_role")), max_size=2))
        cs = {fold(worker): Contact(worker, "referring_worker")}
        for n, role in extra:
            cs.setdefault(fold(n), Contact(n, role))
        region.add_actor(Actor(f"org-{i}", f"{draw(names)} org-{i}",
                               draw(st.sampled_from(["community_org", "cisss", "obnl"])),
                               roles=tuple(draw(st.sets(code_of("org_role")))) + ("referring",),
                               contacts=tuple(cs.values()), note=draw(texts),
                               illustrative=draw(st.booleans())))
        orgs.append((f"org-{i}", worker))
    providers = []
    for i in range(draw(st.integers(0, 2))):
        region.add_actor(Actor(f"hp-{i}", f"{draw(names)} hp-{i}",
                               draw(st.sampled_from(["omh", "obnl", "coop",
                                                     "private_landlord"]))))
        providers.append(f"hp-{i}")
    for i in range(draw(st.integers(0, 2))):
        t = draw(code_of("actor_type"))
        region.add_actor(Actor(f"x-{i}", f"{draw(names)} x-{i}", t,
                               sector=draw(code_of("sector")) if t == "other" else ""))
    actor_ids = [a.id for a in region.actors]

    def add_agreement(aid, type_, parties_, status):
        signed = None if status == "draft" else draw(dates)
        ends = draw(st.none() | dates.filter(lambda d: signed is None or d >= signed))
        ag = Agreement(aid, type_, parties_, signed, ends, status, note=draw(texts),
                       illustrative=draw(st.booleans()))
        region.add_agreement(ag)
        return ag

    for hp in providers:
        if draw(st.booleans()):
            add_agreement(f"I-{hp}", "I", (Party("housing_provider", hp),
                                           Party("program", "prog")),
                          draw(code_of("agreement_status")))
    n_iii = 0
    for org, worker in orgs:
        if not draw(st.booleans()):
            continue
        ii = add_agreement(f"II-{org}", "II", (Party("program", "prog"),
                                               Party("referring_org", org)),
                           draw(code_of("agreement_status")))
        if ii.signed_on and effective_status(ii, ii.signed_on) in ACTIVE:
            for _ in range(draw(st.integers(0, 2))):
                n_iii += 1
                region.add_agreement(Agreement(
                    f"III-{n_iii}", "III",
                    (Party("tenant", tenant_code=draw(tenant_codes)),
                     Party("worker", org, worker),
                     Party("liaison_agent", "prog", draw(st.sampled_from(liaisons)))),
                    signed_on=ii.signed_on, status=draw(st.sampled_from(ACTIVE))))
    committees = draw(st.lists(ids, max_size=2, unique_by=str.casefold))
    for cid in committees:
        region.add_committee(Committee(cid, draw(code_of("committee_kind")), draw(texts),
                                       draw(texts), draw(st.none() | st.integers(0, 366))))
        for aid in draw(st.lists(st.sampled_from(actor_ids), max_size=3, unique=True)):
            since = draw(st.none() | dates)
            until = draw(st.none() | dates.filter(
                lambda d, since=since: since is None or d >= since))
            region.add_membership(Membership(cid, aid, draw(code_of("seat")), draw(texts),
                                             since, until))
    pairs = [(s, t) for s in actor_ids for t in actor_ids if s != t]
    if pairs:
        for s, t, kind, project in draw(st.lists(
                st.tuples(st.sampled_from(pairs), code_of("tie_kind"), texts).map(
                    lambda x: (*x[0], x[1], x[2])),
                max_size=3, unique_by=lambda x: x)):
            region.add_tie(Tie(s, t, kind, project, since=draw(st.none() | dates),
                               note=draw(texts)))
    for aid in draw(st.lists(ids, max_size=2, unique_by=str.casefold)):
        keys = draw(st.lists(st.tuples(st.sampled_from([c.code for c in fw.CRITERIA]),
                                       st.sampled_from(["", "A", "B"])),
                             max_size=8, unique=True))
        region.add_assessment(Assessment(
            aid, draw(dates), tuple(Answer(c, draw(st.integers(0, 3)), r, draw(texts))
                                    for c, r in keys), label=draw(texts)))
    for code, as_of in draw(st.lists(st.tuples(ids, dates), max_size=2,
                                     unique_by=lambda x: (x[0].casefold(), x[1]))):
        value = draw(st.integers(-(10**6), 10**6) | st.floats(allow_nan=False,
                                                              allow_infinity=False))
        region.add_figure(Figure(code, value, draw(names), as_of, draw(names), draw(texts)))
    region.validate()
    return region


@given(valid_regions())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_valid_region_round_trips_through_the_store(region):
    with Store(memory=True) as store:
        store.save_region(region)
        loaded = store.load_region(region.code)
        assert loaded == region
        # Saving again replaces without duplicating.
        store.save_region(loaded)
        assert store.load_region() == region


@given(valid_regions())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_valid_region_graph_has_one_node_per_record(region):
    from concert import region_to_graph

    G = region_to_graph(region)
    n_iii = sum(a.type == "III" for a in region.agreements)
    assert G.number_of_nodes() == len(region.actors) + len(region.committees) + 2 * n_iii
    assert G.number_of_edges() == (len(region.agreements) - n_iii + 3 * n_iii
                                   + len(region.memberships) + len(region.ties))



any_text = st.text(st.characters(), max_size=20) | surrogate_text | control_text


@given(any_text, any_text, any_text, any_text,
       st.integers() | st.floats() | st.sampled_from([10**5000, 2**53 + 1, 2**70, -(2**60) - 1]))
@SETTINGS
def test_whatever_the_model_accepts_the_store_keeps(name, note, contact, unit, value):
    # Text of any characters (controls, lone surrogates) and numbers of any size: either the
    # model refuses them, or the store saves and loads them back equal; never a crash in
    # between (e.g. a UnicodeEncodeError from SQLite or an OverflowError from float()).
    def build() -> Region:
        r = Region("r", "Région")
        r.add_actor(Actor("a", name, "omh", note=note, contacts=(Contact(contact),)))
        r.add_figure(Figure("f", value, unit, dt.date(2024, 1, 1), "définition"))
        return r

    region = only_validation_error(build)
    if region is None:
        return
    with Store(memory=True) as store:
        store.save_region(region)
        assert store.load_region() == region



@given(valid_regions())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_valid_region_graph_files_read_back_equal(region):
    import tempfile
    from pathlib import Path

    from concert import read_gexf, read_graphml, region_to_graph, write_gexf, write_graphml

    G = region_to_graph(region, tenant_codes=True)
    edges = {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}
    with tempfile.TemporaryDirectory() as tmp:
        for write, read in ((write_graphml, read_graphml), (write_gexf, read_gexf)):
            H = read(write(G, Path(tmp) / "g.xml"))
            assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
            assert {(u, v, k): d for u, v, k, d in H.edges(keys=True, data=True)} == edges
