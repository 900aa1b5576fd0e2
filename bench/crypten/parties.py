"""CrypTen 0.4 with one process per party (docs/parties.md, "Side by side with CrypTen").

Runs one operation of bench/parties.bench.ts in CrypTen's own multi-process mode: two parties as two
processes over gloo on loopback (crypten.mpc.run_multiprocess), the default TFP provider (party 0
makes the Beaver material locally), 10^5 elements, inputs already encrypted. Each party times the
operation between barriers; party 0 prints one JSON line with the median over the repetitions, after
one warm-up. Usage: parties.py OPS SIZE REPS, OPS a comma-separated list of mul, lt, relu, exp,
reciprocal (one launch for all, so the processes start once).
"""

import json
import statistics
import sys
import time

import crypten
import crypten.communicator as comm
import torch

OPS, SIZE, REPS = sys.argv[1].split(","), int(sys.argv[2]), int(sys.argv[3])


def inputs(op, size):
    g = torch.Generator().manual_seed(1)
    if op == "reciprocal":
        return torch.rand(size, generator=g) * 99 + 1, None
    if op == "exp":
        return torch.rand(size, generator=g) * 8 - 4, None
    x = torch.rand(size, generator=g) * 200 - 100
    y = torch.rand(size, generator=g) * 200 - 100
    return x, y


def apply(op, x, y):
    if op == "mul":
        return x * y
    if op == "lt":
        return x < y
    if op == "relu":
        return x.relu()
    if op == "exp":
        return x.exp()
    if op == "reciprocal":
        return x.reciprocal()
    raise SystemExit(f"parties.py: unknown op '{op}'")


@crypten.mpc.run_multiprocess(world_size=2)
def party():
    for op in OPS:
        x_plain, y_plain = inputs(op, SIZE)
        x = crypten.cryptensor(x_plain, src=0)
        y = crypten.cryptensor(y_plain, src=1) if y_plain is not None else None
        times = []
        for k in range(REPS + 1):
            comm.get().barrier()
            t0 = time.perf_counter()
            apply(op, x, y)
            comm.get().barrier()
            if k > 0:
                times.append((time.perf_counter() - t0) * 1000)
        if comm.get().get_rank() == 0:
            print(json.dumps({"op": op, "size": SIZE, "ms": statistics.median(times)}), flush=True)


if __name__ == "__main__":
    crypten.init()
    party()
