"""Ingestion and extraction per partition: the same bytes whatever the partitioning and the scheduler.

Real-shaped input: the test fixtures (every input format, exports of many records, hostile files) plus the
shipped corpus. The reference is one partition in this process; against it run four partitions on local
worker processes and a real `distributed.LocalCluster` (threads in this process, to stay light on a shared
machine). The written tables are compared byte for byte.
"""
from __future__ import annotations

import math
import os
import threading

import pytest

from evidence_review import parallel
from evidence_review.errors import ConfigError
from evidence_review.extract import extract_study_tables
from evidence_review.ingest import ingest_with_structures, save_ingest
from evidence_review.ingest.discover import discover
from evidence_review import progress as progress_module
from evidence_review.progress import ENV_VAR, Progress
from evidence_review.tables import write_csv_atomic

from conftest import REPO_ROOT, SEED_RAW, tree_hashes

CORPUS = [REPO_ROOT / "tests" / "fixtures", SEED_RAW]


# ------------------------------------------------------------------ the scheduler string and the partitions

@pytest.mark.parametrize("spec, kind", [("", "here"), ("synchronous", "here"), (" Processes ", "processes"),
                                         ("threads", "threads"), ("tcp://10.0.0.5:8786", "distributed")])
def test_scheduler_strings_name_where_the_work_runs(spec, kind, monkeypatch):
    monkeypatch.setattr(parallel, "cpu_count", lambda: 4)
    assert parallel.plan(spec, 10).kind == kind


@pytest.mark.parametrize("spec", ["process", "dask", "tcp://", "8786", "http://host:8786"])
def test_an_unknown_scheduler_is_a_configuration_error(spec):
    with pytest.raises(ConfigError, match="unknown scheduler"):
        parallel.check_scheduler(spec)


def test_automatic_scheduler_uses_every_core_only_for_many_items(monkeypatch):
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    assert parallel.plan("", parallel.POOL_MIN_ITEMS - 1) == parallel.Plan("here", 1)
    assert parallel.plan("", parallel.POOL_MIN_ITEMS) == parallel.Plan("processes", 2)
    monkeypatch.setattr(parallel, "cpu_count", lambda: 1)
    assert parallel.plan("", 100 * parallel.POOL_MIN_ITEMS).kind == "here"


def test_the_shipped_corpus_is_read_in_process_by_default():
    """`make report` on data/raw must not pay for a process pool."""
    files = discover([SEED_RAW])
    assert 0 < len(files) < parallel.POOL_MIN_ITEMS
    assert parallel.plan("", len(files)).kind == "here"


@pytest.mark.parametrize("n_items, n_parts", [(10, 1), (10, 3), (10, 10), (10, 25), (1, 4), (101, 4)])
def test_partitions_are_contiguous_ordered_and_even(n_items, n_parts):
    items = list(range(n_items))
    parts = parallel.partition(items, n_parts)
    assert [i for part in parts for i in part] == items
    assert len(parts) == min(n_parts, n_items)
    assert max(map(len, parts)) - min(map(len, parts)) <= 1


def test_partition_count_gives_every_worker_several_and_bounds_their_size():
    assert parallel.partition_count(1000, 2) == 10       # 100 items each
    assert parallel.partition_count(40, 2) == 8          # 4 per worker
    assert parallel.partition_count(3, 8) == 3
    assert parallel.partition_count(0, 2) == 0


@pytest.mark.parametrize("n_items, workers", [(1, 2), (7, 2), (40, 2), (1000, 2), (8700, 2), (8700, 8), (50, 1)])
def test_tapered_partitions_are_contiguous_and_shrink_at_the_tail(n_items, workers):
    items = list(range(n_items))
    parts = parallel.tapered_partition(items, workers)
    assert [i for part in parts for i in part] == items
    sizes = [len(p) for p in parts]
    assert max(sizes) <= parallel.MAX_PARTITION_ITEMS
    assert sizes == sorted(sizes, reverse=True)       # never a larger partition after a smaller one
    body = math.ceil(n_items / parallel.partition_count(n_items, workers))
    assert sizes[0] == min(body, n_items)
    if n_items >= 4 * workers * body:                 # a long map: the last partitions are small ones
        assert sizes[-1] <= parallel.TAIL_MIN_ITEMS
        assert sum(1 for s in sizes if s < body) >= 2 * workers
        assert len(parts) <= parallel.partition_count(n_items, workers) + 8 * workers


