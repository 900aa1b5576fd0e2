// How the audit batches instances (audit/batch-check.ts) and enumerates them (audit/enumeration.ts):
// protocols that stack several products or gates into one dealer request next to element-major tables
// still batch (a layout per group of draws), and the enumeration serves any range of instances — one at a
// time for a protocol that does not batch (matmul) — with the words a whole block gets.
import { describe, expect, it } from 'vitest';
import { auditViews } from '../../audit/audit-views.ts';
import { planBatch } from '../../audit/batch-plan.ts';
import { enumeration } from '../../audit/enumeration.ts';
import { secretSpace } from '../../audit/secret-space.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

const config = resolveConfig('default', { parties: 2 });

describe('batch plans', () => {
  for (const id of ['ltz', 'reciprocal_goldschmidt', 'max', 'sigmoid'])
    it(`${id} batches 2-element instances, each dealer request in its own layout`, async () => {
      const plan = await planBatch(findProtocol(id).bind(), config, 0, 5n, 2);
      expect(plan.mode).not.toBe('unbatched');
      // some request is stacked (more than one run per instance) while others stay in one block
      expect([...plan.layouts.values()].some((chunks) => chunks > 1)).toBe(true);
    });

  it('softmax_taylor batches its [rows, N] instances: a message of N values per row and one per row comes in two parts', async () => {
    const plan = await planBatch(findProtocol('softmax_taylor').bind(), config, 0, 5n, 2);
    expect(plan.mode).not.toBe('unbatched');
    expect(plan.items.some((it) => new Set(it.parts).size > 1)).toBe(true);
  });

  it('matmul, whose shapes have no batch axis, runs one instance at a time', async () => {
    const plan = await planBatch(findProtocol('matmul').bind(), config, 0, 5n, 1);
    expect(plan.mode).toBe('unbatched');
  });
});

describe('exhaustive enumeration', () => {
  it('runs a protocol that does not batch, one instance at a time, to a verdict (matmul, one own tape)', async () => {
    const v = await auditViews(findProtocol('matmul').bind(), config, {
      mode: 'exhaustive',
      party: 0,
      budgetBits: 24,
      samples: 1,
    });
    const m = v.verdicts[0]!.modes[0]!;
    expect(m.status).toBe('passed');
    if (m.status === 'passed' && m.evidence.mode === 'exhaustive') {
      expect(m.evidence.batching).toBe('unbatched');
      expect(m.evidence.evaluations).toBe(2 ** 16);
      expect(m.evidence.distributionsCompared).toBe(255);
    }
    expect(v.status).toBe('incomplete'); // one mode asked for: the others are not requested
  });

  it('serves an instance alone the words it has in its whole block (the unbatched path)', async () => {
    const small = resolveConfig('default', { parties: 2, ell: 4 });
    const protocol = findProtocol('matmul').bind();
    const plan = await planBatch(protocol, small, 0, 5n);
    const space = secretSpace(protocol, small, 0, plan.instanceShapes);
    const en = enumeration(plan, space, 24, 2, 5n);
    const block = 2 ** en.hiddenBits;
    const span = 3 * block;
    for (const d of plan.draws) {
      const key = { source: d.source, label: d.label };
      const whole = en.fill.draw(key, d.perInstance, d.bits, 0, span);
      for (const g of [0, 1, block - 1, block, block + 7, span - 1])
        expect([...en.fill.draw(key, d.perInstance, d.bits, g, 1)]).toEqual([
          ...whole.subarray(g * d.perInstance, (g + 1) * d.perInstance),
        ]);
    }
    const together = en.secrets(0, span);
    for (const g of [0, block - 1, block, span - 1]) {
      const alone = en.secrets(g, 1);
      for (const [name, v] of Object.entries(alone)) {
        const n = v.length;
        expect([...v]).toEqual([...together[name]!.subarray(g * n, (g + 1) * n)]);
      }
    }
  });
});
