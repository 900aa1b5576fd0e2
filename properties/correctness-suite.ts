// Generic properties over every registered protocol (issue 2 §5): under every configuration the spec
// supports, on inputs drawn from the spec's domain (edges included):
//   protocol vs reference within the implementation bound (wrap events within the stated rate),
//   reference vs ideal within the approximation bound, measured cost equal to the spec's formulas,
//   and, where the spec derives bounds for the very inputs, those within its domain-wide bounds.
// The registry is split into shards by a hash of the id (properties/correctness-*.test.ts), so vitest
// runs them on every core; a new protocol lands in some shard without a new test file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeCase } from '../harness/execute.ts';
import { failuresOf } from '../harness/summary.ts';
import { pointBoundsBeyondDomain } from '../harness/point-bounds.ts';
import { REGISTRY } from '../registry/index.ts';
import { shardOf as shardOfId } from '../harness/shards.ts';
import { caseArbitrary } from './arbitraries.ts';
import { PROPERTY_CONFIGS, configName } from './configs.ts';

export const SHARDS = 4;

/** The shard of the generic properties an id belongs to. */
export const shardOf = (id: string): number => shardOfId(id, SHARDS);

export function defineCorrectnessProperties(shard: number): void {
  const RUNS = Number(process.env['MPCSPEC_PROPERTY_RUNS'] ?? 12);

  const cases = REGISTRY.filter((r) => shardOf(r.id) === shard).flatMap((registered) => [
    { protocol: registered.bind(), label: registered.id },
    ...registered.variants.map((v) => ({
      protocol: registered.bind(v),
      label: `${registered.id} ${JSON.stringify(v)}`,
    })),
  ]);

  for (const { protocol, label } of cases) {
    const configs = PROPERTY_CONFIGS.filter((c) => protocol.unsupported(c) === undefined);
    describe(`${label} (generic properties)`, () => {
      it('is checked under at least one configuration', () => {
        expect(configs.map(configName)).not.toEqual([]);
      });
      for (const config of configs) {
        it(`${configName(config)}: within bounds, cost equal to the spec`, async () => {
          await fc.assert(
            fc.asyncProperty(caseArbitrary(protocol, config), async (c) => {
              const result = await executeCase(c);
              expect(failuresOf(result)).toEqual([]);
              expect(result.cost.measured).toEqual(result.cost.spec);
              expect(pointBoundsBeyondDomain(result)).toEqual([]);
            }),
            { numRuns: RUNS },
          );
        });
      }
    });
  }
}
