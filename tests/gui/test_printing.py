"""File → Print preview, Print and Export in the window, on a stand-in main window."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from lio_planner.report.options import Column, GroupBy, Orientation, PageSize, ReportOptions
from lio_planner.services.sample import fill_with_sample
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.printing.options import ReportOptionsDialog, load_options, save_options
from lio_planner.ui.printing.report_actions import ReportActions, install_report_actions
from lio_planner.ui.window.menus import Menus


class StandInWindow(QMainWindow):
    """What printing relies on: the store, and the menus made from the window's menu table
    (its print and export items call ``report_actions``)."""

    def __init__(self, store: PlanStore) -> None:
        super().__init__()
        self.store = store
        self.menus = Menus(self)

    def action(self, name: str) -> QAction:
        return self.menus.actions[name]


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> StandInWindow:
    store = open_plan(plan_path)
    fill_with_sample(store)
    store.close()
    # Read-only, as when a plan is opened from a shared drive: printing must still work.
    read_only = open_plan(plan_path, read_only=True)
    stand_in = StandInWindow(read_only)
    qtbot.addWidget(stand_in)
    yield stand_in
    read_only.close()


@pytest.fixture
def actions(window: StandInWindow) -> ReportActions:
    return install_report_actions(window)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the user would see, captured instead of shown."""
    seen: list[tuple[str, str]] = []

    def exec_(box: QMessageBox) -> int:
        seen.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def accept_options(monkeypatch: pytest.MonkeyPatch, options: ReportOptions | None = None) -> None:
    def exec_(dialog: ReportOptionsDialog) -> int:
        if options is not None:
            dialog.group_by.setCurrentIndex(list(GroupBy).index(options.group_by))
            dialog.page_size.setCurrentIndex(list(PageSize).index(options.page_size))
            dialog.orientation.setCurrentIndex(list(Orientation).index(options.orientation))
            for column, box in dialog.columns.items():
                box.setChecked(column in options.columns)
            dialog.include_closing.setChecked(options.include_closing)
            dialog.include_strategy.setChecked(options.include_strategy)
            dialog.include_glossary.setChecked(options.include_glossary)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportOptionsDialog, "exec", exec_)


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    suggested: list[str] = []

    def get_save_file_name(_parent: object, _title: str, start: str, _filter: str) -> tuple:
        suggested.append(start)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return suggested


def test_menus_hold_print_preview_print_and_the_exports(
    window: StandInWindow, actions: ReportActions
) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts.index("Print pre&view…") < texts.index("&Print…") < texts.index("&Quit")
    assert window.action("preview_action").shortcut() == QKeySequence("Ctrl+Shift+P")
    print_keys = QKeySequence(QKeySequence.StandardKey.Print)
    assert window.action("print_action").shortcut() == print_keys
    assert [a.text() for a in window.export_menu.actions()] == [  # type: ignore[attr-defined]
        "&PDF…",
        "&Word document…",
        "&Spreadsheet (CSV)…",
        "&Excel workbook…",
        "&Calendar of due dates (ICS)…",
    ]


