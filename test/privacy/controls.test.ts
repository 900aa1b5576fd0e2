// The controls of the leaky catalogue (issue 4 §4, issue 16 §7): built the same way as the defects of
// leaky.test.ts without the defect, they pass the automatic audit at `npm start`'s budget and the fixed
// seeds — no leak in any mode for any party, and the modes that work in the full ring ran for each.
import { describe, expect, it } from 'vitest';
import { describeVerdict } from '../../audit/describe.ts';
import { auditEntry } from './leaky/build.ts';
import { CONTROLS } from './leaky/catalogue.ts';
import { ENGINE_CONTROLS } from './leaky/engine-defects.ts';

describe('leaky catalogue: the controls pass', () => {
  for (const e of [...ENGINE_CONTROLS, ...CONTROLS])
    it(`${e.protocol.id} (${e.defect})`, async () => {
      const v = await auditEntry(e);
      const text = describeVerdict(v);
      expect(v.ok, text).toBe(true);
      expect(v.verdicts).toHaveLength(e.parties ?? 2);
      for (const p of v.verdicts) {
        expect(p.status, text).not.toBe('leak');
        // the modes that can see masks in the full ring ran for every party
        for (const mode of ['relation', 'statistical'] as const)
          expect(p.modes.find((m) => m.mode === mode)?.status, text).not.toBe('not run');
      }
    });
});
