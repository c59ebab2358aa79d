"""Merge from copy…: choose between versions side by side, then see what came in."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.words import counted
from lio_planner.services.merge import BOTH, MINE, THEIRS, MergePreview, MergeResult, Question
from lio_planner.services.merge_words import word_differences
from lio_planner.ui.common.marks import plain_tooltip
from lio_planner.ui.common.model_index import Index
from lio_planner.ui.sharing.dialogs import plain_label


class QuestionListModel(QAbstractListModel):
    """The things to decide, each with what has been chosen so far."""

    answers_changed = Signal()

    def __init__(self, questions: tuple[Question, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.questions = questions
        self.answers: dict[str, str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self.questions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.questions):
            return None
        question = self.questions[index.row()]
        answer = self.answers.get(question.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{question.subject}\n{self._answer_text(question, answer)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{question.subject}: {self._answer_text(question, answer)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(question.explanation)
        return None

    @staticmethod
    def _answer_text(question: Question, answer: str | None) -> str:
        if answer == MINE:
            return f"Chosen: {question.mine_choice}"
        if answer == THEIRS:
            return f"Chosen: {question.theirs_choice}"
        if answer == BOTH:
            return f"Chosen: {question.both_choice}"
        return "Not chosen yet"

    def set_answer(self, row: int, answer: str) -> None:
        question = self.questions[row]
        if self.answers.get(question.id) == answer:
            return
        self.answers[question.id] = answer
        index = self.index(row)
        self.dataChanged.emit(index, index)
        self.answers_changed.emit()

    def set_all(self, answer: str) -> None:
        for question in self.questions:
            self.answers[question.id] = answer
        if self.questions:
            self.dataChanged.emit(self.index(0), self.index(len(self.questions) - 1))
        self.answers_changed.emit()

    @property
    def complete(self) -> bool:
        return all(q.id in self.answers for q in self.questions)


# The marker behind words that differ from the other version (dark text on it: readable, and
# not an error colour).
MARK = "#ffe08a"


class _Side(QGroupBox):
    """One version of the item: the button that keeps it, then its values (scrolling if long)."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.keep = QRadioButton()
        self.values = QTextEdit()
        self.values.setReadOnly(True)
        self.values.setAccessibleName(f"{title}: the values")
        self.values.setAccessibleDescription("Words that differ from the other version are marked")
        layout = QVBoxLayout(self)
        layout.addWidget(self.keep)
        layout.addWidget(self.values, 1)


