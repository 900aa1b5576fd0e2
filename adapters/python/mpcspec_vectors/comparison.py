"""LTZ, [x < 0] for x read as l-bit two's complement (ALGORITHMS.md §2; protocols/comparison/*.ts).

crypten schedule (profile crypten): A2B of the arithmetic shares (PRZS operands, Sklansky adder with
boolean Beaver triples), each party shifts its word right by l-1, then B2A with a daBit opening a full
l-bit word. default schedule (profiles default, spu): open c = x + r, look up r's per-chunk tables at
c's 8-bit chunks, an AND tree over the chunks, a final round landing in Z_2^l.
"""
from .tensor import Tensor, bits, ring, size_of
from .world import combine

CHUNK_BITS = 8



def _exchange(w, label, shares):
    """Every party sends its share to every other; the XOR (or sum) at all (runtime/comm.ts exchangeShares)."""
    return w.open_to_all(label, shares).values


# --- boolean AND with a boolean Beaver triple (boolean/and.ts) ---
def and_shares(w, scope, xs, ys):
    width, shape, n = xs[0].width, xs[0].shape, len(xs[0].values)

    def generate(draw):
        a, b = draw("a", width, shape, True), draw("b", width, shape, True)
        return {"a": a, "b": b, "c": bits(width, shape, [p & q for p, q in zip(a.values, b.values)])}

    t = w.deal("and-triple", scope + "/triple", generate)
    masked = [
        bits(width, (2 * n,), [x ^ a for x, a in zip(xs[i].values, t[i]["a"].values)]
             + [y ^ b for y, b in zip(ys[i].values, t[i]["b"].values)])
        for i in range(w.n)
    ]
    opened = _exchange(w, scope + "/open", masked)
    out = []
    for i in range(w.n):
        a, b, c = t[i]["a"].values, t[i]["b"].values, t[i]["c"].values
        out.append(bits(width, shape, [c[k] ^ (opened[k] & b[k]) ^ (opened[n + k] & a[k]) ^ ((opened[k] & opened[n + k]) if i == 0 else 0) for k in range(n)]))
    return out


# --- Sklansky adder (adder.ts, sklansky.ts) ---
def sklansky_levels(ell):
    levels, i = [], 0
    m = (1 << ell) - 1
    while (1 << i) < ell:
        half = 1 << i
        in_mask = sum(1 << j for j in range(half - 1, ell, 2 * half))
        mult = ((1 << (half + 1)) - 2) & m
        out_mask = (in_mask * mult) & m
        levels.append((in_mask, out_mask, ~out_mask & m, mult))
        i += 1
    return levels


def binary_add(w, scope, xs, ys):
    ell, n = xs[0].width, len(xs[0].values)
    m = (1 << ell) - 1
    propagate = [[a ^ b for a, b in zip(xs[i].values, ys[i].values)] for i in range(w.n)]
    S = [list(s.values) for s in and_shares(w, scope + "/generate", xs, ys)]
    P = [list(p) for p in propagate]
    for lvl, (in_mask, out_mask, not_out, mult) in enumerate(sklansky_levels(ell)):
        sc = "%s/level%d" % (scope, lvl)

        def generate(draw, n=n):
            a, b = draw("a", ell, (2 * n,), True), draw("b", ell, (2 * n,), True)
            return {"a": a, "b": b, "c": bits(ell, (2 * n,), [p & q for p, q in zip(a.values, b.values)])}

        t = w.deal("and-triple", sc + "/triple", generate)
        masked = []
        for i in range(w.n):
            a, b = t[i]["a"].values, t[i]["b"].values
            masked.append(bits(ell, (4 * n,),
                [(P[i][k] & out_mask) ^ a[k] for k in range(n)] + [(P[i][k] & out_mask) ^ a[n + k] for k in range(n)]
                + [(((S[i][k] & in_mask) * mult) & m) ^ b[k] for k in range(n)] + [(((P[i][k] & in_mask) * mult) & m) ^ b[n + k] for k in range(n)]))
        o = _exchange(w, sc + "/open", masked)
        for i in range(w.n):
            a, b, c = t[i]["a"].values, t[i]["b"].values, t[i]["c"].values
            lead = m if i == 0 else 0
            for k in range(n):
                dS, eS, dP, eP = o[k], o[2 * n + k], o[n + k], o[3 * n + k]
                S[i][k] ^= c[k] ^ (dS & b[k]) ^ (eS & a[k]) ^ (dS & eS & lead)
                P[i][k] = (P[i][k] & not_out) ^ c[n + k] ^ (dP & b[n + k]) ^ (eP & a[n + k]) ^ (dP & eP & lead)
    return [bits(ell, xs[0].shape, [p ^ ((s * 2) & m) for p, s in zip(propagate[i], S[i])]) for i in range(w.n)]


