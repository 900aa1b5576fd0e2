// Proof that the view audit bites (issue 4 §4, issue 16 §7): the automatic audit — every mode, every
// party, at the budget `npm start` uses and the fixed seeds — flags every defect of the catalogue, and
// exactly the modes each entry declares find it (so each mode is shown to see what it claims); every
// control built the same way passes, in no mode and for no party a leak.
import { describe, expect, it } from 'vitest';
import { QUICK, auditViews } from '../../audit/audit-views.ts';
import { describeVerdict } from '../../audit/describe.ts';
import { resolveConfig } from '../../spec/config.ts';
import type { CatalogueEntry } from './leaky/build.ts';
import { CONTROLS, LEAKY } from './leaky/catalogue.ts';
import { ENGINE_CONTROLS, ENGINE_LEAKY } from './leaky/engine-defects.ts';

const audit = (e: CatalogueEntry) =>
  auditViews(e.protocol, resolveConfig('default', { parties: e.parties ?? 2 }), QUICK);

describe('leaky catalogue: the automatic audit flags every defect, in the modes declared', () => {
  for (const e of [...ENGINE_LEAKY, ...LEAKY])
    it(`${e.protocol.id}: ${e.defect} — caught by ${e.caughtBy!.join(', ')}`, async () => {
      const v = await audit(e);
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

describe('leaky catalogue: the controls pass', () => {
  for (const e of [...ENGINE_CONTROLS, ...CONTROLS])
    it(`${e.protocol.id} (${e.defect})`, async () => {
      const v = await audit(e);
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
