"""总部同步: the status-bar summary of the store's link to HQ, and the sync page with stuck uploads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.api import NOT_ENROLLED, ApiError, StoreClient, StuckEvent, SyncStatus
from ui.dialogs import PosDialog, item_table, style_table
from ui.models import StuckEventsModel
from ui.texts import hq_error_text
from ui.worker import Worker


def short_time(iso: str | None, now: datetime | None = None) -> str:
    """'2024-05-01T14:03:22+08:00' → '14:03' today, '2024-05-01 14:03' on another day, '' when missing."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    now = now or datetime.now()
    return moment.strftime("%H:%M") if moment.date() == now.date() else moment.strftime("%Y-%m-%d %H:%M")


def sync_state(status: SyncStatus) -> str:
    """The QSS ``state`` of the status-bar item: stuck, ok, busy, offline or none."""
    if not status.enrolled:
        return "none"
    if status.stuck:
        return "stuck"
    if status.catching_up or status.online is None:
        return "busy"
    return "ok" if status.online else "offline"


def sync_status_text(status: SyncStatus) -> str:
    """One line for the status bar, e.g. '总部：在线 · 待上传 0 · 最近同步 14:03'."""
    if not status.enrolled:
        return QCoreApplication.translate("SyncStatus", "HQ: not connected")
    if status.catching_up:
        if status.feed_percent is not None:
            text = QCoreApplication.translate("SyncStatus", "HQ data syncing: %1 received (%2%)")
            return text.replace("%1", f"{status.feed_applied:,}").replace("%2", str(status.feed_percent))
        text = QCoreApplication.translate("SyncStatus", "HQ data syncing (%1 received)")
        return text.replace("%1", f"{status.feed_applied:,}")
    if status.stuck:
        head = QCoreApplication.translate("SyncStatus", "HQ: UPLOADS STUCK")
    elif status.online is None:
        head = QCoreApplication.translate("SyncStatus", "HQ: connecting")
    elif status.online:
        head = QCoreApplication.translate("SyncStatus", "HQ: online")
    else:
        head = QCoreApplication.translate("SyncStatus", "HQ: OFFLINE")
    parts = [head, QCoreApplication.translate("SyncStatus", "to upload %1").replace("%1", str(status.backlog))]
    if status.online and status.last_sync:
        last = QCoreApplication.translate("SyncStatus", "last sync %1")
        parts.append(last.replace("%1", short_time(status.last_sync)))
    return " · ".join(parts)


