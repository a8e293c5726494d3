"""Settings read at call time.

language : str
    ``"fr"`` (default) or ``"en"``: the language of messages and labels when the
    caller does not give one (``text()``, ``i18n.t(key)``...), read when the text is
    rendered. The ``CONCERT_LANG`` environment variable sets it at import. The
    command line and the dashboard never change it: they pass their own language.
today : datetime.date or None
    The date concert treats as today (agreement status, expiry warnings). ``None``
    (default) means the real date; tests and reports may pin it.
"""

from __future__ import annotations

import datetime as _dt
import os

language: str = os.environ.get("CONCERT_LANG", "fr") if os.environ.get(
    "CONCERT_LANG", "fr") in ("fr", "en") else "fr"
today: _dt.date | None = None
timezone: str = os.environ.get("CONCERT_TZ", "America/Montreal")
"""Where times a person reads are shown (the audit trail is kept in UTC): Québec's."""


def current_date() -> _dt.date:
    """Return :data:`today` if set, else the real date."""
    return today or _dt.date.today()


def local_time(when: _dt.datetime) -> _dt.datetime:
    """``when`` (UTC if naive) in :data:`timezone` (the machine's zone if unknown)."""
    import zoneinfo

    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    try:
        return when.astimezone(zoneinfo.ZoneInfo(timezone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return when.astimezone()
