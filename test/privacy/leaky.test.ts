// Proof that the view audit bites (issue 4 §4): every defect of the catalogue is flagged by at least one
// mode at the fixed seeds, and every control built the same way passes both modes that reach it.
import { describe, expect, it } from 'vitest';
import { auditViews } from '../../audit/audit-views.ts';
import { OutOfReach } from '../../audit/out-of-reach.ts';
import type { ViewVerdict } from '../../audit/verdict.ts';
import type { BoundProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { CONTROLS, LEAKY } from './leaky/catalogue.ts';

const config = resolveConfig('default');
const EXHAUSTIVE = { mode: 'exhaustive', budgetBits: 20 } as const;
const STATISTICAL = { mode: 'statistical', samples: 1000, maxPairs: 100 } as const;

async function inReach(
  p: BoundProtocol,
  options: typeof EXHAUSTIVE | typeof STATISTICAL,
): Promise<ViewVerdict | undefined> {
  try {
    return await auditViews(p, config, options);
  } catch (e) {
    if (e instanceof OutOfReach) return undefined;
    throw e;
  }
}

describe('leaky catalogue: every defect is caught', () => {
  for (const { protocol, defect } of LEAKY)
    it(`${protocol.id}: ${defect}`, async () => {
      const verdicts = [await inReach(protocol, EXHAUSTIVE), await inReach(protocol, STATISTICAL)].filter(
        (v): v is ViewVerdict => v !== undefined,
      );
      expect(verdicts.map((v) => v.ok)).toContain(false);
      const leak = verdicts.find((v) => !v.ok)!;
      expect(leak.verdicts.some((p) => p.status === 'leak' && p.evidence.leak !== undefined)).toBe(true);
    });
});

describe('leaky catalogue: the controls pass', () => {
  for (const { protocol, defect } of CONTROLS)
    it(`${protocol.id} (${defect})`, async () => {
      const verdicts = [await inReach(protocol, EXHAUSTIVE), await inReach(protocol, STATISTICAL)];
      expect(verdicts.filter((v) => v !== undefined).length).toBeGreaterThan(0);
      for (const v of verdicts)
        if (v !== undefined) expect(v.verdicts.map((p) => p.status)).not.toContain('leak');
    });
});
