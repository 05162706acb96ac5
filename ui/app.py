"""The till application: translator, theme, main window (登录 → 开班 → 收银).

The ``omnistore client`` command calls :func:`run_client`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from ui.api import ApiError, SessionInfo, Shift, StoreClient
from ui.checkout import CheckoutScreen
from ui.context import PrinterSink, TillContext
from ui.screens import LoginScreen, ShiftOpenScreen
from ui.theme import FONT_FAMILIES, RESOURCES, render_qss
from ui.wedge import WedgeFilter
from ui.widgets import repolish
from ui.worker import Worker

log = logging.getLogger(__name__)

I18N_DIR = RESOURCES / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
HEALTH_INTERVAL_MS = 10_000
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


class MainWindow(QMainWindow):
    """One stacked window: LoginScreen → ShiftOpenScreen → CheckoutScreen."""

    def __init__(self, client: StoreClient, till: str, printer_sink: PrinterSink | None = None,
                 worker: Worker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("OmniStore checkout"))
        self.worker = worker or Worker(self)
        self.ctx = TillContext(client=client, worker=self.worker, till=till, printer_sink=printer_sink)
        self.stack = QStackedWidget()
        self.login = LoginScreen(self.ctx)
        self.shift = ShiftOpenScreen(self.ctx)
        self.checkout = CheckoutScreen(self.ctx)
        for screen in (self.login, self.shift, self.checkout):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        self._status_labels()
        self.login.logged_in.connect(self._logged_in)
        self.shift.shift_opened.connect(self._shift_opened)
        self.shift.logout_requested.connect(self.logout)
        self.checkout.shift_required.connect(self._show_shift)
        self.wedge = WedgeFilter(parent=self)
        self.wedge.set_native_target(self.checkout.scan_edit)
        self.wedge.scanned.connect(self._wedge_scan)
        self.wedge.active = lambda: self.stack.currentWidget() is self.checkout
        QApplication.instance().installEventFilter(self.wedge)
        self._theme_timer = QTimer(self, singleShot=True, interval=150, timeout=self._apply_theme)
        self._themed_height = 0
        self._health = QTimer(self, interval=HEALTH_INTERVAL_MS, timeout=self._check_health)
        self._health.start()
        self._open_ticket: str | None = None
        self.stack.setCurrentWidget(self.login)

    def _status_labels(self) -> None:
        bar = self.statusBar()
        self.operator_label = QLabel()
        self.till_label = QLabel(self.tr("Till: %1").replace("%1", self.ctx.till))
        self.server_label = QLabel()
        self.server_label.setObjectName("serverStatus")
        self.busy_label = QLabel()
        bar.addWidget(self.operator_label)
        bar.addWidget(self.till_label)
        bar.addWidget(self.busy_label, 1)
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
        if session.shift is None:
            self._show_shift()
        else:
            self._show_checkout()

    def _show_shift(self) -> None:
        self.shift.prepare()
        self.stack.setCurrentWidget(self.shift)

    def _shift_opened(self, shift: Shift | None) -> None:
        self.ctx.shift = shift
        self._show_checkout()

    def _show_checkout(self) -> None:
        self.stack.setCurrentWidget(self.checkout)
        self.checkout.start(self._open_ticket)
        self._open_ticket = None
        self.checkout.focus_scan()

    def logout(self) -> None:
        self.ctx.client.logout()
        self.ctx.operator = None
        self.operator_label.clear()
        self.login.reset()
        self.stack.setCurrentWidget(self.login)

    # -- wedge scanner, server status, theme ----------------------------------------------------

    def _wedge_scan(self, code: str) -> None:
        if self.stack.currentWidget() is self.checkout:
            self.checkout.handle_scan(code)

    def _check_health(self) -> None:
        if self.worker.pending:
            return
        client = self.ctx.client
        self.worker.submit(client.health, lambda _ok: self._set_online(True),
                           lambda exc: self._set_online(not (isinstance(exc, ApiError)
                                                             and exc.code == "server_unreachable")))

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

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        QApplication.instance().removeEventFilter(self.wedge)
        self._health.stop()
        self.worker.stop()
        super().closeEvent(event)


def transport_sink(printer_uri: str | None) -> PrinterSink | None:
    """The printer sink for ``printer_uri`` (e.g. ``usb://…``, ``tcp://host:9100``, ``file:///tmp/r.bin``)."""
    if not printer_uri:
        return None

    def send(data: bytes) -> None:
        from hardware.transports import send as transport_send  # wired by the lead

        transport_send(printer_uri, data)

    return send


def run_client(server_url: str, till: str, lang: str | None = None, printer_uri: str | None = None,
               argv: Sequence[str] | None = None) -> int:
    """Entry point for ``omnistore client``: show the till and run the event loop; returns the exit code."""
    app = create_app(argv, lang)
    language = str(app.property("omnistore_language") or DEFAULT_LANGUAGE)
    client = StoreClient(server_url, language=language)
    window = MainWindow(client, till, transport_sink(printer_uri))
    screen = QGuiApplication.primaryScreen()
    if screen is not None and screen.availableGeometry().width() <= 1366:
        window.showFullScreen()
    else:
        window.resize(1280, 900)
        window.show()
    window.apply_theme_now()
    return app.exec()
