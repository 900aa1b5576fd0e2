"""Every party's view, for the view audit: the ops with views (mul, sin) rerun as 2-party protocols on
additive shares, with randomness from Python's seeded generator (the case seed).

A party's view is its input shares, its preprocessing (dealer) shares and the messages it received.
Items are reported instance-major; the Beaver message (eps and delta of every element in one
message) is reported with its shape and the axis that runs over the instances, as an engine that
concatenates tensors would.
"""

import random

from mpcspec_backend import view_item


class Views:
    def __init__(self, engine):
        self.engine = engine
        # the sine's mask: uniform over the ring (a defect may bound it)
        self.sin_mask = lambda rng: engine.wrap(rng.getrandbits(engine.ell))
        # mul's openings: one message (a defect may split it when some x is negative)
        self.split_when_negative = False

    def share(self, rng, pairs):
        """Split each value into two additive shares, appending party p's share to store[p]."""
        for store, value in pairs:
            s0 = self.engine.wrap(rng.getrandbits(self.engine.ell))
            store[0].append(s0)
            store[1].append(self.engine.wrap(value - s0))

    def mul(self, case, inputs, params, rng):
        e = self.engine
        xs, ys = inputs["x"], inputs["y"]
        x, y, a, b, c, eps, dlt = ([[], []] for _ in range(7))
        for xv, yv in zip(xs, ys):
            av, bv = e.wrap(rng.getrandbits(e.ell)), e.wrap(rng.getrandbits(e.ell))
            self.share(rng, ((x, xv), (y, yv), (a, av), (b, bv), (c, e.wrap(av * bv))))
            for p in (0, 1):
                eps[p].append(e.wrap(x[p][-1] - a[p][-1]))
                dlt[p].append(e.wrap(y[p][-1] - b[p][-1]))
        count = case.get("instances", 1)
        per = len(xs) // count
        views = []
        for p in (0, 1):
            q = 1 - p
            views.append({
                "party": p,
                "items": [
                    view_item("input x", "input", x[p]),
                    view_item("input y", "input", y[p]),
                    view_item("triple a", "preprocessing", a[p]),
                    view_item("triple b", "preprocessing", b[p]),
                    view_item("triple c", "preprocessing", c[p]),
                ] + ([
                    # two messages, eps then delta: a traffic shape that depends on the secret
                    view_item("eps from party %d" % q, "message", eps[q]),
                    view_item("delta from party %d" % q, "message", dlt[q]),
                ] if self.split_when_negative and any(v < 0 for v in xs) else [
                    # one message: eps then delta, shape [2, instances, elements]: instances on axis 1
                    view_item("eps, delta from party %d" % q, "message", eps[q] + dlt[q],
                              shape=[2, count, per], batch_axis=1),
                ]),
            })
        return views

    def sin(self, case, inputs, params, rng):
        e = self.engine
        period_units = int(params["period"] * e.F)
        x, t, s, c, delta = ([[], []] for _ in range(5))
        for xv in inputs["x"]:
            tv = self.sin_mask(rng)
            fraction = (tv % period_units) / period_units
            pairs = [e.sin_cos(k, fraction) for k in params["frequencies"]]
            self.share(rng, ((x, xv), (t, tv)))
            for sv, cv in pairs:
                self.share(rng, ((s, sv), (c, cv)))
            for p in (0, 1):
                delta[p].append(e.wrap(x[p][-1] - t[p][-1]))
        return [
            {
                "party": p,
                "items": [
                    view_item("input x", "input", x[p]),
                    view_item("mask t", "preprocessing", t[p]),
                    view_item("sin(kt)", "preprocessing", s[p]),
                    view_item("cos(kt)", "preprocessing", c[p]),
                    view_item("delta from party %d" % (1 - p), "message", delta[1 - p]),
                ],
            }
            for p in (0, 1)
        ]

    def of(self, op, case, inputs, params):
        rng = random.Random(int(case["seed"]))
        return getattr(self, op)(case, inputs, params, rng)