class MergeDialog(QDialog):
    """Shows what the copy brings in and asks, side by side, about everything changed twice."""

    def __init__(self, preview: MergePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"Merge from “{preview.source.name}”")
        self.resize(820, 520)
        self.model = QuestionListModel(preview.questions, self)
        count = len(preview.changes)
        asked = len(preview.questions)
        intro = (
            f"{counted(count, 'change', 'changes')} from the copy will come in as "
            f"{'it is' if count == 1 else 'they are'}. "
            if count or not preview.questions
            else ""
        )
        if preview.questions:
            intro += (
                f"{counted(asked, 'item needs', 'items need')} you to choose: pick each one on "
                "the left, then choose which version to keep. Nothing is merged until you press "
                "Merge."
            )
        self.intro = plain_label(intro.strip())

        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName("Items to choose")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.explanation = plain_label("")
        self.mine = _Side("Your plan")
        self.theirs = _Side("Their copy")
        self.group = QButtonGroup(self)
        self.group.addButton(self.mine.keep)
        self.group.addButton(self.theirs.keep)
        self.mine.keep.toggled.connect(self._mine_toggled)
        self.theirs.keep.toggled.connect(self._theirs_toggled)
        self.both = QRadioButton("Keep &both (yours first, then theirs)")
        self.group.addButton(self.both)
        self.both.toggled.connect(self._both_toggled)
        sides = QHBoxLayout()
        sides.addWidget(self.mine)
        sides.addWidget(self.theirs)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.explanation)
        detail_layout.addLayout(sides, 1)
        detail_layout.addWidget(self.both)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([260, 540])
        splitter.setVisible(bool(preview.questions))

        self.all_mine = QPushButton("Keep &all mine")
        self.all_theirs = QPushButton("Use all &theirs")
        self.all_mine.clicked.connect(lambda: self._answer_all(MINE))
        self.all_theirs.clicked.connect(lambda: self._answer_all(THEIRS))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton("&Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        if preview.questions:
            bottom.addWidget(self.all_mine)
            bottom.addWidget(self.all_theirs)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        # What comes in without asking is always listed: nothing changes unseen.
        self.coming_in_label = plain_label(
            "Also coming in, as it is in the copy:" if preview.questions else "Coming in:"
        )
        self.coming_in = QPlainTextEdit()
        self.coming_in.setReadOnly(True)
        self.coming_in.setAccessibleName("Changes that will come in")
        self.coming_in.setPlainText(_change_lines(preview) or "Nothing else to bring in.")
        if preview.questions:
            self.coming_in.setMaximumHeight(self.coming_in.fontMetrics().lineSpacing() * 6)
        show_list = bool(preview.changes) or not preview.questions
        self.coming_in_label.setVisible(show_list)
        self.coming_in.setVisible(show_list)
        notes = plain_label("\n".join(preview.notes))
        notes.setVisible(bool(preview.notes))

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1 if preview.questions else 0)
        layout.addWidget(self.coming_in_label)
        layout.addWidget(self.coming_in, 0 if preview.questions else 1)
        layout.addWidget(notes)
        layout.addLayout(bottom)

        self.list.selectionModel().currentChanged.connect(self._show)
        self.model.answers_changed.connect(self._update_merge_button)
        self._update_merge_button()
        if preview.questions:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    @property
    def answers(self) -> dict[str, str]:
        return dict(self.model.answers)

    def _current_row(self) -> int:
        return self.list.currentIndex().row()

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        question = self.preview.questions[current.row()]
        where = f" ({question.context})" if question.context else ""
        self.explanation.setText(f"{question.subject}{where}\n{question.explanation}")
        self.mine.values.setHtml(_side_html(question, mine=True))
        self.theirs.values.setHtml(_side_html(question, mine=False))
        self.mine.keep.setText(question.mine_choice)
        self.theirs.keep.setText(question.theirs_choice)
        self.both.setVisible(bool(question.keep_both))
        answer = self.model.answers.get(question.id)
        self.group.setExclusive(False)
        self.mine.keep.setChecked(answer == MINE)
        self.theirs.keep.setChecked(answer == THEIRS)
        self.both.setChecked(answer == BOTH)
        self.group.setExclusive(True)

    def _mine_toggled(self, on: bool) -> None:
        if on:
            self._answer(MINE)

    def _theirs_toggled(self, on: bool) -> None:
        if on:
            self._answer(THEIRS)

    def _both_toggled(self, on: bool) -> None:
        if on:
            self._answer(BOTH)

    def _answer(self, answer: str) -> None:
        row = self._current_row()
        if row >= 0:
            self.model.set_answer(row, answer)

    def _answer_all(self, answer: str) -> None:
        self.model.set_all(answer)
        self._show(self.list.currentIndex(), QModelIndex())

    def _update_merge_button(self) -> None:
        self.merge_button.setEnabled(self.model.complete)


def _side_html(question: Question, mine: bool) -> str:
    """One side's values, the words that differ from the other side marked.

    Every piece of user text goes through html.escape, so "<b>" in a note shows as typed.
    """
    parts = []
    for d in question.differences:
        pieces = word_differences(d.mine, d.theirs)[0 if mine else 1]
        text = "".join(
            f'<span style="background-color:{MARK}; color:#000">{html.escape(piece)}</span>'
            if changed and piece.strip()
            else html.escape(piece)
            for piece, changed in pieces
        )
        parts.append(f"<p><b>{html.escape(d.label)}:</b><br>{text}</p>")
    body = "".join(parts) or "<p>(no details)</p>"
    return f'<div style="white-space:pre-wrap">{body}</div>'


def _change_lines(preview: MergePreview) -> str:
    from lio_planner.services.merge import describe_change

    return "\n".join(describe_change(c, preview.titles) for c in preview.changes)


class MergeReportDialog(QDialog):
    """What the merge brought in, line by line."""

    def __init__(self, result: MergeResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge finished")
        self.resize(620, 420)
        self.summary = plain_label(
            f"Merged “{result.source.name}” into your plan: {result.summary}. "
            "Undo (Ctrl+Z) takes the whole merge back.",
            heading=False,
        )
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("What came in")
        self.details.setPlainText("\n".join(result.report + result.notes) or "Nothing changed.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
