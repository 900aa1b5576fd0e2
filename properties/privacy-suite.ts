// View privacy of every registered protocol (issue 4, issue 16): no party's view depends on a secret
// beyond what the spec lets it know — the automatic audit, every mode for every party, at the budget
// `npm start` uses and fixed seeds. The modes that work in the full ring (relation search, statistical
// tests) must have run for every party, so a pass is never vacuous; the exhaustive mode runs where the
// randomness fits its budget and the verdict says so. A spec that declares a reproduced defect
// (privacy.knownLeak) must be caught instead. New protocols are checked without new test code; the
// registry is split into shards by a hash of the id (properties/privacy-*.test.ts), so vitest runs them
// on every core.
import { describe, expect, it } from 'vitest';
import { QUICK, auditViews } from '../audit/audit-views.ts';
import { describeVerdict } from '../audit/describe.ts';
import { shardOf } from '../harness/shards.ts';
import { REGISTRY } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';

export const PRIVACY_SHARDS = 4;

export function definePrivacyProperties(shard: number): void {
  const config = resolveConfig('default', { parties: 2 });
  const cases = REGISTRY.filter((r) => shardOf(r.id, PRIVACY_SHARDS) === shard).flatMap((registered) => [
    { protocol: registered.bind(), label: registered.id },
    ...registered.variants.map((v) => ({
      protocol: registered.bind(v),
      label: `${registered.id} ${JSON.stringify(v)}`,
    })),
  ]);

  describe(`view privacy (generic over the registry, shard ${shard})`, () => {
    for (const { protocol, label } of cases) {
      if (protocol.unsupported(config) !== undefined) continue;
      const known = protocol.privacy().knownLeak;
      it(`${label}: ${known === undefined ? 'no view reveals a secret' : `the declared leak is caught (${known})`}`, async () => {
        const verdict = await auditViews(protocol, config, QUICK);
        const text = describeVerdict(verdict);
        expect(verdict.verdicts.map((p) => p.party)).toEqual([0, 1]);
        if (known !== undefined) {
          expect(verdict.status, text).toBe('leak');
          return;
        }
        expect(verdict.ok, text).toBe(true);
        for (const p of verdict.verdicts)
          for (const mode of ['relation', 'statistical'] as const)
            expect(p.modes.find((m) => m.mode === mode)?.status, text).not.toBe('not run');
      });
    }
  });
}
