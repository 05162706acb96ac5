"""Who is acting, at which till: passed from the API edge into every use case."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.roles import ROLE_RANK


@dataclass(frozen=True, slots=True)
class Actor:
    operator_id: int
    operator_code: str
    operator_name: str
    role: str
    till: str

    def at_least(self, role: str) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


@dataclass(frozen=True, slots=True)
class OverrideRequest:
    """A supervisor's code and PIN typed into the override dialog (授权)."""

    operator: str
    pin: str
