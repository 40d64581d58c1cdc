"""Heavy work queued, in bounded memory: class sets and answer keys (Typst PDFs), and
clicks too large for the page's own thread (gradient checks, loss curves and grids on big
data), run in a small pool of worker processes, one job per process (the process exits
afterwards, returning its memory), first come first served.

    queue = JobQueue(workers=1)
    job = queue.submit(build_worksheets, request, cache_key=request)
    queue.ahead(job)        # unfinished jobs submitted before this one
    job.future.result()

Imports the engine and the worksheets; never streamlit (the page holds the queue as a
process-wide resource, and workers import only what a job needs).
"""
from .queue import Job, JobQueue, default_workers
from .tasks import (
    WorksheetRequest,
    build_worksheets,
    check_gradients,
    check_work,
    curve_work,
    landscape_curve,
    landscape_grid,
    landscape_work,
)

__all__ = ["Job", "JobQueue", "WorksheetRequest", "build_worksheets", "check_gradients", "check_work",
           "curve_work", "default_workers", "landscape_curve", "landscape_grid", "landscape_work"]