def test_export_pdf_from_a_read_only_plan(
    window: StandInWindow,
    actions: ReportActions,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    accept_options(monkeypatch, ReportOptions(group_by=GroupBy.OWNER))
    suggested = save_as(monkeypatch, tmp_path / "For trustees")  # no suffix typed
    window.action("export_pdf_action").trigger()
    out = tmp_path / "For trustees.pdf"
    assert out.is_file(), messages
    assert suggested == [str(Path(window.store.path).parent / "Test CVS Our response.pdf")]
    first_page = pypdf.PdfReader(str(out)).pages[0].extract_text()
    assert "Grouped" in first_page and "owner" in first_page
    assert messages == []
    assert "For trustees.pdf" in window.statusBar().currentMessage()


def test_export_word_and_csv(
    window: StandInWindow, actions: ReportActions, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    accept_options(monkeypatch)
    save_as(monkeypatch, tmp_path / "plan.docx")
    assert actions.export("docx") == tmp_path / "plan.docx"
    assert (tmp_path / "plan.docx").read_bytes().startswith(b"PK")
    save_as(monkeypatch, tmp_path / "plan.csv")
    assert actions.export("csv") == tmp_path / "plan.csv"
    assert (tmp_path / "plan.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_cancelling_writes_nothing(
    actions: ReportActions, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ReportOptionsDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert actions.export("pdf") is None
    accept_options(monkeypatch)
    save_as(monkeypatch, None)
    assert actions.export("docx") is None
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.docx"))


def test_a_failed_export_is_one_plain_message(
    actions: ReportActions,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    accept_options(monkeypatch)
    save_as(monkeypatch, tmp_path / "gone" / "plan.pdf")
    assert actions.export("pdf") is None
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "The plan could not be exported"
    assert "“plan.pdf” could not be written" in text
    assert "Traceback" not in text
    assert QApplication.overrideCursor() is None  # the wait cursor went away


def test_options_are_remembered(
    actions: ReportActions, monkeypatch: pytest.MonkeyPatch, window: StandInWindow
) -> None:
    chosen = ReportOptions(
        group_by=GroupBy.STATUS,
        columns=(Column.OWNER, Column.NOTES),
        include_closing=False,
        page_size=PageSize.LETTER,
        orientation=Orientation.LANDSCAPE,
    )
    accept_options(monkeypatch, chosen)
    window.action("print_options_action").trigger()
    assert actions.options == chosen
    assert load_options() == chosen
    assert ReportActions(window).options == chosen  # a new window starts with them


def test_options_dialog_shows_the_current_choices(qtbot: QtBot) -> None:
    options = ReportOptions(columns=(Column.DUE,), orientation=Orientation.LANDSCAPE)
    save_options(options)
    dialog = ReportOptionsDialog(load_options())
    qtbot.addWidget(dialog)
    assert dialog.options() == options
    assert dialog.columns[Column.DUE].isChecked()
    assert not dialog.columns[Column.OWNER].isChecked()


def test_print_paints_every_page_or_the_range_asked_for(
    actions: ReportActions, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    printer = actions.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    total = actions.paint(printer)
    assert total > 2
    assert len(pypdf.PdfReader(str(tmp_path / "all.pdf")).pages) == total

    printer = actions.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "some.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    actions.paint(printer)
    pages = pypdf.PdfReader(str(tmp_path / "some.pdf")).pages
    assert len(pages) == 2
    assert f"Page 2 of {total}" in pages[0].extract_text().replace("\t", " ")
    assert messages == []


def test_print_dialog_prints_when_accepted(
    window: StandInWindow,
    actions: ReportActions,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    painted: list[QPrinter] = []
    monkeypatch.setattr(ReportActions, "paint", lambda _self, printer: painted.append(printer))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    window.action("print_action").trigger()
    assert len(painted) == 1
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    window.action("print_action").trigger()
    assert len(painted) == 1


def test_print_preview_shows_the_plans_pages(
    actions: ReportActions, monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]
) -> None:
    # Start from portrait whatever an earlier test saved in the settings, so the switch to
    # landscape below is a real change.
    actions.options = ReportOptions()
    dialog = actions.make_preview_dialog(actions.new_printer())
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()  # what showing the dialog does: paint every page for the preview
    portrait = widget.pageCount()
    assert portrait > 2
    assert messages == []

    # The preview's own Options button changes the layout and paints the pages again.
    accept_options(monkeypatch, ReportOptions(orientation=Orientation.LANDSCAPE))
    dialog.findChild(QAction, "preview_options").trigger()
    assert widget.orientation() == QPageLayout.Orientation.Landscape
    assert widget.pageCount() != portrait
    dialog.deleteLater()


def test_print_preview_opens_the_dialog(
    window: StandInWindow, actions: ReportActions, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QPrintPreviewDialog] = []

    def exec_(dialog: QPrintPreviewDialog) -> int:
        shown.append(dialog)
        assert actions.preview_dialog is dialog
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    window.action("preview_action").trigger()
    assert len(shown) == 1
    assert shown[0].windowTitle() == "Print preview"
    assert actions.preview_dialog is None


def test_the_export_menu_its_file_filters_and_the_command_line_read_one_list(
    window: StandInWindow, actions: ReportActions, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from lio_planner.cli import build_parser
    from lio_planner.report.formats import FORMATS

    menu = [a.text() for a in window.export_menu.actions()]
    assert menu == [fmt.menu_text for fmt in FORMATS]

    subcommands = next(
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    export = subcommands.choices["export"]
    format_option = next(a for a in export._actions if "--format" in a.option_strings)
    assert (
        list(format_option.choices)
        == [fmt.key for fmt in FORMATS]
        == ["pdf", "docx", "csv", "xlsx", "ics"]
    )
    assert "docx (Word document)" in str(format_option.help)

    # Each menu entry opens the file dialog with its own title and filter (cancelled here).
    accept_options(monkeypatch)
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _parent, title, _start, file_filter: seen.append((title, file_filter)) or ("", ""),
    )
    for action in window.export_menu.actions():
        action.trigger()
    assert seen == [
        ("Export as PDF", "PDF documents (*.pdf)"),
        ("Export as a Word document", "Word documents (*.docx)"),
        ("Export as a spreadsheet", "CSV spreadsheets (*.csv)"),
        ("Export as an Excel workbook", "Excel workbooks (*.xlsx)"),
        ("Export due dates to a calendar", "Calendar files (*.ics)"),
    ]
