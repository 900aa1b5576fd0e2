#!/usr/bin/env bash
# Makes CrypTen 0.4 runnable for `npm run conform:crypten` (docs/crypten.md): installs the Debian
# packages its import needs when run as root and some are missing (the pip registry is not reachable;
# Debian's python3-torch 1.13 works), then checks that the pinned CrypTen imports with Debian's
# interpreter. Exit 0: ready. Exit 3, with one line: not available here (not root, no apt, or the
# import fails), the status `conform:crypten` passes on as a skip.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
crypten_dir=${MPCSPEC_CRYPTEN:-$here/../../../shared/third_party/crypten}
python=${MPCSPEC_PYTHON:-/usr/bin/python3}
packages=(python3-torch python3-numpy python3-scipy python3-sklearn python3-onnx
  python3-omegaconf python3-pandas python3-future python3-yaml)

check() {
  [ -x "$python" ] || { echo "no Python interpreter at $python"; return 1; }
  PYTHONPATH="$crypten_dir" "$python" -c \
    'import torch, crypten; print("crypten %s, torch %s" % (crypten.__version__, torch.__version__))' 2>&1 |
    tail -n 1
  return "${PIPESTATUS[0]}"
}

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "crypten setup: installing ${missing[*]}" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 ||
      { echo "crypten setup: apt-get could not install ${missing[*]}"; exit 3; }
  else
    echo "crypten setup: not available: missing Debian packages ${missing[*]} (run this script as root to install them)"
    exit 3
  fi
fi
if line=$(check); then
  echo "crypten setup: ready: $line"
else
  echo "crypten setup: not available: CrypTen does not import: $line"
  exit 3
fi
