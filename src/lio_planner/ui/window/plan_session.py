"""What goes on around the open plan while a window shows it.

The window starts one :class:`PlanSession` per plan it opens and stops it before closing the
plan. The session keeps the claim on the plan alive and watches the file (through
:class:`PlanMonitor`): a read-only viewer reloads when the editor saves; an editor hears when
the plan is taken over, replaced or goes missing. It also takes the day's backup, a moment
after the window has appeared rather than before, so opening stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.store.sqlite.lock import read_lock
from lio_planner.ui.sharing.monitor import POLL_MS, PlanMonitor

if TYPE_CHECKING:
    from lio_planner.store.sqlite.database import PlanStore
    from lio_planner.ui.window.main_window import MainWindow

BACKUP_DELAY_MS = 1500  # after the window has painted, so the backup never delays opening
NOTICE_MS = 20000


class PlanSession(QObject):
    """The monitor, the daily backup and the file warnings for one open plan."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store: PlanStore | None = None
        self.monitor: PlanMonitor | None = None
        self.poll_ms = POLL_MS
        self._paused = 0
        self._told_replaced = False
        self.replaced_box: QMessageBox | None = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setSingleShot(True)
        self.backup_timer.setInterval(BACKUP_DELAY_MS)
        self.backup_timer.timeout.connect(self.take_daily_backup)
        self.missing_label = QLabel()
        self.missing_label.setTextFormat(Qt.TextFormat.PlainText)
        self.missing_label.setAccessibleDescription("Plan file warning")
        self.missing_label.setStyleSheet("color: #a40000; font-weight: bold;")
        self.missing_label.hide()
        # A permanent widget, so passing messages in the status bar never hide the warning.
        window.statusBar().insertPermanentWidget(0, self.missing_label, 1)

    # --- life -------------------------------------------------------------------------------
    def start(self, store: PlanStore) -> None:
        """Watch ``store`` (just opened) until :meth:`stop`."""
        self.stop()
        self.store = store
        self._told_replaced = False
        monitor = PlanMonitor(store, self, poll_ms=self.poll_ms)
        monitor.changed_elsewhere.connect(self._changed_elsewhere)
        monitor.replaced.connect(self._replaced)
        monitor.went_missing.connect(self._went_missing)
        monitor.came_back.connect(self._came_back)
        monitor.taken_over.connect(self._taken_over)
        self.monitor = monitor
        monitor.start()
        if not store.read_only:
            self.backup_timer.start()
        if store.notices:
            self.show_notices()

    def stop(self) -> None:
        """Stop watching: no timer, handle or warning is left for the plan being closed."""
        self.backup_timer.stop()
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor.deleteLater()
            self.monitor = None
        if self.replaced_box is not None:
            self.replaced_box.close()
            self.replaced_box = None
        self.missing_label.hide()
        self.store = None
        self._paused = 0

    def pause(self) -> None:
        """Hold the timers while a question is open, so nothing reloads under it."""
        self._paused += 1
        if self.monitor is not None:
            self.monitor.poll_timer.stop()

    def resume(self) -> None:
        self._paused = max(0, self._paused - 1)
        if self._paused == 0 and self.monitor is not None:
            self.monitor.poll_timer.start()

    def check_claim(self) -> None:
        """Renew the claim now (after a save said the plan was taken over)."""
        if self.monitor is not None and self.store is not None and not self.store.read_only:
            self.monitor.beat()

    # --- the day's backup and other notices -------------------------------------------------
    def take_daily_backup(self) -> None:
        """Back the plan up if it has no backup from today; say so quietly if that failed."""
        store = self.store
        if store is None or store.read_only:
            return
        from lio_planner.store.sqlite import backup

        try:
            backup.take_daily_backup(store.path, store.plan_uuid)
        except Exception as exc:  # a missed backup must never get in the way of the work
            store.notices.append(f"Today's backup could not be made: {user_message(exc)}")
            self.show_notices()

    def show_notices(self) -> None:
        """Show what the store has to say (a backup not made) in the status bar."""
        store = self.store
        if store is None or not store.notices:
            return
        text = " ".join(store.notices)
        store.notices.clear()
        self.window.statusBar().showMessage(text, NOTICE_MS)

    # --- what the monitor noticed ---------------------------------------------------------
    def _changed_elsewhere(self) -> None:
        if self._paused:
            return
        if self.store is not None and self.store.read_only:
            self.window.data.catch_up()  # a viewer reads only what was saved since its last look
        else:
            self.window.reload()
        self.window.statusBar().showMessage("Changes saved by someone else are now shown.", 5000)

    def _replaced(self) -> None:
        if self._told_replaced or self._paused:
            return
        self._told_replaced = True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_NAME)
        box.setTextFormat(Qt.TextFormat.PlainText)
        name = self.store.description if self.store else "The plan"
        box.setText(
            f"“{name}” has been replaced by another file of the same name, perhaps by a program "
            "such as OneDrive or Dropbox."
        )
        box.setInformativeText(
            "Open it again to see what is in it now. Until you do, changes cannot be saved."
        )
        reopen = box.addButton("&Open it again", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reopen)

        def finished() -> None:
            if box.clickedButton() is reopen:
                self.window.open_again()

        box.finished.connect(finished)
        self.replaced_box = box
        box.open()

    def _went_missing(self) -> None:
        name = self.store.description if self.store else "The plan"
        self.missing_label.setText(
            f"“{name}” cannot be found: it may have been moved or renamed, or its drive "
            "disconnected. Changes cannot be saved until it is back."
        )
        self.missing_label.show()

    def _came_back(self) -> None:
        self.missing_label.hide()
        self.window.statusBar().showMessage("The plan file can be reached again.", 5000)
        if self.store is not None and self.store.read_only:
            self.window.reload()

    def _taken_over(self) -> None:
        store = self.store
        if store is None:
            return
        holder = read_lock(store.path)
        who = f"{holder.user} on {holder.machine}" if holder else "Someone else"
        self.window.set_read_only(
            True,
            f"{who} took this plan over, so it is now read-only here. Their changes appear as "
            "they save them.",
        )
        self.window.report_problem(
            f"{who} has taken this plan over. Everything saved before is in the plan, but from "
            "now on this window is read-only: anything still being typed stays on screen, "
            "unsaved. To carry on working, save a copy (File → Save a copy as…), work in it, "
            "and merge it in once they have finished."
        )
