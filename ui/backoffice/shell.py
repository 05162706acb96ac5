"""The store manager's back office (后台): a list of modules on the left, their pages on the right.

A manager's or a supervisor's login opens it; a cashier never sees it. Each module is a ``Module``
in ``MODULES`` with its key, its title, its shortcut (Ctrl+1 … Ctrl+9) and a factory that builds
its page from the ``BackOfficeContext`` the first time it is shown. A module's page lives in
``ui/backoffice/<key>.py`` as ``page(ctx) -> QWidget``; until that module exists the shell shows a
placeholder in its place. A module may ask for a more senior role than a supervisor (``role``):
a supervisor sees the store's figures, stock and labels, a manager everything. F12 (or the button)
goes to the till.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import at_least
from ui.api import BackOfficeClient, Operator
from ui.worker import Worker

#: the touch-friendly height of a row in the module list (px)
ROW_HEIGHT = 48
NAV_WIDTH = 180


@dataclass
class BackOfficeContext:
    """What every back-office page shares."""

    client: BackOfficeClient
    worker: Worker
    operator: Operator
    till: str
    language: str = "zh_CN"
    #: prints ESC/POS bytes on the till's receipt printer (queued; called on the worker thread)
    print_receipt: Callable[[bytes, str], None] | None = None
    printer_profile: str = "80mm"
    printer_raster: bool = False
    #: the till's label printer, when it has one (``devices.json``)
    label_printer: Any = None
    #: opens the diagnostics window of the till's devices
    open_diagnostics: Callable[[], None] | None = None
    #: goes to the till and starts its return flow (退货) for a sale
    start_return: Callable[[str], None] | None = None
    #: switches the app's language (设置 → 语言) and rebuilds the back office in it
    set_language: Callable[[str], None] | None = None

    def allows(self, role: str) -> bool:
        return at_least(self.operator.role, role)


@dataclass(frozen=True)
class Module:
    key: str
    title: str  # source text for translation (context "BackOffice")
    shortcut: str
    factory: Callable[[BackOfficeContext], QWidget]
    #: the least senior role that sees the module
    role: str = "supervisor"


def _module_page(key: str) -> Callable[[BackOfficeContext], QWidget]:
    """The page of ``ui/backoffice/<key>.py``, or a placeholder while that module is not there yet."""

    def build(ctx: BackOfficeContext) -> QWidget:
        try:
            module = importlib.import_module(f"ui.backoffice.{key}")
        except ModuleNotFoundError as missing:
            if missing.name != f"ui.backoffice.{key}":
                raise
            return Placeholder(key)
        return module.page(ctx)

    return build


MODULES: list[Module] = [
    Module("overview", QT_TRANSLATE_NOOP("BackOffice", "Overview"), "Ctrl+1", _module_page("overview")),
    Module("sales", QT_TRANSLATE_NOOP("BackOffice", "Sales"), "Ctrl+2", _module_page("sales")),
    Module("close", QT_TRANSLATE_NOOP("BackOffice", "Shifts and day close"), "Ctrl+3", _module_page("close")),
    Module("stock", QT_TRANSLATE_NOOP("BackOffice", "Stock"), "Ctrl+4", _module_page("stock")),
    Module("labels", QT_TRANSLATE_NOOP("BackOffice", "Shelf labels"), "Ctrl+5", _module_page("labels")),
    Module("staff", QT_TRANSLATE_NOOP("BackOffice", "Staff"), "Ctrl+6", _module_page("staff"), role="manager"),
    Module("audit", QT_TRANSLATE_NOOP("BackOffice", "Audit"), "Ctrl+7", _module_page("audit"), role="manager"),
    Module("members", QT_TRANSLATE_NOOP("BackOffice", "Members"), "Ctrl+8", _module_page("members")),
    Module("settings", QT_TRANSLATE_NOOP("BackOffice", "Settings"), "Ctrl+9", _module_page("settings"),
           role="manager"),
    Module("recon", QT_TRANSLATE_NOOP("BackOffice", "Reconciliation"), "Ctrl+0", _module_page("recon"),
           role="manager"),
]


def title_of(module: Module) -> str:
    return QCoreApplication.translate("BackOffice", module.title)


class Placeholder(QWidget):
    """A module that is not part of this build yet."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("This module is not available in this version yet."))
        text.setObjectName("caption")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)


class ModuleList(QListWidget):
    """The module list: as wide as its longest entry in the font the theme gives it."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()

    def fit(self) -> None:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.item(row).text()) for row in range(self.count())), default=0)
        self.setFixedWidth(max(NAV_WIDTH, widest + 40))


class BackOfficeWindow(QWidget):
    """The back office: the module list, the page area, the way back to the till."""

    till_requested = Signal()
    logout_requested = Signal()

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backOffice")
        self.ctx = ctx
        self.modules = [m for m in MODULES if ctx.allows(m.role)]
        self.pages: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Back office"))
        heading.setObjectName("screenTitle")
        top.addWidget(heading)
        who = QLabel(f"{ctx.operator.name} ({ctx.operator.code})")
        who.setObjectName("caption")
        top.addWidget(who)
        top.addStretch(1)
        self.till_button = QPushButton(self.tr("Till (F12)"))
        self.till_button.setObjectName("primaryButton")
        self.till_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.till_button.clicked.connect(self.till_requested.emit)
        top.addWidget(self.till_button)
        self.logout_button = QPushButton(self.tr("Log out (F10)"))
        self.logout_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout_button.clicked.connect(self.logout_requested.emit)
        top.addWidget(self.logout_button)
        outer.addLayout(top)
        body = QHBoxLayout()
        self.nav = ModuleList()
        self.nav.setObjectName("moduleList")
        self.nav.setUniformItemSizes(True)
        for module in self.modules:
            item = QListWidgetItem(f"{title_of(module)}  {module.shortcut}")
            item.setToolTip(f"{title_of(module)} ({module.shortcut})")
            item.setData(Qt.ItemDataRole.UserRole, module.key)
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            self.nav.addItem(item)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.nav.fit()
        self.nav.currentRowChanged.connect(self._row_changed)
        body.addWidget(self.nav)
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        for module in self.modules:
            QShortcut(QKeySequence(module.shortcut), self, lambda key=module.key: self.show_module(key),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F12"), self, self.till_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F10"), self, self.logout_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if self.modules:
            self.nav.setCurrentRow(0)

    @property
    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def page(self, key: str) -> QWidget | None:
        return self.pages.get(key)

    def show_module(self, key: str) -> None:
        """Ctrl+N or a click: the module's page, built the first time."""
        for row, module in enumerate(self.modules):
            if module.key == key:
                self.nav.setCurrentRow(row)
                return

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        module = self.modules[row]
        page = self.pages.get(module.key)
        if page is None:
            page = module.factory(self.ctx)
            self.pages[module.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        shown = getattr(page, "shown", None)
        if callable(shown):
            shown()

    def close_pages(self) -> None:
        """Stop what the pages run in the background (the dashboard's change feed)."""
        for page in self.pages.values():
            stop = getattr(page, "stop", None)
            if callable(stop):
                stop()
