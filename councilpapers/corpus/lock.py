"""One writer per home at a time: an ingest or a reindex holds an exclusive lock
on HOME/write.lock while it runs; searches take no lock (SQLite's WAL and
Whoosh's segments let them read the last committed state).

The lock is the operating system's (flock; a byte-range lock on Windows), held
by an open file, so it goes with the process however the process ends: a killed
ingest leaves no stale lock. The file holds the owner's pid for the message the
next writer gets.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = "write.lock"


class HomeBusy(RuntimeError):
    """Another process is writing to this home."""


@contextmanager
def write_lock(home: Path) -> Iterator[None]:
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    path = home / LOCK_NAME
    # "a+": opening must not wipe the pid of a process that holds the lock.
    with open(path, "a+") as handle:
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise HomeBusy(
                f"Another ingest or reindex (pid {holder}) is writing to {home}; "
                "try again when it has finished."
            )
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            _unlock(handle)


try:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _try_lock(handle) -> bool:
        try:
            # The byte locked lies past any pid written, so the pid stays readable.
            handle.seek(1 << 20)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)
        return True

    def _unlock(handle) -> None:
        handle.seek(1 << 20)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.seek(0)
