"""设置: the receipt's header and footer, the rounding policy (抹零), the void limit, the till's
devices (the diagnostics window) and the language. Kept on the store server, which applies a
change to the next sale without a restart; what the manager never changed follows the
environment's default."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import format_fen, parse_yuan
from ui.api import new_command_id
from ui.backoffice.shell import BackOfficeContext
from ui.widgets import MessageStrip

ROUNDING = {
    "none": QT_TRANSLATE_NOOP("SettingsPage", "None: exact fen"),
    "jiao_down": QT_TRANSLATE_NOOP("SettingsPage", "To the jiao, down"),
    "jiao_half_up": QT_TRANSLATE_NOOP("SettingsPage", "To the jiao, half up"),
    "yuan_down": QT_TRANSLATE_NOOP("SettingsPage", "To the yuan, down"),
    "yuan_half_up": QT_TRANSLATE_NOOP("SettingsPage", "To the yuan, half up"),
}
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))
MAX_TEXT = 200


class SettingsPage(QWidget):
    """设置."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown_values: dict[str, Any] = {}
        self.defaults: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        title = QLabel(self.tr("Settings of this store"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.header = QPlainTextEdit()
        self.header.setPlaceholderText(self.tr("Printed under the store's name"))
        self.footer = QPlainTextEdit()
        for edit in (self.header, self.footer):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(84)
        form.addRow(self.tr("Receipt header"), self.header)
        form.addRow(self.tr("Receipt footer"), self.footer)
        self.rounding = QComboBox()
        for code, text in ROUNDING.items():
            self.rounding.addItem(QCoreApplication.translate("SettingsPage", text), code)
        form.addRow(self.tr("Rounding"), self.rounding)
        self.void_limit = QLineEdit()
        self.void_limit.setPlaceholderText("50.00")
        form.addRow(self.tr("Void limit (￥, above it a supervisor authorises)"), self.void_limit)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        form.addRow(self.tr("Language"), self.language)
        self.devices_button = QPushButton(self.tr("Devices and diagnostics…"))
        self.devices_button.clicked.connect(self.open_devices)
        self.devices_button.setEnabled(ctx.open_diagnostics is not None)
        form.addRow(self.tr("Devices"), self.devices_button)
        layout.addLayout(form)
        self.changed_note = QLabel()
        self.changed_note.setObjectName("caption")
        self.changed_note.setWordWrap(True)
        layout.addWidget(self.changed_note)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.defaults_button = QPushButton(self.tr("Back to the defaults"))
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._loaded = False

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.load()

    def load(self) -> None:
        client = self.ctx.client
        self.ctx.worker.submit(client.store_settings, self.show_settings,
                               lambda exc: self.message.show_error(str(exc)), owner=self)

    def show_settings(self, data: dict[str, Any]) -> None:
        values = data["values"]
        self.shown_values, self.defaults = dict(values), dict(data.get("defaults") or {})
        self.header.setPlainText(str(values.get("receipt_header") or ""))
        self.footer.setPlainText(str(values.get("receipt_footer") or ""))
        self.rounding.setCurrentIndex(max(0, self.rounding.findData(values.get("rounding"))))
        self.void_limit.setText(format_fen(int(values.get("void_line_limit") or 0)))
        self.language.setCurrentIndex(max(0, self.language.findData(values.get("language"))))
        overridden = data.get("overridden") or []
        self.changed_note.setText(self.tr("Changed here: %1. The rest follow the store server's defaults.")
                                  .replace("%1", ", ".join(overridden) or self.tr("nothing yet")))

    def values(self) -> dict[str, Any] | None:
        """What the form says, checked; None (and a message) when something can't be saved."""
        header, footer = self.header.toPlainText().strip(), self.footer.toPlainText().strip()
        for text in (header, footer):
            if len(text) > MAX_TEXT or len(text.splitlines()) > 4:
                self.message.show_error(self.tr("A header or footer is at most 4 lines and %1 characters.")
                                        .replace("%1", str(MAX_TEXT)))
                return None
        try:
            limit = parse_yuan(self.void_limit.text())
        except DomainError:
            self.message.show_error(self.tr("Not an amount: %1").replace("%1", self.void_limit.text()))
            self.void_limit.setFocus()
            return None
        return {"receipt_header": header, "receipt_footer": footer, "rounding": self.rounding.currentData(),
                "void_line_limit": limit, "language": self.language.currentData()}

    def save(self) -> None:
        values = self.values()
        if values is None:
            return
        changed = {k: v for k, v in values.items() if self.shown_values.get(k) != v}
        if not changed:
            self.message.show_info(self.tr("Nothing changed."))
            return
        self._send(changed)

    def restore_defaults(self) -> None:
        self._send({key: None for key in ("receipt_header", "receipt_footer", "rounding", "void_line_limit",
                                          "language")})

    def _send(self, changed: dict[str, Any]) -> None:
        client, command_id = self.ctx.client, new_command_id()
        language_before = self.shown_values.get("language")

        def saved(data: dict[str, Any]) -> None:
            self.show_settings(data)
            self.message.show_success(self.tr("Saved: the next sale uses these settings."))
            language = data["values"].get("language")
            if language != language_before and self.ctx.set_language is not None:
                self.ctx.set_language(str(language))

        self.ctx.worker.submit(lambda: client.save_settings(changed, command_id), saved,
                               lambda exc: self.message.show_error(str(exc)), owner=self)

    def open_devices(self) -> None:
        if self.ctx.open_diagnostics is not None:
            self.ctx.open_diagnostics()


def page(ctx: BackOfficeContext) -> QWidget:
    return SettingsPage(ctx)
