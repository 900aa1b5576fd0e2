// Proof that the view audit bites (issue 4 §4, issue 16 §7): the automatic audit — every mode, every
// party, at the budget `npm start` uses and the fixed seeds — flags every defect of the catalogue, and
// exactly the modes each entry declares find it (so each mode is shown to see what it claims). The
// controls built the same way are in controls.test.ts.
import { describe, expect, it } from 'vitest';
import { describeVerdict } from '../../audit/describe.ts';
import { auditEntry } from './leaky/build.ts';
import { LEAKY } from './leaky/catalogue.ts';
import { ENGINE_LEAKY } from './leaky/engine-defects.ts';

describe('leaky catalogue: the automatic audit flags every defect, in the modes declared', () => {
  for (const e of [...ENGINE_LEAKY, ...LEAKY])
    it(`${e.protocol.id}: ${e.defect} — caught by ${e.caughtBy!.join(', ')}`, async () => {
      const v = await auditEntry(e);
      const text = describeVerdict(v);
      expect(v.status, text).toBe('leak');
      expect(v.ok).toBe(false);
      const caught = new Set(
        v.verdicts.flatMap((p) => p.modes.filter((m) => m.status === 'leak').map((m) => m.mode)),
      );
      expect([...caught].sort(), text).toEqual([...e.caughtBy!].sort());
      // a leak's evidence names what leaks: the relation, the differing views, or the test
      for (const p of v.verdicts)
        for (const m of p.modes)
          if (m.status === 'leak') expect((m.evidence as { leak?: unknown }).leak, text).toBeDefined();
    });
});
