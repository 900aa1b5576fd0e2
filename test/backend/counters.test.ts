// A backend's counters against the spec's cost (issue 17 §2): equal counters pass in bits or bytes, a
// CrypTen-style sent+received byte count is compared per party for 2 parties and in total for more,
// and every difference is named.
import { describe, expect, it } from 'vitest';
import { compareCounters } from '../../backend/cost-counters.ts';
import { REGISTRY } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

const cost = (profile: string, parties: number) =>
  REGISTRY.find((r) => r.id === 'mul')!
    .bind()
    .cost(resolveConfig(profile, { parties }), { x: [16], y: [16] });

describe('backend counters', () => {
  it('equal counters, in bits or bytes, pass', () => {
    const spec = cost('crypten', 2); // 1 round, 2·16·64 bits sent per party
    const c = compareCounters(
      spec,
      {
        rounds: 1,
        parties: [
          { bytesSent: 256, bytes: 512, messagesSent: 1 },
          { bitsSent: 2048, bitsReceived: 2048 },
        ],
      },
      2,
    );
    expect(c.mismatches).toEqual([]);
    expect([...c.compared].sort()).toEqual(['bytes', 'messages', 'received', 'rounds', 'sent']);
    expect(c.headline).toBe('rounds 1/1, p0 bits 2048/2048');
  });

  it('names every counter that differs', () => {
    const c = compareCounters(
      cost('crypten', 2),
      { rounds: 3, parties: [{ bytes: 500 }, { bytesSent: 250 }], preprocessing: { 'beaver-triple': 15 } },
      2,
    );
    expect(c.mismatches).toEqual([
      'rounds: spec 1, backend 3',
      'party 0 bits sent + received: spec 4096, backend 4000',
      'party 1 bits sent: spec 2048, backend 2000',
      'preprocessing beaver-triple: spec 16, backend 15',
    ]);
    expect(compareCounters(cost('crypten', 2), { parties: [{}] }, 2).mismatches).toEqual([
      'counters for 1 parties; the run has 2',
    ]);
  });

  it('with 3 parties, received and sent+received bytes are compared in total', () => {
    const spec = cost('default', 3);
    const sent = spec.bitsSent;
    const total = sent.reduce((a, b) => a + b, 0);
    const ok = compareCounters(
      spec,
      { parties: sent.map((s) => ({ bitsSent: s, bitsReceived: total / 3, bytes: (2 * total) / 24 })) },
      3,
    );
    expect(ok.mismatches).toEqual([]);
    const bad = compareCounters(spec, { parties: sent.map((s) => ({ bitsReceived: s + 8 })) }, 3);
    expect(bad.mismatches).toEqual([`bits received by all parties: spec ${total}, backend ${total + 24}`]);
  });
});
