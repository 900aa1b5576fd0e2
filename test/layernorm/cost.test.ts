// LayerNorm's cost against the released code's (docs/layernorm.md "Cost"): run under the crypten
// schedule with 2 parties, SecFormer's LayerNorms take the rounds CrypTen 0.4's communicator logs for
// them — Goldschmidt inverse square root t = 7: 20 rounds, the whole LayerNorm without γ 22 (23 with its
// shared weight); (σ² + ε).sqrt().reciprocal(): 58; inv_sqrt: 19 — whatever the row width. And CrypTen's
// byte counter (sent + received by one party) for one LayerNorm with shared γ at [128, 768] is half of
// the 9.2 MB SecFormer's code logs for the two LayerNorms of a BERT-base layer at sequence length 128.
// Measured here, not read from the spec's formula (the generic properties check the two are equal).
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../harness/case.ts';
import { executeCase } from '../../harness/execute.ts';

const SECFORMER = { epsilon: 1e-6, epsilonEncoding: 'as-profile' } as const;
const gs = { method: 'goldschmidt', t: 7, eta: 1 } as const;

async function measured(id: string, params: Record<string, unknown>, shape: number[]) {
  const c = buildCase({ id, params, profile: 'crypten', parties: 2, size: 1, shape, seed: 9n });
  const r = await executeCase({ ...c, allowOutOfDomain: true });
  return r.run.metrics;
}

describe('layernorm under the crypten schedule costs what the released code logs', () => {
  const cases: [string, string, Record<string, unknown>, number][] = [
    ["SecFormer's Goldschmidt inverse square root, t = 7", 'inv_sqrt_goldschmidt', { t: 7, eta: 1 }, 20],
    ["SecFormer's LayerNorm without γ", 'layernorm', { ...SECFORMER, invSqrt: gs, affine: 'none' }, 22],
    [
      "SecFormer's LayerNorm with its shared weight",
      'layernorm',
      { ...SECFORMER, invSqrt: gs, affine: 'shared' },
      23,
    ],
    [
      'crypten_norm: (σ² + ε).sqrt().reciprocal()',
      'layernorm',
      {
        ...SECFORMER,
        invSqrt: { method: 'sqrt-reciprocal', sqrtIterations: 3, reciprocalIterations: 10 },
        affine: 'none',
      },
      58,
    ],
    [
      'puma_norm: inv_sqrt',
      'layernorm',
      { ...SECFORMER, invSqrt: { method: 'newton', iterations: 3 }, affine: 'none' },
      19,
    ],
  ];
  for (const [what, id, params, rounds] of cases)
    it(`${what}: ${rounds} rounds at widths 8 and 768`, async () => {
      for (const shape of id === 'layernorm'
        ? [
            [2, 8],
            [3, 768],
          ]
        : [[4]])
        expect((await measured(id, params, shape)).rounds, JSON.stringify(shape)).toBe(rounds);
    });

  it("CrypTen's byte count of one LayerNorm with shared γ at [128, 768] is half of 9.2 MB", async () => {
    const m = await measured('layernorm', { ...SECFORMER, invSqrt: gs, affine: 'shared' }, [128, 768]);
    for (const p of m.parties) expect((p.bitsSent + p.bitsReceived) / 8 / 2 ** 20).toBeCloseTo(9.2 / 2, 1);
  });
});
