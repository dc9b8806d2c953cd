"""What the index keeps beside the engine: the corpus glossary and the words
of the corpus (for "Did you mean"), engine-neutral, in the index folder, so a
search never has to open the store.

- the glossary: (short, long) pairs as the store merged them
  (`corpus.glossary`), handed over by the write side after each ingest and
  kept as a small JSON file, which is all a search reads. Search never
  merges a glossary, nor writes the store.
- `vocab` (a small SQLite file, updated file by file with the index): each
  file's words (letters only, 3+ characters); `words` counts the files that
  have each, and is what spelling suggestions come from.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import analysis

NAME = "lexicon_v2.sqlite"
GLOSSARY_JSON = "glossary_v1.json"
SPELL_WORD = re.compile(r"[a-z]{3,}")

SCHEMA = """
-- Each file's distinct words (zlib of the space-joined list), to take them
-- back out of `words` when the file is replaced.
CREATE TABLE IF NOT EXISTS vocab (source TEXT PRIMARY KEY, words BLOB NOT NULL);
-- Every word of the corpus and how many files have it.
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, n INTEGER NOT NULL, len INTEGER NOT NULL,
                                  first TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS words_len ON words(len, first);
"""


class SourceWords:
    """What one file adds to the lexicon, gathered while its documents are indexed."""

    def __init__(self):
        self.words: set[str] = set()

    def add_document(self, *texts: str | None) -> None:
        for text in texts:
            self.words.update(w for w in SPELL_WORD.findall((text or "").lower()) if w not in analysis.STOP_WORDS)


class Lexicon:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.path = self.directory / NAME
        self._db: sqlite3.Connection | None = None
        self._glossary: list | None = None

    def exists(self) -> bool:
        return self.path.exists()

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.executescript(SCHEMA)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- writing -------------------------------------------------------------

    def replace_sources(self, per_source: Mapping[str, SourceWords], *, clear: bool = False) -> None:
        if clear:  # files of earlier versions go
            for old in self.directory.glob("lexicon_v*.sqlite*"):
                if not old.name.startswith(NAME):
                    old.unlink(missing_ok=True)
        db = self._connect()
        db.execute("BEGIN IMMEDIATE")
        try:
            if clear:
                db.execute("DELETE FROM vocab")
                db.execute("DELETE FROM words")
            for source, got in per_source.items():
                if not clear:
                    row = db.execute("SELECT words FROM vocab WHERE source = ?", (source,)).fetchone()
                    if row:
                        old = zlib.decompress(row[0]).decode("utf-8").split()
                        db.executemany("UPDATE words SET n = n - 1 WHERE word = ?", [(w,) for w in old])
                    db.execute("DELETE FROM vocab WHERE source = ?", (source,))
                if got.words:
                    db.execute("INSERT INTO vocab VALUES (?, ?)",
                               (source, zlib.compress(" ".join(sorted(got.words)).encode("utf-8"))))
                db.executemany(
                    "INSERT INTO words VALUES (?, 1, ?, ?) ON CONFLICT(word) DO UPDATE SET n = n + 1",
                    [(w, len(w), w[0]) for w in got.words],
                )
            db.execute("DELETE FROM words WHERE n <= 0")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def replace_glossary(self, entries: Iterable[tuple[str, str]]) -> None:
        """Keep the corpus glossary, (short, long) pairs, for searches to read."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / GLOSSARY_JSON
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps([list(e) for e in entries], ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
        self._glossary = None

    # -- reading -------------------------------------------------------------

    def glossary(self) -> list[tuple[str, str]]:
        if self._glossary is None:
            path = self.directory / GLOSSARY_JSON
            try:
                self._glossary = [tuple(e) for e in json.loads(path.read_text(encoding="utf-8"))]
            except (OSError, ValueError):
                self._glossary = []
        return self._glossary

    def correct(self, word: str, frequency=None) -> str | None:
        """The word within a small edit distance of `word` (one edit for short
        words, two from 6 letters, three from 10) that is closest, then most
        frequent (`frequency(word)`, else the number of files that have it)."""
        word = word.lower()
        if not SPELL_WORD.fullmatch(word) or not self.exists():
            return None
        db = self._connect()
        if db.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone():
            return None  # a word of the papers is never "corrected"
        if split := self._split(word):
            return split
        limit = 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3
        for same_first in (True, False):
            sql = "SELECT word, n FROM words WHERE len BETWEEN ? AND ?"
            args: list = [len(word) - limit, len(word) + limit]
            if same_first:
                sql += " AND first = ?"
                args.append(word[0])
            close = []
            for candidate, n in db.execute(sql, args):
                if candidate == word:
                    return None
                d = _distance(word, candidate, limit)
                if d <= limit:
                    close.append((d, candidate, n))
            if close:
                nearest = min(d for d, _, _ in close)
                ranked = [(-(frequency(c) if frequency else n), abs(len(c) - len(word)), c)
                          for d, c, n in close if d == nearest]
                return min(ranked)[2]
        return None

    def _split(self, word: str) -> str | None:
        """A compound the papers write as two words ("whitepaper" -> "white
        paper"), before any near word of another meaning: the split whose
        rarer half is in the most files."""
        db = self._connect()
        best = None
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            counts = [db.execute("SELECT n FROM words WHERE word = ?", (w,)).fetchone() for w in (left, right)]
            if all(counts):
                score = min(c[0] for c in counts)
                if best is None or score > best[0]:
                    best = (score, f"{left} {right}")
        return best[1] if best else None


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit),
    giving up past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and prev2 is not None:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
