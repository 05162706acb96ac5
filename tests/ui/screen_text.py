"""What a window says, read off its widgets as the cashier reads them, and the English left in it."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

_TAG = re.compile(r"<[^>]+>")
_URI = re.compile(r"\S+://\S*|/dev/\S+")
#: two or more English words in a row: a phrase nobody translated
_PHRASE = re.compile(r"[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,})+")
#: a code the program speaks, not the cashier (receipt_printer, printer_paper_out)
_IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")
_WORD = re.compile(r"^[A-Za-z]+$")
#: names of formats and protocols, the same in every language
TECHNICAL = {"tspl", "zpl", "QR", "USB", "PLU", "PIN", "AIM", "EAN", "ESC", "POS", "ST", "GS", "kg", "mm"}


def _model_texts(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            texts.append(str(model.index(row, column).data() or ""))
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """Every text one widget shows (without its children)."""
    texts = [widget.toolTip()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    elif isinstance(widget, QAbstractItemView):
        texts += _model_texts(widget.model())
    return [_TAG.sub(" ", text) for text in texts if text]


def visible_texts(root: QWidget) -> list[str]:
    """The window's title and every text of it and its children, shown now or on another tab."""
    texts = [root.windowTitle()] if root.windowTitle() else []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += widget_texts(widget)
    return texts


def english_in(text: str) -> list[str]:
    """The untranslated English in a text meant for a Chinese screen: phrases, program codes and
    lone English words, leaving out addresses and the names of formats."""
    text = _URI.sub(" ", text)
    phrases = [p for p in _PHRASE.findall(text) if not set(re.findall(r"[A-Za-z]+", p)) <= TECHNICAL]
    found = phrases + _IDENTIFIER.findall(text)
    stripped = text.strip()
    if _WORD.match(stripped) and stripped not in TECHNICAL:
        found.append(stripped)
    return found
