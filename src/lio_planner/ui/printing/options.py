"""The small dialog where people choose how the printed plan looks, and where that is remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lio_planner import APP_NAME
from lio_planner.report.options import (
    DEFAULT_COLUMNS,
    OPTIONAL_COLUMNS,
    Column,
    GroupBy,
    Orientation,
    PageSize,
    ReportOptions,
)

_KEY = "report/"


def load_options() -> ReportOptions:
    """The options used last time, or the defaults; anything unreadable falls back quietly."""
    settings = QSettings(APP_NAME, APP_NAME)
    defaults = ReportOptions()

    def read(name: str, default: str) -> str:
        value = settings.value(_KEY + name, default)
        return value if isinstance(value, str) else default

    try:
        group_by = GroupBy(read("group_by", defaults.group_by.value))
        page_size = PageSize(read("page_size", defaults.page_size.value))
        orientation = Orientation(read("orientation", defaults.orientation.value))
    except ValueError:
        return defaults
    names = read("columns", ",".join(c.value for c in DEFAULT_COLUMNS)).split(",")
    columns = tuple(c for c in OPTIONAL_COLUMNS if c.value in names)
    include_closing = read("include_closing", "yes") != "no"
    return ReportOptions(group_by, columns, include_closing, page_size, orientation)


def save_options(options: ReportOptions) -> None:
    settings = QSettings(APP_NAME, APP_NAME)
    settings.setValue(_KEY + "group_by", options.group_by.value)
    settings.setValue(_KEY + "columns", ",".join(c.value for c in options.columns))
    settings.setValue(_KEY + "include_closing", "yes" if options.include_closing else "no")
    settings.setValue(_KEY + "page_size", options.page_size.value)
    settings.setValue(_KEY + "orientation", options.orientation.value)


class ReportOptionsDialog(QDialog):
    """Group by, fields to show, the closing section, paper and orientation."""

    def __init__(
        self,
        options: ReportOptions,
        parent: QWidget | None = None,
        title: str = "Printed plan options",
        accept_text: str = "OK",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)

        form = QFormLayout()
        self.group_by = QComboBox()
        for choice in GroupBy:
            self.group_by.addItem(choice.label, choice.value)
        self.group_by.setCurrentIndex(list(GroupBy).index(options.group_by))
        form.addRow("&Group actions by:", self.group_by)
        self.page_size = QComboBox()
        for size in PageSize:
            self.page_size.addItem(size.label, size.value)
        self.page_size.setCurrentIndex(list(PageSize).index(options.page_size))
        form.addRow("&Paper:", self.page_size)
        self.orientation = QComboBox()
        for way in Orientation:
            self.orientation.addItem(way.label, way.value)
        self.orientation.setCurrentIndex(list(Orientation).index(options.orientation))
        form.addRow("&Orientation:", self.orientation)
        layout.addLayout(form)

        fields = QGroupBox("Show for each action")
        fields_layout = QVBoxLayout(fields)
        always = QLabel("The action itself is always shown.")
        always.setTextFormat(Qt.TextFormat.PlainText)
        fields_layout.addWidget(always)
        self.columns: dict[Column, QCheckBox] = {}
        for column in OPTIONAL_COLUMNS:
            box = QCheckBox(column.heading)
            box.setChecked(options.shows(column))
            self.columns[column] = box
            fields_layout.addWidget(box)
        layout.addWidget(fields)

        self.include_closing = QCheckBox(
            "List the opportunities not being pursued, with the reasons"
        )
        self.include_closing.setChecked(options.include_closing)
        layout.addWidget(self.include_closing)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def options(self) -> ReportOptions:
        return ReportOptions(
            group_by=GroupBy(self.group_by.currentData()),
            columns=tuple(c for c in OPTIONAL_COLUMNS if self.columns[c].isChecked()),
            include_closing=self.include_closing.isChecked(),
            page_size=PageSize(self.page_size.currentData()),
            orientation=Orientation(self.orientation.currentData()),
        )
