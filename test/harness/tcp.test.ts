// The same protocol code over real OS processes and TCP (DESIGN.md, "Transports"): outputs, cost and
// transcript equal the in-memory run's; a party that dies mid-protocol gives a clear error naming the
// dead party and what the others were waiting for — never a hang.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../harness/case.ts';
import { executeCase } from '../../harness/execute.ts';
import { outputsDigest, transcriptDigest } from '../../harness/transcript-digest.ts';
import type { Message } from '../../runtime/transcript.ts';

const canonical = (t: readonly Message[]): Message[] =>
  [...t].sort(
    (a, b) =>
      a.round - b.round ||
      a.from - b.from ||
      a.to - b.to ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );

const cases = [
  { id: 'mul', profile: 'crypten', parties: 2, size: 20, seed: 11n },
  { id: 'matmul', profile: 'default', parties: 3, size: 5, seed: 12n },
  { id: 'trunc', profile: 'default', parties: 3, size: 9, seed: 13n, params: { method: 'dealer' } },
];

describe('TCP transport: one OS process per party', () => {
  for (const req of cases) {
    it(`${req.id}, ${req.parties} parties: same outputs, cost and transcript as in memory`, async () => {
      const spec = buildCase(req);
      const memory = await executeCase(spec);
      const tcp = await executeCase({
        ...spec,
        transport: 'tcp',
        tcp: { timeoutMs: 15_000, transcript: true },
      });
      expect(tcp.ok).toBe(true);
      expect(outputsDigest(tcp.run.outputs)).toBe(outputsDigest(memory.run.outputs));
      expect(tcp.run.metrics).toEqual(memory.run.metrics);
      expect(transcriptDigest(canonical(tcp.run.transcript))).toBe(
        transcriptDigest(canonical(memory.run.transcript)),
      );
    });
  }

  it('a party that dies before sending is named, with what the other was waiting for', async () => {
    const spec = buildCase({ id: 'mul', profile: 'crypten', size: 4, seed: 1n });
    await expect(
      executeCase({
        ...spec,
        transport: 'tcp',
        tcp: { timeoutMs: 15_000, fault: { party: 1, label: 'open', action: 'exit' } },
      }),
    ).rejects.toThrow(
      /party 0, round 0: the connection to party 1 (closed|failed \(.*\)) while waiting for 'open'.*party 1 exited with code 97 \(injected fault\) without a result/,
    );
  });
});
