"""收银员 < 主管 < 店长: the store's roles, each allowed what those below it may do."""

from __future__ import annotations

ROLE_RANK: dict[str, int] = {"cashier": 0, "supervisor": 1, "manager": 2}


def at_least(role: str, needed: str) -> bool:
    """Whether ``role`` may do what ``needed`` may (an unknown role may do nothing)."""
    return ROLE_RANK.get(role, -1) >= ROLE_RANK[needed]
