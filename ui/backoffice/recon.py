"""对账 in the back office: the store's own days as HQ reconciled them, for the store's manager —
the reconciliation window HQ finance uses, on the store server's client (the store fixed, no
payouts or bill import, reopening a closed day left to HQ finance)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.backoffice.shell import BackOfficeContext
from ui.recon import ReconWindow, StoreReconClient


def page(ctx: BackOfficeContext) -> QWidget:
    window = ReconWindow(StoreReconClient(ctx.client, ctx.language), worker=ctx.worker)
    window.setWindowFlags(Qt.WindowType.Widget)  # a page of the back office, not a window of its own
    return window
