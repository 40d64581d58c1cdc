"""Heavy work queued, in bounded memory: class sets and answer keys (Typst PDFs), and
other clicks too large for the page's own thread, run in a small pool of worker
processes, one job per process (the process exits afterwards, returning its memory),
first come first served.

    queue = JobQueue(workers=1)
    job = queue.submit(build_worksheets, request, cache_key=request)
    queue.ahead(job)        # unfinished jobs submitted before this one
    job.future.result()

Imports the engine and the worksheets; never streamlit (the page holds the queue as a
process-wide resource, and workers import only what a job needs).
"""
from .queue import Job, JobQueue, default_workers
from .tasks import WorksheetRequest, build_worksheets

__all__ = ["Job", "JobQueue", "WorksheetRequest", "build_worksheets", "default_workers"]
