"""Tensor strings (docs/vectors.md "Encoding"): <kind><width>[<shape>]:<hex>,<hex>,...

kind r = ring Z_2^width, b = packed bits; each value exactly ceil(width/4) lower-case hex digits.
"""
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^([rb])([0-9]+)\[([0-9,]*)\]:([0-9a-f,]*)$")


@dataclass(frozen=True)
class Tensor:
    kind: str  # "ring" or "bits"
    width: int
    shape: tuple
    values: tuple  # Python ints in [0, 2^width)

    def encode(self) -> str:
        digits = (self.width + 3) // 4
        return "%s%d[%s]:%s" % (
            "r" if self.kind == "ring" else "b",
            self.width,
            ",".join(str(d) for d in self.shape),
            ",".join(format(v, "0%dx" % digits) for v in self.values),
        )


def parse(text: str) -> Tensor:
    m = _PATTERN.match(text)
    if m is None:
        raise ValueError("not a tensor: %r" % text[:40])
    width = int(m.group(2))
    shape = tuple(int(d) for d in m.group(3).split(",")) if m.group(3) else ()
    digits = (width + 3) // 4
    values = tuple(int(h, 16) for h in m.group(4).split(",")) if m.group(4) else ()
    if any(len(h) != digits for h in (m.group(4).split(",") if m.group(4) else [])):
        raise ValueError("wrong digit count in %r" % text[:40])
    size = 1
    for d in shape:
        size *= d
    if len(values) != size or any(v >> width for v in values):
        raise ValueError("values do not fill shape or exceed width in %r" % text[:40])
    return Tensor("ring" if m.group(1) == "r" else "bits", width, shape, values)


def ring(width: int, shape, values) -> Tensor:
    mask = (1 << width) - 1
    return Tensor("ring", width, tuple(shape), tuple(v & mask for v in values))


def bits(width: int, shape, values) -> Tensor:
    return Tensor("bits", width, tuple(shape), tuple(values))


def size_of(shape) -> int:
    """The number of values of a tensor of this shape."""
    n = 1
    for d in shape:
        n *= d
    return n
