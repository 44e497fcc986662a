"""One function over partitions of work items: in this process, on every local core, or on a Dask cluster.

The scheduler is named by a string (the `scheduler` notebook parameter, `evidence-review run --scheduler`):

    ""               automatic: local processes on every core when there are at least POOL_MIN_ITEMS items and
                     more than one core, else in this process (starting a process pool costs more than it saves
                     on a handful of documents)
    "processes"      local processes on every core, whatever the number of items
    "threads"        local threads (little gain for this pure-Python work; useful to debug the Dask path)
    "synchronous"    in this process, one partition after another
    "tcp://HOST:PORT" (or tls://, ...)  an existing `dask.distributed` scheduler; its workers must have this package
                     installed and see the raw files at the same paths

Work items are given in a stable order (the caller sorts them by their stable ids); they are cut into contiguous
partitions, each partition is mapped by `func` (a module-level function, so that it pickles by reference), and
the results are gathered back in item order. Nothing of a result depends on the partitioning or the scheduler,
as long as `func` treats each item on its own — the callers' per-document functions do.

Local worker processes are forked from a forkserver (a fresh single-threaded process, so as safe in a Jupyter kernel,
which runs threads, as Dask's default of spawning each worker) that has imported the function's module once. As with
spawning, a script that calls this with the "processes" scheduler needs the usual `if __name__ == "__main__":`
guard; the notebooks and the command line have it.

Dask (`dask.bag` for the partitions, `dask.distributed` for clusters) does the scheduling: it is the
well-kept tool for exactly this, and the same code reaches a cluster.
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import ConfigError
from .progress import Progress

#: Below this many items the automatic scheduler stays in this process. A pool first starts Python and imports the
#: package (~2 s CPU, under load more; measured when each worker was spawned and imported it on its own, before the
#: forkserver, which imports it once per pool): on 1,000 text files, ingestion and extraction on
#: a pool of two took 16.5 s CPU against 11.4 s in one process, so on two cores the pool only pays off from about a
#: thousand documents (the two stages together cost about 9 ms CPU per document). Since the forkserver (one import
#: per pool, 0.6-1.1 s of CPU) 500 was tried: on 1,000 generated files (870 readable after duplicates) extraction then
#: ran on the pool, 1.0-1.4 s more CPU, and two side-by-side runs under the same load took 3 s longer in wall each
#: (2026-12-05), so the threshold stayed.
POOL_MIN_ITEMS = 1000

#: Partitions hold at most this many items, so that progress moves and the work is spread evenly.
MAX_PARTITION_ITEMS = 100

#: Each worker gets at least this many partitions, so one slow partition does not leave the others idle.
PARTITIONS_PER_WORKER = 4

#: The partitions at the tail of a pool's map shrink to no fewer than this many items (`tapered_partition`).
TAIL_MIN_ITEMS = 4

#: How long to wait for a distributed scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = "20s"

LOCAL_SCHEDULERS = ("", "processes", "threads", "synchronous")
#: dask.distributed's address protocols (inproc: a LocalCluster in this process).
CLUSTER_PREFIXES = ("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")


@dataclass(frozen=True)
class Plan:
    """Where the work runs: `kind` is "here", "processes", "threads" or "distributed"."""

    kind: str
    workers: int
    address: str = ""


def cpu_count() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def check_scheduler(spec) -> str:
    """The scheduler string, stripped; a clear ConfigError for anything else."""
    text = "" if spec is None else str(spec).strip()
    if text.lower() in LOCAL_SCHEDULERS:
        return text.lower()
    if text.lower().startswith(CLUSTER_PREFIXES) and len(text.split("://", 1)[1]) > 0:
        return text
    raise ConfigError(f"unknown scheduler {text!r}: use '' (automatic), 'processes', 'threads', 'synchronous' "
                      "or the address of a Dask scheduler, tcp://HOST:PORT")


def plan(spec, n_items: int) -> Plan:
    """Which scheduler runs `n_items` items given the scheduler string."""
    spec = check_scheduler(spec)
    cores = cpu_count()
    if spec.startswith(CLUSTER_PREFIXES):
        return Plan("distributed", 0, spec)
    if spec == "synchronous" or n_items == 0:
        return Plan("here", 1)
    if spec == "":
        return Plan("processes", cores) if cores > 1 and n_items >= POOL_MIN_ITEMS else Plan("here", 1)
    return Plan(spec, cores)


def partition_count(n_items: int, workers: int) -> int:
    """Enough partitions for every worker to get several, none larger than MAX_PARTITION_ITEMS."""
    if n_items == 0:
        return 0
    wanted = max(PARTITIONS_PER_WORKER * max(1, workers), math.ceil(n_items / MAX_PARTITION_ITEMS))
    return min(n_items, wanted)


def partition(items: Sequence, n_partitions: int) -> list[list]:
    """Contiguous partitions in item order, sizes differing by at most one."""
    items = list(items)
    if not items:
        return []
    n = max(1, min(int(n_partitions), len(items)))
    size, extra = divmod(len(items), n)
    parts, start = [], 0
    for i in range(n):
        stop = start + size + (1 if i < extra else 0)
        parts.append(items[start:stop])
        start = stop
    return parts


def tapered_partition(items: Sequence, workers: int) -> list[list]:
    """Contiguous partitions in item order for `workers` workers taking them one at a time: the size of the even
    partitioning (`partition_count`) until the tail, where each takes at most the remaining items over twice the
    workers (and no fewer than TAIL_MIN_ITEMS), so that the workers finish close together. With even partitions the
    last one or two ran alone, a core idle meanwhile: up to a whole partition's time (~0.5 s of extraction per
    100 documents) per map."""
    items = list(items)
    if not items:
        return []
    workers = max(1, int(workers))
    size = math.ceil(len(items) / partition_count(len(items), workers))
    parts, start = [], 0
    while start < len(items):
        take = min(size, max(TAIL_MIN_ITEMS, math.ceil((len(items) - start) / (2 * workers))))
        parts.append(items[start:start + take])
        start += take
    return parts


def map_partitions(func: Callable[[list], list], items: Sequence, *, scheduler="", partitions: int | None = None,
                   progress: Progress | None = None) -> list:
    """`func` over contiguous partitions of `items`; one result per item, in item order.

    `func` takes a list of items and returns a list of as many results. `partitions` fixes the number of
    partitions (tests; by default from the number of workers and items). `progress` advances by the number of
    items of each finished partition."""
    items = list(items)
    where = plan(scheduler, len(items))
    if where.kind == "distributed":
        return _on_cluster(func, items, where.address, partitions, progress)
    if where.kind == "here":  # one item at a time by default: nothing to ship, and the progress moves smoothly
        parts = partition(items, partitions or len(items))
    elif partitions:
        parts = partition(items, partitions)
    else:
        parts = tapered_partition(items, where.workers)
    if where.kind == "here":
        results = []
        for part in parts:
            results.append(_checked(func, part, func(part)))
            if progress is not None:
                progress.advance(len(part))
        return _flatten(results)
    return _on_local_dask(func, parts, where, progress)


def _checked(func, part: list, result) -> list:
    result = list(result)
    if len(result) != len(part):
        raise ValueError(f"{getattr(func, '__name__', func)} returned {len(result)} results for {len(part)} items")
    return result


def _flatten(results: list[list]) -> list:
    return [r for part in results for r in part]


class _Partition:
    """A partition's items as one opaque element of the bag. Dask names a bag by a hash of its whole content, which
    walks every item (0.7 s of CPU for the texts and table grids of 10,000 documents); each partition carries a
    token of its own instead (unique per call, which is all the graph's keys need)."""

    __slots__ = ("items", "token")

    def __init__(self, items: list, token: str):
        self.items = items
        self.token = token

    def __dask_tokenize__(self):
        return self.token


def _run_partition(part: _Partition, func):
    return func(part.items)


def _delayed_partitions(func, parts: list[list]):
    """One dask.bag partition per `parts` entry, mapped by `func`; the delayed result of each, in order."""
    import uuid

    import dask.bag as db

    call = uuid.uuid4().hex
    wrapped = [_Partition(part, f"{call}-{i}") for i, part in enumerate(parts)]
    bag = db.from_sequence(wrapped, npartitions=len(wrapped))  # one element (a partition) per bag partition
    return bag.map(_run_partition, func).to_delayed(optimize_graph=True)


def _on_local_dask(func, parts: list[list], where: Plan, progress: Progress | None) -> list:
    import dask
    from dask.callbacks import Callback

    delayed = _delayed_partitions(func, parts)
    sizes = {d.key: len(p) for d, p in zip(delayed, parts)}

    class _Advance(Callback):
        def _start_state(self, dsk, state):
            # in partition order (Dask's own runs independent tasks by the text of their keys: partition 9 before
            # 10 and 40 before 5), so that the small partitions of the tail run last
            state["ready"].sort(key=_partition_index, reverse=True)  # the scheduler pops from the end

        def _posttask(self, key, result, dsk, state, worker_id):
            if progress is not None and key in sizes:
                progress.advance(sizes[key])

    options = {"num_workers": where.workers}
    pool = None
    if where.kind == "processes":
        import dask.multiprocessing

        # the scheduler's function rather than its name: for a name, Dask imports dask.distributed (0.2 s of CPU)
        # to look for a client first
        get = dask.multiprocessing.get
        options["chunksize"] = 1  # hand out one partition at a time, so both workers stay busy to the end
        options["pool"] = pool = _process_pool(func, where.workers)
    else:
        import dask.threaded

        get = dask.threaded.get
    try:
        with _Advance():
            computed = dask.compute(*delayed, scheduler=get, **options)
    finally:
        if pool is not None:
            pool.shutdown()
            _stop_forkserver()
    return _flatten([_checked(func, p, r[0]) for p, r in zip(parts, computed)])


def _partition_index(key) -> int:
    """The partition a task key of the bag belongs to (its last element); -1 for any other key."""
    return key[-1] if isinstance(key, tuple) and key and isinstance(key[-1], int) else -1


def _process_pool(func, workers: int):
    """`workers` processes forked from a forkserver that imported `func`'s module once.

    Dask's own pool spawns each worker, and each then starts Python and imports the package (about a second of CPU
    each for extraction: the work of one more document partition per worker). A forkserver is a fresh,
    single-threaded process (safe to fork, unlike a Jupyter kernel, which runs threads): it imports the module
    once and every worker starts from a copy. Workers are set up as Dask sets up its own (hash seed, random
    state)."""
    from concurrent.futures import ProcessPoolExecutor

    from dask.multiprocessing import initialize_worker_process

    # (a forkserver already started by `start_forkserver` is used as it is: it preloaded this module too)
    context = _forkserver_context([func.__module__, "dask.multiprocessing"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=initialize_worker_process)


def _forkserver_context(preload: list[str]):
    """The forkserver context, with the modules its server imports when it starts and the hash seed its workers
    inherit."""
    import multiprocessing

    if os.environ.get("PYTHONHASHSEED") in (None, "0"):
        os.environ["PYTHONHASHSEED"] = "6640"   # the value Dask gives its own pools, inherited by the server
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    return context


def start_forkserver(preload: list[str]) -> bool:
    """Start this process's forkserver now, importing `preload` (and dask.multiprocessing), instead of when the
    first pool of `map_partitions` needs it: a notebook's kernel does this while it boots ahead of its notebook
    (runner.execute's warm-up), so that the server's imports (~0.8 s of CPU for extraction, during which the pool's
    workers cannot start) are off the critical path. The pool then forks its workers from this server; nothing
    else changes (the same hash seed, the stage's module among those preloaded). False when it could not start."""
    import multiprocessing
    from multiprocessing import forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    _forkserver_context([*preload, "dask.multiprocessing"])
    try:
        forkserver.ensure_running()
    except (OSError, ValueError):
        return False
    return True


def _stop_forkserver() -> None:
    """The forkserver stops with its pool: it would sit idle (with the package imported) for the rest of the
    process's life, and the next pool, perhaps of another stage's function, preloads that function's module."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)
    if stop is not None:
        try:
            stop()
        except OSError:
            pass


def _on_cluster(func, items: list, address: str, partitions: int | None, progress: Progress | None) -> list:
    from distributed import Client, as_completed

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        workers = max(1, sum(client.nthreads().values()))
        parts = partition(items, partitions) if partitions else tapered_partition(items, workers)
        futures = client.compute(_delayed_partitions(func, parts))
        sizes = {f.key: len(p) for f, p in zip(futures, parts)}
        finished = {}
        for future, result in as_completed(futures, loop=client.loop, with_results=True):
            finished[future.key] = result
            if progress is not None:
                progress.advance(sizes[future.key])
        computed = [finished[f.key] for f in futures]  # back in partition order
    finally:
        client.close()
    return _flatten([_checked(func, p, r[0]) for p, r in zip(parts, computed)])


def forked_workers(wanted: int, n_items: int) -> int:
    """How many processes forked from this one map `n_items` items: `wanted`, no more than the cores or the items;
    1 (this process) when forking cannot help: one core, a system without the fork start method, fewer than two
    items or workers."""
    import multiprocessing

    cores = cpu_count()
    if cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(int(wanted), cores, n_items))


def release_free_heap() -> bool:
    """Give the free pages of the C heap back to the system (glibc's `malloc_trim`); False where there is no such
    call (another C library). Called before forking: a forked worker's resident size counts every resident page of
    its parent, the free ones too, so they would count once per process (after pooling 10,000 documents, about
    90 MB of the kernel's 490 MB were free heap)."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    trim(0)
    return True


_FORKED: tuple | None = None  # (func, items) the forked workers map: set before the pool starts, inherited


def _run_forked(index: int):
    func, items = _FORKED
    return func(items[index])


class ForkedMap:
    """`func` over `items` on `workers` processes forked from this one (`forked_workers`), one item per task in
    item order (put the largest first), started at once; `results()` waits for one result per item, in item order.
    With one worker it maps here, before returning (an error is raised here then).

    A forked worker starts with this process's memory, so neither `func` nor the items are pickled (a closure
    works; only the results travel back), and it starts without importing anything: the pool for work that needs
    the tables and libraries this process already holds. Fork only from a process whose threads hold no lock the
    work needs (the callers: a notebook's kernel between cells, the command line); `map_partitions`' forkserver
    is for everything else."""

    def __init__(self, func: Callable, items: Sequence, workers: int):
        global _FORKED
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        items = list(items)
        self._pool, self._futures, self._results = None, [], None
        if forked_workers(workers, len(items)) <= 1:
            self._results = [func(item) for item in items]
            return
        _FORKED = (func, items)
        release_free_heap()
        # the parent's objects out of the workers' garbage collections: a collection walking them would write to
        # (and so copy) every page of the parent's heap in each worker
        gc.freeze()
        try:
            # a fork-context pool starts all its workers at the first submit, before its manager thread, so they
            # are all forked (and see _FORKED) by the end of this block
            self._pool = ProcessPoolExecutor(forked_workers(workers, len(items)),
                                             mp_context=multiprocessing.get_context("fork"))
            self._futures = [self._pool.submit(_run_forked, i) for i in range(len(items))]
        except BaseException:
            self.shutdown()
            raise
        finally:
            _FORKED = None
            gc.unfreeze()

    @property
    def forked(self) -> bool:
        return self._pool is not None

    def results(self) -> list:
        if self._pool is None:
            return self._results
        try:
            return [f.result() for f in self._futures]
        finally:
            self.shutdown()

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def forked_map(func: Callable, items: Sequence, workers: int) -> list:
    """`func(item)` for each item, in item order, on up to `workers` processes forked from this one (`ForkedMap`)."""
    return ForkedMap(func, items, workers).results()
