#!/usr/bin/env python3
"""CrypTen 0.4's elements per second for the side-by-side bench (bench/crypten.bench.ts; docs/crypten.md).

Two parties under crypten.mpc.run_multiprocess, provider TFP (CrypTen's default: triples made inside
the op, so preprocessing is included). For each op: inputs shared once with crypten.cryptensor, then the
op timed from shared inputs to shared outputs, the median of --reps runs after one warm-up, the slower
party's time. Prints one JSON object: {op: {"elements": n, "seconds": median}}. Run with CrypTen on
PYTHONPATH (adapters/crypten/run.sh sets it for the adapter; the bench sets it the same way).
"""

import argparse
import json
import statistics
import sys
import time

import crypten
import crypten.communicator as comm
import crypten.mpc
import torch


def cases(n):
    u = torch.arange(n, dtype=torch.float64) / n  # evenly spread, as the mpcspec side
    return {
        "mul": ([200 * u - 100, 100 - 200 * u.flip(0)], lambda x, y: x.mul(y)),
        "lt": ([200 * u - 100, 100 - 200 * u.flip(0)], lambda x, y: x.lt(y)),
        "exp": ([20 * u - 16], lambda x: x.exp()),
        "reciprocal": ([99 * u + 1], lambda x: x.reciprocal()),
        "softmax": ([(16 * u - 8).reshape(n // 100, 100)], lambda x: x.softmax(-1)),
    }


@crypten.mpc.run_multiprocess(world_size=2)
def run(n, reps, only):
    out = {}
    for name, (values, op) in cases(n).items():
        if only and name not in only:
            continue
        rank = comm.get().get_rank()
        shared = [crypten.cryptensor(v if rank == 0 else torch.zeros_like(v), src=0) for v in values]
        times = []
        for r in range(reps + 1):
            comm.get().barrier()
            t0 = time.perf_counter()
            op(*shared)
            elapsed = time.perf_counter() - t0
            slowest = comm.get().all_reduce(torch.tensor([int(elapsed * 1e9)]), op=torch.distributed.ReduceOp.MAX)
            if r > 0:
                times.append(int(slowest.item()) / 1e9)
        out[name] = {"elements": n, "seconds": statistics.median(times)}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--elements", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    results = run(args.elements, args.reps, [s for s in args.only.split(",") if s])
    if results is None:
        print("a CrypTen party failed", file=sys.stderr)
        return 1
    print(json.dumps(results[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
