"""Running the web app: `tumen serve`, and the demo's account."""

from __future__ import annotations

import secrets

from tumen.errors import InputError
from tumen.store import Store
from tumen.web import accounts

DEMO_USER = "demo"


def demo_account(store: Store) -> tuple[str, str]:
    """An admin account `demo` with a fresh random password, for the demo store only:
    returns (name, password). Run again, it sets a new password."""
    password = secrets.token_urlsafe(12)
    who = "local:tumen-demo"
    if any(u["name"] == DEMO_USER for u in accounts.users(store)):
        accounts.set_user(store, DEMO_USER, who=who, password=password, active=True)
    else:
        accounts.add_user(store, DEMO_USER, "admin", password, who=who)
    return DEMO_USER, password


def check_host(host: str) -> None:
    """The app has no TLS of its own: anything but loopback must be asked for on purpose."""
    if host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("127."):
        raise InputError(
            f"refusing to serve on {host!r}: the desk serves loopback only "
            "(put it behind an HTTPS proxy and pass --public to serve elsewhere)"
        )


def serve(store: Store, host: str, port: int, *, secure_cookies: bool = False) -> None:
    """Serve the app until interrupted."""
    import uvicorn

    from tumen.web.app import create_app

    app = create_app(store, secure_cookies=secure_cookies, warm=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