def _zero_share_bits(w, party, label, width, shape):
    count = size_of(shape)
    nxt = w.tapes[party]["przs-next"].ring(label, width, count)
    prv = w.tapes[party]["przs-prev"].ring(label, width, count)
    return [a ^ b for a, b in zip(nxt, prv)]


def a2b_words(w, scope, ell, xs):
    shape = xs[0].shape
    n = len(xs[0].values)
    ops = []
    # each party draws its zero sharings in operand order (labels przs0, przs1, ...)
    draws = [[_zero_share_bits(w, i, "%s/przs%d" % (scope, k), ell, shape) for k in range(w.n)] for i in range(w.n)]
    for k in range(w.n):
        ops.append([bits(ell, shape, [z ^ (xv if i == k else 0) for z, xv in zip(draws[i][k], xs[i].values)]) for i in range(w.n)])
    level = 0
    while len(ops) > 1:
        extra = ops[0] if len(ops) % 2 == 1 else None
        rest = ops[1:] if extra is not None else ops
        half = len(rest) // 2
        # one operand pair keeps its shape; several are concatenated flat (a2b.ts concatBits)
        cat = lambda group, i: group[0][i] if half == 1 else bits(ell, (half * n,), [v for op in group for v in op[i].values])
        sums = binary_add(w, "%s/sum%d" % (scope, level), [cat(rest[:half], i) for i in range(w.n)], [cat(rest[half:], i) for i in range(w.n)])
        ops = [[bits(ell, shape, sums[i].values[q * n:(q + 1) * n]) for i in range(w.n)] for q in range(half)]
        if extra is not None:
            ops.append(extra)
        level += 1
    return ops[0]


def b2a_with_dabit(w, scope, ell, bs):
    width, shape, n = bs[0].width, bs[0].shape, len(bs[0].values)

    def generate(draw):
        r = draw("r", 1, shape, True)
        return {"rA": ring(ell, shape, r.values), "rB": bits(width, shape, r.values)}

    d = w.deal("dabit", scope + "/dabit", generate)
    masked = [bits(width, (n,), [b ^ r for b, r in zip(bs[i].values, d[i]["rB"].values)]) for i in range(w.n)]
    z = _exchange(w, scope + "/open", masked)
    return [ring(ell, shape, [ra - 2 * zk * ra + (zk if i == 0 else 0) for zk, ra in zip(z, d[i]["rA"].values)]) for i in range(w.n)]


def ltz_crypten(w, ell, xs, scope=""):
    words = a2b_words(w, scope + "ltz/a2b", ell, xs)
    sign = [bits(ell, xs[0].shape, [v >> (ell - 1) for v in s.values]) for s in words]
    return b2a_with_dabit(w, scope + "ltz/b2a", ell, sign)


