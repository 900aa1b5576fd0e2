"""A tap on CrypTen's tuple provider (TFP or TTP) for the duration of one op (docs/crypten.md).

CrypTen's provider hands each party its preprocessing material: Beaver triples, square pairs, binary
triples, wrap and B2A randomness. Under TTP, party 0 fetches its part from the trusted third party
through the same communicator whose counters (cfg.communicator.verbose) the adapter reports, so those
counters mix dealer traffic into the parties' own. The tap wraps each provider method on the provider
instance: the counters' growth inside a provider call is dealer traffic, kept apart, so the online
counters compare with the spec's online cost under both providers; and what each call returned is this
party's preprocessing material, in call order.
"""

import crypten.mpc
from crypten.mpc.provider.provider import TupleProvider


class ProviderTap:
    def __init__(self, communicator):
        self.comm = communicator
        self.provider = crypten.mpc.get_default_provider()
        self.rounds = 0
        self.bytes = 0
        self.material = []  # (method name, [share tensors]) per call
        self._depth = 0

    def inside(self):
        """True while a provider call runs (its traffic is the dealer's)."""
        return self._depth > 0

    def _wrap(self, name, method):
        def tapped(*args, **kwargs):
            self._depth += 1
            before = self.comm.get_communication_stats()
            try:
                out = method(*args, **kwargs)
            finally:
                self._depth -= 1
            if self._depth == 0:
                after = self.comm.get_communication_stats()
                self.rounds += after["rounds"] - before["rounds"]
                self.bytes += after["bytes"] - before["bytes"]
                parts = out if isinstance(out, tuple) else (out,)
                self.material.append((name, [p.share for p in parts]))
            return out

        return tapped

    def __enter__(self):
        for name in TupleProvider.TRACEABLE_FUNCTIONS:
            self.provider.__dict__[name] = self._wrap(name, getattr(type(self.provider), name).__get__(self.provider))
        return self

    def __exit__(self, *exc):
        for name in TupleProvider.TRACEABLE_FUNCTIONS:
            self.provider.__dict__.pop(name, None)
        return False
