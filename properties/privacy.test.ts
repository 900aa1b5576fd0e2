// View privacy of every registered protocol (issue 4): no party's view depends on a secret beyond what
// the spec lets it know — exhaustively in a tiny ring when the randomness allows, else statistically in
// the full ring, at fixed seeds. A spec that declares a reproduced defect (privacy.knownLeak) must be
// caught instead. New protocols are checked without new test code.
import { describe, expect, it } from 'vitest';
import { QUICK, auditViews } from '../audit/audit-views.ts';
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
      const verdict = await auditViews(protocol, config, QUICK);
      expect(verdict.verdicts).toHaveLength(config.parties);
      if (known === undefined) expect(verdict.ok, describeVerdict(verdict)).toBe(true);
      else expect(verdict.ok, describeVerdict(verdict)).toBe(false);
    });
  }
});
