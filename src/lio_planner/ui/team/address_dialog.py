"""File → Open team plan…: where the plan is (server, database, login, plan) and the password.

The password is asked for every time and kept only in memory for the connection: it is never
written to settings or anywhere else (a ``.pgpass`` file, which libpq reads, is the way to
avoid typing it). The server, database, login and plan are remembered for next time.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from lio_planner.store.postgres.address import TeamAddress
from lio_planner.ui.common.dialog_parts import line_box, wrapped_label
from lio_planner.ui.common.settings import app_settings

_REMEMBERED = ("host", "database", "login", "plan")


class TeamPlanDialog(QDialog):
    """Asks where a team plan is; :meth:`address` is the postgresql:// address to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open team plan")
        intro = wrapped_label(
            "A team plan is kept on a PostgreSQL server, so several people can edit it at "
            "once. Whoever runs the server can tell you these details."
        )
        self.host = line_box("Server", "db.example.org")
        self.database = line_box("Database")
        self.login = line_box("Your login")
        self.plan = line_box("Plan", "(the only plan there)")
        self.password = line_box("Password", "(leave empty to use your .pgpass file)")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for label, line in (
            ("&Server:", self.host),
            ("&Database:", self.database),
            ("Your &login:", self.login),
            ("&Plan:", self.plan),
            ("Pass&word:", self.password),
        ):
            form.addRow(label, line)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Wide enough for the password box's hint to be read whole, and for a long host name.
        self.setMinimumWidth(460)
        settings = app_settings()
        for name in _REMEMBERED:
            field: QLineEdit = getattr(self, name)
            field.setText(str(settings.value(f"team_plan/{name}", "") or ""))
        first_empty = next(
            (getattr(self, n) for n in _REMEMBERED if not getattr(self, n).text()), None
        )
        (first_empty or self.password).setFocus()

    def address(self) -> TeamAddress:
        """Where the plan is, with the password (for this connection only, never a string)."""
        url = URL.create(
            "postgresql+psycopg",
            username=self.login.text().strip() or None,
            password=self.password.text() or None,
            host=self.host.text().strip() or None,
            database=self.database.text().strip() or None,
        )
        return TeamAddress(url, self.plan.text().strip() or None)

    def accept(self) -> None:
        settings = app_settings()
        for name in _REMEMBERED:  # never the password
            settings.setValue(f"team_plan/{name}", getattr(self, name).text().strip())
        settings.sync()
        super().accept()
