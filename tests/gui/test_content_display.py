"""The walk-through says how old the content is, where each idea comes from, what changed
since, and what the words mean; the foundations filter narrows the walk."""

from __future__ import annotations

from gui_helpers import CTRL, current, focused, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Foundation
from lio_planner.ui.window.glossary import GlossaryDialog
from lio_planner.ui.window.main_window import MainWindow


def _show(window: MainWindow, key: str) -> None:
    uuid = next(o.uuid for o in window.navigator_model.overview().opportunities if o.key == key)
    window.walkthrough.show_opportunity(uuid)
    assert current(window).key == key


def test_a_dated_entry_shows_what_changed_and_its_source(window: MainWindow) -> None:
    _show(window, "lep-boards-diversity")
    page = window.walkthrough.page
    assert page.since.isVisibleTo(page)
    assert "April 2024" in page.since.text()
    assert "Source: Department for Levelling Up" in page.since.text()
    assert "https://www.gov.uk/" in page.since.text()
    assert "August 2018" in page.age_note.text() and page.age_note.isVisibleTo(page)


def test_sources_and_pages_can_be_followed_up(window: MainWindow) -> None:
    _show(window, "grants-2-0")
    page = window.walkthrough.page
    assert "https://blogs.ncvo.org.uk/2018/08/14/" in page.sources.text()
    assert "2018-08-14" in page.sources.text()
    assert "full strategy, as cited by Support Cambridgeshire" in page.pages.text()


def test_each_suggestion_says_whose_idea_it_is(window: MainWindow) -> None:
    _show(window, "lio-front-door")
    shown = [s for s in window.walkthrough.page.suggestions if s.isVisibleTo(s.parentWidget())]
    origins = [s.origin.text() for s in shown]
    assert (
        "From NCVO blog: The civil society strategy: What it says about local infrastructure"
        in origins
    )
    assert "Our suggestion (LIO Planner)" in origins


def test_terms_are_explained_where_they_appear(window: MainWindow) -> None:
    _show(window, "lep-boards-diversity")
    page = window.walkthrough.page
    assert "LEP: Local enterprise partnership" in page.says.toolTip()
    _show(window, "collaborative-commissioning")
    assert "CCG: Clinical commissioning group" in page.why.toolTip()
    assert "LEP:" not in page.why.toolTip()


def test_the_glossary_opens_from_help_and_finds_a_term(qtbot: QtBot, window: MainWindow) -> None:
    assert window.glossary_action in window.help_menu.actions()
    assert window.glossary_action.text() == "&Glossary"
    window.glossary_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GlossaryDialog))
    qtbot.addWidget(dialog)
    assert dialog.proxy.rowCount() >= 40
    assert "August 2018" in dialog.about.text()
    assert "gov.uk" in dialog.strategy.text()
    qtbot.keyClicks(dialog.search, "NAVCA")  # the box has the focus when the dialog opens
    terms = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert "NAVCA" in terms and len(terms) < 10
    dialog.close()


def test_the_glossary_model_passes_qt_s_checks(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = GlossaryDialog(window.navigator_model.content())
    qtmodeltester.check(dialog.model)


def test_choosing_a_foundation_walks_only_its_opportunities(
    qtbot: QtBot, window: MainWindow
) -> None:
    combo = window.walkthrough.foundation
    combo.setFocus()
    assert isinstance(focused(), QComboBox)
    press(qtbot, Qt.Key.Key_Down)  # "People"
    assert combo.currentText() == "People"
    shown = window.navigator_model.opportunities()
    assert shown and all(Foundation.PEOPLE in o.foundations for o in shown)
    everything = window.navigator_model.overview().opportunities
    assert len(shown) < len(everything)
    assert window.walkthrough.progress.text().endswith(
        f"of {len(everything)} opportunities decided, 0 actions"
    )

    window.navigator.setFocus()
    seen = [current(window).uuid]
    for _ in shown[1:]:
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
        seen.append(current(window).uuid)
    assert seen == [o.uuid for o in shown]

    hidden = next(o for o in everything if Foundation.PEOPLE not in o.foundations)
    window.walkthrough.show_opportunity(hidden.uuid)  # as the action plan's "go to" does
    assert current(window).uuid == hidden.uuid
    assert combo.currentText() == "All foundations"
