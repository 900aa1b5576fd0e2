"""Z_2^ell arithmetic on Python ints: reduce after every operation; signed readings for truncation."""


def mask(ell: int) -> int:
    return (1 << ell) - 1


def signed(v: int, ell: int) -> int:
    return v - (1 << ell) if v >> (ell - 1) else v


def floor_shift(v: int, k: int, ell: int) -> int:
    """floor(signed(v) / 2^k), reduced (arithmetic shift right)."""
    return (signed(v, ell) >> k) & mask(ell)


def trunc_shift(v: int, k: int, ell: int) -> int:
    """signed(v) / 2^k rounded toward zero, reduced (CrypTen's per-share division)."""
    s = signed(v, ell)
    q = abs(s) >> k
    return (-q if s < 0 else q) & mask(ell)


def matmul(a: list, b: list, m: int, k: int, n: int, ell: int) -> list:
    """Row-major [m,k] x [k,n] over Z_2^ell."""
    return [sum(a[i * k + p] * b[p * n + j] for p in range(k)) & mask(ell) for i in range(m) for j in range(n)]
