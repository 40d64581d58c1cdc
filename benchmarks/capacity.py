"""Capacity: the server CPU one learner costs in each kind of work, learners per core, and
the replicas and cores a district needs. Every figure in docs/capacity.md is printed here.

    python3 benchmarks/capacity.py                       # measures (about 4 minutes)
    python3 benchmarks/capacity.py --learners 2000       # the district to size

It starts one server and, one after another, measures through Streamlit's own websocket
protocol (benchmarks/load_test.py's learners):
- idle: learners with a page open, doing nothing;
- stepping: learners pressing a Step or Train button every 2 s (load_test's default mix);
- playing: learners playing Train as the browser-paced chart does;
- class sets: teachers asking for 30-sheet class sets at once (the worker processes' CPU
  counts: it is the server's).
Server CPU = user + system time of the server process and its children over the
measuring window. Learners per core = 1 / (cores per learner), at full use of a core;
the district plan keeps every replica at PLAN_USE of what it requests. The machine may
be shared: the load average is printed with every figure, and a busy machine makes every
cost look higher (so the plan errs on the safe side).
"""
import argparse
import asyncio
import math
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_test  # noqa: E402

WINDOW = 30.0          # seconds measured per scenario
PLAN_USE = 0.7         # the HPA's target: a replica busy at 70 % of the CPU it requests
REPLICA_CORES = 1.0    # what a replica requests (deploy/k8s/deployment.yaml)
# What a district's 2,000 concurrent learners do at one moment (an assumption, stated):
MIX = {"idle": 0.40, "stepping": 0.40, "playing": 0.20}
CLASS_SETS_PER_HOUR = 1 / 30   # one teacher in 30 makes a class set in a given hour


async def idle(url, pid, count):
    learners = [load_test.Learner(url) for _ in range(count)]
    for index, learner in enumerate(learners):
        await learner.connect()
        await learner.open(("step", "build", "train")[index % 3])
    before, started = load_test.cpu_seconds(pid), time.monotonic()
    await asyncio.sleep(WINDOW)
    cores = (load_test.cpu_seconds(pid) - before) / (time.monotonic() - started)
    for learner in learners:
        await learner.close()
    return cores


async def stepping(url, pid, count):
    latencies, errors = {}, []
    await load_test.warm_up(url, ["step", "train"])
    deadline = time.monotonic() + WINDOW
    before, started = load_test.cpu_seconds(pid), time.monotonic()
    await asyncio.gather(*(load_test.learner_loop(i, url, ["step", "train"], 2.0, deadline, latencies, errors)
                           for i in range(count)))
    return (load_test.cpu_seconds(pid) - before) / (time.monotonic() - started), errors


async def playing(url, pid, count):
    redraws, trips, errors = {}, [], []
    await load_test.warm_up(url, ["train"])
    deadline = time.monotonic() + WINDOW + 5
    warm = time.monotonic() + 5

    async def cpu():
        await asyncio.sleep(5)
        before, at = load_test.cpu_seconds(pid), time.monotonic()
        await asyncio.sleep(max(0.0, deadline - time.monotonic()))
        return (load_test.cpu_seconds(pid) - before) / (time.monotonic() - at)

    cores, *_ = await asyncio.gather(cpu(), *(load_test.play_loop(i, url, deadline, 30.0, redraws, trips, errors)
                                              for i in range(count)))
    rates = [sum(1 for t in arrivals if t >= warm) / WINDOW for arrivals in redraws.values()]
    return cores, min(rates, default=0.0), errors


async def class_sets(url, pid, count):
    delivered, places, errors = [], [], []
    await load_test.warm_up(url, ["worksheets"])
    before, started = load_test.cpu_seconds(pid), time.monotonic()
    await asyncio.gather(*(load_test.class_set_loop(i, url, 5000 + 30 * i, time.monotonic() + 600, delivered,
                                                    places, errors) for i in range(count)))
    return load_test.cpu_seconds(pid) - before, time.monotonic() - started, len(delivered), errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=2000, help="the district's concurrent learners")
    parser.add_argument("--count", type=int, default=10, help="learners per measured scenario")
    args = parser.parse_args()
    process, url = load_test.start_server()
    pid = process.pid
    try:
        print(f"server CPU per learner, {args.count} learners per scenario, {WINDOW:g} s each")
        idle_cores = asyncio.run(idle(url, pid, args.count))
        print(f"  idle      {idle_cores / args.count:.4f} cores each ({load_test.load_average()})")
        step_cores, step_errors = asyncio.run(stepping(url, pid, args.count))
        print(f"  stepping  {step_cores / args.count:.4f} cores each, a click every 2 s, "
              f"{len(step_errors)} errors ({load_test.load_average()})")
        play_cores, slowest, play_errors = asyncio.run(playing(url, pid, args.count))
        print(f"  playing   {play_cores / args.count:.4f} cores each, slowest session {slowest:.2f} redraws/s, "
              f"{len(play_errors)} errors ({load_test.load_average()})")
        cpu, seconds, delivered, set_errors = asyncio.run(class_sets(url, pid, args.count))
        per_set = cpu / max(1, delivered)
        print(f"  class set {per_set:.2f} CPU seconds each (30 sheets and their key), {delivered} of {args.count} "
              f"delivered in {seconds:.0f} s, {len(set_errors)} errors ({load_test.load_average()})")
    finally:
        os.killpg(pid, 15)
        process.wait(timeout=10)
    costs = {"idle": idle_cores / args.count, "stepping": step_cores / args.count, "playing": play_cores / args.count}
    print("learners per core (a core fully used):")
    for kind, cost in costs.items():
        print(f"  {kind:9} {1 / max(cost, 1e-6):8.0f}")
    print(f"  class sets {3600 / per_set:7.0f} per core-hour")
    mixed = sum(MIX[kind] * costs[kind] for kind in MIX)
    sets_cores = args.learners * CLASS_SETS_PER_HOUR * per_set / 3600
    cores = args.learners * mixed + sets_cores
    per_replica = REPLICA_CORES * PLAN_USE / (mixed + CLASS_SETS_PER_HOUR * per_set / 3600)
    replicas = math.ceil(args.learners / per_replica)
    print(f"a district of {args.learners:,} concurrent learners "
          f"({', '.join(f'{100 * v:.0f} % {k}' for k, v in MIX.items())}; "
          f"one class set per {1 / CLASS_SETS_PER_HOUR:.0f} learners an hour):")
    print(f"  {mixed:.4f} cores per learner on average, {cores:.1f} cores of work in all")
    print(f"  a replica requesting {REPLICA_CORES:g} core at {100 * PLAN_USE:.0f} % holds {per_replica:.0f} learners: "
          f"{replicas} replicas, {replicas * REPLICA_CORES:.0f} cores requested "
          f"(+ 1 worker core each for bursts of class sets: limits {2 * replicas} cores)")


if __name__ == "__main__":
    main()
