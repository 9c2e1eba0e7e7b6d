"""`tumen user add`, `tumen token create|revoke|list`, and `tumen serve`'s host check."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tumen.cli import main
from tumen.store import open_store
from tumen.web.accounts import authenticate, token_user


def test_user_and_token_commands(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    runner = CliRunner()
    r = runner.invoke(
        main,
        ["--db", db, "user", "add", "kim", "--role", "analyst", "--password-stdin"],
        input="s3cret-pass\n",
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        main, ["--db", db, "user", "add", "kim", "--password-stdin"], input="another-pass\n"
    )
    assert r.exit_code == 2 and "exists already" in r.output
    r = runner.invoke(main, ["--db", db, "user", "add", "lee", "--password-stdin"], input="short\n")
    assert r.exit_code == 2 and "at least 8" in r.output
    r = runner.invoke(main, ["--db", db, "token", "create", "kim", "--name", "script"])
    assert r.exit_code == 0, r.output
    token_id, secret = r.output.strip().split("\t")
    with open_store(db) as store:
        assert authenticate(store, "kim", "s3cret-pass") is not None
        assert authenticate(store, "kim", "wrong") is None
        user = token_user(store, secret)
        assert user is not None and user.role == "analyst"
        from sqlalchemy import text

        with store.engine.connect() as c:  # only hashes are stored
            assert secret not in str(c.execute(text("SELECT * FROM api_tokens")).all())
            assert "s3cret-pass" not in str(c.execute(text("SELECT * FROM users")).all())
    assert "live" in runner.invoke(main, ["--db", db, "token", "list"]).output
    assert runner.invoke(main, ["--db", db, "token", "revoke", token_id]).exit_code == 0
    with open_store(db) as store:
        assert token_user(store, secret) is None


def test_serve_refuses_a_public_address_unless_asked(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    open_store(db).close()
    r = CliRunner().invoke(main, ["--db", db, "serve", "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "loopback" in r.output
