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

from lio_planner.domain.glossary import Glossary
from lio_planner.domain.model import GlossaryEntry, Opportunity, SuggestedAction, Theme
from lio_planner.ui.common.dialog_parts import wrapped_label
from lio_planner.ui.common.marks import plain_tooltip

# Said once on every page of the strategy's own content, so nobody takes 2018 for today.
AGE_NOTE = (
    "Written from blog posts about the strategy of August 2018: it describes the strategy as it "
    "stood then. Help → Glossary explains the terms."
)
PAGES_NOTE = "of the full strategy, as cited by Support Cambridgeshire"


def _label(selectable: bool = True) -> QLabel:
    label = wrapped_label()
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
        # Whose idea it is: a source post's, or the app's own.
        self.origin = _label(selectable=False)
        font = QFont(self.origin.font())
        font.setItalic(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.origin.setFont(font)
        self.button = QPushButton("Use as an action")
        self.button.clicked.connect(lambda: page.suggestion_used.emit(self.text))
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.label)
        words.addWidget(self.origin)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(QLabel("•"), 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)

    def show_text(self, number: int, suggestion: SuggestedAction) -> None:
        self.text = suggestion.text
        self.label.setText(suggestion.text)
        self.origin.setText(
            "Our suggestion (LIO Planner)" if suggestion.is_ours else f"From {suggestion.origin}"
        )
        self.label.setAccessibleDescription(f"Suggested action {number}")
        self.origin.setAccessibleDescription(f"Where suggested action {number} comes from")
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
        self.glossary = Glossary()
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
        self.since_heading = _heading("Since then")
        self.since = _label()
        self.since.setAccessibleDescription("Since then")
        self.sources_heading = _heading("Sources")
        self.sources = _label()
        self.sources.setAccessibleDescription("Sources")
        self.age_note = _label(selectable=False)
        self.age_note.setText(AGE_NOTE)
        self.age_note.setAccessibleDescription("How old this content is")
        font = QFont(self.age_note.font())
        font.setItalic(True)
        self.age_note.setFont(font)

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
        layout.addWidget(self.age_note)
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
        layout.addWidget(self.since_heading)
        layout.addWidget(self.since)
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
        self.age_note.setVisible(opportunity is not None and not custom)
        self.edit_button.setVisible(custom)
        self.remove_button.setVisible(custom)
        says = opportunity.strategy_says if opportunity else ""
        self.says_heading.setText("About this opportunity" if custom else "What the strategy says")
        self._fill(self.says_heading, self.says, says)
        pages = opportunity.pages if opportunity else None
        self.pages.setText(f"Strategy pages: {pages} ({PAGES_NOTE})" if pages else "")
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
        notes = opportunity.since_then if opportunity else ()
        self._fill(
            self.since_heading,
            self.since,
            "\n\n".join(
                n.text + "".join(f"\nSource: {s.citation()}" for s in n.sources) for n in notes
            ),
        )
        sources = opportunity.sources if opportunity else ()
        self._fill(self.sources_heading, self.sources, "\n".join(s.citation() for s in sources))
        self._explain_terms()
        self.set_read_only(self.read_only)

    def set_glossary(self, glossary: tuple[GlossaryEntry, ...]) -> None:
        """The terms to explain in tooltips over the text that uses them."""
        if glossary != self.glossary.entries:
            self.glossary = Glossary(glossary)
            self._explain_terms()

    def _explain_terms(self) -> None:
        labels = [self.says, self.why, self.since, self.title]
        labels += [s.label for s in self.suggestions if s.isVisibleTo(self)]
        for label in labels:
            meaning = self.glossary.explain(label.text())
            label.setToolTip(plain_tooltip(meaning) if meaning else "")

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
