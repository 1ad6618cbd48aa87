"""What an import finds and plans: problems located in the sheet, notes, and the files to write."""

from __future__ import annotations

from dataclasses import dataclass, field

from content_model import messages as msg
from content_model.messages import Message

from .headers import letter


@dataclass
class Problem:
    """A problem of the import, at a row and column of the sheet (column -1: the whole row)."""

    row: int
    column: int
    header: str
    message: Message | str

    def render(self, name: str, lang: str) -> str:
        where = letter(self.column) if self.column >= 0 else "-"
        field_ = f"{self.header}: " if self.header else ""
        return f"{name}:{self.row}:{where}: {field_}{msg.render(self.message, lang)}"

    def sort_key(self) -> tuple:
        return (self.row, self.column, self.header, str(self.message))


@dataclass
class Action:
    what: str  # "create", "update" or "unchanged"
    row: int
    path: str  # content/<folder>/<slug>.md
    text: str
    changed: list[str] = field(default_factory=list)


@dataclass
class Result:
    name: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    others: list[object] = field(default_factory=list)  # the validator's problems in files the sheet does not touch

    @property
    def ok(self) -> bool:
        return not self.problems and not self.others
