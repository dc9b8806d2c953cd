"""Harvest a ModernGov council site into an archive, then ingest it.

- client.py      polite, bounded HTTP (httpx): one connection, delay, timeouts, retries, robots.txt,
                 size and time limits, the site (scheme, host, port) checked on every hop
- decoding.py    gzip/deflate decoded in bounded pieces
- deadline.py    one download's overall deadline and the watchdog that enforces it
- robots.py      robots.txt, its bad numbers set aside
- moderngov.py   the site: web service (XML) and HTML pages -> committees, meetings, documents
- archive.py     the archive's layout, checked downloads moved into place, the resumable state
- harvester.py   the run: incremental and resumable, every fault one line of the report
"""

from .archive import Archive, ArchiveBusy
from .client import USER_AGENT, FetchError, PoliteClient
from .harvester import (
    Harvest,
    HarvestOptions,
    HarvestReport,
    UnknownCommittee,
    harvest,
    ingest_archive,
    normalise_base,
)
from .moderngov import KINDS, ModernGovSite

__all__ = [
    "Archive", "ArchiveBusy", "FetchError", "Harvest", "HarvestOptions", "HarvestReport", "KINDS",
    "ModernGovSite", "PoliteClient", "USER_AGENT", "UnknownCommittee", "harvest", "ingest_archive",
    "normalise_base",
]
