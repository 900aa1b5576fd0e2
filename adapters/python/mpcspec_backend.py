"""The backend protocol of `mpcspec conform --backend` for Python adapters (docs/backends.md).

Standard library only. `serve(handshake, answer)` runs the whole conversation on stdin/stdout: it
answers `hello` with the handshake, calls `answer(case)` for every case and writes its result (or an
`error` naming the case when `answer` raises), and returns on `bye` or at the end of stdin. Write
logs to stderr: stdout carries only protocol lines.

Helpers: `ring(tensor)` reads a request tensor's ring words as signed ints, `words(values)` writes
ints as ring words, `view_item(...)` builds one item of a party's view, `instances(tensor, n)` splits
a view-audit batch into its instances.
"""

import json
import sys
import traceback

PROTOCOL = 1


def ring(tensor):
    """The signed ring words of a request tensor ({'shape', 'ring', 'real', ...})."""
    return [int(w) for w in tensor["ring"]]


def words(values):
    """Ints (signed or not) as ring words: decimal strings, exact at any width."""
    return [str(int(v)) for v in values]


def signed(v, ell):
    """v mod 2^ell read as two's complement."""
    v &= (1 << ell) - 1
    return v - (1 << ell) if v >> (ell - 1) else v


def view_item(name, role, values, width=None, shape=None, batch_axis=None):
    """One item of a party's view: role is input, randomness, preprocessing or message."""
    item = {"name": name, "role": role, "words": words(values)}
    if width is not None:
        item["width"] = width
    if shape is not None:
        item["shape"] = list(shape)
    if batch_axis is not None:
        item["batchAxis"] = batch_axis
    return item


def instances(values, count):
    """A flat list holding `count` instances along its first axis, as one list per instance."""
    k = len(values) // count
    return [values[b * k:(b + 1) * k] for b in range(count)]


def _write(out, message):
    out.write(json.dumps(message, separators=(",", ":")) + "\n")
    out.flush()


def serve(handshake, answer, stdin=None, stdout=None):
    """Run the conversation: handshake on hello, answer(case) per case, stop on bye or end of input."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        try:
            message = json.loads(line)
        except ValueError as e:
            _write(stdout, {"type": "error", "message": "not a JSON line: %s" % e})
            continue
        kind = message.get("type")
        if kind == "hello":
            _write(stdout, dict(handshake, type="handshake", protocol=PROTOCOL))
        elif kind == "bye":
            return
        elif kind == "case":
            try:
                result = dict(answer(message))
                result.update(type="result", case=message["case"])
            except Exception as e:  # the case fails, the adapter carries on
                traceback.print_exc(file=sys.stderr)
                result = {"type": "error", "case": message.get("case"), "message": "%s: %s" % (type(e).__name__, e)}
            _write(stdout, result)
