"""密码规则 for a PIN an operator chooses."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.pins import check_new_pin, weakness


@pytest.mark.parametrize(("pin", "reason"), [
    ("123", "digits"), ("123456789", "digits"), ("12a4", "digits"), ("１２３４", "digits"), ("", "digits"),
    ("0000", "repeated"), ("77777777", "repeated"),
    ("1234", "sequence"), ("8765", "sequence"), ("7890", "sequence"), ("2109", "sequence"),
])
def test_weak_pins_are_refused_naming_the_rule(pin: str, reason: str) -> None:
    assert weakness(pin) == reason
    with pytest.raises(DomainError) as refused:
        check_new_pin(pin)
    assert (refused.value.code, refused.value.status, refused.value.params["reason"]) == ("pin_rules", 422, reason)


def test_a_new_pin_must_differ_from_the_old_one() -> None:
    assert weakness("8052", old="8052") == "unchanged"
    assert check_new_pin("8052", old="2468") == "8052"


@pytest.mark.parametrize("pin", ["2468", "1357", "80520", "31415926"])
def test_ordinary_pins_are_allowed(pin: str) -> None:
    assert weakness(pin) is None
