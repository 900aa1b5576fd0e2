// View privacy of every registered protocol (issue 4, issue 16): no party's view depends on a secret
// beyond what the spec lets it know — the automatic audit, every mode for every party, at the budget
// `npm start` uses and fixed seeds. The modes that work in the full ring (relation search, statistical
// tests) must have run for every party, so a pass is never vacuous; the exhaustive mode runs where the
// randomness fits its budget and the verdict says so. A spec that declares a reproduced defect
// (privacy.knownLeak) must be caught instead. New protocols are checked without new test code; the
// registry is split into shards by a hash of the id (properties/privacy-*.test.ts), so vitest runs them
// on every core.
import { describe, expect, it } from 'vitest';
import { QUICK, THOROUGH, auditViews } from '../audit/audit-views.ts';
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
        if (known !== undefined) {
          // A declared leak is looked for with the thorough setting's runs per group, in one party's view
          // (it is the same for every party): a statistical leak's evidence grows with the runs, and
          // SecFormer's bounded sine mask on GeLU inputs in [−12, 12] moves the support of the opened value
          // by 24 of 1024 — a tail long enough for the threshold takes some 1 500 runs per group.
          const verdict = await auditViews(protocol, config, {
            ...QUICK,
            minSamples: THOROUGH.minSamples,
            party: 0,
          });
          expect(verdict.verdicts.map((p) => p.party)).toEqual([0]);
          expect(verdict.status, describeVerdict(verdict)).toBe('leak');
          return;
        }
        const verdict = await auditViews(protocol, config, QUICK);
        const text = describeVerdict(verdict);
        expect(verdict.verdicts.map((p) => p.party)).toEqual([0, 1]);
        expect(verdict.ok, text).toBe(true);
        for (const p of verdict.verdicts)
          for (const mode of ['relation', 'statistical'] as const)
            expect(p.modes.find((m) => m.mode === mode)?.status, text).not.toBe('not run');
      });
    }
  });
}
