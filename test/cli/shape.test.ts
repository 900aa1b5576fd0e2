// `--shape` on run and conform (harness/case.ts requestedShapes): a tensor of any rank for the first
// input, the others derived by the spec, or a shape per input by name; bad shapes are one-line usage
// errors (exit 2), and a row-wise spec refuses rows of length 0.
import { describe, expect, it } from 'vitest';
import { mpcspec } from './helpers.ts';

describe('--shape', () => {
  it('runs a row-wise protocol on a rank-3 tensor and reports the shape', async () => {
    const r = await mpcspec('run', 'softmax_taylor', '--shape', '2x3x5', '--json');
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { shapes: Record<string, number[]>; ok: boolean };
    expect(s.shapes['x']).toEqual([2, 3, 5]);
    expect(s.ok).toBe(true);
  });

  it('takes a shape per input by name (matmul x [2, 3] times y [3, 4])', async () => {
    const r = await mpcspec('run', 'matmul', '--shape', 'x=2x3,y=3x4', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { shapes: unknown }).shapes).toEqual({ x: [2, 3], y: [3, 4] });
  });

  it('derives the other inputs from the first (mul: y like x)', async () => {
    const r = await mpcspec(
      'conform',
      '--only',
      'mul',
      '--profile',
      'default',
      '--parties',
      '2',
      '--shape',
      '3x2',
      '--no-views',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: { summary: { shapes: Record<string, number[]> } }[] };
    expect(out.rows[0]!.summary.shapes).toEqual({ x: [3, 2], y: [3, 2] });
  });

  it.each([
    [['run', 'mul', '--shape', '2xa'], /--shape: '2xa' is not a shape/],
    [['run', 'mul', '--shape', '0x3'], /--shape: '0x3' is not a shape/],
    [['run', 'matmul', '--shape', 'x=2x3,z=3x4'], /--shape: matmul has no input 'z'; its inputs are x, y/],
    [['run', 'matmul', '--shape', 'x=2x3,y=4x4'], /matmul: shape mismatch: x is \[2, 3\] and y is \[4, 4\]/],
    [['run', 'softmax_taylor', '--shape', '4x100000x1000'], /has 400000000 elements; at most 10000000/],
  ])('%j is a one-line error, exit 2', async (args, message) => {
    const r = await mpcspec(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