def sync_tooltip(status: SyncStatus) -> str | None:
    """What the status-bar item says on hover: why uploads are stuck and since when, or the last error."""
    if status.enrolled and status.stuck:
        minutes = max(1, (status.oldest_pending_seconds or 0) // 60)
        text = QCoreApplication.translate("SyncStatus", "Uploads to HQ are stuck: the oldest has waited %1 min. %2")
        return text.replace("%1", str(minutes)).replace("%2", status.last_error or "").strip()
    return status.last_error


CONFLICT_STEPS = {
    "commit": QT_TRANSLATE_NOOP("SyncDialog", "redeem coupon"),
    "release": QT_TRANSLATE_NOOP("SyncDialog", "release coupon"),
    "refund": QT_TRANSLATE_NOOP("SyncDialog", "refund to card"),
    "points": QT_TRANSLATE_NOOP("SyncDialog", "points"),
    "points_back": QT_TRANSLATE_NOOP("SyncDialog", "points back"),
    "activate": QT_TRANSLATE_NOOP("SyncDialog", "activate gift card"),
    "campaign": QT_TRANSLATE_NOOP("SyncDialog", "campaign coupon"),
    "restore": QT_TRANSLATE_NOOP("SyncDialog", "restore coupon"),
    "campaign_back": QT_TRANSLATE_NOOP("SyncDialog", "take back campaign coupon"),
}


def conflict_step_label(step: str) -> str:
    return QCoreApplication.translate("SyncDialog", CONFLICT_STEPS[step]) if step in CONFLICT_STEPS else step


# the longest note HQ keeps (app.hq.conflicts.NOTE_MAX)
NOTE_MAX = 200
# a handled conflict's row is greyed like a disabled button (resources/qss/default.qss)
HANDLED_COLOR = "#9aa5b1"


class ConflictNoteDialog(PosDialog):
    """处理: the manager says what was done about one conflict before it is marked handled."""

    def __init__(self, item: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mark as handled"), parent)
        self.item = item
        self.note: str | None = None
        what = QLabel(" · ".join(text for text in (
            conflict_step_label(str(item.get("action", ""))), str(item.get("subject", "")),
            str(item.get("message") or item.get("reason", ""))) if text))
        what.setWordWrap(True)
        self.body.addWidget(what)
        form = QFormLayout()
        self.edit = QLineEdit()
        self.edit.setMaxLength(NOTE_MAX)
        self.edit.setPlaceholderText(self.tr("What was done, e.g. the customer paid the difference in cash"))
        form.addRow(self.tr("Note"), self.edit)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.size_to_parent(0.6, 0.45)
        self.edit.setFocus()

    def submit(self) -> None:
        note = self.edit.text().strip()
        if not note:
            self.message.show_error(self.tr("Write what was done."))
            self.edit.setFocus()
            return
        self.note = note
        self.accept()


class SyncDialog(PosDialog):
    """The sync page: the link to HQ in detail, and the uploads HQ keeps refusing."""

    def __init__(self, client: StoreClient | None, worker: Worker | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("HQ sync"), parent, ok_text=self.tr("Close (Enter)"))
        self._client = client
        self._worker = worker
        self.cancel_button.hide()
        form = QFormLayout()
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.backlog_label = QLabel()
        self.last_sync_label = QLabel()
        self.feed_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        form.addRow(self.tr("Status"), self.state_label)
        form.addRow(self.tr("Waiting to upload"), self.backlog_label)
        form.addRow(self.tr("Last sync"), self.last_sync_label)
        form.addRow(self.tr("Master data from HQ"), self.feed_label)
        form.addRow(self.tr("Last error"), self.error_label)
        self.body.addLayout(form)
        caption = QLabel(self.tr("Stuck uploads (HQ keeps refusing them)"))
        caption.setObjectName("caption")
        self.body.addWidget(caption)
        self.model = StuckEventsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        style_table(self.table)
        self.body.addWidget(self.table, 1)
        row = QHBoxLayout()
        caption = QLabel(self.tr("Coupons, stored value and points HQ could not settle (for the manager)"))
        caption.setObjectName("caption")
        row.addWidget(caption, 1)
        self.show_handled = QCheckBox(self.tr("Show resolved"))
        self.show_handled.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_handled.toggled.connect(self._show_handled_toggled)
        row.addWidget(self.show_handled)
        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.resolve_button.setObjectName("secondaryButton")
        self.resolve_button.setAutoDefault(False)
        self.resolve_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resolve_button.setEnabled(False)
        self.resolve_button.clicked.connect(self.ask_note)
        row.addWidget(self.resolve_button)
        self.body.addLayout(row)
        self.conflicts = item_table([self.tr("Time"), self.tr("Step"), self.tr("Coupon / card / member"),
                                     self.tr("Reason"), self.tr("Handled by"), self.tr("Note")], stretch=3)
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.itemSelectionChanged.connect(self._selection_changed)
        self.conflicts.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the reason's room, shared
        self._set_handled_columns(False)
        self.body.addWidget(self.conflicts, 1)
        # HQ's conflicts as shown, row by row
        self.conflict_items: list[dict[str, Any]] = []
        # the note dialog while it is open
        self.note_dialog: ConflictNoteDialog | None = None
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("secondaryButton")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refresh_button.clicked.connect(self.refresh)
        self.button_row.insertWidget(0, self.refresh_button)
        self.show_status(NOT_ENROLLED if client is None else None)
        self.size_to_parent(0.8, 0.8)

    def refresh(self) -> None:
        """Fetch the status and the stuck events (on the worker)."""
        if self._client is None or self._worker is None:
            return
        client = self._client
        self.message.show_info(self.tr("Loading…"), 0)
        everything = self.show_handled.isChecked()
        self._worker.submit(lambda: (client.sync_status(), client.sync_stuck(), client.loyalty_conflicts(everything)),
                            self._loaded, self._failed, owner=self)

    def _loaded(self, result: tuple[SyncStatus, list[StuckEvent], list[dict[str, Any]] | None]) -> None:
        status, stuck, conflicts = result
        self.show_status(status)
        self.show_stuck(stuck)
        self.show_conflicts(conflicts)

    def _failed(self, exc: Exception) -> None:
        self.message.show_error(str(exc))

    def show_status(self, status: SyncStatus | None) -> None:
        if status is None:
            for label in (self.state_label, self.backlog_label, self.last_sync_label, self.feed_label, self.error_label):
                label.setText("…")
            return
        self.state_label.setText(sync_status_text(status))
        self.state_label.setProperty("state", sync_state(status))
        self.backlog_label.setText(str(status.backlog) if status.enrolled else "-")
        self.last_sync_label.setText(short_time(status.last_sync) or "-")
        if status.enrolled:
            feed = self.tr("%1 changes applied (cursor %2)").replace("%1", str(status.feed_applied)) \
                .replace("%2", str(status.feed_cursor))
            if status.catching_up:
                feed += " · " + self.tr("catching up")
        else:
            feed = "-"
        self.feed_label.setText(feed)
        self.error_label.setText(hq_error_text(status.last_error) or "-")
        self.error_label.setToolTip(status.last_error or "")  # HQ's own words, for support
        self.message.clear_message()
        if not status.enrolled:
            self.message.show_info(self.tr("This store is not connected to HQ: sales stay in the store."), 0)

    def show_conflicts(self, items: list[dict[str, Any]] | None) -> None:
        """HQ's list for this store; None (HQ out of reach, or the store not enrolled) greys the list out.
        A handled conflict (in the list with "show resolved") is greyed, with who handled it, when, and the note."""
        self.conflict_items = list(items or [])
        self.conflicts.clearSelection()
        self.conflicts.setRowCount(len(self.conflict_items))
        self.conflicts.setDisabled(items is None)
        for row, item in enumerate(self.conflict_items):
            step = str(item.get("action", ""))
            handled = " · ".join(text for text in (str(item.get("resolved_by") or ""),
                                                   short_time(item.get("resolved_at"))) if text)
            cells = (short_time(str(item.get("at", ""))), conflict_step_label(step), str(item.get("subject", "")),
                     str(item.get("message") or item.get("reason", "")), handled, str(item.get("resolution") or ""))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # the whole reason or note, where the column cuts it short
                if item.get("resolved_at"):
                    cell.setForeground(QColor(HANDLED_COLOR))
                self.conflicts.setItem(row, column, cell)
        self._selection_changed()

    def selected_conflict(self) -> dict[str, Any] | None:
        rows = self.conflicts.selectionModel().selectedRows()
        return self.conflict_items[rows[0].row()] if rows and rows[0].row() < len(self.conflict_items) else None

    def _selection_changed(self) -> None:
        item = self.selected_conflict()
        self.resolve_button.setEnabled(item is not None and not item.get("resolved_at"))

    def _set_handled_columns(self, shown: bool) -> None:
        for column in (4, 5):
            self.conflicts.setColumnHidden(column, not shown)

    def _show_handled_toggled(self, shown: bool) -> None:
        self._set_handled_columns(shown)
        self.reload_conflicts()

    def reload_conflicts(self) -> None:
        """Fetch HQ's conflicts again (on the worker), open ones or all as the check box says."""
        if self._client is None or self._worker is None:
            return
        client, everything = self._client, self.show_handled.isChecked()
        self._worker.submit(lambda: client.loyalty_conflicts(everything), self.show_conflicts, self._failed, owner=self)

    def ask_note(self) -> None:
        """Resolve…: the manager's note for the selected conflict, then HQ marks it handled."""
        item = self.selected_conflict()
        if item is None or item.get("resolved_at") or self.note_dialog is not None:
            return
        dialog = ConflictNoteDialog(item, self)
        self.note_dialog = dialog

        def closed(_result: int) -> None:
            self.note_dialog = None
            dialog.deleteLater()
            if dialog.note:  # set only by OK
                self.resolve(int(item["id"]), dialog.note)

        dialog.finished.connect(closed)
        dialog.open()

    def resolve(self, conflict_id: int, note: str) -> None:
        if self._client is None or self._worker is None:
            return
        client = self._client
        self.resolve_button.setEnabled(False)
        self.message.show_info(self.tr("Saving…"), 0)
        self._worker.submit(lambda: client.resolve_conflict(conflict_id, note), self._resolved, self._resolve_failed,
                            owner=self)

    def _resolved(self, _item: dict[str, Any]) -> None:
        self.message.show_success(self.tr("Marked as handled."))
        self.reload_conflicts()

    def _resolve_failed(self, exc: Exception) -> None:
        """Not a manager, HQ out of reach, handled already: the server's words, in the till's language."""
        self.message.show_error(str(exc))
        if isinstance(exc, ApiError) and exc.code in ("conflict_already_resolved", "conflict_not_found"):
            self.reload_conflicts()  # someone else got there first: show the list as it is now
        else:
            self._selection_changed()

    def show_stuck(self, events: list[StuckEvent]) -> None:
        self.model.set_rows(events)
        if events:
            self.message.show_error(self.tr("%1 uploads are stuck: call support.").replace("%1", str(len(events))),
                                    beep=False)
