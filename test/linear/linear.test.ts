// The linear layers (spec/linear/) beyond the generic properties: the reassociated ScaleAttn is the same
// function as scores → S/N → context; shapes that do not fit the heads are one-line errors (exit 2); a
// BERT-sized projection runs on the fast matmul and passes at its real shape.
import { describe, expect, it } from 'vitest';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { mpcspec } from '../cli/helpers.ts';

/** Reals in [−1, 1) from a fixed linear congruential sequence. */
function reals(n: number, seed: number): Float64Array {
  let x = seed;
  return Float64Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 30 - 1;
  });
}

describe('linear layers', () => {
  it('ScaleAttn reassociated, Q·(Kᵀ·V)/(√d·N), is the function context(scores/N)', async () => {
    const config = resolveConfig('default');
    const [heads, n, d] = [3, 7, 4];
    const q = reals(n * heads * d, 1);
    const k = reals(n * heads * d, 2);
    const v = reals(n * heads * d, 3);
    const qkv = { q: [n, heads * d], k: [n, heads * d], v: [n, heads * d] };
    const reassociated = findProtocol('scale_attention').bind({ heads }).ideal(config, { q, k, v }, qkv)[
      'z'
    ]!;
    const s = findProtocol('attention_scores').bind({ heads }).ideal(config, { q, k }, qkv)['s']!;
    const p = s.map((x) => x / n);
    const context = findProtocol('attention_context')
      .bind({ heads })
      .ideal(config, { p, v }, { p: [heads, n, n], v: [n, heads * d] })['z']!;
    expect(reassociated.length).toBe(context.length);
    reassociated.forEach((z, i) => expect(z).toBeCloseTo(context[i]!, 12));
  });

  it.each([
    [
      ['run', 'attention_scores', '--params', '{"heads":3}', '--shape', 'q=4x8,k=4x8'],
      /q of shape \[4, 8\] is not \[N, H·d\] with H = 3 heads/,
    ],
    [['run', 'attention_scores', '--shape', 'q=4x8,k=5x6'], /q has heads of width 4 but k of width 3/],
    [
      ['run', 'attention_context', '--shape', 'p=2x3x5,v=4x4'],
      /attention_context: shape mismatch: p is \[2, 3, 5\] and v is \[4, 4\]/,
    ],
    [
      ['run', 'linear', '--shape', 'x=2x3,w=4x4,b=4'],
      /linear: shape mismatch: x is \[2, 3\] and w is \[4, 4\]/,
    ],
    [
      ['run', 'linear', '--shape', 'x=2x4,w=4x4,b=3'],
      /linear: shape mismatch: b is \[3\], w is \[4, 4\]; need b \[4\]/,
    ],
    [['run', 'linear', '--params', '{"owner":2}'], /owner 2 is not a party/],
    [['run', 'attention_scores', '--params', '{"heads":0}'], /heads/],
  ])('%j is a one-line error, exit 2', async (args, message) => {
    const r = await mpcspec(...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it("runs a BERT-base projection [128, 768]·[768, 768] within bounds, at CrypTen's count", async () => {
    const r = await mpcspec(
      'run',
      'linear',
      '--profile',
      'crypten',
      '--shape',
      'x=128x768,w=768x768,b=768',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { ok: boolean; rounds: number; cryptenBytes: number[] };
    expect(s.ok).toBe(true);
    expect(s.rounds).toBe(1);
    // CrypTen's beaver matmul opens x − A and W − B: (|x| + |W|) elements sent and as many received.
    expect(s.cryptenBytes[0]).toBe((128 * 768 + 768 * 768) * 8 * 2);
  });
});
