"""The server's queue of heavy jobs, as the pages see it: one `bpviz.jobs.JobQueue` per
server process (st.cache_resource holds the queue object only: its worker pool, tickets
and the cache of class sets, which depend on their request alone, never on a learner),
and a polling fragment that shows a job's place in the queue while the rest of the page
keeps working, then hands its result to the page.
"""
import logging

import streamlit as st

from bpviz.jobs import JobQueue, default_workers
from bpviz.ui.i18n import t, t_count

POLL_SECONDS = 1.0
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
