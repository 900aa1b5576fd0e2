// docs/attention.md carries tables generated from the specs (issue 12 §3, §5: the side-by-side cost at
// [12, 128, 128] from the cost functions, the error of each variant against its formula and against
// softmax, one row through every normaliser) and docs/plots/attention-sample.svg its plot; this fails
// when the committed copies drift from what report/attention-docs.ts generates now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ATTENTION_BLOCKS,
  SAMPLE_SVG,
  attentionSampleSvg,
  withGeneratedBlocks,
} from '../../report/attention-docs.ts';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'attention.md'), 'utf8');

describe('docs/attention.md', () => {
  it('holds every generated block as report/attention-docs.ts makes it', () => {
    for (const name of Object.keys(ATTENTION_BLOCKS)) expect(doc).toContain(`<!-- ${name}:begin -->`);
    expect(doc).toBe(withGeneratedBlocks(doc));
  });

  it('holds the sample-row plot as generated', () => {
    expect(readFileSync(join(root, SAMPLE_SVG), 'utf8')).toBe(attentionSampleSvg());
  });

  it("shows the crypten schedule's softmax at CrypTen's own count, and the default schedule cheaper", () => {
    const row = doc.split('\n').find((l) => l.startsWith('| `softmax` | CrypTen'))!;
    const cells = row.split('|').map((c) => c.trim());
    expect(cells.slice(3, 7)).toEqual(['116', '72', '292,626,432', '39,755,136']);
  });
});
