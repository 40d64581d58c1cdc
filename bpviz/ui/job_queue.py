"""The server's queue of heavy jobs, as the pages see it: one `bpviz.jobs.JobQueue` per
server process (st.cache_resource holds the queue object only: its worker pool, tickets
and the cache of class sets, which depend on their request alone, never on a learner),
and a polling fragment that shows a job's place in the queue while the rest of the page
keeps working, then hands its result to the page; and `remembered`, which a page uses
for a big computation on a learner's own network (a gradient check, a loss grid).
"""
import logging
from concurrent.futures import wait

import streamlit as st

from bpviz.engine import WORK_BUDGET, NetworkError
from bpviz.jobs import JobQueue, default_workers
from bpviz.ui.i18n import t, t_count
from bpviz.ui.session import memo, state

POLL_SECONDS = 1.0
# Work (parameter-passes, engine/budget.py) a page still computes in its own thread: a
# tenth of one click's budget, some 20-50 ms of CPU (a gradient check of the largest
# network: 113 ms for 2.2e8), about what a trip through the queue takes (18 ms with a
# warm fork server; benchmarks/bench_queue.py), so it is faster inline and too short to
# hold others up.
INLINE_WORK = WORK_BUDGET // 10
# A queued job's result is waited for this long before the page shows the place in the
# queue: with nobody ahead, the largest job (about 0.25 s) arrives in the same run.
FIRST_WAIT_SECONDS = 0.5
LOG = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def shared_queue() -> JobQueue:
    """This server process's queue (created on first use, shared by every session)."""
    return JobQueue(default_workers())


def place_text(queue, job):
    """What the learner reads while `job` waits: its place, or that it is being made."""
    if queue.running(job):
        return t("queue.making")
    ahead = queue.ahead(job)
    return t_count("queue.ahead", ahead, count=ahead)


def wait_for(job, deliver, key):
    """While `job` is unfinished, a fragment re-reads its place every POLL_SECONDS; once
    it is done, `deliver(future)` takes the result (re-raising the job's exception, if any,
    as future.result() does). If it returns True the whole page reruns to show what it
    stored; an exception it lets through is logged and shown as a generic failure."""
    @st.fragment(run_every=None if job.future.done() else POLL_SECONDS)
    def poll():
        if not job.future.done():
            st.info(place_text(shared_queue(), job), icon=":material/hourglass_top:")
            return
        try:
            finished = deliver(job.future)
        except Exception:   # the job's own failure (a worker killed, a bug): logged, not shown
            LOG.exception("a queued job failed")
            st.error(t("queue.failed"))
            return
        if finished:
            st.rerun(scope="app")
    with st.container(key=key):
        poll()


def queued_slot(slot):
    """Where the session's memo keeps the job computing `slot`'s result: (digest, jobs.Job)."""
    return f"{slot}.queued"


def remembered(slot, parts, function, args, work):
    """Like memo.remembered, for work that may be big: this session's result for `parts`
    (networks, arrays, settings) if it has one; otherwise `function(*args)`, computed here
    when `work` (parameter-passes) is at most INLINE_WORK, else queued in the server's
    queue of heavy jobs, where it waits its turn with everyone's class sets, checks and
    grids. A queued job is this session's own (a learner's network is never cached across
    sessions); until it is done the page shows its place and gets None (and draws the
    rest of itself), then reruns with the result. A job whose `parts` the learner has
    since changed is cancelled if it has not started. The function's NetworkError
    reaches the caller as if computed here; any other failure (a worker killed) is
    logged and said, and the next rerun tries again."""
    if work <= INLINE_WORK:
        return memo.remembered(slot, parts, lambda: function(*args))
    key = memo.digest(parts)
    results = state.memo()   # {slot: (digest, result), queued_slot(slot): (digest, Job)}
    if slot in results and results[slot][0] == key:
        return results[slot][1]
    waiting = queued_slot(slot)
    if waiting not in results or results[waiting][0] != key:
        if waiting in results:
            results[waiting][1].future.cancel()
        results[waiting] = (key, shared_queue().submit(function, *args))
        wait([results[waiting][1].future], timeout=FIRST_WAIT_SECONDS)
    job = results[waiting][1]
    if not job.future.done():
        wait_for(job, lambda future: True, key=f"{slot}_queue")
        return None
    error = None if job.future.cancelled() else job.future.exception()
    if isinstance(error, NetworkError):   # kept: the page says it on every rerun, nothing runs again
        raise error
    del results[waiting]
    if error is not None or job.future.cancelled():
        LOG.error("a queued %s job failed", slot, exc_info=error)
        st.error(t("queue.failed_page"))
        return None
    results[slot] = (key, job.future.result())
    return results[slot][1]
