"""The backup and history tables are sound item models, with the rows the plan holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from lio_planner.domain.enums import Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action, update_action
from lio_planner.services.history import plan_history
from lio_planner.store.sqlite.backup import list_backups, take_backup
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.ui.sharing.lists import BackupTableModel, HistoryTableModel


def test_history_model(qtmodeltester: ModelTester, store: PlanStore) -> None:
    opportunity = queries.overview(store).opportunities[0].uuid
    action = record_action(store, opportunity, ActionFields("Call the <b>council</b>"), "Ann").value
    update_action(store, action.uuid, "Bob", {"status": Status.DONE})
    model = HistoryTableModel(plan_history(store))
    qtmodeltester.check(model)
    assert model.rowCount() >= 2
    shown = " ".join(
        str(model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
        for col in range(model.columnCount())
    )
    assert "Ann" in shown and "Bob" in shown


def test_backup_model(qtmodeltester: ModelTester, store: PlanStore, plan_path: Path) -> None:
    take_backup(plan_path, "manual", store.plan_uuid)
    backups = list_backups(store.plan_uuid)
    model = BackupTableModel(backups)
    qtmodeltester.check(model)
    assert model.rowCount() == len(backups) >= 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Taken"
