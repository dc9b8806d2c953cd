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
- `Limits` bound each item: a wall-clock time (an alarm in the worker stops
  Python code; a CPU-time rlimit set per item lets the kernel kill a worker
  stuck in C; the main process kills a lone worker that overruns), and the
  address space an item may add (RLIMIT_AS: PDFium aborts when it cannot
  allocate, so a decompression bomb kills its worker, not the batch). An item
  over its time is reported through `on_timeout`.
- A batch too small for a pool still runs in a child process (forked: it
  starts at once and shares what `prepare` loaded in this process), one item
  at a time, so those limits hold for it too. Without limits, or without
  fork, it runs in this process.
"""

from __future__ import annotations

import functools
import itertools
import logging
import multiprocessing
import os
import resource
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
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
# Over an item's time limit, before the kernel (CPU time) or the main process
# (a lone worker) kills what the alarm could not stop.
log = logging.getLogger(__name__)
KILL_GRACE_SECONDS = 2.0
WORKER_START_SECONDS = 120.0  # a worker's start, before any item's time counts


@dataclass(frozen=True)
class Limits:
    """What one item may cost; None is no bound."""

    seconds: float | None = None  # wall-clock time
    memory: int | None = None  # bytes of address space, over what a worker holds when it starts

    @property
    def any(self) -> bool:
        return self.seconds is not None or self.memory is not None


class TimeLimitExceeded(BaseException):
    """Raised in a worker by its alarm. A BaseException, so that the work's own
    `except Exception` (one bad file must not sink the batch) lets it through."""


class _TimedOut:
    """What a worker sends back for an item that ran out of time."""


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
    on_timeout: Callable[[Item], Result] | None = None,
    limits: Limits = Limits(),
    prepare: Callable[[], None] | None = None,
    size: Callable[[Item], int] = lambda item: CHUNK_SIZE,
    time_limit: float | None = None,
) -> Iterator[tuple[Item, Result]]:
    """(item, work(item)) for every item, in the order they finish. `work` must
    be a module-level function (workers import it by name); so must `prepare`,
    run once in each worker before its limits are set (and in this process
    before a fork). `time_limit` is short for `Limits(seconds=...)`."""
    if time_limit is not None:
        limits = Limits(time_limit, limits.memory)
    run = _Runner(work, limits, on_crash, on_timeout or on_crash, prepare)
    items = iter(items)
    if jobs > 1:
        first = _peek_enough_for_a_pool(items, size)
        items = itertools.chain(first, items)
        if len(first) >= MIN_ITEMS_FOR_A_POOL or sum(map(size, first)) >= MIN_SIZE_FOR_A_POOL:
            yield from _pooled(run, _chunks(items, size), jobs)
            return
    if limits.any and "fork" in multiprocessing.get_all_start_methods():
        yield from _one_by_one(run, items)
        return
    for item in items:
        yield item, run.here(item)


@dataclass(frozen=True)
class _Runner:
    """The work and what becomes of an item that crashes or overruns."""

    work: Callable
    limits: Limits
    on_crash: Callable
    on_timeout: Callable
    prepare: Callable | None

    def settled(self, item, result):
        return self.on_timeout(item) if isinstance(result, _TimedOut) else result

    def here(self, item):
        """In this process: the alarm alone (no rlimit may sink the batch)."""
        return self.settled(item, _limited(self.work, self.limits, item, in_worker=False))

    def chunk(self) -> Callable:
        return functools.partial(_run_chunk, self.work, self.limits)

    def single(self) -> Callable:
        return functools.partial(_limited, self.work, self.limits)


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


def _pooled(run: _Runner, chunks: Iterator[list], jobs: int) -> Iterator[tuple]:
    pool = _started_pool(jobs, run)
    if pool is None:
        for item in itertools.chain.from_iterable(chunks):
            yield item, run.here(item)
        return
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
                    in_flight[pool.submit(run.chunk(), chunk)] = chunk
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
                yield from ((item, run.settled(item, result)) for item, result in zip(chunk, results))
            if stranded:
                # The pool is dead and every chunk in it is lost with it.
                for chunk in in_flight.values():
                    stranded.extend(chunk)
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                yield from _one_by_one(run, stranded, "spawn")
                pool = _new_pool(jobs, run)
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, or the caller stopped early: do not wait for long files
            _stop(pool)


def _one_by_one(run: _Runner, items: Iterable, method: str = "fork") -> Iterator[tuple]:
    """Each item in a child process of its own pool of one, a new one after a
    crash or a kill: the item that killed or overran its process is known."""
    if method == "fork" and run.prepare:
        run.prepare()  # once here, shared by every forked child
    pool = None
    try:
        for item in items:
            pool = pool or _started_solo(run, method)
            future = pool.submit(run.single(), item)
            try:
                result = future.result(timeout=_wall_limit(run.limits))
            except BrokenProcessPool:
                result = run.on_timeout(item) if _killed_for_cpu_time(pool) else run.on_crash(item)
            except FutureTimeout:
                result = run.on_timeout(item)
            else:
                yield item, run.settled(item, result)
                continue
            _stop(pool)
            pool = None
            yield item, result
    finally:
        if pool is not None:
            _stop(pool)


def _started_solo(run: _Runner, method: str) -> ProcessPoolExecutor:
    """A pool of one whose worker is up: a spawned interpreter importing the
    work's modules is slow on a loaded machine, and that start is not the
    item's time. A worker that cannot start shows when the item is submitted."""
    pool = _new_pool(1, run, method)
    try:
        pool.submit(os.getpid).result(timeout=WORKER_START_SECONDS)
    except (BrokenProcessPool, FutureTimeout):  # the item's own wait says which
        log.debug("a solo worker did not start within %s s", WORKER_START_SECONDS)
    return pool


