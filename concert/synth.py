"""Synthetic regions for benchmarks and tests: never shown as real data.

:func:`synthetic_region` draws a region of any size with seeded randomness and
proportions close to the example region's: about one organisation in three is
a community organisation (most of them referring), one in four a private
landlord, the rest OMH, OBNL, co-ops, municipalities, a CISSS and coalitions.
Every record is marked ``illustrative`` and the region's name says
"synthétique".
"""

from __future__ import annotations

import datetime as dt
import random

from concert import settings
from concert._errors import ArgumentError
from concert.actors import Actor, Contact
from concert.agreements import Agreement, Party
from concert.committees import Committee, Membership
from concert.framework import CRITERIA, QUEBEC_REGIONS
from concert.indicators import Answer, Assessment
from concert.region import Region
from concert.ties import Tie

__all__ = ["synthetic_province", "synthetic_region"]

# (type, share of actors, roles)
MIX: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    ("community_org", 0.34, ("referring",)),
    ("private_landlord", 0.25, ()),
    ("obnl", 0.12, ()),
    ("coop", 0.10, ()),
    ("coalition", 0.06, ()),
    ("municipality", 0.06, ()),
    ("omh", 0.03, ("housing_provider",)),
    ("user_association", 0.02, ()),
    ("cisss", 0.02, ("referring", "funder")),
)
TERRITORIES = ("Territoire A", "Territoire B", "Territoire C", "Territoire D")
TIE_KINDS = ("information", "information", "resources", "joint_project", "referral")


