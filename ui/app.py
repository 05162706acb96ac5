"""The till application: translator, theme, main window (登录 → 开班 → 收银 → 交班).

The ``omnistore client`` command (``omnistore.till``) builds the till's devices and runs it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QSettings, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QStackedWidget, QWidget

from hardware.families import LabelPrinterDevice, PrinterEvent, ReceiptPrinterDevice, ScaleDevice
from hardware.faults import Severity, fault
from ui.api import ApiError, SessionInfo, Shift, StoreClient, SyncStatus
from ui.checkout import CheckoutScreen
from ui.context import PrinterSink, TillContext
from ui.customer_facing import CustomerFacing
from ui.dialogs import OverrideDialog
from ui.screens import LoginScreen, ShiftCloseScreen, ShiftOpenScreen
from ui.sync import SyncDialog, sync_state, sync_status_text, sync_tooltip
from ui.theme import FONT_FAMILIES, RESOURCES, render_qss
from ui.wedge import WedgeFilter
from ui.widgets import repolish
from ui.worker import Worker

log = logging.getLogger(__name__)

I18N_DIR = RESOURCES / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
#: whose login opens the back office (a supervisor sees the modules their role allows)
BACK_OFFICE_ROLES = ("manager", "supervisor")
HEALTH_INTERVAL_MS = 10_000
SYNC_INTERVAL_MS = 5_000
_translators: list[QTranslator] = []  # kept alive for the life of the app


def normalize_language(lang: str | None) -> str:
    """'en', 'en_US', 'EN' → 'en'; anything else (and None) → 'zh_CN'."""
    if lang and lang.lower().replace("-", "_").startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def choose_language(lang: str | None = None) -> str:
    """The explicit ``lang``, else the saved setting, else OMNISTORE_LANG, else zh_CN."""
    if lang:
        return normalize_language(lang)
    saved = QSettings("OmniStore", "client").value("language")
    return normalize_language(str(saved) if saved else os.environ.get("OMNISTORE_LANG"))


def install_translator(app: QApplication, lang: str) -> list[QTranslator]:
    """Load omnistore_<lang>.qm and, for zh_CN, Qt's own strings; keep the returned objects alive."""
    lang = normalize_language(lang)
    translators: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"omnistore_{lang}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("no translation file for %s in %s", lang, I18N_DIR)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            translators.append(qt)
    QLocale.setDefault(QLocale("en_US" if lang == "en" else "zh_CN"))
    app.setProperty("omnistore_language", lang)
    return translators


def create_app(argv: Sequence[str] | None = None, lang: str | None = None) -> QApplication:
    """The QApplication with font, translator and theme set up (reuses an existing instance)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OmniStore")
    app.setOrganizationName("OmniStore")
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    app.setFont(font)
    language = choose_language(lang)
    if app.property("omnistore_language") != language:
        for old in _translators:
            app.removeTranslator(old)
        _translators[:] = install_translator(app, language)
    app.setStyleSheet(render_qss(768))
    return app


class PrinterEvents(QObject):
    """Carries the printer worker's events (its own thread) to the GUI thread."""

    event = Signal(object)


