"""Reading report files: encodings, JSON metadata, and bad input rejected with one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tumen.errors import InputError
from tumen.ingest.reader import MAX_REPORT_BYTES, ReportOverrides, decode, read_report

ENGLISH = (
    "A source in North Korea said on Monday that about 200 workers would leave for Russia "
    "in early May, after the authorities completed the first round of selections."
)
# Text in the legacy encodings our sources come in, with the encoding the reader reports.
LEGACY = [
    (
        "windows-1252",
        "Workers’ wages – “loyalty funds” – were confiscated, said the café owner.",
        "cp1252",
    ),
    (
        "euc-kr",
        "북한 노동자들이 러시아로 파견되었다고 소식통이 전했다. 평양에서 선발된 노동자들은 연해주로 향했다.",
        "euc_kr",
    ),
    (
        "koi8-r",
        "Северокорейские рабочие прибыли во Владивосток на поезде из Хасана в понедельник.",
        "koi8_r",
    ),
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reader_plain_text_utf8(tmp_path: Path) -> None:
    report = read_report(write(tmp_path, "r.txt", ENGLISH.encode()))
    assert report.text == ENGLISH
    assert report.encoding == "utf-8"
    assert report.language == "en"
    assert len(report.id) == 16 and report.sha256.startswith(report.id)
    assert report.published is None


def test_reader_normalises_line_endings_and_bom(tmp_path: Path) -> None:
    report = read_report(write(tmp_path, "r.txt", b"\xef\xbb\xbfLine one.\r\nLine two.\rEnd"))
    assert report.text == "Line one.\nLine two.\nEnd"
    assert report.encoding == "utf-8-sig"


@pytest.mark.parametrize(("label", "text", "codec"), LEGACY)
def test_reader_detects_legacy_encoding(tmp_path: Path, label: str, text: str, codec: str) -> None:
    report = read_report(write(tmp_path, f"{label}.txt", text.encode(codec)))
    assert report.text == text
    assert report.encoding in {label, "cp949"} if label == "euc-kr" else report.encoding == label


def test_reader_korean_text_is_stored_with_its_language(tmp_path: Path) -> None:
    report = read_report(write(tmp_path, "ko.txt", LEGACY[1][1].encode("utf-8")))
    assert report.language == "ko"


def test_reader_json_report_reads_only_known_keys(tmp_path: Path) -> None:
    data = {
        "text": ENGLISH,
        "title": "T",
        "publisher": "P",
        "url": "https://example.org/a",
        "published": "2024-05-02",
        "relevant": True,
        "notes": "ignored",
    }
    report = read_report(write(tmp_path, "r.json", json.dumps(data).encode()))
    assert (report.title, report.publisher, report.url, report.published) == (
        "T",
        "P",
        "https://example.org/a",
        "2024-05-02",
    )


def test_reader_overrides_win_over_json(tmp_path: Path) -> None:
    data = {"text": ENGLISH, "published": "2024-05-02", "title": "old"}
    path = write(tmp_path, "r.json", json.dumps(data).encode())
    report = read_report(path, ReportOverrides(published="2024-06-01", title="new"))
    assert report.published == "2024-06-01" and report.title == "new"


def test_reader_accepts_a_2mb_report(tmp_path: Path) -> None:
    body = (ENGLISH + "\n") * (2 * 1024 * 1024 // (len(ENGLISH) + 1) + 1)
    assert len(body.encode()) > 2 * 1024 * 1024
    report = read_report(write(tmp_path, "big.txt", body.encode()))
    assert len(report.text) == len(body)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t", "empty"),
        ("binary.txt", bytes(range(256)) * 10, "binary"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 50, "binary"),
        ("bad.json", b"{not json", "invalid JSON"),
        ("list.json", b"[1, 2]", "object"),
        ("notext.json", b'{"title": "x"}', "'text'"),
        ("emptytext.json", b'{"text": "   "}', "empty"),
        ("baddate.json", json.dumps({"text": ENGLISH, "published": "2024-13-40"}).encode(), "date"),
    ],
)
def test_reader_rejects_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as caught:
        read_report(path)
    line = caught.value.line()
    assert message in line and name in line and "\n" not in line


def test_reader_rejects_file_over_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_REPORT_BYTES + 1)
    with pytest.raises(InputError, match="over the limit"):
        read_report(path)


def test_reader_rejects_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_report(tmp_path / "absent.txt")


@pytest.mark.parametrize("bad", ["2024-02-30", "24-01-01", "yesterday", "2024/01/05", ""])
def test_reader_rejects_bad_published_override(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path, "r.txt", ENGLISH.encode())
    with pytest.raises(InputError, match="--published"):
        read_report(path, ReportOverrides(published=bad))


def test_decode_prefers_utf8_when_valid() -> None:
    text, encoding = decode("Пхеньян — Хасан".encode(), source="x")
    assert encoding == "utf-8" and text == "Пхеньян — Хасан"
