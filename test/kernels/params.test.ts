// Bad parameters fail at bind time with the parameter's path and its allowed range (registry/entry.ts
// decodes with the spec's io-ts codec); configurations a variant cannot run are refused by name.
import { describe, expect, it } from 'vitest';
import { MpcspecError } from '../../core/errors.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

const bindError = (id: string, params: Record<string, unknown>): MpcspecError => {
  try {
    findProtocol(id).bind(params);
  } catch (e) {
    if (e instanceof MpcspecError) return e;
    throw e;
  }
  throw new Error(`${id} ${JSON.stringify(params)} was accepted`);
};

describe('parameter errors name the parameter and the allowed range', () => {
  it.each([
    ['reciprocal_goldschmidt', { t: 0 }, /\$\.t: expected integer from 1 to 64, got 0/],
    ['inv_sqrt_goldschmidt', { t: 1.5 }, /\$\.t: expected integer from 1 to 64, got 1.5/],
    ['reciprocal_goldschmidt', { eta: 0 }, /\$\.eta: expected number > 0, got 0/],
    ['inv_sqrt_goldschmidt', { eta: -2 }, /\$\.eta: expected number > 0, got -2/],
    ['exp', { iterations: 0 }, /\$\.iterations: expected integer from 1 to 64/],
    ['reciprocal_nr_pos', { iterations: -3 }, /\$\.iterations: expected integer from 1 to 64/],
    ['sin', { variant: 'ring', period: 20 }, /power-of-two period/],
    ['sin', { frequencies: [] }, /\$\.frequencies: expected list of 1 to 32 distinct integers ≥ 1/],
    ['erf', { powers: 'fast' }, /\$\.powers/],
  ])('%s %j', (id, params, message) => {
    const e = bindError(id, params);
    expect(e.kind).toBe('usage');
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`${id} params`)).toBe(true);
  });

  it('a ring-sound sine period too long for the ring is refused, naming the period and the limit', () => {
    const p = findProtocol('sin').bind({ variant: 'ring', period: 2 ** 50 });
    expect(p.unsupported(resolveConfig('crypten'))).toMatch(
      /period 1125899906842624 is not ring-sound .* P ≤ 2\^48/,
    );
    expect(
      findProtocol('sin')
        .bind({ variant: 'ring', period: 2 ** 48 })
        .unsupported(resolveConfig('crypten')),
    ).toBe(undefined);
  });

  it('iterative kernels refuse rings too small to iterate in', () => {
    const p = findProtocol('reciprocal_nr_pos').bind();
    expect(p.unsupported(resolveConfig('crypten', { ell: 16 }))).toMatch(/ℓ ≥ 32/);
  });
});
