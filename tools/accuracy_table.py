"""Rewrite the accuracy table in README.md from `tumen eval` over the development corpus and the
team-written held-out sets: `python tools/accuracy_table.py` (what `make accuracy` runs)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from tumen.scoring import FIELDS, evaluate

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def scores(folder: Path) -> dict:
    """What `tumen eval FOLDER --format json` prints, worked out in this process."""
    return evaluate(folder).to_dict(errors=False)


def table() -> str:
    sets = [("development corpus", ROOT.parent / "shared" / "corpus")]
    held_out = sorted(
        (ROOT / "tests").glob("heldout*"),
        key=lambda p: int(p.name.removeprefix("heldout") or 1),  # heldout, heldout2 ... heldout20
    )
    sets += [(f"held-out: {p.name}", p) for p in held_out]
    head = "| set | docs | " + " | ".join(FIELDS) + " | role accuracy |"
    rule = "|---" * (len(FIELDS) + 3) + "|"
    rows = [head, rule]
    for name, folder in sets:
        if not folder.is_dir():
            continue
        board = scores(folder)
        cells = [f"{board['fields'][f]['f1']:.3f}" for f in FIELDS]
        roles = board["role_accuracy"]
        rows.append(
            f"| {name} | {board['documents']} | "
            + " | ".join(cells)
            + f" | {'-' if roles is None else f'{roles:.3f}'} |"
        )
    return (
        f"F1 per field, measured {date.today().isoformat()} "
        "(`make eval`; held-out sets: `tumen eval tests/heldoutN`).\n\n" + "\n".join(rows)
    )


def main() -> None:
    text = README.read_text(encoding="utf-8")
    block = f"<!-- accuracy-table -->\n{table()}\n<!-- /accuracy-table -->"
    new, n = re.subn(
        r"<!-- accuracy-table -->.*?<!-- /accuracy-table -->", lambda _m: block, text, flags=re.S
    )
    if n != 1:
        raise SystemExit("README.md has no accuracy-table markers")
    README.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
