"""Anonymised copies of a region, for screens shown to an audience.

A committee may project its stakeholder map or its maturity matrix in a public
meeting, or share a report outside the partnership. :func:`anonymise_region`
returns a copy of the region in which nothing names an organisation or a
person, while the structure (who is tied to whom, by what, on which committee)
and every stage computed from the assessments stay the same.

The liaison agent's calls (:mod:`concert.calls`) are not part of a region: no view, export
or report made from a region holds a call, its tenant code or its note. Committees see
their counts through :meth:`concert.Store.call_counts`.

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
from collections.abc import Collection, Iterable, Mapping, Sequence

import pandas as pd

from concert import i18n
from concert.accounts import Session, require
from concert.agreements import Agreement, Party
from concert.indicators import Answer, Assessment
from concert.region import Region

__all__ = ["agreement_names", "agreement_pseudonyms", "anonymise_region",
           "history_without_agreement_iii_ids", "view", "without_agreement_iii_ids",
           "without_tenant_codes"]


def agreement_pseudonyms(agreements: Iterable[Agreement], *,
                         types: Collection[str] = ("I", "II", "III"),
                         taken: Collection[str] = ()) -> dict[str, str]:
    """Pseudonyms for agreement ids: ``<type>-<n>``, numbered per type in the given order.

    The one naming rule for hidden agreement ids (:func:`anonymise_region`,
    :func:`without_agreement_iii_ids`). An agreement III's id may have been made from a
    tenant's file number, so it leaves the store only as such a pseudonym unless tenant
    codes are asked for.

    Parameters
    ----------
    agreements : iterable of Agreement
        The agreements, in the region's order.
    types : collection of str
        The agreement types to rename; others get no pseudonym.
    taken : collection of str
        Ids that stay as they are: a pseudonym never equals one of them.

    Returns
    -------
    dict
        Original id -> pseudonym (``"III-0001"``...).

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> names = agreement_pseudonyms(capitale_nationale().agreements, types=("III",))
    >>> sorted(names.values())[:2]
    ['III-0001', 'III-0002']
    """
    counts: Counter[str] = Counter()
    out: dict[str, str] = {}
    for g in agreements:
        if g.type not in types or g.id in out:
            continue
        while True:
            counts[g.type] += 1
            alias = f"{g.type}-{counts[g.type]:04d}"
            if alias not in taken:
                break
        out[g.id] = alias
    return out


def view(region: Region, *, tenant_codes: bool = False, anonymise: bool = False,
         lang: str | None = None, session: Session | None = None) -> Region:
    """The region as an audience may see it: the one privacy rule of screens and files.

    Parameters
    ----------
    region : Region
        The region as stored.
    tenant_codes : bool
        True only for those who may see tenants' codes (the program's liaison agent, or
        an export explicitly asked for with ``--include-tenant-codes``): the region is
        returned as it is. With a ``session``, its role must allow ``tenant_codes``
        (:mod:`concert.accounts`), and the showing is written to the store's access log,
        one row per entente III.
    anonymise : bool
        Hide every organisation's and person's name (:func:`anonymise_region`), for a
        screen shown in public or a report shared outside the partnership.
    lang : str, optional
        The language of the neutral names given when anonymising.
    session : Session, optional
        Who is shown the region (its role must allow ``read``); ``None``: the file's
        owner (a command on one's own machine).

    Returns
    -------
    Region
        Otherwise a copy whose agreements III carry pseudonyms instead of their ids
        (:func:`without_agreement_iii_ids`). Tenant codes themselves stay out of every
        default view: the graph, the tables and the exports leave them out unless
        ``tenant_codes`` is true. Given to a ``session``, the copy does not even hold
        them (:func:`without_tenant_codes`): whatever a screen draws from it, no code
        can reach a *comité* or *lecture* page.

    Raises
    ------
    concert.AccessDenied
        If ``session``'s role does not allow what is asked (a *comité* or *lecture*
        session asking for tenant codes); nothing is shown nor logged.

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> shown = view(capitale_nationale())
    >>> sorted({g.id[:4] for g in shown.agreements if g.type == "III"})
    ['III-']
    """
    require(session, "read")
    if anonymise:
        return anonymise_region(region, lang=lang)
    if tenant_codes:
        if session is not None:
            session.showing_tenant_codes(region.code,
                                         [g.id for g in region.agreements if g.type == "III"])
        return region
    if session is not None:
        return without_tenant_codes(region)
    return without_agreement_iii_ids(region)


def without_tenant_codes(region: Region) -> Region:
    """A copy of ``region`` holding neither entente III ids nor tenants' codes.

    As :func:`without_agreement_iii_ids`, and each tenant's code becomes its entente's
    pseudonym (``III-0001``): the copy is still a valid region, and counts, parties and
    dates are those of the original. The input is not modified.

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> shown = without_tenant_codes(capitale_nationale())
    >>> sorted({p.tenant_code[:4] for g in shown.agreements for p in g.parties
    ...         if p.role == "tenant"})
    ['III-']
    """
    out = without_agreement_iii_ids(region)
    if not any(g.type == "III" for g in out.agreements):
        return out
    out.agreements = [
        dataclasses.replace(g, parties=tuple(
            dataclasses.replace(p, tenant_code=g.id) if p.role == "tenant" else p
            for p in g.parties)) if g.type == "III" else g
        for g in out.agreements]
    # A tenant's commitments: their statuses stay (the committee is shown their counts,
    # concert.followup.agreement_iii_counts), their notes, which may describe the tenant,
    # do not.
    iii = {g.id for g in out.agreements if g.type == "III"}
    out.commitments = [dataclasses.replace(c, note="") if c.agreement in iii else c
                       for c in out.commitments]
    return out


def without_agreement_iii_ids(region: Region) -> Region:
    """A copy of ``region`` whose agreements III carry pseudonyms instead of their ids.

    The default of every export (graph files, data files, ``concert history``): the ids
    of agreements III, which may be derived from a tenant's file number, are replaced
    by :func:`agreement_pseudonyms`, and so are the ``renews`` references to them.
    Nothing else changes; the input is not modified.
    """
    kept = {g.id for g in region.agreements if g.type != "III"}
    alias = agreement_pseudonyms(region.agreements, types=("III",), taken=kept)
    if not alias:
        return region
    out = dataclasses.replace(region)
    out.agreements = [dataclasses.replace(g, id=alias.get(g.id, g.id),
                                          renews=alias.get(g.renews, g.renews))
                      for g in region.agreements]
    out.commitments = [dataclasses.replace(c, agreement=alias[c.agreement])
                       if c.agreement in alias else c for c in region.commitments]
    return out


def history_without_agreement_iii_ids(history: pd.DataFrame,
                                      regions: Mapping[str, Region]) -> pd.DataFrame:
    """The audit trail (:meth:`concert.Store.history`) with agreement III keys hidden.

    The key of an agreement that is of type III in ``regions`` (region code -> region)
    becomes its pseudonym (:func:`agreement_pseudonyms`); the key of an agreement no
    longer in its region (deleted or renamed: its type is unknown) becomes ``?-<n>``.
    Other rows are unchanged.
    """
    out = history.copy()
    if out.empty:
        return out
    names: dict[tuple[str, str], str] = {}
    unknown: Counter[str] = Counter()
    for code, region in regions.items():
        kept = {g.id for g in region.agreements if g.type != "III"}
        for key, alias in agreement_pseudonyms(region.agreements, types=("III",),
                                               taken=kept).items():
            names[(code, key)] = alias
        for key in kept:
            names[(code, key)] = key
    keys = []
    for code, kind, key in zip(out["region"], out["kind"], out["key"], strict=True):
        if kind == "agreement":
            if (code, key) not in names:
                unknown[code] += 1
                names[(code, key)] = f"?-{unknown[code]:04d}"
            key = names[(code, key)]
        elif kind == "commitment":  # agreement/commitment: the entente's id, as above
            agreement, _, commitment = key.partition("/")
            if (code, agreement) not in names:
                unknown[code] += 1
                names[(code, agreement)] = f"?-{unknown[code]:04d}"
            key = f"{names[(code, agreement)]}/{commitment}"
        keys.append(key)
    out["key"] = keys
    return out


def agreement_names(pairs: Sequence[tuple[str, str]],
                    regions: Mapping[str, Region]) -> dict[tuple[str, str], str]:
    """How ``(region code, agreement id)`` pairs are shown: ententes III by pseudonym.

    The names of :func:`history_without_agreement_iii_ids` (``regions``: region code ->
    region, those of the pairs): an entente III's pseudonym, another entente's id, ``?-<n>``
    for an agreement no longer in its region. Used for the purge plan and the access log.
    """
    if not pairs:
        return {}
    frame = pd.DataFrame({"region": [r for r, _ in pairs], "kind": "agreement",
                          "key": [k for _, k in pairs]})
    shown = history_without_agreement_iii_ids(frame, regions)
    return dict(zip(pairs, shown["key"], strict=True))


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

    agreement_ids = agreement_pseudonyms(region.agreements)
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
            answers.append(Answer(ans.criterion, ans.level, respondent, "",
                                  ans.respondent_group))
        assessments.append(Assessment(s.id, s.on, tuple(answers), label=s.label, note="",
                                      source=s.source, illustrative=s.illustrative,
                                      anonymous=s.anonymous, closes_on=s.closes_on))

    out = Region(region.code, region.name, region.territories, note="", source=region.source)
    out.actors = actors
    out.agreements = agreements
    out.committees = list(region.committees)
    out.memberships = memberships
    out.ties = ties
    out.assessments = assessments
    out.figures = list(region.figures)
    out.actions = [dataclasses.replace(a, lead=ids[a.lead],
                                       partners=tuple(ids.get(p, p) for p in a.partners),
                                       note="", source="",
                                       log=tuple(dataclasses.replace(e, note="", by="")
                                                 for e in a.log))
                   for a in region.actions]
    out.commitments = [dataclasses.replace(c, agreement=agreement_ids[c.agreement], note="")
                       for c in region.commitments if c.agreement in agreement_ids]
    return out
