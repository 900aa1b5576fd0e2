// Warm party processes across cases (docs/parties.md, "Warm parties"): one PartyPool per party count,
// started on first use and reused by every later case with that many parties, so `conform --transport
// tcp` pays the process start once per party count, not once per case. A pool a case broke (a fault, or
// a party's error, which leaves its mesh in an unknown state) is replaced by a fresh one.
import { PartyPool } from './orchestrate.ts';

export class WarmPools {
  private readonly pools = new Map<number, PartyPool>();

  constructor(private readonly options: { readonly host?: string; readonly timeoutMs?: number } = {}) {}

  async get(parties: number): Promise<PartyPool> {
    const warm = this.pools.get(parties);
    if (warm?.usable === true) return warm;
    await warm?.close();
    const pool = await PartyPool.start(parties, this.options);
    this.pools.set(parties, pool);
    return pool;
  }

  /** Let every pool's parties finish (killing and reaping any that do not). */
  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }
}
