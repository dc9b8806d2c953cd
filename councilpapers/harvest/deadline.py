"""One download's overall time limit, and the watchdog that enforces it while
a read is blocked.

httpx's timeouts are per read: a server that sends one byte every few seconds
(of the body or of its headers) never trips them and never ends. The client
checks `Deadline` between the chunks it reads; `Watchdog` covers the time a
read is blocked inside httpcore (the headers, a chunk that trickles in) by
shutting the connection's socket when the deadline passes, so the read
returns and the download fails with the deadline as its reason.

The socket is learnt from httpcore's `trace` extension (a public hook) when a
connection is made; the client keeps a single connection, so the last one
made is the one in use.
"""

from __future__ import annotations

import contextlib
import math
import socket
import threading
from collections.abc import Callable, Iterator


class Deadline:
    """Started when the first request of a download is sent; passed `seconds` later."""

    def __init__(self, seconds: float | None, clock: Callable[[], float]):
        self.seconds = seconds
        self._clock = clock
        self._end: float | None = None

    def start(self) -> None:
        if self._end is None and self.seconds is not None:
            self._end = self._clock() + self.seconds

    def remaining(self) -> float:
        return math.inf if self._end is None else self._end - self._clock()

    def passed(self) -> bool:
        return self.remaining() <= 0


class Watchdog:
    def __init__(self) -> None:
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._armed = False
        self.fired = False

    def trace(self, event: str, info: dict) -> None:
        """httpcore's trace callback: remember the socket of each new connection."""
        if event == "connection.connect_tcp.complete":
            stream = info.get("return_value")
            self._socket = stream.get_extra_info("socket") if stream is not None else None

    @contextlib.contextmanager
    def watching(self, seconds: float) -> Iterator[None]:
        """Shut the connection if the block has not ended `seconds` from now."""
        self.fired = False
        if math.isinf(seconds):
            yield
            return
        timer = threading.Timer(max(seconds, 0.0), self._fire)
        timer.daemon = True
        with self._lock:
            self._armed = True
        timer.start()
        try:
            yield
        finally:
            with self._lock:
                self._armed = False
            timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            if not self._armed or self._socket is None:
                return
            self.fired = True
            with contextlib.suppress(OSError):  # closed already: nothing to wake
                self._socket.shutdown(socket.SHUT_RDWR)
