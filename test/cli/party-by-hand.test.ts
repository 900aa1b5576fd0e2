// `mpcspec party <id>` started by hand, one process per party (docs/parties.md, "Parties on separate
// hosts"): with one secret file both parties link and run, with the same cost as in memory; a party
// holding another secret is refused by the honest one, which exits 3 (a runtime fault) with one line
// naming the connection and the MAC — never accepting it and blaming someone else later.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { mpcspec, scratch } from './helpers.ts';
import { buildCase } from '../../harness/case.ts';
import { executeCase } from '../../harness/execute.ts';

/** Two free loopback ports (listen on 0, read the port, close). */
async function freePorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < n; i++)
    ports.push(
      await new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const port = (s.address() as { port: number }).port;
          s.close(() => resolve(port));
        });
      }),
    );
  return ports;
}

describe('mpcspec party, started by hand', () => {
  it('two parties with one secret link and run mul with the in-memory cost', async () => {
    const { file } = scratch('party');
    const secret = file('secret', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
    const peers = (await freePorts(2)).map((p) => `127.0.0.1:${p}`).join(',');
    const common = [
      'mul',
      '--peers',
      peers,
      '--secret-file',
      secret,
      '--profile',
      'crypten',
      '--size',
      '12',
      '--json',
    ];
    const [p0, p1] = await Promise.all([
      mpcspec('party', ...common, '--party', '0'),
      mpcspec('party', ...common, '--party', '1'),
    ]);
    expect(p0.stderr + p1.stderr).toBe('');
    expect([p0.status, p1.status]).toEqual([0, 0]);
    const memory = await executeCase(buildCase({ id: 'mul', profile: 'crypten', size: 12, seed: 1n }));
    for (const [i, r] of [p0, p1].entries()) {
      const report = JSON.parse(r.stdout) as { party: number; rounds: number; bitsSent: number };
      expect(report.party).toBe(i);
      expect(report.rounds).toBe(memory.run.metrics.parties[i]!.rounds);
      expect(report.bitsSent).toBe(memory.run.metrics.parties[i]!.bitsSent);
    }
  });

  it('a party with another secret is refused: exit 3, one line naming the connection and the MAC', async () => {
    const { file } = scratch('party');
    const peers = (await freePorts(2)).map((p) => `127.0.0.1:${p}`).join(',');
    const args = (i: number, secret: string) => [
      'party',
      'mul',
      '--peers',
      peers,
      '--party',
      String(i),
      '--secret-file',
      file(`secret${i}`, secret),
      '--timeout',
      '20000',
    ];
    const [honest, other] = await Promise.all([
      mpcspec(...args(0, '00112233445566778899aabbccddeeff')),
      mpcspec(...args(1, 'ffeeddccbbaa99887766554433221100')),
    ]);
    expect(honest.status).toBe(3);
    expect(honest.stderr).toMatch(
      /^mpcspec: error: party 0: frame 1 from the connection from 127\.0\.0\.1:\d+: mac: the hello claiming to be party 1 does not verify under this run's secret \(a spoofed hello, or a different secret\)\n$/,
    );
    expect(other.status).toBe(3);
    expect(other.stderr).toMatch(
      /^mpcspec: error: party 1: party 0 at 127\.0\.0\.1:\d+ closed the connection after this party's hello/,
    );
  });
});
