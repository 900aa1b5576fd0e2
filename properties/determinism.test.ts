// Reproducibility (issue 2 §5): the same seed gives a byte-identical transcript and identical output
// shares; different seeds give different shares and the same reconstructed output up to truncation
// noise (each run within its bound of the reference, so within twice the bound of each other).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeCase } from '../harness/execute.ts';
import { outputsDigest, transcriptDigest } from '../harness/transcript-digest.ts';
import { REGISTRY } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';
import { caseArbitrary } from './arbitraries.ts';
import { configName } from './configs.ts';

const CONFIGS = [resolveConfig('crypten', { parties: 2 }), resolveConfig('default', { parties: 3, ell: 16 })];

for (const registered of REGISTRY) {
  const protocol = registered.bind();
  for (const config of CONFIGS.filter((c) => protocol.unsupported(c) === undefined)) {
    describe(`${registered.id} ${configName(config)} (reproducibility)`, () => {
      it('same seed ⇒ byte-identical transcript and outputs', async () => {
        await fc.assert(
          fc.asyncProperty(caseArbitrary(protocol, config), async (c) => {
            const [a, b] = [await executeCase(c), await executeCase(c)];
            expect(transcriptDigest(b.run.transcript)).toBe(transcriptDigest(a.run.transcript));
            expect(outputsDigest(b.run.outputs)).toBe(outputsDigest(a.run.outputs));
          }),
          { numRuns: 4 },
        );
      });
      it('different seeds ⇒ different shares, same output up to truncation noise', async () => {
        await fc.assert(
          fc.asyncProperty(
            caseArbitrary(protocol, config, 8),
            fc.bigInt({ min: 1n, max: (1n << 63n) - 1n }),
            async (c, delta) => {
              const a = await executeCase(c);
              const b = await executeCase({ ...c, seed: (c.seed + delta) % (1n << 64n) });
              const sharesA = outputsDigest(a.run.outputs) + transcriptDigest(a.run.transcript);
              const sharesB = outputsDigest(b.run.outputs) + transcriptDigest(b.run.transcript);
              expect(sharesB).not.toBe(sharesA);
              expect([a.ok, b.ok]).toEqual([true, true]);
              const ulps = BigInt(2 * a.bounds.implementationUlps);
              a.outputs.forEach((o, k) => {
                const other = b.outputs[k]!;
                const far = Array.from(o.protocol.data).filter((v, i) => {
                  const d = BigInt.asIntN(o.protocol.ell, v - other.protocol.data[i]!);
                  return (d < 0n ? -d : d) > ulps;
                });
                // Only wrap events (already bounded in count by each run's check) may differ by more.
                expect(far.length).toBeLessThanOrEqual(
                  o.implementation.wrapEvents + other.implementation.wrapEvents,
                );
              });
            },
          ),
          { numRuns: 4 },
        );
      });
    });
  }
}
