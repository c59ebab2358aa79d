"""One LIO Planner per person: a plan opened while the app runs is handed to the running app.

Double-clicking a plan starts ``lio-planner PLAN``. If LIO Planner is already running for this
person, that new process passes the plan's path to the running one over a local socket and
exits, so the plan opens in the app already on screen instead of in a second app that would
then find the plan "in use" by the first. The running app listens only after its first paint,
so starting up is never slowed; a plan opened in that first moment starts its own app, as before.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from lio_planner.paths import data_dir

CONNECT_MS = 500
REPLY_MS = 5000
_ACCEPTED = b"ok\n"

Opener = Callable[[Path | None, bool], None]


def server_name() -> str:
    """The socket name: one per person and user data folder (tests each have their own)."""
    key = f"{getpass.getuser()}\0{data_dir()}".encode()
    return "lio-planner-" + hashlib.sha256(key).hexdigest()[:16]


def hand_over(plan: Path | None, read_only: bool) -> bool:
    """Give ``plan`` to a running LIO Planner; True if it took it (this process may then end)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = {"plan": str(plan.resolve()) if plan is not None else None, "read_only": read_only}
    socket.write(json.dumps(message).encode() + b"\n")
    socket.flush()
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply == _ACCEPTED


class InstanceServer(QObject):
    """Listens for plans handed over by later ``lio-planner`` processes and opens them."""

    def __init__(self, opener: Opener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._connected)

    def listen(self) -> bool:
        """Start listening; False if another LIO Planner of this person's already does."""
        name = server_name()
        if self._server.listen(name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(CONNECT_MS):
            probe.abort()
            return False
        QLocalServer.removeServer(name)  # left behind by an app that did not close properly
        return self._server.listen(name)

    def _connected(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer += bytes(socket.readAll().data())
                if b"\n" in buffer:
                    self._received(socket, bytes(buffer))

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)

    def _received(self, socket: QLocalSocket, data: bytes) -> None:
        try:
            message = json.loads(data.split(b"\n", 1)[0])
            plan = Path(message["plan"]) if message.get("plan") else None
            read_only = bool(message.get("read_only"))
        except (ValueError, TypeError, KeyError):
            socket.abort()  # not a LIO Planner asking: it starts its own app
            return
        socket.write(_ACCEPTED)
        socket.flush()
        # After this event: opening may ask a question, and the sender must not wait for it.
        QTimer.singleShot(0, self, lambda: self._opener(plan, read_only))
