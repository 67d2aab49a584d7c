"""One window per data folder: a second start finds the folder taken, brings the running
window forward and quits, so that two windows never write the same lists apart.

A lock file in the data folder says the folder is in use (QLockFile: a crashed instance's lock
is taken over, its process being gone); a local socket named after the folder lets the second
start ask the first one to come forward; the first one answers once its window is forward, so
that a second start left unanswered (the first one still starting, or not responding) can say so
in a window of its own rather than quit unseen.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from spro_desk.paths import ensure_private_dir

if TYPE_CHECKING:  # QtNetwork loads after the first paint (or when the folder is taken)
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "spro-desk.lock"
RAISE = b"premier-plan\n"
RAISED = b"au-premier-plan\n"
CONNECT_MS = 1_000
ANSWER_MS = 3_000  # a window coming forward answers in a few ms; a busy one may take a moment


class Taken(enum.Enum):
    """Why `acquire()` did not get the folder."""

    RAISED = "raised"  # another window has it, and came forward
    UNANSWERED = "unanswered"  # another window has it but did not come forward
    UNWRITABLE = "unwritable"  # no lock file can be written there: no other window involved


def server_name(data_dir: Path) -> str:
    """The same name for the same folder, whatever the path's spelling; short (macOS limits)."""
    import hashlib  # OpenSSL's library: loaded after the first paint, not before it

    folder = str(Path(data_dir).expanduser().resolve())
    return "spro-desk-" + hashlib.sha256(folder.encode("utf-8")).hexdigest()[:20]


class InstanceGuard(QObject):
    """`acquire()` once at start: True, this process owns the folder; False, another one does
    and was asked to come forward. `listen()` then (after the first paint: the window opens
    no later for it) hears later starts, announced by `raise_requested`."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir = Path(data_dir)
        ensure_private_dir(data_dir)  # the lock is its first file on a new desk
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._data_dir = data_dir
        self._server: QLocalServer | None = None
        self.taken: Taken | None = None  # set when `acquire()` returns False

    @property
    def _name(self) -> str:
        return server_name(self._data_dir)

    def acquire(self) -> bool:
        if self._lock.tryLock(100):
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            self.taken = Taken.UNWRITABLE
        elif self._ask_running_instance():
            self.taken = Taken.RAISED
        else:
            self.taken = Taken.UNANSWERED
        return False

    def listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        QLocalServer.removeServer(self._name)  # left over by a crash: the lock was free
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._connected)
        server.listen(self._name)
        self._server = server

    def _connected(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.raise_requested.emit()
            socket.write(RAISED)
            socket.flush()

    def _ask_running_instance(self) -> bool:
        """Whether the window holding the folder answered that it came forward."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(CONNECT_MS):
            return False  # still starting (it listens once its database is open), or gone
        socket.write(RAISE)
        socket.waitForBytesWritten(CONNECT_MS)
        answer = b""
        while RAISED not in answer and socket.waitForReadyRead(ANSWER_MS):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return RAISED in answer

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def bring_forward(window: QObject) -> None:
    """Show the window above the others, restored if it was minimised."""
    from PySide6.QtWidgets import QWidget

    if isinstance(window, QWidget):
        window.showNormal() if window.isMinimized() else window.show()
        window.raise_()
        window.activateWindow()
