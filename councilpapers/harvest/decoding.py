"""A body's Content-Encoding (gzip, deflate), decoded in pieces of at most
`PIECE` bytes, so that whoever reads the pieces can stop at a size limit
before the next one is made.

Why not httpx's own decoders: they decompress each network chunk whole, with
no bound on the output, so a 64 KB chunk of a gzip bomb becomes 64 MB in
memory at once. zlib's `max_length` bounds every step here.

Only what the client asks for (Accept-Encoding: gzip, deflate) is decoded; a
body encoded twice or in another coding is refused, never passed on encoded.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

PIECE = 64 * 1024


class UndecodableBody(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class BodyDecoder:
    def __init__(self, content_encoding: str | None):
        codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1:
            raise UndecodableBody(f"content encoded twice ({content_encoding}): refused, as a bomb would be sent")
        self.coding = codings[0] if codings else None
        if self.coding not in (None, "gzip", "x-gzip", "deflate"):
            raise UndecodableBody(f"unsupported content encoding ({self.coding}); only gzip and deflate were asked for")
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if self.coding in ("gzip", "x-gzip") else None
        self._started = False

    @property
    def encoded(self) -> bool:
        return self.coding is not None

    def decode(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of the next bytes of the body."""
        if self.coding is None:
            if data:
                yield data
            return
        if self.coding == "deflate" and not self._started:
            yield from self._first_deflate(data)
            return
        self._started = True
        yield from self._inflate(data)

    def flush(self) -> Iterator[bytes]:
        """What is left once the body has ended."""
        if self._inflater is not None:
            yield from self._inflate(b"")

    def _first_deflate(self, data: bytes) -> Iterator[bytes]:
        # "deflate" is zlib-wrapped by the standard, raw deflate on some servers: try zlib first.
        self._started = True
        self._inflater = zlib.decompressobj()
        try:
            first = self._inflater.decompress(data, PIECE)
        except zlib.error:
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self._inflate(data)
            return
        if first:
            yield first
        yield from self._more(len(first))

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        if self._inflater.eof:
            return  # bytes after the end of the compressed stream: ignored
        try:
            out = self._inflater.decompress(data, PIECE)
        except zlib.error as error:
            raise UndecodableBody(f"compressed body not readable ({error})") from None
        if out:
            yield out
        yield from self._more(len(out))

    def _more(self, last: int) -> Iterator[bytes]:
        """Drain what the last step left: its unconsumed input, or output held back by max_length."""
        inflater = self._inflater
        while not inflater.eof and (inflater.unconsumed_tail or last == PIECE):
            tail = len(inflater.unconsumed_tail)
            try:
                out = inflater.decompress(inflater.unconsumed_tail, PIECE)
            except zlib.error as error:
                raise UndecodableBody(f"compressed body not readable ({error})") from None
            last = len(out)
            if out:
                yield out
            elif len(inflater.unconsumed_tail) >= tail:
                break  # no progress: zlib wants more input
