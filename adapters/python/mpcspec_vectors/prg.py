"""The mpcspec PRG (docs/vectors.md "PRG"; README "The PRG"), byte for byte:

    root key   K0      = SHA-256("mpcspec/v1/root"   || u64le(seed))
    derived    K(P, L) = SHA-256("mpcspec/v1/derive" || P || utf8(L))
    words(K, n)        = first 8n bytes of the ChaCha20 keystream (RFC 8439) under K,
                         nonce = 12 zero bytes, initial block counter 0, read as little-endian u64.
"""
import hashlib
import struct

_MASK32 = 0xFFFFFFFF


def root_key(seed: int) -> bytes:
    return hashlib.sha256(b"mpcspec/v1/root" + struct.pack("<Q", seed)).digest()


def derive_key(parent: bytes, label: str) -> bytes:
    return hashlib.sha256(b"mpcspec/v1/derive" + parent + label.encode("utf-8")).digest()


def _rotl(v: int, c: int) -> int:
    return ((v << c) & _MASK32) | (v >> (32 - c))


def _quarter(s: list, a: int, b: int, c: int, d: int) -> None:
    s[a] = (s[a] + s[b]) & _MASK32; s[d] = _rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & _MASK32; s[b] = _rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & _MASK32; s[d] = _rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & _MASK32; s[b] = _rotl(s[b] ^ s[c], 7)


def chacha20_block(key: bytes, counter: int, nonce: bytes) -> bytes:
    """RFC 8439 §2.3: one 64-byte block of keystream."""
    state = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574]
    state += list(struct.unpack("<8I", key)) + [counter & _MASK32] + list(struct.unpack("<3I", nonce))
    w = list(state)
    for _ in range(10):
        _quarter(w, 0, 4, 8, 12); _quarter(w, 1, 5, 9, 13); _quarter(w, 2, 6, 10, 14); _quarter(w, 3, 7, 11, 15)
        _quarter(w, 0, 5, 10, 15); _quarter(w, 1, 6, 11, 12); _quarter(w, 2, 7, 8, 13); _quarter(w, 3, 4, 9, 14)
    return struct.pack("<16I", *[(w[i] + state[i]) & _MASK32 for i in range(16)])


def words(key: bytes, n: int) -> list:
    """n uniform 64-bit words: the ChaCha20 keystream under key (zero nonce, counter 0), little-endian."""
    stream = b"".join(chacha20_block(key, c, bytes(12)) for c in range((8 * n + 63) // 64))
    return list(struct.unpack("<%dQ" % n, stream[: 8 * n]))


class Tape:
    """A labelled tape: label L draws words(K(key, L), count); a label is drawn at most once."""

    def __init__(self, key: bytes):
        self.key = key
        self.draws = []  # (label, count), in order

    def ring(self, label: str, width: int, count: int) -> list:
        if any(l == label for l, _ in self.draws):
            raise ValueError("label %r drawn twice" % label)
        self.draws.append((label, count))
        mask = (1 << width) - 1
        return [w & mask for w in words(derive_key(self.key, label), count)]
