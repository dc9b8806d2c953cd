"""Where a user's store and index live: --home, $COUNCILPAPERS_HOME, or the
per-user data directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Home:
    root: Path

    @classmethod
    def locate(cls, explicit: str | os.PathLike | None = None) -> "Home":
        if explicit:
            return cls(Path(explicit).expanduser())
        if os.environ.get("COUNCILPAPERS_HOME"):
            return cls(Path(os.environ["COUNCILPAPERS_HOME"]).expanduser())
        import platformdirs

        return cls(Path(platformdirs.user_data_dir("councilpapers")))

    @property
    def store_path(self) -> Path:
        return self.root / "councilpapers.sqlite"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"
