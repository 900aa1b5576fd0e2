// GeLU on a public choice of tokens, identity on the rest (ALGORITHMS.md §6; PriViT arXiv 2310.04604:
// one switch α per token, α = 1 keeps GeLU; MPCViT+ arXiv 2211.13955: β = 0 tokens skip GeLU). The
// tokens are the rows of x = [N, F] (every axis but the last); which of them keep the GeLU is public —
// a learned mask, or a budget: the fraction of tokens that keep it, spread evenly (row i is kept when
// ⌊(i+1)·k/N⌋ > ⌊i·k/N⌋, k = round(budget·N)). The kept rows run the chosen variant (gelu_tanh, PriViT's
// SPU default, unless another is named with its parameters); the others are the identity, which costs
// nothing — so the cost is the variant's on the kept rows' elements only.
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import { type Shape, formatShape, sizeOf } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { bindPrivacy } from '../privacy.ts';
import { inputShape } from '../shapes.ts';
import { free } from '../steps.ts';
import type { ProtocolSpec } from '../types.ts';
import { GeluChoiceCodec, useChoice } from './choice.ts';
import { GELU_DOCS } from './common.ts';

export type TokenChoice = { readonly mask: readonly (0 | 1)[] } | { readonly budget: number };

const expectedAt = (c: t.Context, key: string, expected: string, value: unknown): t.Validation<TokenChoice> =>
  t.failure(value, [
    ...c,
    {
      key,
      type: new t.Type<unknown>(expected, (_): _ is unknown => false, t.failure, t.identity),
      actual: value,
    },
  ]);

const MASK = 'list of 0/1, one per token (row of x), 1 keeping the GeLU';
const BUDGET = 'fraction of tokens that keep the GeLU, from 0 to 1';

export const TokenChoiceCodec = new t.Type<TokenChoice, TokenChoice, unknown>(
  `{ "mask": [${MASK}] } or { "budget": ${BUDGET} }`,
  (u): u is TokenChoice => typeof u === 'object' && u !== null && ('mask' in u || 'budget' in u),
  (u, c) => {
    const o = typeof u === 'object' && u !== null && !Array.isArray(u) ? (u as Record<string, unknown>) : {};
    const keys = Object.keys(o);
    if (keys.length !== 1 || !(keys[0] === 'mask' || keys[0] === 'budget')) return t.failure(u, c);
    if (keys[0] === 'mask') {
      const m = o['mask'];
      return Array.isArray(m) && m.length > 0 && m.every((v) => v === 0 || v === 1)
        ? t.success({ mask: m as (0 | 1)[] })
        : expectedAt(c, 'mask', MASK, m);
    }
    const b = o['budget'];
    return typeof b === 'number' && b >= 0 && b <= 1
      ? t.success({ budget: b })
      : expectedAt(c, 'budget', BUDGET, b);
  },
  t.identity,
);

export const GeluTokensParams = t.type({ gelu: GeluChoiceCodec, tokens: TokenChoiceCodec });
export type GeluTokensParams = t.TypeOf<typeof GeluTokensParams>;

/** Rows of the runs `mpcspec run gelu_tokens --size n` makes: [TOKENS, n]. */
export const TOKENS = 4;

/** The number of tokens (rows) of x: every axis but the last. */
export const tokenCount = (shape: Shape): number => sizeOf(shape.slice(0, -1));

/** The rows that keep the GeLU, ascending. */
export function keptTokens(tokens: TokenChoice, rows: number): number[] {
  if ('mask' in tokens) return tokens.mask.flatMap((v, i) => (v === 1 ? [i] : []));
  const k = Math.round(tokens.budget * rows);
  return Array.from({ length: rows }, (_, i) => i).filter(
    (i) => Math.floor(((i + 1) * k) / rows) > Math.floor((i * k) / rows),
  );
}

function checkedShape(p: GeluTokensParams, shapes: Readonly<Record<string, Shape>>): Shape {
  const x = inputShape(shapes, 'x', 'gelu_tokens');
  if (x.length === 0) throw inputError('gelu_tokens: x must have a last axis (the features of each token)');
  if ('mask' in p.tokens && p.tokens.mask.length !== tokenCount(x))
    throw inputError(
      `gelu_tokens: tokens.mask has ${p.tokens.mask.length} entries but x ${formatShape(x)} has ${tokenCount(x)} tokens (its rows); give one 0/1 per row`,
    );
  return x;
}

/** The variant's elements a run of these shapes computes: the kept rows' features. */
export function keptElements(p: GeluTokensParams, shapes: Readonly<Record<string, Shape>>): number {
  const x = checkedShape(p, shapes);
  return keptTokens(p.tokens, tokenCount(x)).length * (x[x.length - 1] ?? 1);
}

export const geluTokensSpec: ProtocolSpec<GeluTokensParams> = {
  id: 'gelu_tokens',
  title: 'GeLU on a public choice of tokens (PriViT α, MPCViT+ β), identity on the others',
  family: 'gelu',
  source: `PriViT (arXiv 2310.04604) §3; MPCViT (arXiv 2211.13955) MPCViT+; ${GELU_DOCS}`,
  params: GeluTokensParams,
  defaults: { gelu: { id: 'gelu_tanh', params: {} }, tokens: { budget: 0.5 } },
  variants: [
    {
      gelu: {
        id: 'gelu_fourier',
        params: { T: 1.7, beta: 'exact', mask: 'ring-sound', period: 32, reduction: 'period' },
      },
      tokens: { mask: [1, 0, 0, 1] },
    },
  ],
  inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (_p, size) => ({ x: [TOKENS, size] }),
  outputShapes: (p, shapes) => ({ z: checkedShape(p, shapes) }),
  unsupported: (config, p) => useChoice(p.gelu, (spec, q) => spec.unsupported?.(config, q)),
  domain: (config, p) => ({ x: useChoice(p.gelu, (spec, q) => spec.domain(config, q, { x: [1] })['x']!) }),
  ideal: (p, inputs, shapes, config) => {
    const x = inputs['x']!;
    const shape = checkedShape(p, shapes);
    const n = shape[shape.length - 1] ?? 1;
    const z = Float64Array.from(x);
    const kept = keptTokens(p.tokens, tokenCount(shape));
    if (kept.length === 0) return { z };
    const part = new Float64Array(kept.length * n);
    kept.forEach((r, k) => part.set(x.subarray(r * n, (r + 1) * n), k * n));
    const out = useChoice(
      p.gelu,
      (spec, q) => spec.ideal(q, { x: part }, { x: [part.length] }, config)['z']!,
    );
    kept.forEach((r, k) => z.set(out.subarray(k * n, (k + 1) * n), r * n));
    return { z };
  },
  cost: (config: Config, p, shapes) => {
    const n = keptElements(p, shapes);
    return n === 0 ? free(config) : useChoice(p.gelu, (spec, q) => spec.cost(config, q, { x: [n] }));
  },
  bounds: (config, p) => useChoice(p.gelu, (spec, q) => spec.bounds(config, q, { x: [1] })),
  privacy: { knownLeak: (p) => useChoice(p.gelu, (spec, q) => bindPrivacy(spec.privacy, q).knownLeak) },
};
