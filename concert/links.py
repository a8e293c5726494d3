"""Personal answer links: a token per organisation per assessment, expiring, hashed.

The secretary opens an assessment and gives each member organisation a link, so that
members answer without an account. A link answers one assessment, as one organisation,
until it expires; nothing else. The token is shown once, when made (:func:`new_token`);
the store keeps only its SHA-256 hash (:func:`token_hash`): a token has 192 random bits,
so a hash without salt cannot be reversed by guessing, and a stolen file gives no link.
:func:`check_link` says whether a link may answer a given assessment on a given day.

Examples
--------
>>> token = new_token()
>>> len(token) >= 32, token_hash(token) == token_hash(token), token_hash(token) != token
(True, True, True)
>>> link = AnswerLink("cn", "bilan-2026", "omh", dt.date(2026, 6, 30))
>>> check_link(link, "bilan-2026", dt.date(2026, 6, 30)) is link
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from concert import framework as fw
from concert._errors import AccessDenied

__all__ = ["AnswerLink", "check_link", "default_expiry", "new_token", "token_hash"]

TOKEN_BYTES = 24


@dataclass(frozen=True)
class AnswerLink:
    """What a personal link allows: answer ``assessment`` of ``region`` as ``organisation``.

    ``expires_on`` is the last day it works.
    """

    region: str
    assessment: str
    organisation: str
    expires_on: dt.date
    created_by: str = ""


def new_token() -> str:
    """A new random token, URL-safe (shown once; store :func:`token_hash` of it)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The hash the store keeps of a token (SHA-256, hexadecimal)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def default_expiry(opened_on: dt.date, closes_on: dt.date | None = None) -> dt.date:
    """When a link made on ``opened_on`` expires.

    The assessment's closing day, else ``answer_link_days`` later
    (:data:`concert.framework.PARAMETERS`).
    """
    if closes_on is not None:
        return closes_on
    return opened_on + dt.timedelta(days=fw.PARAMETERS["answer_link_days"][0])


def check_link(link: AnswerLink | None, assessment: str, today: dt.date) -> AnswerLink:
    """Return ``link`` if it may answer ``assessment`` on ``today``.

    Raises
    ------
    concert.AccessDenied
        ``link.unknown`` (no such link), ``link.expired`` (after its last day) or
        ``link.scope`` (another assessment).
    """
    if link is None:
        raise AccessDenied("link.unknown")
    if today > link.expires_on:
        raise AccessDenied("link.expired", on=link.expires_on.isoformat())
    if assessment != link.assessment:
        raise AccessDenied("link.scope", assessment=assessment)
    return link
