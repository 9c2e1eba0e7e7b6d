"""Content-derived identifiers: the same text extracted again gives the same ids and keys."""

from __future__ import annotations

import hashlib

from tumen.model import Span

# Short kind codes used inside keys; the letter matches the local id prefix (p1, t1, ...).
KIND_CODES = {
    "place": "p",
    "time": "t",
    "quantity": "q",
    "duration": "d",
    "frequency": "f",
    "actor": "a",
    "event": "e",
    "sanction": "s",
}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def report_id(sha256: str) -> str:
    """A report's id: the first 16 hex digits of the sha256 of its decoded text."""
    return sha256[:16]


def item_key(report: str, kind: str, span: Span) -> str:
    """Stable key of an extracted item: `<report id>:<kind letter>:<start>-<end>`."""
    return f"{report}:{KIND_CODES[kind]}:{span[0]}-{span[1]}"


def event_key(report: str, event_type: str, round_: int | None, span: Span) -> str:
    """Stable key of an event: its type and round are part of it, since one phrase
    ("the third and fourth round selections") yields one event per round."""
    return f"{report}:e:{event_type}:{round_ or 0}:{span[0]}-{span[1]}"


def sanction_key(report: str, instrument: str, relation: str) -> str:
    return f"{report}:s:{relation}:{instrument.replace(' ', '_')}"
