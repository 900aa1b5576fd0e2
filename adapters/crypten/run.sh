#!/bin/sh
# Starts the CrypTen adapter (crypten_backend.py) with Debian's interpreter and the pinned CrypTen 0.4
# on the path. MPCSPEC_PYTHON and MPCSPEC_CRYPTEN override them. Without an interpreter it answers the
# runner's hello with a skip, so `mpcspec conform` says so in one line and exits 3.
here=$(cd "$(dirname "$0")" && pwd)
crypten_dir=${MPCSPEC_CRYPTEN:-$here/../../../shared/third_party/crypten}
python=${MPCSPEC_PYTHON:-/usr/bin/python3}
if [ ! -x "$python" ]; then
  read -r _hello
  printf '{"type":"error","skip":true,"message":"no Python interpreter at %s (set MPCSPEC_PYTHON)"}\n' "$python"
  exit 3
fi
PYTHONPATH="$crypten_dir${PYTHONPATH:+:$PYTHONPATH}" exec "$python" "$here/crypten_backend.py" "$@"
