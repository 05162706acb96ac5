"""Who is acting, at which till: passed from the API edge into every use case."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import DomainError
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

    def require(self, role: str) -> None:
        """403 ``forbidden`` unless this operator is ``role`` or above."""
        if not self.at_least(role):
            raise DomainError("forbidden", status=403)


@dataclass(frozen=True, slots=True)
class OverrideRequest:
    """A supervisor's code and PIN typed into the override dialog (授权)."""

    operator: str
    pin: str
