"""The opportunity page: what the strategy says, why it matters, its pages and sources, and the
suggested LIO actions, each with a one-click "Use as an action".

The reference text is read-only; only local opportunities offer Edit and Remove. Every label is
plain text, and the widgets are made once and refilled, so moving between opportunities is quick.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.model import Opportunity, Theme


def _label(selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if selectable:
        # Reachable with Tab and readable by screen readers, and the text can be copied.
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


def _heading(text: str, scale: float = 1.0) -> QLabel:
    label = _label(selectable=False)
    label.setText(text)
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class _Suggestion(QWidget):
    """One suggested LIO action and its "Use as an action" button."""

    def __init__(self, page: OpportunityPage) -> None:
        super().__init__()
        self.text = ""
        self.label = _label()
        self.button = QPushButton("Use as an action")
        self.button.clicked.connect(lambda: page.suggestion_used.emit(self.text))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(QLabel("•"), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)

    def show_text(self, number: int, text: str) -> None:
        self.text = text
        self.label.setText(text)
        self.label.setAccessibleDescription(f"Suggested action {number}")
        self.button.setAccessibleName(f"Use suggested action {number} as an action")


class OpportunityPage(QWidget):
    """The reference side of the walk-through."""

    suggestion_used = Signal(str)  # the suggested text, to copy into a new action
    edit_requested = Signal()  # edit this local opportunity
    remove_requested = Signal()  # remove this local opportunity
    history_requested = Signal()  # show who changed this opportunity's response, and when

    def __init__(self) -> None:
        super().__init__()
        self.opportunity: Opportunity | None = None
        self.theme_label = _label(selectable=False)
        self.title = _label()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.title.setFont(font)
        self.title.setAccessibleDescription("Opportunity")
        self.local_note = _label(selectable=False)
        self.local_note.setText(
            "A local opportunity added by your organisation. You can edit or remove it."
        )

        self.says_heading = _heading("What the strategy says")
        self.says = _label()
        self.says.setAccessibleDescription("What the strategy says")
        self.pages = _label()
        self.pages.setAccessibleDescription("Strategy pages")
        self.why_heading = _heading("Why it matters")
        self.why = _label()
        self.why.setAccessibleDescription("Why it matters")
        self.suggestions_heading = _heading("What LIOs can do")
        self.suggestions: list[_Suggestion] = []
        self.suggestion_box = QVBoxLayout()
        self.suggestion_box.setSpacing(0)
        self.sources_heading = _heading("Sources")
        self.sources = _label()
        self.sources.setAccessibleDescription("Sources")

        self.history_button = QPushButton("History…")
        self.history_button.setAccessibleName("History of this opportunity")
        self.history_button.setToolTip("Who changed the decision and actions here, and when")
        self.history_button.clicked.connect(self.history_requested)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignTop)

        self.edit_button = QPushButton("&Change this opportunity…")
        self.edit_button.clicked.connect(self.edit_requested)
        self.remove_button = QPushButton("Remove this opportunity")
        self.remove_button.clicked.connect(self.remove_requested)
        local_buttons = QHBoxLayout()
        local_buttons.addWidget(self.edit_button)
        local_buttons.addWidget(self.remove_button)
        local_buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.theme_label)
        layout.addLayout(title_row)
        layout.addWidget(self.local_note)
        layout.addLayout(local_buttons)
        for widget in (
            self.says_heading,
            self.says,
            self.pages,
            self.why_heading,
            self.why,
            self.suggestions_heading,
        ):
            layout.addWidget(widget)
        layout.addLayout(self.suggestion_box)
        layout.addWidget(self.sources_heading)
        layout.addWidget(self.sources)
        layout.addStretch(1)
        self.read_only = False
        self.show_opportunity(None, None)

    def show_opportunity(self, opportunity: Opportunity | None, theme: Theme | None) -> None:
        self.opportunity = opportunity
        self.theme_label.setText(theme.title if theme else "")
        if opportunity is None:
            self.title.setText("Choose an opportunity on the left.")
        else:
            self.title.setText(opportunity.title)
        custom = opportunity is not None and opportunity.is_custom
        self.history_button.setVisible(opportunity is not None)
        self.local_note.setVisible(custom)
        self.edit_button.setVisible(custom)
        self.remove_button.setVisible(custom)
        says = opportunity.strategy_says if opportunity else ""
        self.says_heading.setText("About this opportunity" if custom else "What the strategy says")
        self._fill(self.says_heading, self.says, says)
        pages = opportunity.pages if opportunity else None
        self.pages.setText(f"Strategy pages: {pages}" if pages else "")
        self.pages.setVisible(bool(pages))
        self._fill(self.why_heading, self.why, opportunity.why_it_matters if opportunity else "")
        ideas = list(opportunity.lio_actions) if opportunity else []
        while len(self.suggestions) < len(ideas):
            suggestion = _Suggestion(self)
            self.suggestion_box.addWidget(suggestion)
            # Tab reaches a suggestion where it shows, not after everything made before it.
            before = self.suggestions[-1].button if self.suggestions else self.remove_button
            QWidget.setTabOrder(before, suggestion.button)
            self.suggestions.append(suggestion)
        for number, suggestion in enumerate(self.suggestions, start=1):
            if number <= len(ideas):
                suggestion.show_text(number, ideas[number - 1])
            suggestion.setVisible(number <= len(ideas))
        self.suggestions_heading.setVisible(bool(ideas))
        sources = opportunity.sources if opportunity else ()
        self._fill(
            self.sources_heading,
            self.sources,
            "\n".join(f"{s.title} ({s.publisher})" if s.publisher else s.title for s in sources),
        )
        self.set_read_only(self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in (self.edit_button, self.remove_button):
            widget.setEnabled(not read_only)
        for suggestion in self.suggestions:
            suggestion.button.setEnabled(not read_only)

    @staticmethod
    def _fill(heading: QLabel, body: QLabel, text: str) -> None:
        body.setText(text)
        heading.setVisible(bool(text))
        body.setVisible(bool(text))
