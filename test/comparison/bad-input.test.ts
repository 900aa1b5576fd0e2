// Bad input to the comparison family (issue 3, "Bad input"): ring-width or shape mismatches between
// operands, a boolean tensor where an arithmetic one is expected, an empty axis — each a clear error
// naming the operand and shapes, before any message is sent; from the CLI, one line and exit code 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitTensor } from '../../core/bits.ts';
import { MpcspecError } from '../../core/errors.ts';
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { lt } from '../../protocols/comparison/compare.ts';
import { eq } from '../../protocols/comparison/eq.ts';
import { select } from '../../protocols/comparison/select.ts';
import { resolveConfig } from '../../spec/config.ts';
import { run } from './helpers.ts';
import { run as runCommand } from '../cli/helpers.ts';

const ring = (ell: number, shape: number[]): RingTensor =>
  ringTensor(ell, shape, new BigUint64Array(shape.reduce((a, d) => a * d, 1)));

describe('operand errors', () => {
  const config = resolveConfig('default', { ell: 16 });

  it('shape mismatch names both operands and shapes', async () => {
    await expect(run(2, (ctx) => lt(ctx, config, ring(16, [3]), ring(16, [2, 2])))).rejects.toThrow(
      /lt: shape mismatch: x is \[3\] but y is \[2, 2\]/,
    );
    await expect(
      run(2, (ctx) => select(ctx, config, ring(16, [2]), ring(16, [2]), ring(16, [3]))),
    ).rejects.toThrow(/select: shape mismatch: b is \[2\] but y is \[3\]/);
  });

  it('ring mismatch names the operand, its ring and the run’s ℓ', async () => {
    await expect(run(2, (ctx) => eq(ctx, config, ring(16, [2]), ring(32, [2])))).rejects.toThrow(
      /eq: operand y is a Z_2\^32 tensor of shape \[2\] but the run uses ℓ = 16/,
    );
  });

  it('a boolean tensor where an arithmetic share is expected', async () => {
    const bits = bitTensor(16, [2], new BigUint64Array(2)) as unknown as RingTensor;
    const err = await run(2, (ctx) => select(ctx, config, bits, ring(16, [2]), ring(16, [2]))).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MpcspecError);
    expect((err as MpcspecError).kind).toBe('input');
    expect((err as MpcspecError).message).toMatch(
      /select: operand b must be an arithmetic share in Z_2\^16, got a boolean \(XOR-shared\) 16-bit boolean tensor of shape \[2\]; convert it with b2a first/,
    );
  });
});

describe('from the CLI', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'mpcspec.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'mpcspec-cmp-'));
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('mismatched operand shapes exit with code 2 and one line naming them', async () => {
    const inputs = file('lt.json', JSON.stringify({ x: [1, 2, 3], y: [1, 2] }));
    const r = await runCommand(process.execPath, [bin, 'run', 'lt', '--inputs', inputs]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/lt: shape mismatch: x is \[3\] but y is \[2\]/);
  });

  it('an empty row for max exits with code 2', async () => {
    const inputs = file('max.json', JSON.stringify({ x: [[], []] }));
    const r = await runCommand(process.execPath, [bin, 'run', 'max', '--inputs', inputs]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/max: input 'x' is empty \(shape \[2, 0\]\)/);
  });
});
