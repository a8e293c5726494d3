"""Anonymised copies of a region, for screens shown to an audience.

A committee may project its stakeholder map or its maturity matrix in a public
meeting, or share a report outside the partnership. :func:`anonymise_region`
returns a copy of the region in which nothing names an organisation or a
person, while the structure (who is tied to whom, by what, on which committee)
and every stage computed from the assessments stay the same.

Examples
--------
>>> from concert.example import capitale_nationale
>>> anon = anonymise_region(capitale_nationale(), lang="en")
>>> anon.actors[1].name
'Municipal housing office (OMH) 1'
>>> any(c.email for a in anon.actors for c in a.contacts)
False
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from concert import i18n
from concert.agreements import Agreement, Party
from concert.indicators import Answer, Assessment
from concert.region import Region

__all__ = ["anonymise_region"]


def anonymise_region(region: Region, *, lang: str | None = None) -> Region:
    """Return a copy of ``region`` in which no organisation or person can be recognised.

    Parameters
    ----------
    region : Region
        The region to copy; it is not modified.
    lang : str, optional
        Language of the replacement names (default: the settings language).

    Returns
    -------
    Region
        A region with the same structure, where:

        - each actor is renamed "<type label> <n>" (numbered per type, in the region's
          order), its id becomes ``actor-<n>``, and its acronym, note and source are
          cleared;
        - contacts keep only their role: each is renamed "<role label> <n>" and its
          e-mail and phone are dropped (agreements III still name their worker and
          liaison agent, by these pseudonyms, so the copy stays valid);
        - agreement ids become ``<type>-<n>`` and tenant codes ``ANON-<n>``;
        - free texts that may name someone (notes of actors, agreements, ties,
          memberships and assessments; joint-project names; respondents; evidence
          notes) are replaced by neutral ones or cleared.

        Committees, dates, statuses, territories, figures and assessment levels are
        kept, so stages and counts are those of the original region.

    Notes
    -----
    Runs in time linear in the number of records. The copy is not checked again:
    it follows every rule the original follows.
    """
    type_counts: Counter[str] = Counter()
    ids: dict[str, str] = {}
    people: dict[tuple[str, str], str] = {}
    role_counts: Counter[str] = Counter()
    actors = []
    for n, a in enumerate(region.actors, start=1):
        type_counts[a.type] += 1
        ids[a.id] = f"actor-{n}"
        contacts = []
        for c in a.contacts:
            role_counts[c.role] += 1
            alias = f"{i18n.label('contact_role', c.role, lang)} {role_counts[c.role]}"
            people[(a.id, c.name)] = alias
            contacts.append(dataclasses.replace(c, name=alias, email="", phone=""))
        actors.append(dataclasses.replace(
            a, id=ids[a.id], name=f"{i18n.label('actor_type', a.type, lang)} {type_counts[a.type]}",
            acronym="", note="", source="", contacts=tuple(contacts)))

    agreement_ids: dict[str, str] = {}
    type_n: Counter[str] = Counter()
    for g in region.agreements:
        type_n[g.type] += 1
        agreement_ids[g.id] = f"{g.type}-{type_n[g.type]:04d}"
    tenants = 0
    agreements: list[Agreement] = []
    for g in region.agreements:
        parties = []
        for p in g.parties:
            if p.role == "tenant":
                tenants += 1
                parties.append(Party("tenant", tenant_code=f"ANON-{tenants:04d}"))
            else:
                parties.append(Party(p.role, ids.get(p.actor, p.actor),
                                     people.get((p.actor, p.person), p.person) if p.person
                                     else ""))
        agreements.append(dataclasses.replace(
            g, id=agreement_ids[g.id], parties=tuple(parties), note="", source="",
            renews=agreement_ids.get(g.renews, "") if g.renews else ""))

    projects: dict[str, str] = {}
    ties = []
    for t in region.ties:
        project = t.project
        if project:
            project = projects.setdefault(project, f"{len(projects) + 1}")
        ties.append(dataclasses.replace(t, source=ids[t.source], target=ids[t.target],
                                        project=project, note="", source_ref=""))
    memberships = [dataclasses.replace(m, actor=ids[m.actor], person="", source="")
                   for m in region.memberships]

    assessments = []
    for s in region.assessments:
        who: dict[str, str] = {}
        answers = []
        for ans in s.answers:
            respondent = ""
            if ans.respondent:
                respondent = who.setdefault(ans.respondent, f"R{len(who) + 1}")
            answers.append(Answer(ans.criterion, ans.level, respondent, ""))
        assessments.append(Assessment(s.id, s.on, tuple(answers), label=s.label, note="",
                                      source=s.source, illustrative=s.illustrative))

    out = Region(region.code, region.name, region.territories, note="", source=region.source)
    out.actors = actors
    out.agreements = agreements
    out.committees = list(region.committees)
    out.memberships = memberships
    out.ties = ties
    out.assessments = assessments
    out.figures = list(region.figures)
    return out
