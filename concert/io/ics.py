r"""Dates that come to people: an iCalendar file (RFC 5545) of what falls due.

The events are the plan's actions still open (their due dates), the plan's targets (their
dates), and the annual review of the ententes (:func:`concert.followup.annual_review`):
commitment reviews due or overdue, entente II notice dates, ends of ententes I and II,
and the count of ententes III commitments to review (never a tenant). Each event is a
whole day. Subscribed to in a calendar, the file updates its events in place: each UID is
made of the region, the kind of date and the record, never of the date.

The file is written by hand, as RFC 5545 asks: lines end with CRLF; lines longer than 75
octets are folded (CRLF and a space, never inside a UTF-8 character); text values escape
``\\``, ``;``, ``,`` and new lines; every event has a UID and a DTSTAMP (UTC).
:func:`parse_ics` reads such a file back (unfolding, unescaping).

Examples
--------
>>> lines = fold("SUMMARY:" + "é" * 40).split("\r\n")
>>> [len(line.encode("utf-8")) for line in lines]
[74, 15]
>>> escape("a;b,c")
'a\\;b\\,c'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from concert import i18n, settings
from concert.actions import status_on
from concert.followup import annual_review, targets
from concert.io.files import atomic_path
from concert.region import Region

__all__ = ["Event", "calendar_events", "escape", "fold", "parse_ics", "to_ics",
           "write_calendar"]

PRODID = "-//concert//Concertation intersectorielle//FR"
MAX_OCTETS = 75


@dataclass(frozen=True)
class Event:
    """One whole-day event.

    Its stable ``uid``, ``day``, ``summary``, ``description`` and ``category``
    (``action``, ``target``, or a kind of :func:`annual_review`).
    """

    uid: str
    day: dt.date
    summary: str
    description: str = ""
    category: str = ""


def escape(text: str) -> str:
    """A TEXT value escaped as RFC 5545 (3.3.11) asks."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def unescape(text: str) -> str:
    """The inverse of :func:`escape`."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545, 3.1), never inside a character."""
    out: list[str] = []
    current = b""
    limit = MAX_OCTETS
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > limit:
            out.append(current.decode("utf-8"))
            current = b""
            limit = MAX_OCTETS - 1  # continuation lines start with a space
        current += b
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [dict(zip(frame.columns, row, strict=True)) for row in frame.itertuples(index=False)]


def _uid_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "-", text)


def calendar_events(region: Region, *, on: dt.date | None = None, within_days: int = 730,
                    lang: str | None = None) -> list[Event]:
    """The events of ``region`` from ``on`` (overdue ones included) to ``within_days`` later.

    No entente III is named: their reviews are one counted event.
    """
    on = on or settings.current_date()
    until = on + dt.timedelta(days=within_days)
    code = _uid_part(region.code)
    out: list[Event] = []
    by = region.actors_by_id()
    for a in region.actions:
        if a.due is None or a.due > until:
            continue
        status = status_on(a, on)
        if status not in ("planned", "in_progress"):
            continue
        lead = by[a.lead].name if a.lead in by else a.lead
        out.append(Event(f"action-{_uid_part(a.id)}@{code}.concert", a.due,
                         i18n.t("ics.action", lang, title=a.title),
                         i18n.t("ics.action.detail", lang, lead=lead,
                                status=i18n.label("action_status", status, lang)),
                         "action"))
    for t in _rows(targets(region, on=on, lang=lang)):
        if t["target_on"] is None or t["target_on"] > until or t["reached"]:
            continue
        value = f"{t['target']:g}"
        out.append(Event(f"target-{_uid_part(t['action'])}@{code}.concert", t["target_on"],
                         i18n.t("ics.target", lang, title=t["title"], value=value,
                                unit=t["unit"]), str(t["definition"]), "target"))
    for r in _rows(annual_review(region, on=on, within_days=within_days, lang=lang)):
        key = "-".join(_uid_part(x) for x in (r["kind"], r["agreement"], r["commitment"]) if x)
        out.append(Event(f"{key}@{code}.concert", r["date"], str(r["message"]), "",
                         str(r["kind"])))
    return sorted(out, key=lambda e: (e.day, e.uid))


def to_ics(events: Iterable[Event], *, name: str = "",
           stamp: dt.datetime | None = None) -> str:
    """The calendar as iCalendar text (CRLF line ends, folded lines)."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape(name)}")
    for e in events:
        lines += ["BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{dtstamp}",
                  f"DTSTART;VALUE=DATE:{e.day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{e.day + dt.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{escape(e.summary)}", "TRANSP:TRANSPARENT"]
        if e.description:
            lines.append(f"DESCRIPTION:{escape(e.description)}")
        if e.category:
            lines.append(f"CATEGORIES:{escape(e.category)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def parse_ics(text: str) -> list[dict[str, str]]:
    """The events of iCalendar ``text``, unfolded.

    Each a dict of property name to unescaped value (parameters dropped).

    Raises
    ------
    ValueError
        If a line does not end with CRLF, or the calendar is not closed.
    """
    if text and not text.endswith("\r\n") or re.search(r"(?<!\r)\n", text):
        raise ValueError("lines must end with CRLF")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    closed = False
    for line in unfolded.split("\r\n"):
        if not line:
            continue
        name_part, _, value = line.partition(":")
        name = name_part.split(";", 1)[0].upper()
        if name == "BEGIN" and value == "VEVENT":
            current = {}
        elif name == "END" and value == "VEVENT" and current is not None:
            events.append(current)
            current = None
        elif name == "END" and value == "VCALENDAR":
            closed = True
        elif current is not None:
            current[name] = unescape(value)
    if not closed:
        raise ValueError("no END:VCALENDAR")
    return events


def write_calendar(region: Region, path: str | Path, *, on: dt.date | None = None,
                   within_days: int = 730, lang: str | None = None,
                   protect: Iterable[str | Path] = ()) -> Path:
    """Write the calendar of ``region`` to ``path`` (whole, never over ``protect``)."""
    text = to_ics(calendar_events(region, on=on, within_days=within_days, lang=lang),
                  name=i18n.t("ics.calendar", lang, region=region.name))
    with atomic_path(path, protect=protect) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
    return Path(path)