class MainWindow(QMainWindow):
    """One stacked window: LoginScreen → ShiftOpenScreen → CheckoutScreen → ShiftCloseScreen."""

    def __init__(self, client: StoreClient, till: str, printer_sink: PrinterSink | None = None,
                 worker: Worker | None = None, parent: QWidget | None = None,
                 printer: ReceiptPrinterDevice | None = None, scale: ScaleDevice | None = None,
                 customer: CustomerFacing | None = None, *, home: Path,
                 label_printer: LabelPrinterDevice | None = None) -> None:
        super().__init__(parent)
        #: the till's data directory: its devices.json, print queues and logs
        self.home = home
        self.setWindowTitle(self.tr("OmniStore checkout"))
        self.worker = worker or Worker(self)
        self.ctx = TillContext(client=client, worker=self.worker, till=till, printer_sink=printer_sink,
                               printer=printer, scale=scale, customer=customer, label_printer=label_printer)
        self.printer_events = PrinterEvents(self)
        self.stack = QStackedWidget()
        self.login = LoginScreen(self.ctx)
        self.shift = ShiftOpenScreen(self.ctx)
        self.checkout = CheckoutScreen(self.ctx)
        self.shift_close = ShiftCloseScreen(self.ctx)
        for screen in (self.login, self.shift, self.checkout, self.shift_close):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        self._status_labels()
        self.login.logged_in.connect(self._logged_in)
        self.login.diagnostics_requested.connect(self.ask_for_diagnostics)
        self.diagnostics: QWidget | None = None
        self.shift.shift_opened.connect(self._shift_opened)
        self.shift.logout_requested.connect(self.logout)
        self.checkout.shift_required.connect(self._show_shift)
        self.checkout.logout_requested.connect(self.logout)
        self.checkout.close_shift_requested.connect(self.show_shift_close)
        self.checkout.sync_requested.connect(self.show_sync_page)
        self.shift_close.back_requested.connect(self._back_to_checkout)
        self.shift_close.shift_closed.connect(lambda _result: self.checkout.discard_empty_ticket())
        self.shift_close.finished.connect(self.logout)
        self.wedge = WedgeFilter(parent=self)
        self.wedge.set_native_target(self.checkout.scan_edit)
        self.wedge.scanned.connect(self.take_scan)
        self.wedge.active = lambda: self.stack.currentWidget() is self.checkout or self._board_active()
        #: 线上订单: the board's window once opened, and the change stream behind the badge
        self.board: QWidget | None = None
        self.o2o_feed: Any = None
        QApplication.instance().installEventFilter(self.wedge)
        self._theme_timer = QTimer(self, singleShot=True, interval=150, timeout=self._apply_theme)
        self._themed_height = 0
        self._health = QTimer(self, interval=HEALTH_INTERVAL_MS, timeout=self._check_health)
        self._health.start()
        self._sync_timer = QTimer(self, interval=SYNC_INTERVAL_MS, timeout=self.poll_sync)
        self._sync_timer.start()
        self._open_ticket: str | None = None
        #: the back office of a manager or supervisor logged in (built at their login)
        self.backoffice: QWidget | None = None
        self._pending_return: str | None = None
        self.stack.setCurrentWidget(self.login)
        if printer is not None:
            self.ctx.printer_raster = printer.raster
            self.ctx.printer_profile = printer.profile.name
            self.printer_events.event.connect(self.show_printer_event)
            printer.on_event = self.printer_events.event.emit
            printer.request_status()

    def _status_labels(self) -> None:
        bar = self.statusBar()
        self.operator_label = QLabel()
        self.till_label = QLabel(self.tr("Till: %1").replace("%1", self.ctx.till))
        self.server_label = QLabel()
        self.server_label.setObjectName("serverStatus")
        self.busy_label = QLabel()
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncStatus")
        self.sync_button.setFlat(True)
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sync_button.setToolTip(self.tr("HQ sync (Ctrl+S)"))
        self.sync_button.clicked.connect(self.show_sync_page)
        self.sync_button.hide()
        bar.addWidget(self.operator_label)
        bar.addWidget(self.till_label)
        bar.addWidget(self.busy_label, 1)
        self.printer_label = QLabel()
        self.printer_label.setObjectName("printerStatus")
        self.printer_label.hide()
        self.back_office_button = QPushButton(self.tr("Back office"))
        self.back_office_button.setFlat(True)
        self.back_office_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_office_button.clicked.connect(self.show_back_office)
        self.back_office_button.hide()
        self.o2o_button = QPushButton()
        self.o2o_button.setObjectName("o2oBadge")
        self.o2o_button.setFlat(True)
        self.o2o_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.o2o_button.clicked.connect(self.show_board)
        self.o2o_button.hide()
        bar.addPermanentWidget(self.o2o_button)
        bar.addPermanentWidget(self.back_office_button)
        bar.addPermanentWidget(self.sync_button)
        bar.addPermanentWidget(self.printer_label)
        bar.addPermanentWidget(self.server_label)
        self._set_online(True)
        self.worker.busy_changed.connect(lambda busy: self.busy_label.setText(self.tr("Working…") if busy else ""))

    # -- navigation ---------------------------------------------------------------------

    def _logged_in(self, session: SessionInfo) -> None:
        self.ctx.operator = session.operator
        self.ctx.shift = session.shift
        self._open_ticket = session.open_ticket
        roles = {"cashier": self.tr("cashier"), "supervisor": self.tr("supervisor"), "manager": self.tr("manager")}
        role = roles.get(session.operator.role, session.operator.role)
        self.operator_label.setText(self.tr("Operator: %1 (%2)").replace("%1", session.operator.name)
                                    .replace("%2", session.operator.code) + (f" · {role}" if role else ""))
        self._set_online(True)
        self.poll_sync(when_idle=False)  # queued behind the login, so the status bar fills at once
        self._follow_online_orders()
        if session.operator.role in BACK_OFFICE_ROLES:  # a cashier never sees the back office
            self.show_back_office()
        elif session.shift is None:
            self._show_shift()
        else:
            self._show_checkout()

    def _show_shift(self) -> None:
        self.shift.prepare()
        self.stack.setCurrentWidget(self.shift)
        self.back_office_button.setVisible(self.backoffice is not None)

    def _shift_opened(self, shift: Shift | None) -> None:
        self.ctx.shift = shift
        self._show_checkout()

    def _show_checkout(self) -> None:
        self.stack.setCurrentWidget(self.checkout)
        self.checkout.start(self._open_ticket)
        self._open_ticket = None
        self.checkout.focus_scan()
        self.back_office_button.setVisible(self.backoffice is not None)
        if self._pending_return is not None:
            sale_id, self._pending_return = self._pending_return, None
            QTimer.singleShot(0, lambda: self._open_return(sale_id))

    # -- online orders (线上订单) ----------------------------------------------------------------

    def _follow_online_orders(self) -> None:
        """The status bar's badge counts the online orders waiting to be accepted, kept current by
        the store server's change stream (on a thread of its own)."""
        from ui.board import O2OFeed

        if self.o2o_feed is not None:
            self.o2o_feed.stop()
        self.o2o_feed = O2OFeed(self.ctx.client, self)
        self.o2o_feed.changed.connect(lambda page: self.show_o2o_badge(page.new))

        def loaded(page: Any) -> None:
            self.show_o2o_badge(page.new)
            if self.o2o_feed is not None:
                self.o2o_feed.start(page.cursor)

        self.worker.submit(lambda: self.ctx.client.o2o_changes(0), loaded,
                           lambda exc: log.info("no online orders here: %s", exc), owner=self)

    def show_o2o_badge(self, waiting: int) -> None:
        self.o2o_button.setText(self.tr("Online orders (%1)").replace("%1", str(waiting)))
        self.o2o_button.setProperty("waiting", bool(waiting))
        self.o2o_button.show()

    def show_board(self) -> None:
        """线上订单看板 in a window of its own beside the till (the same login and printer)."""
        from ui.board import BoardWindow

        if self.board is None:
            self.board = BoardWindow(self.ctx)
            self.board.resize(1280, 800)
            self.board.start()
        self.board.show()
        self.board.raise_()
        self.board.activateWindow()

    def _board_active(self) -> bool:
        return self.board is not None and self.board.isActiveWindow()

    # -- the back office (后台) ---------------------------------------------------------------

    def show_back_office(self) -> None:
        """The manager's (or supervisor's) back office, built for whoever logged in."""
        from ui.api import BackOfficeClient
        from ui.backoffice.shell import BackOfficeContext, BackOfficeWindow

        operator = self.ctx.operator
        if operator is None or operator.role not in BACK_OFFICE_ROLES:
            return
        if self.backoffice is None:
            ctx = BackOfficeContext(
                client=BackOfficeClient.sharing(self.ctx.client), worker=self.worker, operator=operator,
                till=self.ctx.till, language=self.property_language(),
                print_receipt=self.ctx.print_receipt if (self.ctx.printer or self.ctx.printer_sink) else None,
                printer_profile=self.ctx.printer_profile, printer_raster=self.ctx.printer_raster,
                label_printer=self.ctx.label_printer, open_diagnostics=self.open_diagnostics, start_return=self.start_return,
                set_language=lambda lang: QTimer.singleShot(0, lambda: self.switch_language(lang)))
            self.backoffice = BackOfficeWindow(ctx)
            self.backoffice.till_requested.connect(self.enter_till)
            self.backoffice.logout_requested.connect(self.logout)
            self.stack.addWidget(self.backoffice)
        self.back_office_button.hide()
        self.stack.setCurrentWidget(self.backoffice)
        self.backoffice.setFocus()

    def enter_till(self) -> None:
        """F12 in the back office: the till, opening a shift first if this till has none."""
        if self.ctx.shift is None:
            self._show_shift()
        else:
            self._show_checkout()

    def start_return(self, sale_id: str) -> None:
        """退货 of a sale found in the back office: the till's own return flow, the sale already found."""
        self._pending_return = sale_id
        self.enter_till()

    def _open_return(self, sale_id: str) -> None:
        from ui.loyalty import ReturnDialog

        self.checkout.return_dialog()
        dialog = self.checkout.active_dialog
        if isinstance(dialog, ReturnDialog):
            dialog.handle_scan(sale_id)

    def _drop_back_office(self) -> None:
        if self.backoffice is not None:
            self.backoffice.close_pages()
            self.stack.removeWidget(self.backoffice)
            self.backoffice.deleteLater()
            self.backoffice = None
        self.back_office_button.hide()

    def switch_language(self, lang: str) -> None:
        """设置 → 语言: this client speaks ``lang`` from now on; the back office is rebuilt in it
        (the till's screens follow at the next start)."""
        lang = normalize_language(lang)
        QSettings("OmniStore", "client").setValue("language", lang)
        create_app([], lang)
        self.ctx.client.language = lang
        showing = self.backoffice is not None and self.stack.currentWidget() is self.backoffice
        self._drop_back_office()
        if showing:
            self.show_back_office()

    def _back_to_checkout(self) -> None:
        self.stack.setCurrentWidget(self.checkout)
        self.checkout.focus_scan()

    def show_shift_close(self) -> None:
        """F11 交班. The server refuses while a ticket is in progress; the screen shows why."""
        self.shift_close.prepare()
        self.stack.setCurrentWidget(self.shift_close)

    def ask_for_diagnostics(self) -> None:
        """设备诊断 from the login screen: a supervisor's code and PIN first, checked and recorded by the server."""
        if self.stack.currentWidget() is not self.login:
            return
        dialog = OverrideDialog("diagnostics", self)
        dialog.finished.connect(lambda _result: (dialog.deleteLater(), self.activateWindow(),
                                                 self.login.operator_edit.setFocus()))

        def accepted() -> None:
            override = dialog.override or {}
            client, till = self.ctx.client, self.ctx.till
            self.login.message.show_info(self.tr("Checking…"), 0)
            self.worker.submit(lambda: client.authorise(till, override.get("operator", ""), override.get("pin", ""),
                                                        "diagnostics"),
                               lambda _operator: self.open_diagnostics(),
                               lambda exc: self.login.message.show_error(str(exc)))

        dialog.accepted.connect(accepted)
        dialog.open()

    def open_diagnostics(self) -> None:
        """The diagnostics window, for the till's own devices (``devices.json``)."""
        from ui.diagnostics import DiagnosticsWindow

        self.login.message.clear_message()
        if self.diagnostics is None:
            self.diagnostics = DiagnosticsWindow(home=self.home)
            self.diagnostics.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.diagnostics.destroyed.connect(lambda _obj=None: setattr(self, "diagnostics", None))
            self.diagnostics.fit_to(self.screen().availableGeometry())  # never wider than the till's screen
            self.diagnostics.move(self.geometry().center() - self.diagnostics.rect().center())
        self.diagnostics.show()
        self.diagnostics.raise_()
        self.diagnostics.activateWindow()

    def logout(self) -> None:
        """F10 / after 交班: end the session on the server (on the worker) and show the login screen."""
        self.worker.submit(self.ctx.client.logout, None, lambda exc: log.warning("logout failed: %r", exc))
        self.ctx.operator = None
        self._pending_return = None
        self.operator_label.clear()
        self.sync_button.hide()
        self._drop_online_orders()
        self.login.reset()
        self.stack.setCurrentWidget(self.login)
        self._drop_back_office()

    # -- wedge scanner, server status, theme ----------------------------------------------------

    def take_scan(self, code: str) -> None:
        """A code from a scanner (the keyboard wedge, the camera): picked on the O2O board when it
        is the active window, else sold when the checkout shows."""
        if self._board_active():
            self.board.take_scan(code)  # type: ignore[union-attr]
        elif self.stack.currentWidget() is self.checkout:
            self.checkout.handle_scan(code)

    def _check_health(self) -> None:
        if self.worker.pending:
            return
        client = self.ctx.client
        self.worker.submit(client.health, lambda _ok: self._set_online(True),
                           lambda exc: self._set_online(not (isinstance(exc, ApiError)
                                                             and exc.code == "server_unreachable")))

    def poll_sync(self, when_idle: bool = True) -> None:
        """Ask for the HQ link; from the timer only when the worker is idle (a scan never waits behind it)."""
        if (when_idle and self.worker.pending) or self.ctx.operator is None:
            return
        self.worker.submit(self.ctx.client.sync_status, self.show_sync_status, lambda _exc: None)

    def show_sync_status(self, status: SyncStatus) -> None:
        if self.ctx.operator is None:  # an answer that arrived after logout
            return
        self.sync_button.setText(sync_status_text(status))
        self.sync_button.setProperty("state", sync_state(status))
        self.sync_button.setToolTip(sync_tooltip(status) or self.tr("HQ sync (Ctrl+S)"))
        repolish(self.sync_button)
        self.sync_button.show()

    def show_sync_page(self) -> None:
        """The sync page (status-bar click or Ctrl+S), over the checkout when that is showing."""
        if self.ctx.operator is None:
            return
        on_checkout = self.stack.currentWidget() is self.checkout
        if on_checkout and self.checkout.active_dialog is not None:
            return
        dialog = SyncDialog(self.ctx.client, self.worker, self.checkout if on_checkout else self)
        if on_checkout:
            self.checkout.open_dialog(dialog, lambda: None)
        else:
            dialog.finished.connect(lambda _result: dialog.deleteLater())
            dialog.open()
        dialog.refresh()

    def show_printer_event(self, event: PrinterEvent) -> None:
        """The status bar says how the printer is; a fault also shows on the checkout, without stopping the sale."""
        language = "en" if self.property_language() == "en" else "zh"
        status = event.status
        faults = status.faults if status is not None else ()
        if status is not None and status.ok and not faults:
            text, state = self.tr("Printer: OK"), "ok"
        elif faults:
            text, state = self.tr("Printer: %1").replace("%1", fault(faults[0]).text(language)), "fault"
        else:
            text, state = self.tr("Printer: status unknown"), "unknown"
        self.printer_label.setText(text)
        self.printer_label.setProperty("state", state)
        self.printer_label.setToolTip(fault(faults[0]).fix(language) if faults else "")
        repolish(self.printer_label)
        self.printer_label.show()
        what = fault(event.code)
        if what.severity is Severity.ERROR or event.code in ("printer_recovered", "drawer_sensor_unknown"):
            message = what.text(language)
            if what.fix(language):
                message += " — " + what.fix(language)
            if self.stack.currentWidget() is self.checkout:
                if what.severity is Severity.ERROR:
                    self.checkout.message.show_error(message)
                else:
                    self.checkout.message.show_info(message)

    def property_language(self) -> str:
        app = QApplication.instance()
        return str(app.property("omnistore_language") or DEFAULT_LANGUAGE) if app is not None else DEFAULT_LANGUAGE

    def _set_online(self, online: bool) -> None:
        self.server_label.setText(self.tr("Server: online") if online else self.tr("Server: OFFLINE"))
        self.server_label.setProperty("online", "true" if online else "false")
        repolish(self.server_label)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._theme_timer.start()

    def _apply_theme(self) -> None:
        """Scale fonts and controls to the window height (the theme is app-wide, so dialogs follow)."""
        height = self.height()
        if abs(height - self._themed_height) < 20:
            return
        self._themed_height = height
        app = QApplication.instance()
        app.setStyleSheet(render_qss(height))

    def apply_theme_now(self) -> None:
        self._themed_height = 0
        self._apply_theme()

    def _drop_online_orders(self) -> None:
        if self.o2o_feed is not None:
            self.o2o_feed.stop()
            self.o2o_feed = None
        if self.board is not None:
            self.board.close()
            self.board.deleteLater()
            self.board = None
        self.o2o_button.hide()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        QApplication.instance().removeEventFilter(self.wedge)
        self._drop_online_orders()
        self._health.stop()
        self._sync_timer.stop()
        if self.backoffice is not None:
            self.backoffice.close_pages()
        self.worker.stop()
        if self.diagnostics is not None:
            self.diagnostics.close()
        if self.ctx.printer is not None:
            self.ctx.printer.on_event = None
            self.ctx.printer.close()
        if self.ctx.scale is not None:
            self.ctx.scale.close()
        if self.ctx.customer is not None:
            self.ctx.customer.close()
        super().closeEvent(event)