def test_tapered_partitions_give_the_same_results_as_even_ones():
    items = [f"doc-{i:04d}" for i in range(523)]
    even = parallel._flatten([_tag_with_thread(p) for p in parallel.partition(items, 7)])
    tapered = parallel._flatten([_tag_with_thread(p) for p in parallel.tapered_partition(items, 2)])
    assert [item for item, _ in tapered] == [item for item, _ in even] == items


def _tag_with_thread(items):
    return [(item, threading.current_thread().name) for item in items]


def test_map_partitions_gathers_in_item_order_on_threads():
    items = [f"doc-{i:03d}" for i in range(37)]
    progress = Progress(len(items), "items")
    out = parallel.map_partitions(_tag_with_thread, items, scheduler="threads", partitions=6, progress=progress)
    progress.close()
    assert [item for item, _ in out] == items
    assert progress.done == len(items)


def _pid_of_worker(items):
    import os

    return [(item, os.getpid()) for item in items]


def test_worker_processes_come_from_a_forkserver_that_stops_with_the_pool():
    """Workers fork from one server that imported the function's module (instead of each importing it), and the
    server does not outlive the pool."""
    import os
    from multiprocessing import forkserver

    items = list(range(12))
    out = parallel.map_partitions(_pid_of_worker, items, scheduler="processes", partitions=4)
    assert [item for item, _ in out] == items
    assert os.getpid() not in {pid for _, pid in out}
    assert forkserver._forkserver._forkserver_pid is None