def synthetic_region(n_actors: int = 500, *, seed: int = 0, code: str | None = None,
                     assessments: int = 1, reference: dt.date | None = None) -> Region:
    """Draw a synthetic region of ``n_actors`` organisations (plus the program).

    Parameters
    ----------
    n_actors : int
        Number of organisations besides the program (at least 10).
    seed : int
        Random seed: the same seed gives the same region.
    code : str, optional
        Region code (default ``"synth-<n_actors>-<seed>"``).
    assessments : int
        Number of quarterly assessments, the last one 30 days before ``reference``.
    reference : datetime.date, optional
        Dates are drawn around it (default today).

    Returns
    -------
    Region
        A valid region: agreements I for about 80 % of housing providers, agreements II
        for about 80 % of referring organisations, agreements III for about half as many
        tenants as actors, three committees and about two declared ties per actor.

    Notes
    -----
    Runs in time linear in ``n_actors``.
    """
    if not isinstance(n_actors, int) or n_actors < 10:
        raise ArgumentError("synth.n_actors")
    rng = random.Random(seed)
    ref = reference or settings.current_date()
    code = code or f"synth-{n_actors}-{seed}"
    region = Region(code, f"Région synthétique {code}", TERRITORIES,
                    note="Données synthétiques générées pour les tests et les mesures de "
                         "performance : ne décrivent aucune région réelle.")
    program = Actor("prog", "Programme synthétique", "program", territories=TERRITORIES,
                    contacts=(Contact("Agent·e de liaison 1", "liaison_agent"),
                              Contact("Agent·e de liaison 2", "liaison_agent")),
                    engagement="signatory", illustrative=True)
    actors = [program]
    weights = [m[1] for m in MIX]
    for i in range(n_actors):
        kind, _, roles = rng.choices(MIX, weights)[0]
        contacts = (Contact(f"Intervenant·e {i}", "referring_worker"),) if "referring" in roles \
            else ()
        actors.append(Actor(f"a{i:05d}", f"Organisme synthétique {i}", kind,
                            territories=(rng.choice(TERRITORIES),), roles=roles,
                            contacts=contacts,
                            engagement=rng.choice(("identified", "contacted", "at_table",
                                                   "signatory")),
                            illustrative=True))
    region.actors = actors
    prog = Party("program", "prog")
    agreements: list[Agreement] = []
    workers = []
    for a in actors[1:]:
        if a.type in ("omh", "obnl", "coop", "private_landlord") and rng.random() < 0.8:
            agreements.append(Agreement(f"I-{a.id}", "I", (Party("housing_provider", a.id), prog),
                                        signed_on=ref - dt.timedelta(days=rng.randint(30, 3000)),
                                        illustrative=True))
        if "referring" in a.roles and rng.random() < 0.8:
            signed = ref - dt.timedelta(days=rng.randint(30, 1000))
            agreements.append(Agreement(f"II-{a.id}", "II", (prog, Party("referring_org", a.id)),
                                        signed_on=signed, illustrative=True))
            workers.append((a, signed))
    for n in range(n_actors // 2 if workers else 0):
        org, since = workers[n % len(workers)]
        agreements.append(Agreement(
            f"III-{n:05d}", "III",
            (Party("tenant", tenant_code=f"SYN-{n:06d}"),
             Party("worker", org.id, org.contacts[0].name),
             Party("liaison_agent", "prog", program.contacts[n % 2].name)),
            signed_on=since + dt.timedelta(days=rng.randint(1, 29)), illustrative=True))
    region.agreements = agreements
    ids = [a.id for a in actors]
    committees = [Committee("gestion", "gestion", illustrative=True),
                  Committee("selection", "selection", illustrative=True),
                  Committee("pratiques", "pratiques", illustrative=True)]
    region.committees = committees
    ms = []
    for cid, size in (("gestion", 10), ("selection", 4), ("pratiques", 8)):
        for aid in ["prog", *rng.sample(ids[1:], size - 1)]:
            ms.append(Membership(cid, aid, illustrative=True))
    region.memberships = ms
    ties = []
    seen = set()
    for _ in range(2 * n_actors):
        s, t = rng.sample(ids, 2)
        kind = rng.choice(TIE_KINDS)
        if (s, t, kind) in seen:
            continue
        seen.add((s, t, kind))
        ties.append(Tie(s, t, kind, project="Projet commun" if kind == "joint_project" else "",
                        illustrative=True))
    region.ties = ties
    out = []
    for k in range(assessments):
        on = ref - dt.timedelta(days=30 + 91 * (assessments - 1 - k))
        progress = (k + 1) / assessments
        answers = tuple(Answer(c.code, min(3, max(0, round(3 * progress - rng.random()
                                                            - (0.8 if c.stage == "cooperation"
                                                               else 0)))))
                        for c in CRITERIA)
        out.append(Assessment(f"eval-{k + 1:03d}", on, answers, illustrative=True))
    region.assessments = out
    return region


def synthetic_province(n_actors: int = 20000, *, n_regions: int = 17, seed: int = 0,
                       years: int = 10, reference: dt.date | None = None) -> list[Region]:
    """Draw a synthetic province: ``n_regions`` regions sharing ``n_actors`` organisations.

    Regions take the codes and names of Québec's administrative regions
    (:data:`concert.framework.QUEBEC_REGIONS`, repeated with a suffix beyond 17), with
    "(synthétique)" in the name; their sizes vary (Montréal and the Capitale-Nationale
    larger), and each has ``4 * years`` quarterly assessments.

    Runs in time linear in ``n_actors``.
    """
    rng = random.Random(seed)
    weights = [3.0 if code in ("03", "06", "16") else 0.5 + rng.random()
               for code, _ in QUEBEC_REGIONS]
    weights = [weights[i % len(weights)] for i in range(n_regions)]
    total = sum(weights)
    sizes = [max(10, round(n_actors * w / total)) for w in weights]
    out = []
    for i, size in enumerate(sizes):
        code, name = QUEBEC_REGIONS[i % len(QUEBEC_REGIONS)]
        if i >= len(QUEBEC_REGIONS):
            code = f"{code}-{i // len(QUEBEC_REGIONS)}"
        region = synthetic_region(size, seed=seed * 1000 + i, code=code,
                                  assessments=4 * years, reference=reference)
        region.name = f"{name} (synthétique)"
        out.append(region)
    return out
