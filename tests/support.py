"""Shared test helpers: where the examples, the shared spec and the development corpus are,
and the check that a record obeys the public contract."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCHEMA_PATH = SHARED / "spec" / "extraction.schema.json"
SEED = CORPUS / "000_6a9ecab408291826.txt"


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def assert_valid_record(data: dict[str, Any]) -> None:
    """A record validates against the public schema and every span matches its mention."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    text = data["report"]["text"]
    for kind in ("places", "times", "quantities", "durations", "frequencies", "actors"):
        for item in data[kind]:
            start, end = item["span"]
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == item["mention"], (kind, item)
    for event in data["events"]:
        assert event["evidence"], event
        for evidence in event["evidence"]:
            start, end = evidence["span"]
            assert text[start:end] == evidence["text"]
        attribution = event["attribution"]
        if attribution["span"] is not None:
            start, end = attribution["span"]
            assert text[start:end] == attribution["mention"]
    for link in data["sanctions"]:
        for evidence in link["evidence"]:
            start, end = evidence["span"]
            assert text[start:end] == evidence["text"]


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
