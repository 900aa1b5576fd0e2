"""All parties of one run, simulated together (docs/vectors.md "Replaying a case").

Keys (runtime/run.ts):  party i: K(K0, "party/i"); dealer: K(K0, "dealer"); harness: K(K0, "harness");
zero-sharing between parties i and i+1 mod n: K(K0, "przs/i").
Rounds are logical clocks: a message carries its sender's clock + 1; a receiver's clock becomes the max.
"""
from .prg import Tape, derive_key, root_key
from .tensor import Tensor, bits, ring


class World:
    def __init__(self, seed: int, parties: int):
        self.n = parties
        root = root_key(seed)
        self.keys = {
            "root": root,
            "harness": derive_key(root, "harness"),
            "dealer": derive_key(root, "dealer"),
            "parties": [derive_key(root, "party/%d" % i) for i in range(parties)],
            "przs": [derive_key(root, "przs/%d" % i) for i in range(parties)],
        }
        self.harness = Tape(self.keys["harness"])
        self.dealer = Tape(self.keys["dealer"])
        # each party's tapes, in the order views list them: own, zero-sharing with i+1, with i-1
        self.tapes = [
            {
                "party": Tape(self.keys["parties"][i]),
                "przs-next": Tape(self.keys["przs"][i]),
                "przs-prev": Tape(self.keys["przs"][(i - 1) % parties]),
            }
            for i in range(parties)
        ]
        self.clock = [0] * parties
        self.sent = [[] for _ in range(parties)]  # (round, to, label, Tensor)
        self.preprocessing = [[] for _ in range(parties)]  # (kind, label, {name: Tensor})

    # --- dealer material (runtime/dealer.ts): draw `label/name`, split `label/name/share/j` ---
    def deal(self, kind: str, label: str, generate) -> list:
        def draw(name, width, shape, is_bits=False):
            count = 1
            for d in shape:
                count *= d
            v = self.dealer.ring("%s/%s" % (label, name), width, count)
            return bits(width, shape, v) if is_bits else ring(width, shape, v)

        values = generate(draw)  # an ordered dict name -> Tensor
        shares = [dict() for _ in range(self.n)]
        for name, value in values.items():
            last = list(value.values)
            mask = (1 << value.width) - 1
            for j in range(self.n - 1):
                r = self.dealer.ring("%s/%s/share/%d" % (label, name, j), value.width, len(last))
                if value.kind == "ring":
                    last = [(a - b) & mask for a, b in zip(last, r)]
                else:
                    last = [a ^ b for a, b in zip(last, r)]
                shares[j][name] = Tensor(value.kind, value.width, value.shape, tuple(r))
            shares[self.n - 1][name] = Tensor(value.kind, value.width, value.shape, tuple(last))
        for i in range(self.n):
            self.preprocessing[i].append((kind, label, shares[i]))
        return shares

    # --- messages ---
    def send(self, frm: int, to: int, label: str, t: Tensor) -> int:
        stamp = self.clock[frm] + 1
        self.sent[frm].append((stamp, to, label, t))
        return stamp

    def receive(self, party: int, stamp: int) -> None:
        self.clock[party] = max(self.clock[party], stamp)

    def open_to_all(self, label: str, shares: list) -> Tensor:
        """Every party sends its share to every other (ascending), then sums; 1 round."""
        stamps = [self.send_all(i, label, shares[i]) for i in range(self.n)]
        for i in range(self.n):
            for j in range(self.n):
                if j != i:
                    self.receive(i, stamps[j])
        return combine(shares)

    def send_all(self, frm: int, label: str, t: Tensor) -> int:
        stamp = self.clock[frm] + 1
        for j in range(self.n):
            if j != frm:
                self.send(frm, j, label, t)
        return stamp

    def open_to(self, receiver: int, label: str, shares: list) -> Tensor:
        for j in range(self.n):
            if j != receiver:
                self.receive(receiver, self.send(j, receiver, label, shares[j]))
        return combine(shares)

    # --- pairwise zero sharing (runtime/context.ts zeroShare) ---
    def zero_share(self, party: int, label: str, ell: int, shape) -> Tensor:
        count = 1
        for d in shape:
            count *= d
        nxt = self.tapes[party]["przs-next"].ring(label, ell, count)
        prv = self.tapes[party]["przs-prev"].ring(label, ell, count)
        return ring(ell, shape, [a - b for a, b in zip(nxt, prv)])


def combine(shares: list) -> Tensor:
    first = shares[0]
    mask = (1 << first.width) - 1
    if first.kind == "ring":
        vals = [sum(col) & mask for col in zip(*(s.values for s in shares))]
    else:
        vals = [0] * len(first.values)
        for s in shares:
            vals = [a ^ b for a, b in zip(vals, s.values)]
    return Tensor(first.kind, first.width, first.shape, tuple(vals))


def share_inputs(world: World, decls: list, clear: dict, ell: int) -> list:
    """harness/party-inputs.ts: shared inputs split under K(K0, "harness") labels "<input>/<j>"."""
    out = [dict() for _ in range(world.n)]
    for d in decls:
        v = clear[d["name"]]
        if d["holder"] == "shared":
            last = list(v.values)
            mask = (1 << ell) - 1
            for j in range(world.n - 1):
                r = world.harness.ring("%s/%d" % (d["name"], j), ell, len(last))
                last = [(a - b) & mask for a, b in zip(last, r)]
                out[j][d["name"]] = ring(ell, v.shape, r)
            out[world.n - 1][d["name"]] = ring(ell, v.shape, last)
        elif d["holder"] == "owner":
            out[d.get("owner", 0)][d["name"]] = v
        else:
            for o in out:
                o[d["name"]] = v
    return out
