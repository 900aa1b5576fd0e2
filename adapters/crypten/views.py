"""Each party's view of one CrypTen op, for the view audit (docs/backends.md, Views; docs/crypten.md).

A party's view is what it holds and receives: its input shares, the preprocessing material CrypTen's
provider gave it (TFP or TTP; provider_tap.py) and every message it received. CrypTen opens values
with all_reduce (a sum over the ring for arithmetic shares, XOR for binary shares), so what a party
receives from the other is the result less (or XOR) its own contribution; the communicator's
all_reduce is wrapped for the op to record that. An op that communicates through any other collective
is refused for views (its messages would go unrecorded), never reported with a hole. Under TTP, party
0's exchanges with the trusted third party happen inside provider calls: what they bring is the
provider material, recorded as preprocessing.

The inputs of a view-audit case hold the instances along a new first axis; CrypTen keeps an axis of
that length in every tensor it opens or is given (first for arithmetic tensors; binary circuits stack
their operands in front of it), so each item is reported with its shape and, as its batch axis, the
first axis of that length.
"""

import torch

OTHER_COLLECTIVES = ["send", "recv", "isend", "irecv", "scatter", "reduce", "gather", "all_gather", "broadcast"]


class MessageTap:
    """Records what this party receives through all_reduce while the op runs."""

    def __init__(self, communicator, in_provider):
        self.comm = communicator
        self.in_provider = in_provider  # traffic with the TTP inside a provider call: its result is recorded there
        self.messages = []
        self.other = []

    def _all_reduce(self, original):
        def all_reduce(input, op=torch.distributed.ReduceOp.SUM, batched=False):
            result = original(input, op=op, batched=batched)
            if self.in_provider():
                return result
            pairs = zip(input, result) if batched else [(input, result)]
            xor = op == torch.distributed.ReduceOp.BXOR
            for mine, total in pairs:
                self.messages.append((total ^ mine) if xor else (total - mine))
            return result

        return all_reduce

    def _refuse(self, name, original):
        def collective(*args, **kwargs):
            if not self.in_provider():
                self.other.append(name)
            return original(*args, **kwargs)

        return collective

    def __enter__(self):
        self.comm.__dict__["all_reduce"] = self._all_reduce(type(self.comm).all_reduce.__get__(self.comm))
        for name in OTHER_COLLECTIVES:
            self.comm.__dict__[name] = self._refuse(name, getattr(type(self.comm), name).__get__(self.comm))
        return self

    def __exit__(self, *exc):
        for name in ["all_reduce"] + OTHER_COLLECTIVES:
            self.comm.__dict__.pop(name, None)
        return False


def _item(name, role, tensor, instances):
    shape = list(tensor.shape)
    axis = next((k for k, n in enumerate(shape) if n == instances), None)
    if axis is None:
        raise ValueError("views: %s has shape %s, with no axis of the %d instances" % (name, shape, instances))
    return {
        "name": name,
        "role": role,
        "words": [str(int(w)) for w in tensor.reshape(-1).tolist()],
        "shape": shape,
        "batchAxis": axis,
    }


def party_view(inputs, dealer, messages, instances):
    """This party's view items: input shares, provider material, received messages, in order."""
    if messages.other:
        raise ValueError("views: CrypTen communicated through %s, which the adapter does not record" % ", ".join(sorted(set(messages.other))))
    items = [_item("input %s" % name, "input", t._tensor.share, instances) for name, t in sorted(inputs.items())]
    for k, (method, shares) in enumerate(dealer.material):
        items += [
            _item("%s #%d part %d" % (method, k, j), "preprocessing", s, instances) for j, s in enumerate(shares)
        ]
    items += [_item("message #%d" % k, "message", m, instances) for k, m in enumerate(messages.messages)]
    return items
