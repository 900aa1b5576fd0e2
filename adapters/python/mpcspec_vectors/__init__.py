"""mpcspec test vectors, reproduced in Python with the standard library only.

Reads mpcspec vector files (docs/vectors.md), regenerates every share, tape draw and piece of dealer
material from the recorded seed with the written PRG definition, runs the protocols from the recorded
cleartext inputs, and checks every message and output share bit-exactly.
"""
