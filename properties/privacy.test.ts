// View privacy of every registered protocol (issue 4): no party's view depends on a secret beyond what
// the spec lets it know — exhaustively in a tiny ring when the randomness allows, else statistically in
// the full ring, at fixed seeds. A spec that declares a reproduced defect (privacy.knownLeak) must be
// caught instead. New protocols are checked without new test code.
import { describe, expect, it } from 'vitest';
import { QUICK, THOROUGH, auditViews } from '../audit/audit-views.ts';
import { describeVerdict } from '../audit/describe.ts';
import { REGISTRY } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';

const config = resolveConfig('default', { parties: 2 });

const cases = REGISTRY.flatMap((registered) => [
  { protocol: registered.bind(), label: registered.id },
  ...registered.variants.map((v) => ({
    protocol: registered.bind(v),
    label: `${registered.id} ${JSON.stringify(v)}`,
  })),
]);

describe('view privacy (generic over the registry)', () => {
  for (const { protocol, label } of cases) {
    if (protocol.unsupported(config) !== undefined) continue;
    const known = protocol.privacy().knownLeak;
    it(`${label}: ${known === undefined ? 'no view reveals a secret' : `the declared leak is caught (${known})`}`, async () => {
      if (known === undefined) {
        const verdict = await auditViews(protocol, config, QUICK);
        expect(verdict.verdicts).toHaveLength(config.parties);
        expect(verdict.ok, describeVerdict(verdict)).toBe(true);
        return;
      }
      // A declared leak is looked for with the thorough setting's runs per group, in one party's view:
      // a statistical leak's evidence grows with the runs (SecFormer's bounded sine mask on inputs in
      // [−12, 12] moves the support of the opened value by 24 of 1024 — a tail run long enough for the
      // Bonferroni threshold takes some 1 500 runs per group), and it is the same for every party.
      const verdict = await auditViews(protocol, config, { ...QUICK, samples: THOROUGH.samples, party: 0 });
      expect(verdict.verdicts).toHaveLength(1);
      expect(verdict.ok, describeVerdict(verdict)).toBe(false);
    });
  }
});
