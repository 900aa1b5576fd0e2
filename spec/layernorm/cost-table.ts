// The side-by-side cost table of docs/layernorm.md, from the spec's own cost function (so the docs
// cannot drift from what the harness checks; test/layernorm/docs.test.ts compares): LayerNorm over
// [128, 768] (BERT-base at sequence length 128), 2 parties, per configuration the rounds and the bits
// one party sends online and receives offline, under the crypten schedule next to the default one.
import type * as t from 'io-ts';
import { resolveConfig } from '../config.ts';
import type { Shape } from '../../core/shape.ts';
import { layerNormSpec } from './layernorm.ts';
import type { LayerNormParams } from './params.ts';

export const COST_TABLE_SHAPE: Shape = [128, 768];

/** The configurations the table compares: the released code's three, then this project's defaults. */
export const COST_TABLE_ROWS: readonly { readonly name: string; readonly params: LayerNormParams }[] = [
  {
    name: "SecFormer's LN, Goldschmidt t = 7, η = 1, no γ",
    params: {
      invSqrt: { method: 'goldschmidt', t: 7 as t.Int, eta: 1 },
      epsilon: 1e-6,
      epsilonEncoding: 'as-profile',
      affine: 'none',
    },
  },
  {
    name: 'the same with its shared γ, β',
    params: {
      invSqrt: { method: 'goldschmidt', t: 7 as t.Int, eta: 1 },
      epsilon: 1e-6,
      epsilonEncoding: 'as-profile',
      affine: 'shared',
    },
  },
  {
    name: 'crypten_norm: sqrt then reciprocal, no γ',
    params: {
      invSqrt: { method: 'sqrt-reciprocal', sqrtIterations: 3 as t.Int, reciprocalIterations: 10 as t.Int },
      epsilon: 1e-6,
      epsilonEncoding: 'as-profile',
      affine: 'none',
    },
  },
  {
    name: "puma_norm: CrypTen's inv_sqrt, no γ",
    params: {
      invSqrt: { method: 'newton', iterations: 3 as t.Int },
      epsilon: 1e-6,
      epsilonEncoding: 'as-profile',
      affine: 'none',
    },
  },
  { name: 'defaults: Goldschmidt t = 7, η = 16, shared γ, β', params: layerNormSpec.defaults },
  {
    name: 'Goldschmidt t = 7, η = 16, public γ, β',
    params: { ...layerNormSpec.defaults, affine: 'public' },
  },
];

const mib = (bits: number): string => (bits / 8 / 2 ** 20).toFixed(2);

/** The markdown table: rounds, online MiB sent and offline MiB received by one party, both schedules. */
export function costTableMarkdown(): string {
  const lines = [
    '| configuration | rounds crypten | rounds default | online MiB crypten | online MiB default | offline MiB crypten | offline MiB default |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of COST_TABLE_ROWS) {
    const [c, d] = (['crypten', 'default'] as const).map((profile) => {
      const config = resolveConfig(profile, { parties: 2 });
      const shapes = layerNormSpec.shapesFor!(row.params, COST_TABLE_SHAPE);
      return layerNormSpec.cost(config, row.params, shapes);
    });
    lines.push(
      `| ${row.name} | ${c!.rounds} | ${d!.rounds} | ${mib(c!.bitsSent[0]!)} | ${mib(d!.bitsSent[0]!)} | ${mib(c!.offlineBits[0]!)} | ${mib(d!.offlineBits[0]!)} |`,
    );
  }
  return lines.join('\n');
}