def _killed_for_cpu_time(pool: ProcessPoolExecutor) -> bool:
    """Whether the broken pool's worker was killed by the kernel for its CPU
    time. The pool's own thread reaps its dead workers; a second thread waiting
    on the same child races it and, losing, reads no exit status at all. So let
    that thread finish (a broken pool ends its workers first), then read what
    it reaped."""
    processes = _workers(pool)
    pool.shutdown(wait=True)
    return any(process.exitcode == -signal.SIGXCPU for process in processes)


def _wall_limit(limits: Limits) -> float | None:
    return None if limits.seconds is None else limits.seconds + 2 * KILL_GRACE_SECONDS


def _run_chunk(work, limits: Limits, chunk: list) -> list:
    return [_limited(work, limits, item) for item in chunk]


def _limited(work, limits: Limits, item, in_worker: bool = True):
    """work(item), or _TimedOut() when it overran `limits.seconds`."""
    seconds = limits.seconds
    alarm = seconds is not None and threading.current_thread() is threading.main_thread()
    if alarm:
        previous = signal.signal(signal.SIGALRM, _raise_time_limit)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    if seconds is not None and in_worker:
        # The kernel's backstop for code the alarm cannot interrupt (a loop in C).
        used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = int(used + seconds + KILL_GRACE_SECONDS) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    try:
        return work(item)
    except TimeLimitExceeded:
        return _TimedOut()
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _raise_time_limit(signum, frame):
    raise TimeLimitExceeded


def _started_pool(jobs: int, run: _Runner) -> ProcessPoolExecutor | None:
    """A pool whose workers are known to start, or None (with a warning) when
    they cannot, for instance when the main module cannot be imported again
    (a script read from stdin): then the work runs in this process, rather
    than every item being taken for one that crashes its worker."""
    pool = _new_pool(jobs, run)
    try:
        pool.submit(os.getpid).result()
    except BrokenProcessPool:
        pool.shutdown(wait=True)
        warnings.warn("worker processes could not start; reading files in this process", stacklevel=4)
        return None
    return pool


def _new_pool(jobs: int, run: _Runner | None = None, method: str = "spawn") -> ProcessPoolExecutor:
    limits = run.limits if run else Limits()
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_worker_setup,
        initargs=(os.getpid(), limits.memory, run.prepare if run else None),
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to end running work before Python 3.14's
    # terminate_workers(); its worker table is the only handle on them.
    processes = _workers(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()


def _workers(pool: ProcessPoolExecutor) -> list:
    # None once the pool is shut down.
    return list((getattr(pool, "_processes", None) or {}).values())


def _worker_setup(parent_pid: int, memory: int | None = None, prepare: Callable | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a worker killed for its CPU time leaves no core file
    if prepare:
        prepare()  # loaded before the memory bound, which is then the file's alone
    if memory is not None:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = _address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _address_space() -> int:
    """This process's virtual size in bytes (what RLIMIT_AS counts)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: the peak resident size is the best guess
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _exit_with_parent(parent_pid: int) -> None:
    # A parent killed by SIGKILL cannot tell its workers; they find out here.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
