// docs/gelu.md carries the GeLU cost table computed from the specs' cost functions
// (spec/gelu/cost-table.ts); this fails when the copy drifts from them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geluCostTableMarkdown } from '../../spec/gelu/cost-table.ts';

describe('docs/gelu.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'gelu.md'), 'utf8');

  it('holds the cost table generated from the specs', () => {
    const table = /<!-- gelu-cost-table:begin -->\n([\s\S]*?)\n<!-- gelu-cost-table:end -->/.exec(doc)?.[1];
    expect(table).toBe(geluCostTableMarkdown());
  });

  it("the table shows SecFormer's released GeLU as CrypTen's counter logs it: 19 rounds, 944 B, 354 MiB", () => {
    const row = geluCostTableMarkdown()
      .split('\n')
      .find((l) => l.startsWith('| gelu_fourier (SecFormer as released'))!
      .split('|')
      .map((c) => c.trim());
    expect([row[2], row[4], row[6]]).toEqual(['19', '944.0', '354.0']);
  });
});
