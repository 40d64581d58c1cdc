"""The queue of heavy jobs: first come first served with each job's place, one job per
worker process (its memory goes with it), a cache bounded in entries and bytes that
serves identical requests and never keeps a failure."""
import os
import time

import numpy as np
import pytest

from bpviz.jobs import JobQueue, WorksheetRequest, build_worksheets, default_workers
from bpviz.jobs.queue import result_bytes


@pytest.fixture(scope="module")
def queue():
    queue = JobQueue(workers=1)
    yield queue
    queue.shutdown()


def test_jobs_wait_in_order_of_arrival(queue):
    jobs = [queue.submit(time.sleep, 0.5) for _ in range(3)]
    assert [queue.ahead(job) for job in jobs] == [0, 1, 2]
    assert queue.running(jobs[0]) and not queue.running(jobs[2])
    jobs[0].future.result(timeout=30)
    time.sleep(0.05)   # the done callback runs in the pool's thread
    assert queue.ahead(jobs[2]) == 1
    for job in jobs:
        job.future.result(timeout=30)
    assert queue.unfinished() == 0


def test_each_job_runs_in_a_fresh_process(queue):
    pids = [queue.submit(os.getpid).future.result(timeout=30) for _ in range(3)]
    assert len(set(pids)) == 3 and os.getpid() not in pids


def test_an_identical_request_joins_the_running_one_then_comes_from_the_cache(queue):
    first = queue.submit(time.sleep, 0.3, cache_key="same")
    second = queue.submit(time.sleep, 0.3, cache_key="same")
    assert second is first
    first.future.result(timeout=30)
    time.sleep(0.05)
    third = queue.submit(time.sleep, 0.3, cache_key="same")
    assert third.ticket == 0 and third.future.done()        # served at once, no queue


def test_the_cache_is_bounded_in_entries_and_bytes():
    queue = JobQueue(workers=1, cache_entries=2, cache_bytes=1000)
    try:
        for key, size in (("a", 100), ("b", 100), ("c", 100)):
            queue.submit(bytes, size, cache_key=key).future.result(timeout=30)
        time.sleep(0.05)
        assert queue.cached() == (2, 200)                       # "a" went first
        assert queue.submit(bytes, 100, cache_key="a").ticket > 0
        queue.submit(bytes, 5000, cache_key="big").future.result(timeout=30)
        time.sleep(0.05)
        assert queue.submit(bytes, 5000, cache_key="big").ticket > 0   # larger than the whole cache: not kept
    finally:
        queue.shutdown()


def test_a_failure_reaches_the_caller_and_is_not_cached(queue):
    job = queue.submit(int, "not a number", cache_key="bad")
    with pytest.raises(ValueError):
        job.future.result(timeout=30)
    time.sleep(0.05)
    assert queue.submit(int, "7", cache_key="bad").future.result(timeout=30) == 7


def test_a_class_set_is_built_in_a_worker_and_equal_to_one_built_here(queue):
    request = WorksheetRequest(3, 2, "en", "a4")
    sources, pdfs = queue.submit(build_worksheets, request, cache_key=request).future.result(timeout=120)
    assert "seed 3" in sources["worksheet"] and pdfs["worksheet"].startswith(b"%PDF")
    from bpviz.worksheets import class_set, worksheet_source
    assert sources["worksheet"] == worksheet_source(class_set(3, 2), "en", "a4")


def test_sizes_and_workers():
    assert result_bytes(({"a": "xyz"}, {"b": b"12345"})) == 1 + 3 + 1 + 5
    assert default_workers(cores=2, setting="") == 1 and default_workers(cores=8, setting="") == 4
    assert default_workers(cores=2, setting="3") == 3 and default_workers(cores=1, setting="x") == 1


def test_an_engine_error_raised_in_a_worker_reaches_the_page_whole(queue):
    """A gradient check refused by the engine (here: a mistake it does not know) raises the
    same NetworkError, code and values, out of the worker as it would here."""
    from bpviz.engine import Network, NetworkError
    from bpviz.jobs import check_gradients
    net = Network.random([2, 2, 1], ["sigmoid", "sigmoid"], "squared_error", seed=0)
    X, Y = np.zeros((3, 2)), np.zeros((3, 1))
    job = queue.submit(check_gradients, net, X, Y, "no_such_mistake", 0.5)
    with pytest.raises(NetworkError) as raised:
        job.future.result(timeout=30)
    assert raised.value.code == "unknown_choice" and raised.value.params["got"] == "no_such_mistake"
    assert "no_such_mistake" in str(raised.value)
