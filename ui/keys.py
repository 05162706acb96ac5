"""The till's keys (功能键), written once: the one table drives the function-key bar, the
更多 (More) panel's touch buttons, the keyboard shortcuts and the F1 help.

Each row names the checkout method it calls, so a key, its button and its help line can never
drift apart. Texts are marked for translation here and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: the translation context of every text in the table
CONTEXT = "TillKeys"


@dataclass(frozen=True)
class TillKey:
    """One thing the cashier does from the keyboard, a button, or both."""

    #: the shortcut as ``QKeySequence`` text ("F3", "Ctrl+M"); empty for a row that only explains
    key: str
    #: the button's caption (source text)
    label: str
    #: the F1 help line (source text)
    help: str
    #: the ``CheckoutScreen`` method it calls
    action: str = ""
    #: "bar": a button on the function-key bar; "more": a button in the 更多 panel; "": help only
    place: str = ""
    #: what the help shows as the key when it is not ``key`` itself ("F12 / +")
    cap: str = ""

    @property
    def key_cap(self) -> str:
        return self.cap or self.key

    def caption(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)

    def explanation(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.help)


# lupdate finds each text by the literal context in its QT_TRANSLATE_NOOP: keep it equal to CONTEXT.
TILL_KEYS: tuple[TillKey, ...] = (
    TillKey("F1", QT_TRANSLATE_NOOP("TillKeys", "Help"),
            QT_TRANSLATE_NOOP("TillKeys", "This list of keys"),
            action="show_help", place="bar"),
    TillKey("F2", QT_TRANSLATE_NOOP("TillKeys", "Search"),
            QT_TRANSLATE_NOOP("TillKeys", "Search products by name, pinyin initials or code"),
            action="search", place="bar"),
    TillKey("F3", QT_TRANSLATE_NOOP("TillKeys", "Quantity"),
            QT_TRANSLATE_NOOP("TillKeys", "Change the quantity of the selected line"),
            action="change_quantity", place="bar"),
    TillKey("F4", QT_TRANSLATE_NOOP("TillKeys", "Void line"),
            QT_TRANSLATE_NOOP("TillKeys", "Void the selected line"),
            action="void_line", place="bar"),
    TillKey("F5", QT_TRANSLATE_NOOP("TillKeys", "Park"),
            QT_TRANSLATE_NOOP("TillKeys", "Park the ticket (hold it for later)"),
            action="park", place="bar"),
    TillKey("F6", QT_TRANSLATE_NOOP("TillKeys", "Resume"),
            QT_TRANSLATE_NOOP("TillKeys", "Resume a parked ticket"),
            action="resume", place="bar"),
    TillKey("F7", QT_TRANSLATE_NOOP("TillKeys", "Price"),
            QT_TRANSLATE_NOOP("TillKeys", "Override the price of the selected line"),
            action="override_price", place="bar"),
    TillKey("F8", QT_TRANSLATE_NOOP("TillKeys", "No sale"),
            QT_TRANSLATE_NOOP("TillKeys", "Open the cash drawer without a sale (a manager authorises it)"),
            action="no_sale", place="bar"),
    TillKey("F9", QT_TRANSLATE_NOOP("TillKeys", "Reprint"),
            QT_TRANSLATE_NOOP("TillKeys", "Reprint the last receipt"),
            action="reprint", place="bar"),
    TillKey("F10", QT_TRANSLATE_NOOP("TillKeys", "Log out"),
            QT_TRANSLATE_NOOP("TillKeys", "Log out"),
            action="log_out", place="bar"),
    TillKey("F11", QT_TRANSLATE_NOOP("TillKeys", "Close shift"),
            QT_TRANSLATE_NOOP("TillKeys", "Close the shift (blind count of the drawer)"),
            action="close_shift", place="bar"),
    TillKey("F12", QT_TRANSLATE_NOOP("TillKeys", "Pay"),
            QT_TRANSLATE_NOOP("TillKeys", "Pay"),
            action="pay", place="bar", cap="F12 / +"),
    TillKey("Ctrl+Delete", QT_TRANSLATE_NOOP("TillKeys", "Cancel ticket"),
            QT_TRANSLATE_NOOP("TillKeys", "Cancel the whole ticket (paid or over the limit: a supervisor allows it)"),
            action="void_ticket", place="more"),
    TillKey("Ctrl+M", QT_TRANSLATE_NOOP("TillKeys", "Member"),
            QT_TRANSLATE_NOOP("TillKeys", "Member: scan the member code, or type a phone or card number"),
            action="member_dialog", place="more"),
    TillKey("Ctrl+Q", QT_TRANSLATE_NOOP("TillKeys", "Coupon"),
            QT_TRANSLATE_NOOP("TillKeys", "Use a coupon"),
            action="coupon_dialog", place="more"),
    TillKey("Ctrl+P", QT_TRANSLATE_NOOP("TillKeys", "Stored value"),
            QT_TRANSLATE_NOOP("TillKeys", "Pay with stored value or a gift card"),
            action="stored_value_dialog", place="more"),
    TillKey("Ctrl+I", QT_TRANSLATE_NOOP("TillKeys", "Points"),
            QT_TRANSLATE_NOOP("TillKeys", "Pay with the member's points"),
            action="points_dialog", place="more"),
    TillKey("Ctrl+T", QT_TRANSLATE_NOOP("TillKeys", "Top up"),
            QT_TRANSLATE_NOOP("TillKeys", "Top up a stored-value card: cash in, the card credited with its bonus"),
            action="top_up_dialog", place="more"),
    TillKey("Ctrl+R", QT_TRANSLATE_NOOP("TillKeys", "Return"),
            QT_TRANSLATE_NOOP("TillKeys", "Return goods of an earlier sale"),
            action="return_dialog", place="more"),
    TillKey("Ctrl+S", QT_TRANSLATE_NOOP("TillKeys", "HQ sync"),
            QT_TRANSLATE_NOOP("TillKeys", "HQ sync status and stuck uploads"),
            action="open_sync", place="more"),
    TillKey("", "", QT_TRANSLATE_NOOP("TillKeys", "Select a line"), cap="↑ ↓"),
    TillKey("", "", QT_TRANSLATE_NOOP("TillKeys", "Type 3* before a code to sell 3 of it"), cap="3*"),
)


def keys_for(place: str) -> tuple[TillKey, ...]:
    """The rows shown as buttons in ``place`` ("bar" or "more"), in the table's order."""
    return tuple(key for key in TILL_KEYS if key.place == place)


def shortcut_keys() -> tuple[TillKey, ...]:
    """The rows with a keyboard shortcut."""
    return tuple(key for key in TILL_KEYS if key.key and key.action)
