// Liveness over TCP with fault injection (docs/parties.md, "Liveness"): a party that is slow but alive
// is waited for however long it computes; a stopped party (SIGSTOP) is named as silent, then killed and
// reaped; warm parties run case after case. The only clock here is the generous silence timeout.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../harness/case.ts';
import { executeCase } from '../../harness/execute.ts';
import { outputsDigest } from '../../harness/transcript-digest.ts';
import { PartyPool } from '../../harness/tcp/orchestrate.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// ltz has one message per round from each party; party 1 waits before receiving round 3's.
const LABEL = 'ltz/a2b/sum0/level1/open';
const ltzCase = () => buildCase({ id: 'ltz', profile: 'crypten', size: 8, seed: 5n });

describe('TCP liveness', () => {
  it('a party that computes (alive, beating) for three timeouts is waited for, not blamed', async () => {
    const spec = ltzCase();
    const memory = await executeCase(spec);
    const tcp = await executeCase({
      ...spec,
      transport: 'tcp',
      tcp: { timeoutMs: 2000, fault: { party: 1, label: LABEL, action: 'delay' } },
    });
    expect(tcp.ok).toBe(true);
    expect(outputsDigest(tcp.run.outputs)).toBe(outputsDigest(memory.run.outputs));
  });

  it('a stopped party is named as silent, then killed and reaped', async () => {
    const spec = ltzCase();
    const pool = await PartyPool.start(2, { timeoutMs: 2000 });
    const pids = pool.pids;
    const error = await executeCase({
      ...spec,
      transport: 'tcp',
      tcp: { pool, fault: { party: 1, label: LABEL, action: 'stop' } },
    }).then(
      () => undefined,
      (e: unknown) => e as Error & { kind?: string },
    );
    expect(error?.kind).toBe('fault');
    expect(error?.message).toMatch(
      new RegExp(
        `party 0, round 2: party 1 has been silent for \\d+ ms \\(no frame, no heartbeat\\) while party 0 waited for '${LABEL}'`,
      ),
    );
    expect(error?.message).toMatch(/party 1 \(pid \d+\) did not stop on SIGTERM and was killed \(SIGKILL\)/);
    expect(pids.filter(alive)).toEqual([]);
    expect(pool.usable).toBe(false);
  });

  it('warm parties run case after case on one pool, with the in-memory outputs', async () => {
    const pool = await PartyPool.start(2, { timeoutMs: 15_000 });
    try {
      for (const req of [
        { id: 'mul', profile: 'crypten', size: 6, seed: 2n },
        { id: 'ltz', profile: 'default', size: 5, seed: 3n },
        { id: 'mul', profile: 'default', size: 7, seed: 4n },
      ]) {
        const spec = buildCase(req);
        const memory = await executeCase(spec);
        const tcp = await executeCase({ ...spec, transport: 'tcp', tcp: { pool } });
        expect(outputsDigest(tcp.run.outputs)).toBe(outputsDigest(memory.run.outputs));
        expect(tcp.run.metrics).toEqual(memory.run.metrics);
      }
      expect(pool.usable).toBe(true);
    } finally {
      await pool.close();
    }
    expect(pool.pids.filter(alive)).toEqual([]);
  });
});
