"""Errors a user can act on. Each has a stable code that can be searched for."""

from __future__ import annotations


class TumenError(Exception):
    """Base of the errors Tumen reports as one line on stderr with a non-zero exit."""

    code = "T000"
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"error {self.code}: {where}{self.message}"


class InputError(TumenError):
    """A report file or an argument that cannot be read as given."""

    code = "T100"
    exit_code = 2


class StoreError(TumenError):
    """The store cannot be opened, or does not hold what was asked for."""

    code = "T200"
    exit_code = 3


class GoldError(TumenError):
    """A gold annotation file is malformed."""

    code = "T300"
    exit_code = 4
