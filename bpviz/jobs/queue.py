"""A first-come-first-served pool of worker processes, with each job's place in the queue
and a small cache for results that depend on nothing but their request.

Workers are forked from a fork server that has imported the jobs' modules once, so a
fresh worker starts in milliseconds; each runs one job and exits (max_tasks_per_child=1),
so the memory a PDF build or a big computation took is returned to the system at once.
The queue is shared by every session of the server: it holds tickets and futures, and
a session learns only how many jobs are ahead of its own, never whose they are.
"""
import itertools
import multiprocessing
import os
import threading
from collections import OrderedDict
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

CACHE_ENTRIES = 4                   # results kept for identical requests ...
CACHE_BYTES = 32 * 2**20            # ... and at most this many bytes of them
PRELOAD = ["bpviz.jobs.tasks"]      # imported once by the fork server


def default_workers(cores=None, setting=None):
    """Worker processes for this machine: BPVIZ_WORKERS if set (a whole number ≥ 1), else
    half the cores, at least one (the other half keeps answering the pages)."""
    setting = os.environ.get("BPVIZ_WORKERS") if setting is None else setting
    if setting:
        try:
            return max(1, int(setting))
        except ValueError:
            pass
    cores = cores or os.cpu_count() or 1
    return max(1, cores // 2)


def result_bytes(value):
    """About the memory a result holds: the lengths of its bytes and strings, through
    tuples, lists and dicts."""
    if isinstance(value, (bytes, str)):
        return len(value)
    if isinstance(value, dict):
        return sum(result_bytes(k) + result_bytes(v) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return sum(result_bytes(v) for v in value)
    return 64


@dataclass(frozen=True)
class Job:
    """One submitted job: its ticket (its place in the order of arrival; 0 for a result
    served from the cache) and the future that will hold its result or its exception."""
    ticket: int
    future: Future = field(compare=False)


class JobQueue:
    """Run jobs in `workers` processes, first come first served."""

    def __init__(self, workers, cache_entries=CACHE_ENTRIES, cache_bytes=CACHE_BYTES, start_method="forkserver"):
        self.workers = workers
        self._context = multiprocessing.get_context(start_method)
        if start_method == "forkserver":
            self._context.set_forkserver_preload(PRELOAD)
        self._executor = self._new_executor()
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._unfinished = {}           # ticket -> Future, in order of arrival
        self._in_flight = {}            # cache key -> Job being computed
        self._cache = OrderedDict()     # cache key -> (result, bytes), least recently used first
        self._cache_entries, self._cache_bytes = cache_entries, cache_bytes

    def _new_executor(self):
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self._context, max_tasks_per_child=1)

    def submit(self, function, *args, cache_key=None):
        """Queue `function(*args)` (a top-level function of picklable arguments); a Job.
        With `cache_key`, an identical request is served from the cache or joins the
        one being computed instead of running again."""
        with self._lock:
            if cache_key is not None:
                if cache_key in self._cache:
                    self._cache.move_to_end(cache_key)
                    done = Future()
                    done.set_result(self._cache[cache_key][0])
                    return Job(0, done)
                if cache_key in self._in_flight:
                    return self._in_flight[cache_key]
            ticket = next(self._tickets)
            try:
                future = self._executor.submit(function, *args)
            except BrokenProcessPool:   # a worker died (killed, out of memory): start a fresh pool
                self._executor = self._new_executor()
                future = self._executor.submit(function, *args)
            job = Job(ticket, future)
            self._unfinished[ticket] = future
            if cache_key is not None:
                self._in_flight[cache_key] = job
        future.add_done_callback(lambda done: self._finished(job, cache_key))
        return job

    def _finished(self, job, cache_key):
        with self._lock:
            self._unfinished.pop(job.ticket, None)
            if cache_key is None or self._in_flight.get(cache_key) is not job:
                return
            del self._in_flight[cache_key]
            if not job.future.cancelled() and job.future.exception() is None:
                self._remember(cache_key, job.future.result())

    def _remember(self, cache_key, result):
        size = result_bytes(result)
        if size > self._cache_bytes:
            return
        self._cache[cache_key] = (result, size)
        while len(self._cache) > self._cache_entries or \
                sum(s for _, s in self._cache.values()) > self._cache_bytes:
            self._cache.popitem(last=False)

    def ahead(self, job):
        """How many unfinished jobs arrived before `job` (the running ones included)."""
        with self._lock:
            return sum(1 for ticket in self._unfinished if ticket < job.ticket)

    def running(self, job):
        """True when `job` is (about to be) worked on: fewer jobs ahead than workers."""
        return not job.future.done() and self.ahead(job) < self.workers

    def unfinished(self):
        """Jobs queued or running, from every session."""
        with self._lock:
            return len(self._unfinished)

    def cached(self):
        """(entries, bytes) in the cache."""
        with self._lock:
            return len(self._cache), sum(s for _, s in self._cache.values())

    def shutdown(self):
        self._executor.shutdown(wait=True, cancel_futures=True)
