"""Small dialogs: bulk changes, local opportunities, plan settings and people.

Each is opened with ``open()`` (not ``exec()``), so the window stays responsive; what the dialog
collected is saved by the window when the dialog is accepted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.enums import Status
from lio_planner.domain.model import Opportunity, PlanInfo, Theme
from lio_planner.domain.rules import check_review_dates
from lio_planner.ui.action_plan.fields import DueDateBox, EnumBox, OwnerBox, text_box
from lio_planner.ui.common.dialog_parts import (
    close_button,
    line_box,
    ok_cancel_buttons,
    wrapped_label,
)
from lio_planner.ui.plan.editing import PlanEditor
from lio_planner.ui.plan.people_model import PeopleModel
from lio_planner.ui.window.front_page_form import FrontPageForm


class BulkEditDialog(QDialog):
    """Give the selected actions the same owner, status or due date."""

    def __init__(self, parent: QWidget, people: PeopleModel, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change selected actions")
        noun = "action" if count == 1 else "actions"
        intro = QLabel(f"Tick what to change on the {count} selected {noun}.")
        self.set_owner = QCheckBox("Set &owner to:")
        self.owner = OwnerBox(people, "New owner")
        self.set_status = QCheckBox("Set &status to:")
        self.status = EnumBox(Status, "New status")
        self.set_due = QCheckBox("Set &due date to:")
        self.due = DueDateBox("New due date")
        grid = QGridLayout()
        for row, (check, box) in enumerate(
            ((self.set_owner, self.owner), (self.set_status, self.status), (self.set_due, self.due))
        ):
            check.setAccessibleName(check.text().replace("&", "").rstrip(":"))
            grid.addWidget(check, row, 0)
            grid.addWidget(box, row, 1)
        # Choosing a value ticks its box: people rarely mean to pick a value and not apply it.
        self.owner.line.textEdited.connect(lambda _t: self.set_owner.setChecked(True))
        self.owner.activated.connect(lambda _i: self.set_owner.setChecked(True))
        self.status.activated.connect(lambda _i: self.set_status.setChecked(True))
        self.due.date_changed.connect(lambda: self.set_due.setChecked(True))
        self.buttons = ok_cancel_buttons(self, "Change")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        # A due date that is not a date is never applied: its box says why, and stays open.
        if self.set_due.isChecked() and self.due.problem():
            self.due.setFocus()
            return
        super().accept()

    def changes(self) -> dict[str, object]:
        changes: dict[str, object] = {}
        if self.set_owner.isChecked():
            changes["owner_name"] = self.owner.owner()
        if self.set_status.isChecked():
            changes["status"] = self.status.value()
        if self.set_due.isChecked():
            due: date | None = self.due.due()
            changes["due"] = due
        return changes


class OpportunityDialog(QDialog):
    """Add or edit a local opportunity, such as a council priority."""

    NEW_THEME = "new"

    def __init__(
        self,
        parent: QWidget,
        themes: list[Theme],
        opportunity: Opportunity | None = None,
        theme_uuid: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit local opportunity" if opportunity else "Add local opportunity")
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for theme in themes:
            self.theme.addItem(theme.title, theme.uuid)
        self.theme.addItem("A new theme…", self.NEW_THEME)
        self.new_theme = line_box("Name of the new theme", "For example: Council priorities")
        self.title = line_box("Title")
        self.about = text_box("About this opportunity", 4, "What it is and where it comes from")
        self.why = text_box("Why it matters", 3, "Why it matters to your organisation")
        form = QFormLayout()
        form.addRow("&Theme:", self.theme)
        form.addRow("&New theme:", self.new_theme)
        form.addRow("T&itle:", self.title)
        form.addRow("&About it:", self.about)
        form.addRow("&Why it matters:", self.why)
        self.buttons = ok_cancel_buttons(self, "Save" if opportunity else "Add")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        if opportunity is not None:
            self.theme.setCurrentIndex(max(self.theme.findData(opportunity.theme_uuid), 0))
            self.theme.setEnabled(False)
            self.title.setText(opportunity.title)
            self.about.setPlainText(opportunity.strategy_says)
            self.why.setPlainText(opportunity.why_it_matters)
        elif theme_uuid is not None:
            self.theme.setCurrentIndex(max(self.theme.findData(theme_uuid), 0))
        self._theme_chosen()
        self.resize(560, self.sizeHint().height())

    def _theme_chosen(self) -> None:
        self.new_theme.setEnabled(self.theme.currentData() == self.NEW_THEME)

    def theme_uuid(self) -> str | None:
        """The chosen theme, or None for a new one (see :meth:`new_theme_title`)."""
        value = self.theme.currentData()
        return None if value == self.NEW_THEME else str(value)

    def new_theme_title(self) -> str:
        return self.new_theme.text().strip()


class PlanSettingsDialog(QDialog):
    """The organisation, plan title and period shown in the title bar and on the printed plan;
    with ``front_page``, also the introduction and the governance block of the printed plan."""

    def __init__(
        self,
        parent: QWidget,
        info: PlanInfo,
        title: str = "Plan settings",
        ok_text: str = "Save",
        front_page: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.info = info
        self.organisation = line_box(
            "Organisation", "For example: Northshire CVS", info.organisation
        )
        self.title = line_box("Plan title", text=info.title)
        self.period = line_box("Period", "For example: 2019–2021", info.period)
        form = QFormLayout()
        form.addRow("&Organisation:", self.organisation)
        form.addRow("Plan &title:", self.title)
        form.addRow("&Period:", self.period)
        self.buttons = ok_cancel_buttons(self, ok_text)
        self.intro = wrapped_label()
        self.intro.hide()
        # Why the settings cannot be saved yet (a date not understood), shown in the dialog so
        # nothing typed is lost.
        self.problem = wrapped_label()
        self.problem.setStyleSheet("color: #b3261e; font-weight: bold")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        self.front_page: FrontPageForm | None = None
        if front_page:
            self.front_page = FrontPageForm(info.front)
            self.tabs = QTabWidget()
            details = QWidget()
            details.setLayout(form)
            self.tabs.addTab(details, "Plan &details")
            self.front_page.add_tabs(self.tabs)
            layout.addWidget(self.tabs, 1)
        else:
            layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(600 if front_page else 480, self.sizeHint().height())

    def settings(self) -> PlanInfo:
        """Every setting as the dialog holds it (the front page as it was, without the tabs)."""
        front = self.front_page.front() if self.front_page else self.info.front
        return replace(
            self.info,
            organisation=self.organisation.text(),
            title=self.title.text(),
            period=self.period.text(),
            front=front,
        )

    def accept(self) -> None:
        if self.front_page is not None:
            problem = self.front_page.problem()
            if not problem:
                try:
                    front = self.front_page.front()
                    check_review_dates(front.approved_on, front.next_review_on)
                except ValueError as exc:
                    problem = str(exc)
            if problem:
                self.problem.setText(problem)
                self.problem.show()
                return
        super().accept()


def suggested_details(today: date | None = None) -> PlanInfo:
    """What a new plan is called until the person says otherwise: a three-year plan from now."""
    year = (today or date.today()).year
    return PlanInfo("", "", "Our response to the Civil Society Strategy", f"{year}–{year + 2}")


class PlanDetailsDialog(PlanSettingsDialog):
    """Asked as a plan is made: who it is for, what it is called and the years it covers."""

    def __init__(self, parent: QWidget, ok_text: str, intro: str, later_text: str = "") -> None:
        super().__init__(parent, suggested_details(), "About your plan", ok_text)
        self.intro.setText(intro)
        self.intro.show()
        if later_text:
            cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(later_text)
        self.organisation.setFocus()
        self.resize(520, self.sizeHint().height())

    def details(self) -> tuple[str, str, str]:
        """The organisation, title and period as typed (spaces around them trimmed)."""
        return (
            self.organisation.text().strip(),
            self.title.text().strip(),
            self.period.text().strip(),
        )


class PeopleDialog(QDialog):
    """Everyone who owns actions; renaming someone renames them on every action."""

    def __init__(self, parent: QWidget, people: PeopleModel, editor: PlanEditor) -> None:
        super().__init__(parent)
        self.setWindowTitle("People")
        self.people = people
        self.editor = editor
        self.list = QListView()
        self.list.setModel(people)
        self.list.setAccessibleName("People in this plan")
        self.name = line_box("New name")
        self.rename_button = QPushButton("&Rename")
        self.rename_button.setAccessibleName("Rename the selected person")
        self.rename_button.clicked.connect(self.rename)
        self.name.returnPressed.connect(self.rename)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        people.modelReset.connect(self._chosen)
        intro = wrapped_label("Renaming someone changes their name on every action they own.")
        rename_row = QHBoxLayout()
        label = QLabel("New &name:")
        label.setBuddy(self.name)
        rename_row.addWidget(label)
        rename_row.addWidget(self.name, 1)
        rename_row.addWidget(self.rename_button)
        close = close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(rename_row)
        layout.addWidget(close)
        if people.rowCount():
            self.list.selectionModel().setCurrentIndex(
                people.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._chosen()
        self.resize(420, 420)

    def _chosen(self, *_changed: object) -> None:
        index = self.list.currentIndex()
        self.name.setText(self.people.person_at(index.row()).name if index.isValid() else "")
        self.rename_button.setEnabled(index.isValid() and not self.editor.read_only)
        self.name.setEnabled(index.isValid() and not self.editor.read_only)

    def rename(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        person = self.people.person_at(index.row())
        if self.editor.rename_person(person.uuid, self.name.text()):
            row = next((n for n, p in enumerate(self.people.people()) if p.uuid == person.uuid), 0)
            self.list.setCurrentIndex(self.people.index(row))


def plain_message(parent: QWidget, title: str, text: str) -> QDialog:
    """A simple read-only text dialog (Help), its text shown exactly as written."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    label = wrapped_label(text, selectable=True)
    close = close_button(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(close)
    dialog.resize(520, dialog.sizeHint().height())
    return dialog
