"""Plan → Review: choosing where it starts, marking the plan reviewed (and undoing it), the
preview's pages and the exports; and the progress view, drawn from the same figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest
from gui_helpers import WindowMaker
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from helpers.clock import clock_fixture  # noqa: F401
from helpers.review_plan import TODAY, history_fixture  # noqa: F401
from lio_planner.services import review
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.readable import open_for_reading
from lio_planner.ui.review.dialog import ReviewDialog


@pytest.fixture
def reviewed_window(
    open_window: WindowMaker, store: PlanStore, history: dict[str, str]
) -> tuple[object, ReviewDialog]:
    path = store.path
    store.close()  # the history is made; the window opens the plan for itself
    window = open_window(path)
    dialog = ReviewDialog(lambda: window.store, window.editor.runner, window, lambda: TODAY)
    return window, dialog


def test_typing_a_date_reviews_from_it(qtbot: QtBot, reviewed_window: tuple) -> None:
    _window, dialog = reviewed_window
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.since_date.isChecked() and not dialog.since_last.isEnabled()
    dialog.activateWindow()
    dialog.since_date.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.since_date)
    qtbot.keyClick(dialog.since_date, Qt.Key.Key_Tab)  # into the date box, as a person would
    assert QApplication.focusWidget() is dialog.date_box
    qtbot.keyClicks(dialog.date_box, "1 Sep 2026")  # day, month and year, as a person types
    assert dialog.since() == date(2026, 9, 1)
    assert dialog.summary.text() == (
        "1 action completed, 2 slipped, 1 new and 2 dropped or removed; 1 decision changed."
    )


def test_mark_as_reviewed_is_saved_and_undone(qtbot: QtBot, reviewed_window: tuple) -> None:
    window, dialog = reviewed_window
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    with open_for_reading(window.store.path) as reread:
        assert review.last_reviewed_on(reread) == TODAY
    assert dialog.since_last.isChecked() and "20 October 2026" in dialog.since_last.text()
    assert dialog.summary.text() == "Nothing in the plan has changed in this period."
    window.undo()
    with open_for_reading(window.store.path) as reread:
        assert review.last_reviewed_on(reread) is None


def test_preview_pages_and_the_pdf_export(
    qtbot: QtBot, reviewed_window: tuple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, dialog = reviewed_window
    qtbot.addWidget(dialog)
    dialog.date_box.setDate(dialog.date_box.date().fromString("2026-09-01", "yyyy-MM-dd"))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = dialog.paint(printer)
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert pages == len(printed.pages) >= 1
    assert "Actions completed" in " ".join(printed.pages[0].extract_text().split())
    chosen = tmp_path / "Board review"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(chosen), ""))
    made = dialog.export("pdf")
    assert made == tmp_path / "Board review.pdf"
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(made).pages).split())
    assert "Due date moved from 1 Oct 2026 to 15 Nov 2026" in text


def test_the_progress_view_draws_the_plans_figures(qtbot: QtBot, reviewed_window: tuple) -> None:
    from lio_planner.ui.progress.view import ProgressView

    window, _dialog = reviewed_window
    view = ProgressView(lambda: window.store)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    progress = view.refresh(TODAY)
    assert progress.overall.sentence() == "2 of 8 actions done"
    assert view.chart.accessibleDescription().startswith("2 of 8 actions done.")
    image = view.chart.grab().toImage()
    # Something was painted in the done colour (blue) on the white page.
    blue = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
            for y in range(0, min(image.height(), 200), 3)}  # fmt: skip
    assert "#2f6db5" in blue


def test_the_print_preview_opens_shows_pages_and_closes(
    qtbot: QtBot, reviewed_window: tuple
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    _window, dialog = reviewed_window
    qtbot.addWidget(dialog)
    seen: list[int] = []

    def look_and_close() -> None:
        preview = dialog.preview_dialog
        assert preview is not None
        widget = preview.findChild(QPrintPreviewWidget)
        assert widget is not None
        seen.append(widget.pageCount())
        preview.reject()

    QTimer.singleShot(500, look_and_close)
    dialog.preview()  # modal until closed (it crashed once: its printer was freed too soon)
    assert seen and seen[0] >= 1
    assert dialog.preview_dialog is None
