"""Run one function over many items in worker processes; results as they come.

- Processes, not threads: reading and segmenting are CPU-bound Python.
- Started by "spawn": a worker is a fresh interpreter, so it inherits neither
  the store's SQLite connection nor the home's write lock (a forked worker
  would keep that lock held after its parent was killed).
- A bounded window of items in flight, drawn lazily from the items' iterator:
  memory stays flat whatever the batch size, and the caller's planning
  (hashing, skipping unchanged files) runs alongside the workers.
- A worker that dies (PDFium crashing on a file, the kernel's OOM killer)
  breaks the whole pool. The items then in flight are run again one at a time,
  each in a fresh process, so the one that kills its worker is found and
  reported through `on_crash`, and the rest of the batch goes on.
- Workers ignore Ctrl-C (the main process decides what to do) and exit when the
  main process is gone, so a killed ingest leaves no orphans behind.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

ITEMS_IN_FLIGHT_PER_WORKER = 2  # one running, one queued so no worker waits
PARENT_CHECK_SECONDS = 0.5


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def map_unordered(
    work: Callable[[Item], Result],
    items: Iterable[Item],
    jobs: int,
    *,
    on_crash: Callable[[Item], Result],
) -> Iterator[tuple[Item, Result]]:
    """(item, work(item)) for every item, in the order they finish. `work` must
    be a module-level function (workers import it by name)."""
    items = iter(items)
    if jobs > 1:
        # Starting workers costs a few hundred milliseconds: not for one item.
        first = list(itertools.islice(items, 2))
        items = itertools.chain(first, items)
        if len(first) > 1:
            yield from _pooled(work, items, jobs, on_crash)
            return
    for item in items:
        yield item, work(item)


def _pooled(work, items: Iterator, jobs: int, on_crash) -> Iterator[tuple]:
    pool = _new_pool(jobs)
    in_flight: dict[Future, object] = {}
    finished = False
    try:
        while True:
            stranded = []
            while len(in_flight) < jobs * ITEMS_IN_FLIGHT_PER_WORKER:
                item = next(items, _NO_MORE)
                if item is _NO_MORE:
                    break
                try:
                    in_flight[pool.submit(work, item)] = item
                except BrokenProcessPool:
                    stranded.append(item)
                    break
            if not in_flight and not stranded:
                finished = True
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED) if in_flight else ((), ())
            for future in done:
                item = in_flight.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    stranded.append(item)
                    continue
                yield item, result
            if stranded:
                # The pool is dead and every item in it is lost with it.
                stranded.extend(in_flight.values())
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for item in stranded:
                    yield item, _run_alone(work, item, on_crash)
                pool = _new_pool(jobs)
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, or the caller stopped early: do not wait for long files
            _stop(pool)


def _run_alone(work, item, on_crash):
    with _new_pool(1) as solo:
        try:
            return solo.submit(work, item).result()
        except BrokenProcessPool:
            return on_crash(item)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_setup,
        initargs=(os.getpid(),),
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to end running work before Python 3.14's
    # terminate_workers(); its worker table is the only handle on them.
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def _worker_setup(parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int) -> None:
    # A parent killed by SIGKILL cannot tell its workers; they find out here.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


_NO_MORE = object()
