// Networks to estimate wall time under (docs/models.md). The presets are the two settings Cheetah
// (Huang et al., USENIX Security 2022) emulates with Linux tc in its released scripts/throttle.sh, which
// SecretFlow-SPU's benchmarks and MPCViT's latencies follow ("WAN as in Cheetah"):
//   lan  3 Gbit/s, 0.3 ms round trip
//   wan  400 Mbit/s, 40 ms round trip
// or `BW,RTT` given by the user: bandwidth in Mbit/s, round-trip time in ms.
//
// The estimate is communication only, with every party sending at once (full duplex, the bandwidth per
// direction): a round costs half a round trip (a message's one-way delay: the parties exchange, they do
// not answer each other), and the bytes cost the busiest party's bits sent over the bandwidth:
//   T = rounds · RTT/2 + max_i bitsSent_i / BW.
// Local computation is not in it; `mpcspec cost --measure` reports the in-memory run's time beside it.
import { usageError } from '../../core/errors.ts';
import type { Cost } from '../types.ts';

export interface Network {
  readonly name: string;
  /** Bits per second, each direction. */
  readonly bandwidth: number;
  /** Round-trip time in seconds. */
  readonly rtt: number;
  readonly source: string;
}

const CHEETAH = 'Cheetah (USENIX Security 2022), scripts/throttle.sh of its released code';

export const NETWORKS: readonly Network[] = [
  { name: 'lan', bandwidth: 3e9, rtt: 0.3e-3, source: CHEETAH },
  { name: 'wan', bandwidth: 400e6, rtt: 40e-3, source: CHEETAH },
];

/** A preset by name, or `BW,RTT` (Mbit/s, ms). */
export function parseNetwork(spec: string): Network {
  const preset = NETWORKS.find((n) => n.name === spec);
  if (preset !== undefined) return preset;
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[-+]?\d+)?)\s*,\s*([0-9]*\.?[0-9]+(?:e[-+]?\d+)?)\s*$/i.exec(spec);
  const bw = m === null ? NaN : Number(m[1]);
  const rtt = m === null ? NaN : Number(m[2]);
  if (!(bw > 0) || !(rtt >= 0) || !Number.isFinite(bw) || !Number.isFinite(rtt))
    throw usageError(
      `--network '${spec}': use lan, wan, or BW,RTT with the bandwidth in Mbit/s (> 0) and the round-trip time in ms (≥ 0), e.g. 1000,10`,
    );
  return { name: `${bw} Mbit/s, ${rtt} ms`, bandwidth: bw * 1e6, rtt: rtt * 1e-3, source: 'given' };
}

export const describeNetwork = (n: Network): string =>
  `${n.name}: ${n.bandwidth >= 1e9 ? `${n.bandwidth / 1e9} Gbit/s` : `${n.bandwidth / 1e6} Mbit/s`} each way, ${n.rtt * 1e3} ms round trip (${n.source})`;

/** Estimated seconds for a cost on this network (communication only). */
export const estimateSeconds = (c: Cost, n: Network): number =>
  (c.rounds * n.rtt) / 2 + Math.max(...c.bitsSent) / n.bandwidth;
