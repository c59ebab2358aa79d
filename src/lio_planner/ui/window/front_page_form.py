"""Plan settings' front-page tabs: the CVS's introduction, and the governance block a board
expects to see (approved by, approval date, version, lead trustee or committee, next review)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QTabWidget, QVBoxLayout, QWidget

from lio_planner.domain.model import FrontPage
from lio_planner.ui.action_plan.fields import DueDateBox, text_box
from lio_planner.ui.common.dialog_parts import line_box, wrapped_label

INTRODUCTION_HINT = (
    "Your purpose and priorities, in a few paragraphs: what the plan is for and why you are "
    "responding. It opens the printed plan, after the approval details. Leave a blank line "
    "between paragraphs."
)


class FrontPageForm:
    """The introduction and the governance details, as two tabs of the Plan settings dialog."""

    def __init__(self, front: FrontPage) -> None:
        self.introduction = text_box(
            "Introduction",
            8,
            "This plan sets out how we will respond to the Civil Society Strategy…",
        )
        self.introduction.setMaximumHeight(16777215)  # grows with the dialog
        self.introduction.setPlainText(front.introduction)  # plain text, never markup
        self.approved_by = line_box(
            "Approved by", "For example: Board of trustees", front.approved_by
        )
        self.approved_on = DueDateBox("Approval date")
        self.approved_on.set_due(front.approved_on)
        self.version = line_box("Version", "For example: 1.0, or Draft 2", front.version_label)
        self.lead = line_box(
            "Lead trustee or committee", "For example: Helen Marsh, chair of trustees", front.lead
        )
        self.next_review = DueDateBox("Next review date")
        self.next_review.set_due(front.next_review_on)

    def add_tabs(self, tabs: QTabWidget) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = wrapped_label(INTRODUCTION_HINT)
        hint.setBuddy(self.introduction)
        layout.addWidget(hint)
        layout.addWidget(self.introduction, 1)
        tabs.addTab(page, "&Introduction")

        approval = QWidget()
        form = QFormLayout(approval)
        form.addRow("Approved &by:", self.approved_by)
        form.addRow("Approved &on:", self.approved_on)
        form.addRow("&Version:", self.version)
        form.addRow("&Lead trustee or committee:", self.lead)
        form.addRow("&Next review:", self.next_review)
        tabs.addTab(approval, "&Approval and review")

    def problem(self) -> str:
        """Why the details cannot be saved as they are, in words ("" when they can)."""
        for box, what in ((self.approved_on, "approval date"), (self.next_review, "review date")):
            if box.problem():
                return f"The {what} is not a date we understand. {box.problem()}"
        return ""

    def front(self) -> FrontPage:
        return FrontPage(
            introduction=self.introduction.toPlainText(),
            approved_by=self.approved_by.text(),
            approved_on=self.approved_on.due(),
            version_label=self.version.text(),
            lead=self.lead.text(),
            next_review_on=self.next_review.due(),
        )
