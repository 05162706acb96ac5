from __future__ import annotations

import pytest

from app.domain.receipt import Receipt
from harness.receipts import make_receipt


@pytest.fixture
def receipt() -> Receipt:
    return make_receipt()


@pytest.fixture(scope="session")
def receipt_factory():
    return make_receipt
