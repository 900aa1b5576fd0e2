// docs/models.md's generated sections are what model/docs-page.ts writes now (regenerate with `npm run
// docs:models`), and the seeds' numbers hold: SecFormer's released code path on one BERT-base layer at
// seq 512 under the crypten profile gives CrypTen 0.4's rounds exactly and its bytes within 1 % — or, in a
// build without one of its protocols, the page says which protocol is missing (and it truly is).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillSections, mpcvitRows, secformerRows } from '../../model/docs-page.ts';
import { REGISTRY } from '../../registry/index.ts';

const page = readFileSync(new URL('../../docs/models.md', import.meta.url), 'utf8');

const unregistered = (message: string): void => {
  const m = /protocol '([a-z0-9_]+)' \([a-z]+\) is not registered/.exec(message);
  expect(m, message).not.toBeNull();
  expect(REGISTRY.map((r) => r.id)).not.toContain(m![1]);
};

describe('docs/models.md', () => {
  it('its generated sections are up to date', () => {
    expect(fillSections(page)).toBe(page);
  });

  it("secformer-released gives SecFormer's released per-layer rounds exactly and bytes within 1 %", () => {
    const { rows, missing } = secformerRows();
    if (missing !== undefined) {
      unregistered(missing);
      return;
    }
    for (const r of rows) {
      expect(r.ours!.rounds, r.label).toBe(r.seed.rounds);
      expect(Math.abs(r.ours!.mb - r.seed.mb) / r.seed.mb, r.label).toBeLessThan(0.01);
    }
  });

  it("MPCViT's latencies have estimates beside them, or the missing protocol is named", () => {
    for (const r of mpcvitRows()) {
      if (r.missing !== undefined) unregistered(r.missing);
      else expect(r.estimates!['crypten']!.seconds).toBeGreaterThan(0);
    }
  });
});