# --- default schedule: lookup tables (ltz-lookup.ts, lookup-tree.ts, runtime/material/lookup-tables.ts) ---
def _layout(nbits):
    chunk = min(CHUNK_BITS, nbits)
    chunks = -(-nbits // chunk)
    entries = 1 << chunk
    word_width = min(64, entries)
    return chunk, chunks, nbits - chunk * (chunks - 1), entries, word_width, entries // word_width


def _chunk(v, j, layout):
    chunk, chunks, top = layout[0], layout[1], layout[2]
    width = top if j == chunks - 1 else chunk
    return (v >> (j * chunk)) & ((1 << width) - 1)


def _range_words(lo, hi, layout):
    W, words = layout[4], layout[5]
    out = []
    for k in range(words):
        a, b = min(W, max(0, lo - k * W)), min(W, max(0, hi - k * W))
        out.append(((1 << b) - 1) ^ ((1 << a) - 1) if b > a else 0)
    return out


def _entry(share_words, table, words, v):
    return (share_words[table * words + (v >> 6)] >> (v & 63)) & 1


def _finalize(w, scope, ell, shape, n, s, xy):
    def dabit_gen(draw):
        r = draw("r", 1, shape, True)
        return {"rA": ring(ell, shape, r.values), "rB": bits(1, shape, r.values)}

    def gate_gen(draw):
        a, b = draw("a", 1, shape, True), draw("b", 1, shape, True)
        return {"a": a, "b": b, "A": ring(ell, shape, a.values), "B": ring(ell, shape, b.values),
                "C": ring(ell, shape, [p & q for p, q in zip(a.values, b.values)])}

    bit = w.deal("dabit", scope + "/dabit", dabit_gen)
    gate = w.deal("b2a-and-triple", scope + "/gate", gate_gen) if xy is not None else None
    parts = []
    for i in range(w.n):
        p = [x ^ r for x, r in zip(s[i], bit[i]["rB"].values)]
        if gate is not None:
            p += [x ^ a for x, a in zip(xy[0][i], gate[i]["a"].values)] + [y ^ b for y, b in zip(xy[1][i], gate[i]["b"].values)]
        parts.append(bits(1, (len(p),), p))
    o = _exchange(w, scope + "/open", parts)
    out = []
    for i in range(w.n):
        lead = 1 if i == 0 else 0
        ra = bit[i]["rA"].values
        vals = [ra[k] - 2 * o[k] * ra[k] + lead * o[k] for k in range(n)]
        if gate is not None:
            A, B, C = gate[i]["A"].values, gate[i]["B"].values, gate[i]["C"].values
            for k in range(n):
                d, g = o[n + k], o[2 * n + k]
                vals[k] += lead * d * g + d * (1 - 2 * g) * B[k] + g * (1 - 2 * d) * A[k] + (1 - 2 * d) * (1 - 2 * g) * C[k]
        out.append(ring(ell, shape, vals))
    return out


def ltz_lookup(w, ell, xs, scope=""):
    shape, n = xs[0].shape, len(xs[0].values)
    layout = _layout(ell - 1)
    _, chunks, _, entries, word_width, words = layout
    m = (1 << ell) - 1

    def generate(draw):
        r = draw("r", ell, shape)
        lt, eq = [], []
        for rv in r.values:
            flipped = rv >> (ell - 1)
            for j in range(chunks):
                rj = _chunk(rv, j, layout)
                lt += _range_words(0, rj, layout) if flipped == 0 else _range_words(rj if j == 0 else rj + 1, entries, layout)
                if j > 0:
                    eq += _range_words(rj, rj + 1, layout)
        tables = {"r": r, "lt": bits(word_width, (n, chunks, words), lt)}
        if chunks > 1:
            tables["eq"] = bits(word_width, (n, chunks - 1, words), eq)
        return tables

    t = w.deal("ltz-tables", scope + "ltz/tables", generate)
    c = w.open_to_all(scope + "ltz/open", [ring(ell, shape, [x + r for x, r in zip(xs[i].values, t[i]["r"].values)]) for i in range(w.n)]).values
    # nodes: list of (t, e) where t, e are per-party lists of bit lists
    nodes = []
    for j in range(chunks):
        tj = [[_entry(t[i]["lt"].values, k * chunks + j, words, _chunk(c[k], j, layout)) for k in range(n)] for i in range(w.n)]
        ej = None if j == 0 else [[_entry(t[i]["eq"].values, k * (chunks - 1) + j - 1, words, _chunk(c[k], j, layout)) for k in range(n)] for i in range(w.n)]
        nodes.append((tj, ej))
    layer = 0
    while len(nodes) > 2:
        pairs = len(nodes) // 2
        xs_g = [nodes[2 * q + 1][1] for q in range(pairs)] + [nodes[2 * q + 1][1] for q in range(1, pairs)]
        ys_g = [nodes[2 * q][0] for q in range(pairs)] + [nodes[2 * q][1] for q in range(1, pairs)]
        g = len(xs_g)
        z = and_shares(w, scope + "ltz/layer%d" % layer,
                       [bits(1, (g * n,), [v for gate in xs_g for v in gate[i]]) for i in range(w.n)],
                       [bits(1, (g * n,), [v for gate in ys_g for v in gate[i]]) for i in range(w.n)])
        out = lambda k: [list(z[i].values[k * n:(k + 1) * n]) for i in range(w.n)]
        nxt = []
        for q in range(pairs):
            hi_t = nodes[2 * q + 1][0]
            t_new = [[a ^ b for a, b in zip(hi_t[i], out(q)[i])] for i in range(w.n)]
            nxt.append((t_new, None if q == 0 else out(pairs + q - 1)))
        if len(nodes) % 2 == 1:
            nxt.append(nodes[-1])
        nodes = nxt
        layer += 1
    if len(nodes) == 1:
        v = _finalize(w, scope + "ltz/final", ell, shape, n, nodes[0][0], None)
    else:
        v = _finalize(w, scope + "ltz/final", ell, shape, n, nodes[1][0], (nodes[1][1], nodes[0][0]))
    out = []
    for i in range(w.n):
        vals = []
        for k in range(n):
            mc = c[k] >> (ell - 1)
            vi = v[i].values[k]
            vals.append(vi - 2 * mc * vi + (mc if i == 0 else 0))
        out.append(ring(ell, shape, vals))
    return out


def ltz_shares(w, cfg, xs, scope=""):
    """[x < 0] under the group's schedule, labels under `scope` (e.g. "softmax_relu/numerator/relu/")."""
    ell = cfg["ell"]
    return ltz_crypten(w, ell, xs, scope) if cfg["schedule"] == "crypten" else ltz_lookup(w, ell, xs, scope)


def ltz(w, cfg, params, shapes, inputs):
    return [{"z": s} for s in ltz_shares(w, cfg, [p["x"] for p in inputs])]


def ltz_reference(algorithm, cfg, params, shapes, clear):
    ell = cfg["ell"]
    x = clear["x"]
    return {"z": ring(ell, x.shape, [v >> (ell - 1) for v in x.values])}
