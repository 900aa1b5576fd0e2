// Released-code forms fail as expected (spec/types.ts `releasedDefects`; spec/defects.ts): for every one
// the registry declares, a seeded case on the shapes its defect shows on — inputs from the domain of the
// faithful parameters it claims — fails its checks, and the failure names the bound that broke and
// where (the element, and its row for a tensor with rows). New forms are checked without new test code.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../harness/case.ts';
import { executeAndSummarize } from '../harness/summarized-run.ts';
import { REGISTRY } from '../registry/index.ts';
import { findDefect } from '../spec/defects.ts';
import { resolveConfig } from '../spec/config.ts';

const PROFILES_CHECKED = ['crypten', 'default'] as const;

const forms = REGISTRY.flatMap((reg) => reg.releasedDefects.map((defect) => ({ reg, defect })));

describe('released-code forms', () => {
  it('name defects of the catalogue (spec/defects.ts)', () => {
    for (const { reg, defect } of forms)
      expect(findDefect(defect.defect), `${reg.id}: unknown defect id '${defect.defect}'`).toBeDefined();
  });

  for (const { reg, defect } of forms)
    for (const profile of PROFILES_CHECKED) {
      const bound = reg.bind(defect.params);
      if (bound.unsupported(resolveConfig(profile)) !== undefined) continue;
      it(`${reg.id} (${defect.defect}) under ${profile}: fails, naming the bound and where`, async () => {
        const summary = await executeAndSummarize(
          buildCase({
            id: reg.id,
            params: defect.params,
            profile,
            size: 16,
            ...(defect.shapes === undefined ? {} : { shape: defect.shapes }),
            seed: 20261203n,
          }),
        );
        expect(summary.ok, `${reg.id} in its released form met every bound`).toBe(false);
        const located = summary.failures.filter((f) => /bound/.test(f) && /\[[\d, ]+\]/.test(f));
        expect(located, summary.failures.join('\n')).not.toEqual([]);
        if ((summary.shapes['x']?.length ?? 1) > 1) expect(located.join('\n')).toMatch(/\(row \d+\)/);
      });
    }
});
