// Bad GeLU parameters and inputs (issue "Bad input"): a usage error whose one line names the parameter
// and what is allowed — checked in process for every case, and through the real CLI (exit code 2, one
// line, no stack) for a few. Out-of-domain inputs are refused with the domain; run on request they are
// reported as such (test/gelu/out-of-domain.test.ts).
import { describe, expect, it } from 'vitest';
import { MpcspecError } from '../../core/errors.ts';
import { buildCase } from '../../harness/case.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { expectUserError, mpcspec, scratch } from '../cli/helpers.ts';

const BAD: readonly [string, string, Record<string, unknown>, RegExp][] = [
  ['T = 0', 'gelu_fourier', { T: 0 }, /gelu_fourier params: \$\.T: expected number > 0, got 0/],
  ['T < 0', 'gelu_fourier', { T: -1.7 }, /\$\.T: expected number > 0, got -1\.7/],
  [
    'a period that is not ring-sound',
    'gelu_fourier',
    { period: 20 },
    /\$\.period: expected a power of two .* with mask 'ring-sound'.*, got 20/,
  ],
  [
    "SecFormer's mask at another period",
    'gelu_fourier',
    { mask: 'secformer' },
    /\$\.period: expected 20 with mask 'secformer'.*, got 32/,
  ],
  [
    'an unknown mask',
    'gelu_fourier',
    { mask: 'real' },
    /\$\.mask: expected .*ring-sound.*secformer.*, got "real"/,
  ],
  ['an unknown β table', 'gelu_fourier', { beta: 'fitted' }, /\$\.beta: expected .*exact.*released/],
  ['an unknown reduction', 'gelu_fourier', { reduction: 'pi' }, /\$\.reduction: expected .*period.*2pi/],
  [
    'an unknown Quad form',
    'gelu_quad',
    { coefficients: 'paper' },
    /\$\.coefficients: expected .*mpcformer.*swapped/,
  ],
  ['an unknown PUMA form', 'gelu_puma', { form: 'spu' }, /\$\.form: expected .*puma.*secformer/],
  ['an unknown erf method', 'gelu_erf', { powers: 'tree' }, /\$\.powers: expected .*chain.*crypten-pow/],
  [
    'an unknown parameter',
    'gelu_tanh',
    { T: 1 },
    /gelu_tanh params: unknown parameter 'T'; this protocol takes none/,
  ],
  [
    'an unknown GeLU variant for the tokens',
    'gelu_tokens',
    { gelu: { id: 'gelu_exact' } },
    /\$\.gelu\.id: expected one of gelu_tanh, gelu_erf, .*, got "gelu_exact"/,
  ],
  [
    "a bad parameter of the tokens' variant",
    'gelu_tokens',
    { gelu: { id: 'gelu_fourier', T: -1 } },
    /\$\.gelu\.T: expected number > 0, got -1/,
  ],
  [
    "a parameter the tokens' variant does not take",
    'gelu_tokens',
    { gelu: { id: 'gelu_quad', T: 2 } },
    /\$\.gelu\.T: expected a parameter of gelu_quad \(coefficients\)/,
  ],
  [
    'a budget out of range',
    'gelu_tokens',
    { tokens: { budget: 1.5 } },
    /\$\.tokens\.budget: expected fraction of tokens that keep the GeLU, from 0 to 1, got 1\.5/,
  ],
  ['a negative budget', 'gelu_tokens', { tokens: { budget: -0.1 } }, /\$\.tokens\.budget: expected fraction/],
  [
    'a mask that is not 0/1',
    'gelu_tokens',
    { tokens: { mask: [1, 2, 0, 1] } },
    /\$\.tokens\.mask: expected list of 0\/1, one per token/,
  ],
  [
    'neither mask nor budget',
    'gelu_tokens',
    { tokens: { share: 0.5 } },
    /\$\.tokens: expected \{ "mask": .* \} or \{ "budget": .* \}, got \{"share":0\.5\}/,
  ],
];

describe('GeLU bad parameters: a usage error naming the parameter and what is allowed', () => {
  for (const [what, id, params, message] of BAD)
    it(what, () => {
      const e = (() => {
        try {
          buildCase({ id, params, profile: 'default', size: 4, seed: 1n });
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e).toBeInstanceOf(MpcspecError);
      expect((e as MpcspecError).kind).toBe('usage');
      expect((e as MpcspecError).message).toMatch(message);
      expect((e as MpcspecError).message).not.toMatch(/\n/);
    });

  it('a ring-sound period too long for the ring: refused for this configuration, naming the limit', () => {
    const p = findProtocol('gelu_fourier');
    expect(p.bind({ period: 2 ** 17 }).unsupported(resolveConfig('default'))).toMatch(
      /period 131072 is not ring-sound for ℓ 64, f 16: .* P ≤ 2\^16/,
    );
    expect(p.bind({ period: 2 ** 16 }).unsupported(resolveConfig('default'))).toBeUndefined();
    expect(p.bind({ period: 2 ** 16 }).unsupported(resolveConfig('spu'))).toMatch(/P ≤ 2\^10/);
  });
});

// The real CLI (asynchronously: a synchronous child would starve the test runner's heartbeat).
const files = scratch('gelu');
const outside = files.file('outside.json', '{"x":[1,4]}');

const CLI: readonly [string, string[], RegExp][] = [
  [
    'T = 0',
    ['run', 'gelu_fourier', '--params', '{"T":0}'],
    /gelu_fourier params: \$\.T: expected number > 0/,
  ],
  [
    'a ring-sound period too long for the ring',
    ['run', 'gelu_fourier', '--params', '{"period":131072}'],
    /gelu_fourier: not supported here: period 131072 is not ring-sound/,
  ],
  [
    'a token mask of the wrong length',
    ['run', 'gelu_tokens', '--params', '{"tokens":{"mask":[1,0,1]}}', '--shape', '128x3072'],
    /gelu_tokens: tokens\.mask has 3 entries but x \[128, 3072\] has 128 tokens/,
  ],
  [
    'an input outside the domain',
    ['run', 'gelu_erf', '--inputs', outside],
    /gelu_erf: input x\[1\] = 4 is outside the domain \[-2\.8, 2\.8\]/,
  ],
];

describe('GeLU bad input through the CLI: exit 2, one line, no stack', () => {
  for (const [what, args, message] of CLI)
    it(what, async () => {
      expectUserError(await mpcspec(...args), message);
    });
});
