// docs/comparison.md carries the cost table computed from the spec's functions (issue 3 §4: "computed
// from the spec functions, not hand-typed"); this fails when the two drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costTableMarkdown } from '../../spec/comparison/cost-table.ts';

describe('docs/comparison.md', () => {
  for (const file of [['docs', 'comparison.md']]) {
    it(`${file.join('/')} holds the cost table generated from spec/comparison/cost.ts`, () => {
      const doc = readFileSync(join(import.meta.dirname, '..', '..', ...file), 'utf8');
      const table = /<!-- cost-table:begin -->\n([\s\S]*?)\n<!-- cost-table:end -->/.exec(doc)?.[1];
      expect(table).toBe(costTableMarkdown());
    });
  }

  it('the table shows the default schedule strictly cheaper online for LTZ at every ℓ', () => {
    const rows = costTableMarkdown()
      .split('\n')
      .filter((l) => l.startsWith('| ltz, lt'))
      .map((l) => l.split('|').map((c) => c.trim()));
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(Number(r[4])).toBeLessThan(Number(r[3])); // rounds
      expect(Number(r[6])).toBeLessThan(Number(r[5])); // online bits
    }
  });
});