def _log_start(items):
    """Appends the partition's first item to the file named by ORDER_LOG when the partition starts."""
    fd = os.open(os.environ["ORDER_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(fd, f"{items[0]}\n".encode())
    finally:
        os.close(fd)
    return list(items)


def test_worker_processes_take_the_partitions_in_order_so_the_small_ones_of_the_tail_run_last(tmp_path,
                                                                                               monkeypatch):
    """Dask's scheduler runs independent tasks by the text of their keys (partition 9 before 10, 40 before 5): the
    pool takes them in partition order instead, the tapered tail last (two workers may swap neighbours)."""
    log = tmp_path / "order.log"
    monkeypatch.setenv("ORDER_LOG", str(log))
    items = list(range(3000))
    assert parallel.map_partitions(_log_start, items, scheduler="processes") == items
    started = [int(line) for line in log.read_text().split()]
    parts = parallel.tapered_partition(items, parallel.cpu_count())
    assert sorted(started) == [part[0] for part in parts]
    body = [part[0] for part in parts if len(part) == len(parts[0])]
    tail = [part[0] for part in parts if len(part) < len(parts[0])]
    assert len(body) >= 20 and len(tail) >= 4
    # every small partition of the tail starts after all the body's but those the workers hold at that moment
    # (a worker that starts late can leave a partition of the body for later)
    assert min(started.index(first) for first in tail) >= len(body) - parallel.cpu_count(), started


def _parent_of_worker(items):
    import os
    import sys

    return [(item, os.getppid(), "evidence_review.tables" in sys.modules) for item in items]


def test_a_forkserver_started_ahead_serves_the_pool_and_stops_with_it():
    """`start_forkserver` (a kernel's warm-up calls it while the previous notebook runs) starts the server at once,
    importing the given modules; the next pool forks its workers from that server, whose preload they inherit,
    and the server stops with the pool as before."""
    from multiprocessing import forkserver

    assert parallel.start_forkserver(["evidence_review.tables"])
    server = forkserver._forkserver._forkserver_pid
    assert server is not None and os.environ.get("PYTHONHASHSEED") not in (None, "0")
    items = list(range(8))
    out = parallel.map_partitions(_parent_of_worker, items, scheduler="processes", partitions=4)
    assert [item for item, _, _ in out] == items
    assert {parent for _, parent, _ in out} == {server}      # forked by the server started ahead
    assert all(preloaded for _, _, preloaded in out)
    assert forkserver._forkserver._forkserver_pid is None


class _CountsItsHashing:
    hashed = 0

    def __dask_tokenize__(self):
        type(self).hashed += 1
        return "item"


def test_the_partitions_are_not_hashed_item_by_item():
    """Dask names a bag by hashing its content; the items themselves (texts, table grids) are never walked."""
    items = [_CountsItsHashing() for _ in range(10)]
    delayed = parallel._delayed_partitions(len, parallel.partition(items, 3))
    assert len({d.key for d in delayed}) == 3
    assert _CountsItsHashing.hashed == 0


def test_map_partitions_refuses_a_function_that_loses_items():
    with pytest.raises(ValueError, match="returned 1 results for 3 items"):
        parallel.map_partitions(lambda part: part[:1], [1, 2, 3], scheduler="synchronous", partitions=1)


def test_an_unreachable_cluster_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        parallel.map_partitions(_tag_with_thread, [1, 2], scheduler="tcp://127.0.0.1:9")


# ------------------------------------------------------------------ progress

def test_progress_writes_a_bar_to_the_file_named_by_the_environment(tmp_path, monkeypatch):
    target = tmp_path / "progress.log"
    monkeypatch.setenv(ENV_VAR, str(target))
    with Progress(5, "quick", unit="file") as bar:    # done within the delay: no bar
        bar.advance(5)
    assert target.read_text(encoding="utf-8") == ""
    monkeypatch.setattr(progress_module, "TERMINAL_DELAY_SECONDS", 0)
    with Progress(200, "files read", unit="file") as bar:
        for _ in range(4):
            bar.advance(50)
    text = target.read_text(encoding="utf-8")
    assert "files read" in text and "200/200" in text and "file/s" in text
    assert bar.final_line() == "files read: 200 of 200"   # what a notebook keeps: no time, no rate


def test_progress_off_and_off_a_terminal_writes_nothing(capsys, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "off")
    with Progress(3, "documents extracted") as bar:
        bar.advance(3)
    monkeypatch.delenv(ENV_VAR)
    with Progress(3, "documents extracted") as bar:   # pytest's captured stderr is not a TTY
        bar.advance(3)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


# ------------------------------------------------------------------ the same bytes on every scheduler

def _ingest_to(folder, scheduler, partitions=None):
    documents, texts, structures = ingest_with_structures(CORPUS, scheduler=scheduler, partitions=partitions)
    save_ingest(documents, texts, folder, structures=structures)
    return documents, texts, structures


def _extract_to(folder, ingested, scheduler, partitions=None):
    documents, texts, structures = ingested
    extraction = extract_study_tables(documents, texts, structures, scheduler=scheduler, partitions=partitions)
    write_csv_atomic(extraction.estimates, folder / "estimates.csv")
    write_csv_atomic(extraction.arms, folder / "arms.csv")
    write_csv_atomic(extraction.documents, folder / "documents_extracted.csv")
    return extraction


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """One partition, in this process: the tables and their hashes."""
    folder = tmp_path_factory.mktemp("reference")
    ingested = _ingest_to(folder, "synchronous", partitions=1)
    extraction = _extract_to(folder, ingested, "synchronous", partitions=1)
    return ingested, extraction, tree_hashes(folder)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local


def test_the_reference_run_is_real_shaped(reference):
    (documents, texts, _), extraction, hashes = reference
    assert len(documents) > 500 and (documents["status"] == "skipped").any()   # exports, hostile files
    assert len(extraction.estimates) > 500 and len(extraction.arms) > 50
    assert set(hashes) == {"documents.csv", "texts.jsonl", "estimates.csv", "arms.csv", "documents_extracted.csv"}


def test_four_partitions_on_worker_processes_write_the_same_bytes(reference, tmp_path):
    ingested = _ingest_to(tmp_path, "processes", partitions=4)
    _extract_to(tmp_path, ingested, "processes", partitions=4)
    assert tree_hashes(tmp_path) == reference[2]


def test_a_distributed_cluster_writes_the_same_bytes(reference, cluster, tmp_path):
    ingested = _ingest_to(tmp_path, cluster.scheduler_address)
    _extract_to(tmp_path, ingested, cluster.scheduler_address, partitions=5)
    assert tree_hashes(tmp_path) == reference[2]


def test_extraction_keeps_the_documents_order_whatever_the_partitioning(reference):
    (documents, texts, structures), extraction, _ = reference
    threaded = extract_study_tables(documents, texts, structures, scheduler="threads", partitions=7)
    assert threaded.estimates["estimate_id"].tolist() == extraction.estimates["estimate_id"].tolist()
    assert list(threaded.studies) == list(extraction.studies)


def test_the_readme_states_the_automatic_threshold():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"at least {parallel.POOL_MIN_ITEMS} files or documents" in readme


def test_a_wrong_scheduler_stops_ingestion_before_any_file_is_read(tmp_path, monkeypatch):
    from evidence_review.ingest import pipeline

    def must_not_run(*args, **kwargs):
        raise AssertionError("a file was read")

    monkeypatch.setattr(pipeline, "read_files", must_not_run)
    with pytest.raises(ConfigError, match="unknown scheduler 'proceses'"):
        ingest_with_structures([SEED_RAW], scheduler="proceses")


def test_the_extract_command_takes_a_scheduler(tmp_path, capsys):
    from evidence_review import cli

    here, threaded, bad = tmp_path / "here.csv", tmp_path / "threads.csv", tmp_path / "bad.csv"
    assert cli.main(["extract", str(SEED_RAW), "--out", str(here), "--scheduler", "synchronous"]) == 0
    assert cli.main(["extract", str(SEED_RAW), "--out", str(threaded), "--scheduler", "threads"]) == 0
    assert here.read_bytes() == threaded.read_bytes() and here.read_bytes().count(b"\n") > 10
    capsys.readouterr()
    assert cli.main(["extract", str(SEED_RAW), "--out", str(bad), "--scheduler", "tcp:/oops"]) == 2
    assert "unknown scheduler 'tcp:/oops'" in capsys.readouterr().err
    assert not bad.exists()


def test_forked_map_runs_closures_on_forked_processes_in_item_order(monkeypatch):
    """Forked workers inherit the function and the items (a closure over local data, which would not pickle), hand
    back one result per item in item order, and the map falls back to this process on one core or one worker."""
    import os

    offset = {"value": 1000}  # a local the closure reads: nothing is pickled on the way to a forked worker
    items = list(range(9))
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    results = parallel.forked_map(lambda i: (i + offset["value"], os.getpid()), items, 2)
    assert [value for value, _ in results] == [i + 1000 for i in items]
    assert os.getpid() not in {pid for _, pid in results}
    assert parallel.forked_workers(2, 9) == 2 and parallel.forked_workers(8, 3) == 2
    assert parallel.forked_workers(2, 1) == 1 and parallel.forked_workers(1, 9) == 1
    here = parallel.ForkedMap(lambda i: (i, os.getpid()), items, 1)
    assert not here.forked and here.results() == [(i, os.getpid()) for i in items]
    monkeypatch.setattr(parallel, "cpu_count", lambda: 1)
    assert parallel.forked_workers(2, 9) == 1
    assert {pid for _, pid in parallel.forked_map(lambda i: (i, os.getpid()), items, 2)} == {os.getpid()}


def test_forked_map_raises_a_workers_error():
    def fails_on_three(i):
        if i == 3:
            raise ValueError("item three")
        return i

    with pytest.raises(ValueError, match="item three"):
        parallel.forked_map(fails_on_three, range(6), 2)


def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads the resident size from /proc")
def test_free_heap_is_given_back_before_forking(monkeypatch):
    """Before forking, the free pages of the C heap go back to the system, so that they are not counted in the
    resident size of each forked worker: ~100 MB of medium objects with every 50th kept alive (so the heap cannot
    shrink from its top) stay resident after they are freed, until `release_free_heap`."""
    if not parallel.release_free_heap():
        pytest.skip("no malloc_trim in this C library")
    blocks = [bytes(1000) + i.to_bytes(4, "little") for i in range(100_000)]  # > 512 bytes: malloc, not pymalloc
    kept = blocks[::50]
    del blocks
    before = _resident_mb()
    assert parallel.release_free_heap()
    assert before - _resident_mb() > 50
    assert len(kept) == 2000
    calls = []
    monkeypatch.setattr(parallel, "release_free_heap", lambda: calls.append("trim") or True)
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    assert parallel.forked_map(lambda i: i * 2, range(4), 2) == [0, 2, 4, 6] and calls == ["trim"]
