#!/usr/bin/env bash
# Parties on separate hosts, simulated honestly (docs/models.md): two network namespaces joined by a veth
# pair, each end shaped with tc netem (DELAY_MS one way, RATE_MBIT), one party process in each, running one
# layer of a model over TCP; then the cost model's estimate for the same link, and the same layer's
# in-memory time (its computation), side by side. Needs root, iproute2 (ip netns, tc) and sch_netem.
# Not part of npm test. Settings (environment): MODEL, RECIPE, PROFILE, SEQ, LAYER, DELAY_MS, RATE_MBIT.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${MODEL:-vit-cifar}; RECIPE=${RECIPE:-crypten}; PROFILE=${PROFILE:-crypten}
SEQ=${SEQ:-65}; LAYER=${LAYER:-0}; DELAY_MS=${DELAY_MS:-20}; RATE_MBIT=${RATE_MBIT:-400}
NS0=mpcspec-p0-$$; NS1=mpcspec-p1-$$; IP0=10.77.0.1; IP1=10.77.0.2
for tool in ip tc node; do command -v "$tool" >/dev/null || { echo "netem: $tool is not installed" >&2; exit 2; }; done
[ "$(id -u)" = 0 ] || { echo "netem: needs root (network namespaces and tc)" >&2; exit 2; }
cleanup() { ip netns del "$NS0" 2>/dev/null || true; ip netns del "$NS1" 2>/dev/null || true; }
trap cleanup EXIT
ip netns add "$NS0"; ip netns add "$NS1"
ip link add v0-$$ netns "$NS0" type veth peer name v1-$$ netns "$NS1"
ip -n "$NS0" addr add $IP0/24 dev v0-$$; ip -n "$NS1" addr add $IP1/24 dev v1-$$
for ns in "$NS0" "$NS1"; do ip -n "$ns" link set lo up; done
ip -n "$NS0" link set v0-$$ up; ip -n "$NS1" link set v1-$$ up
# Each end delays and rate-limits what it sends: one-way delay DELAY_MS, RTT 2·DELAY_MS, RATE_MBIT each way.
# A kernel built without sch_netem (CONFIG_NET_SCH_NETEM unset, as on the machine this was written on)
# cannot delay: then the rate is shaped with tbf alone and the delay is what the veth link has, measured
# by ping, and the estimate below uses that measured round trip instead of 2·DELAY_MS.
LIMIT=$(( (RATE_MBIT * 1000000 / 8 / 1500) * (2 * DELAY_MS + 10) / 1000 + 1000 ))
shape() { # namespace, device
  ip netns exec "$1" tc qdisc add dev "$2" root netem delay ${DELAY_MS}ms rate ${RATE_MBIT}mbit limit $LIMIT 2>/dev/null && return 0
  ip netns exec "$1" tc qdisc add dev "$2" root tbf rate ${RATE_MBIT}mbit burst 256kb latency 1000ms
  return 1
}
if shape "$NS0" v0-$$ && shape "$NS1" v1-$$; then RTT_MS=$((2 * DELAY_MS)); SHAPED="netem: ${DELAY_MS} ms each way"
else
  RTT_MS=$(ip netns exec "$NS0" ping -c 5 -q $IP1 2>/dev/null | sed -n 's|.*= [0-9.]*/\([0-9.]*\)/.*|\1|p' || true)
  # Without ping, a veth pair's round trip is taken as 0.1 ms (tens of microseconds, measured elsewhere).
  SHAPED="no netem in this kernel: tbf rate only, RTT ${RTT_MS:-0.1 (assumed)} ms"
  RTT_MS=${RTT_MS:-0.1}
fi
echo "netem: $MODEL × $RECIPE ($PROFILE), seq $SEQ, layer $LAYER; ${RATE_MBIT} Mbit/s each way; $SHAPED" >&2
OUT0=$(mktemp); OUT1=$(mktemp)
ip netns exec "$NS0" node --import tsx bench/netem-party.ts 0 $IP0 $IP1 - "$MODEL" "$RECIPE" "$PROFILE" "$SEQ" "$LAYER" >"$OUT0" &
P0=$!
for _ in $(seq 1 200); do grep -q port "$OUT0" 2>/dev/null && break; sleep 0.1; done
PORT=$(head -1 "$OUT0" | sed 's/[^0-9]//g')
ip netns exec "$NS1" node --import tsx bench/netem-party.ts 1 $IP1 $IP0 "$PORT" "$MODEL" "$RECIPE" "$PROFILE" "$SEQ" "$LAYER" >"$OUT1" &
P1=$!
wait $P0; wait $P1
echo "party 0: $(tail -1 "$OUT0")"
echo "party 1: $(tail -1 "$OUT1")"
echo "model:   $(node --import tsx bench/netem-estimate.ts "$MODEL" "$RECIPE" "$PROFILE" "$SEQ" "$LAYER" "$RATE_MBIT" "$RTT_MS")"
rm -f "$OUT0" "$OUT1"
