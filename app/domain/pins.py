"""PIN rules (密码规则) for a PIN an operator chooses: 4 to 8 digits, not one digit repeated, not a
straight run up or down (1234, 8765), and not the PIN it replaces."""

from __future__ import annotations

from app.domain.errors import DomainError

SHORTEST, LONGEST = 4, 8


def weakness(pin: str, old: str | None = None) -> str | None:
    """Why ``pin`` may not be chosen (``digits``, ``repeated``, ``sequence``, ``unchanged``), or None."""
    if not (pin.isascii() and pin.isdigit() and SHORTEST <= len(pin) <= LONGEST):
        return "digits"
    if len(set(pin)) == 1:
        return "repeated"
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({1}, {9}):
        return "sequence"
    if old is not None and pin == old:
        return "unchanged"
    return None


def check_new_pin(pin: str, old: str | None = None) -> str:
    """``pin`` if it may be chosen; else ``pin_rules`` (422) naming the rule it breaks."""
    reason = weakness(pin, old)
    if reason is not None:
        raise DomainError("pin_rules", status=422, reason=reason, shortest=SHORTEST, longest=LONGEST)
    return pin
