"""Accounts of the web app and the API: users, passwords, browser sessions, bearer tokens.

Passwords are kept only as argon2id hashes (argon2-cffi's defaults). A browser session is a
random secret in an HttpOnly cookie; the store keeps its sha256, so a copy of the database
does not sign anyone in. API tokens work the same way (`tumen token create` prints the secret
once). Every change to an account goes to the audit log.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tumen.errors import InputError, StoreError
from tumen.store import Store
from tumen.store.engine import WRITE
from tumen.store.schema import (
    ROLES,
    ApiTokenRow,
    AuditRow,
    UserRow,
    WebSessionRow,
    utcnow,
)

SESSION_DAYS = 7
TOKEN_PREFIX = "tumen_"
MIN_PASSWORD = 8
# What each role may do; a higher role may do everything a lower one may.
RANK = {"viewer": 0, "analyst": 1, "admin": 2}


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str

    def can(self, role: str) -> bool:
        """True when this user has `role` or a higher one."""
        return RANK[self.role] >= RANK[role]

    @property
    def who(self) -> str:
        """The audit log's name for this user."""
        return f"web:{self.name}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role}


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    name: str
    user: str
    created_at: datetime
    revoked_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "user": self.user,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "revoked_at": self.revoked_at.isoformat(timespec="seconds")
            if self.revoked_at
            else None,
        }


@cache
def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@contextmanager
def _write(store: Store) -> Iterator[Session]:
    with Session(store.engine.execution_options(**{WRITE: True})) as session:
        with session.begin():
            yield session


@contextmanager
def _read(store: Store) -> Iterator[Session]:
    with Session(store.engine) as session, session.begin():
        yield session


def audit(
    session: Session,
    who: str,
    action: str,
    *,
    report_id: str | None = None,
    key: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append one row to the store's audit log (inside the caller's transaction)."""
    session.add(
        AuditRow(
            at=utcnow(),
            who=who,
            action=action,
            report_id=report_id,
            key=key,
            before=before,
            after=after,
        )
    )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}, not {role!r}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")


def add_user(store: Store, name: str, role: str, password: str, *, who: str) -> User:
    """Create an account. Raises InputError for a bad name, role or password, or a taken name."""
    name = name.strip()
    if not name or len(name) > 100 or any(c.isspace() for c in name):
        raise InputError("a user name is 1 to 100 characters, without spaces")
    _check_role(role)
    _check_password(password)
    digest = _hasher().hash(password)
    with _write(store) as session:
        if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
            raise InputError(f"user {name!r} exists already")
        row = UserRow(name=name, role=role, password_hash=digest, active=True, created_at=utcnow())
        session.add(row)
        session.flush()
        audit(session, who, "user.added", key=f"user:{name}", after={"role": role})
        return User(row.id, row.name, row.role)


def set_user(
    store: Store,
    name: str,
    *,
    who: str,
    role: str | None = None,
    active: bool | None = None,
    password: str | None = None,
) -> User:
    """Change an account's role, state or password; ending an account ends its sessions."""
    with _write(store) as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name))
        if row is None:
            raise StoreError(f"no user {name!r}")
        before = {"role": row.role, "active": row.active}
        if role is not None:
            _check_role(role)
            row.role = role
        if active is not None:
            row.active = active
        if password is not None:
            _check_password(password)
            row.password_hash = _hasher().hash(password)
        if active is False or password is not None or role is not None:
            session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
        after = {"role": row.role, "active": row.active}
        if password is not None:
            after["password"] = "changed"  # never the password or its hash
        audit(session, who, "user.changed", key=f"user:{name}", before=before, after=after)
        return User(row.id, row.name, row.role)


def users(store: Store) -> list[dict[str, Any]]:
    with _read(store) as session:
        return [
            {
                "name": r.name,
                "role": r.role,
                "active": r.active,
                "created_at": r.created_at.isoformat(timespec="seconds"),
            }
            for r in session.scalars(select(UserRow).order_by(UserRow.name))
        ]


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user whose name and password these are, or None (never says which was wrong)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    with _read(store) as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
        if row is None or not row.active:
            # Hash anyway, so that a missing name takes as long as a wrong password.
            _hasher().hash(password or "x")
            return None
        try:
            _hasher().verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return User(row.id, row.name, row.role)


# -- browser sessions -------------------------------------------------------------------------


def create_session(store: Store, user: User) -> tuple[str, str]:
    """Start a session for `user`: returns (cookie secret, CSRF token)."""
    secret = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    with _write(store) as session:
        # Drop this user's expired sessions while we are here: the table stays small.
        session.execute(
            delete(WebSessionRow).where(
                WebSessionRow.user_id == user.id, WebSessionRow.expires_at < now
            )
        )
        session.add(
            WebSessionRow(
                id=_digest(secret),
                user_id=user.id,
                csrf=csrf,
                created_at=now,
                expires_at=now + timedelta(days=SESSION_DAYS),
            )
        )
    return secret, csrf


def session_user(store: Store, secret: str) -> tuple[User, str] | None:
    """The user and CSRF token of a live session, or None."""
    if not secret:
        return None
    with _read(store) as session:
        found = session.execute(
            select(UserRow, WebSessionRow)
            .join(WebSessionRow, WebSessionRow.user_id == UserRow.id)
            .where(WebSessionRow.id == _digest(secret))
        ).first()
        if found is None:
            return None
        user, web = found
        if not user.active or web.expires_at < utcnow():
            return None
        return User(user.id, user.name, user.role), web.csrf


def end_session(store: Store, secret: str) -> None:
    with _write(store) as session:
        session.execute(delete(WebSessionRow).where(WebSessionRow.id == _digest(secret)))


# -- API tokens -------------------------------------------------------------------------------


def create_token(store: Store, user_name: str, token_name: str, *, who: str) -> tuple[int, str]:
    """Issue a bearer token for a user: returns (token id, secret). The secret is shown once."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with _write(store) as session:
        user = session.scalar(select(UserRow).where(UserRow.name == user_name))
        if user is None:
            raise StoreError(f"no user {user_name!r}")
        row = ApiTokenRow(
            user_id=user.id,
            name=token_name.strip() or "token",
            token_hash=_digest(secret),
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        audit(
            session,
            who,
            "token.created",
            key=f"token:{row.id}",
            after={"user": user_name, "name": row.name},
        )
        return row.id, secret


def revoke_token(store: Store, token_id: int, *, who: str) -> None:
    with _write(store) as session:
        row = session.get(ApiTokenRow, token_id)
        if row is None:
            raise StoreError(f"no API token with id {token_id}")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            audit(session, who, "token.revoked", key=f"token:{row.id}", after={"name": row.name})


def tokens(store: Store) -> list[TokenInfo]:
    with _read(store) as session:
        return [
            TokenInfo(t.id, t.name, u.name, t.created_at, t.revoked_at)
            for t, u in session.execute(
                select(ApiTokenRow, UserRow)
                .join(UserRow, UserRow.id == ApiTokenRow.user_id)
                .order_by(ApiTokenRow.id)
            )
        ]


def token_user(store: Store, secret: str) -> User | None:
    """The user of a live (not revoked) bearer token, or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    with _read(store) as session:
        found = session.execute(
            select(UserRow, ApiTokenRow)
            .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
            .where(ApiTokenRow.token_hash == _digest(secret))
        ).first()
        if found is None:
            return None
        user, token = found
        if token.revoked_at is not None or not user.active:
            return None
        return User(user.id, user.name, user.role)
