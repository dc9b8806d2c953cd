"""Run one function over many items in worker processes; results as they come.

- Processes, not threads: reading and segmenting are CPU-bound Python.
- Started by "spawn": a worker is a fresh interpreter, so it inherits neither
  the store's SQLite connection nor the home's write lock (a forked worker
  would keep that lock held after its parent was killed).
- Items go to the workers in chunks of up to CHUNK_SIZE (by the caller's
  `size`, bytes for files): a small file costs less to read than its round
  trip to a worker, so small files travel together and large ones alone.
- A bounded number of chunks in flight, drawn lazily from the items' iterator:
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

import functools
import itertools
import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNKS_IN_FLIGHT_PER_WORKER = 2  # one running, one queued so no worker waits
# A worker takes about two seconds to start (Python, then spaCy's pipeline):
# a batch smaller than this is read sooner by this process alone.
MIN_ITEMS_FOR_A_POOL = 8
MIN_SIZE_FOR_A_POOL = 2 * 1024 * 1024
CHUNK_SIZE = 256 * 1024
MAX_ITEMS_PER_CHUNK = 32
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
    size: Callable[[Item], int] = lambda item: CHUNK_SIZE,
    prepare: Callable[[], None] | None = None,
) -> Iterator[tuple[Item, Result]]:
    """(item, work(item)) for every item, in the order they finish. `work` (and
    `prepare`, run once in each worker as it starts, before its first item) must
    be module-level functions (workers import them by name)."""
    items = iter(items)
    if jobs > 1:
        first = _peek_enough_for_a_pool(items, size)
        items = itertools.chain(first, items)
        if len(first) >= MIN_ITEMS_FOR_A_POOL or sum(map(size, first)) >= MIN_SIZE_FOR_A_POOL:
            yield from _pooled(work, _chunks(items, size), jobs, on_crash, prepare)
            return
    for item in items:
        yield item, work(item)


def _peek_enough_for_a_pool(items: Iterator, size: Callable) -> list:
    first, total = [], 0
    for item in items:
        first.append(item)
        total += size(item)
        if len(first) >= MIN_ITEMS_FOR_A_POOL or total >= MIN_SIZE_FOR_A_POOL:
            break
    return first


def _chunks(items: Iterator, size: Callable) -> Iterator[list]:
    chunk, total = [], 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if total >= CHUNK_SIZE or len(chunk) >= MAX_ITEMS_PER_CHUNK:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def _pooled(work, chunks: Iterator[list], jobs: int, on_crash, prepare) -> Iterator[tuple]:
    pool = _started_pool(jobs, prepare)
    if pool is None:
        for item in itertools.chain.from_iterable(chunks):
            yield item, work(item)
        return
    run_chunk = functools.partial(_run_chunk, work)
    in_flight: dict[Future, list] = {}
    finished = False
    try:
        while True:
            stranded: list = []
            while len(in_flight) < jobs * CHUNKS_IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                try:
                    in_flight[pool.submit(run_chunk, chunk)] = chunk
                except BrokenProcessPool:
                    stranded.extend(chunk)
                    break
            if not in_flight and not stranded:
                finished = True
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED) if in_flight else ((), ())
            for future in done:
                chunk = in_flight.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    stranded.extend(chunk)
                    continue
                yield from zip(chunk, results)
            if stranded:
                # The pool is dead and every chunk in it is lost with it.
                for chunk in in_flight.values():
                    stranded.extend(chunk)
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for item in stranded:
                    yield item, _run_alone(work, item, on_crash)
                pool = _new_pool(jobs, prepare)
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, or the caller stopped early: do not wait for long files
            _stop(pool)


def _run_chunk(work, chunk: list) -> list:
    return [work(item) for item in chunk]


def _run_alone(work, item, on_crash):
    with _new_pool(1) as solo:
        try:
            return solo.submit(work, item).result()
        except BrokenProcessPool:
            return on_crash(item)


def _started_pool(jobs: int, prepare=None) -> ProcessPoolExecutor | None:
    """A pool whose workers are known to start, or None (with a warning) when
    they cannot, for instance when the main module cannot be imported again
    (a script read from stdin): then the work runs in this process, rather
    than every item being taken for one that crashes its worker."""
    pool = _new_pool(jobs, prepare)
    try:
        pool.submit(os.getpid).result()
    except BrokenProcessPool:
        pool.shutdown(wait=True)
        warnings.warn("worker processes could not start; reading files in this process", stacklevel=4)
        return None
    return pool


def _new_pool(jobs: int, prepare=None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_setup,
        initargs=(os.getpid(), prepare),
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to end running work before Python 3.14's
    # terminate_workers(); its worker table is the only handle on them.
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def _worker_setup(parent_pid: int, prepare=None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    if prepare is not None:
        try:
            prepare()
        except Exception:  # an initializer's error breaks the pool; the work reports it per item
            pass


def _exit_with_parent(parent_pid: int) -> None:
    # A parent killed by SIGKILL cannot tell its workers; they find out here.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
