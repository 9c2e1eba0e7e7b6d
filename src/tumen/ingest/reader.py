"""Read a report file into a Report: decode, normalise line endings, take its metadata.

A report is plain text, or a `.json` object with `text` and, where known, `title`,
`publisher`, `url`, `published` and `language`; any other key is ignored.
Bad input raises InputError with one line that names the file and the problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tumen.errors import InputError
from tumen.extract.language import detect_language
from tumen.ids import report_id, text_sha256
from tumen.model import Report

# Largest report accepted, in bytes of the file as read. Long-form reports (a UN panel
# report pasted whole) reach a few MB; beyond this the input is almost surely not a report.
MAX_REPORT_BYTES = 8 * 1024 * 1024

# Legacy encodings tried, in order, when a file is not UTF-8. The genre's sources are
# Western (Windows-1252), Korean (EUC-KR / CP949) and Russian (KOI8-R, Windows-1251).
LEGACY_ENCODINGS = ("cp949", "euc_kr", "koi8_r", "cp1251", "cp1252")


@dataclass(frozen=True, slots=True)
class ReportOverrides:
    """Metadata given by the user; each non-null value wins over what the file says."""

    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None


def parse_date(value: str, *, source: str | None = None, what: str = "publication date") -> str:
    """Check a date given as YYYY-MM-DD and return it in ISO form."""
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(
            f"{what} {value!r} is not a valid YYYY-MM-DD date", source=source
        ) from None


def read_report(path: Path, overrides: ReportOverrides | None = None) -> Report:
    """Read one report file. Raises InputError on anything that is not a readable report."""
    overrides = overrides or ReportOverrides()
    source = str(path)
    if overrides.published is not None:
        parse_date(overrides.published, source="--published")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError("not a regular file", source=source)
        if size > MAX_REPORT_BYTES:
            raise InputError(
                f"file is {size:,} bytes, over the limit of {MAX_REPORT_BYTES:,} bytes",
                source=source,
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except PermissionError:
        raise InputError("permission denied", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a report file", source=source) from None

    return report_from_bytes(raw, name=path.name, overrides=overrides, source=source)


def report_from_bytes(
    raw: bytes, *, name: str, overrides: ReportOverrides | None = None, source: str | None = None
) -> Report:
    """A report from the bytes of a file called `name` (a `.json` name reads the JSON shape)."""
    source = source or name
    text, encoding = decode(raw, source=source)
    return report_from_text(text, name=name, encoding=encoding, overrides=overrides, source=source)


def report_from_text(
    text: str,
    *,
    name: str,
    encoding: str | None = "utf-8",
    overrides: ReportOverrides | None = None,
    source: str | None = None,
) -> Report:
    """A report from decoded text: plain, or the JSON shape when `name` ends in `.json`."""
    source = source or name
    meta: dict[str, Any] = {}
    if name.lower().endswith(".json"):
        text, meta = _from_json(text, source)
    return build_report(text, encoding=encoding, meta=meta, overrides=overrides, source=source)


def build_report(
    text: str,
    *,
    encoding: str | None = "utf-8",
    meta: dict[str, Any] | None = None,
    overrides: ReportOverrides | None = None,
    source: str = "<text>",
) -> Report:
    """Make a Report from decoded text and metadata (used for files, pasted text, the web)."""
    meta = meta or {}
    overrides = overrides or ReportOverrides()
    text = normalise_text(text)
    if not text.strip():
        raise InputError("the report is empty", source=source)
    published = overrides.published or meta.get("published")
    if published is not None:
        published = parse_date(str(published), source=source)
    sha = text_sha256(text)
    language = meta.get("language") or detect_language(text)
    return Report(
        id=report_id(sha),
        sha256=sha,
        text=text,
        title=overrides.title or _str_or_none(meta.get("title")),
        publisher=overrides.publisher or _str_or_none(meta.get("publisher")),
        url=overrides.url or _str_or_none(meta.get("url")),
        published=published,
        language=str(language),
        encoding=encoding,
    )


def normalise_text(text: str) -> str:
    """Line endings to \\n and no byte-order mark; nothing else is changed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(raw: bytes, *, source: str) -> tuple[str, str]:
    """Decode bytes: BOM, then strict UTF-8, then the legacy encoding that reads best."""
    if not raw.strip():
        raise InputError("the file is empty", source=source)
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8", source), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(raw, "utf-16", source), "utf-16"
    if _looks_binary(raw):
        raise InputError("looks like a binary file, not text", source=source)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(raw, source)


def _strict(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"declares {encoding} but does not decode as it", source=source) from None


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.02


def _decode_legacy(raw: bytes, source: str) -> tuple[str, str]:
    """charset-normalizer ranks the candidates; we keep to the encodings the genre uses so a
    Korean page is never read as Chinese, and fall back to our own order when it abstains."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is not None and best.encoding:
        return str(best), _canonical_encoding(best.encoding)
    for encoding in LEGACY_ENCODINGS:
        try:
            return raw.decode(encoding), _canonical_encoding(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("cannot tell the text encoding", source=source)


def _canonical_encoding(name: str) -> str:
    return {
        "cp949": "cp949",
        "euc_kr": "euc-kr",
        "koi8_r": "koi8-r",
        "cp1251": "windows-1251",
        "cp1252": "windows-1252",
    }.get(name.lower().replace("-", "_"), name.lower())


def _from_json(content: str, source: str) -> tuple[str, dict[str, Any]]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise InputError(
            f"invalid JSON ({error.msg} at line {error.lineno})", source=source
        ) from None
    if not isinstance(data, dict):
        raise InputError("JSON report must be an object with a 'text' key", source=source)
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError("JSON report has no 'text' string", source=source)
    keys = ("title", "publisher", "url", "published", "language")
    return text, {k: data[k] for k in keys if data.get(k) is not None}


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
