// The generated parts of docs/attention.md (issue 12 §3, §5): the side-by-side cost of every normaliser
// under both schedules at [12, 128, 128] (from the specs' cost functions), the error of each variant's
// reference against its own float64 formula (bounded) with its distance to exact softmax beside it (not
// bounded), and a sample row through every normaliser, as a table and an SVG plot. Deterministic: the
// rows come from each spec's typical-row sampler under fixed labels, the references are cleartext.
// test/attention/docs.test.ts checks that docs/attention.md and docs/plots/attention-sample.svg hold
// exactly this; `node --import tsx report/attention-docs.ts --write` regenerates both.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, encode } from '../core/fixed.ts';
import type { Shape } from '../core/shape.ts';
import { type BoundProtocol, findProtocol } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';
import { cryptenCounterBytes } from '../spec/cost.ts';
import { rowValues, seededUniforms } from '../spec/rows/draw.ts';
import { softmaxRow } from '../spec/attention/softmax.ts';
import { renderChart } from './svg-chart.ts';

/** A parameter set worth a row of the tables: its id, a label, the parameters, its home row length. */
export interface AttentionVariant {
  readonly id: string;
  readonly label: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The row length of the model it belongs to: 128 BERT-base, 65 MPCViT CIFAR, 197 PriViT. */
  readonly home: number;
}

const newton = (eta: number | 'none', signStep = false) => ({
  method: 'newton',
  iterations: 10,
  signStep,
  eta,
});
const goldschmidt = (t: number, eta: number | 'none') => ({ method: 'goldschmidt', t, eta });
const RSATTN = { epsilon: 1e-5, denominator: newton(0.25) };

export const ATTENTION_VARIANTS: readonly AttentionVariant[] = [
  { id: 'softmax', label: 'CrypTen (Newton, no deflation)', params: {}, home: 128 },
  { id: 'softmax', label: 'Newton, η = 1/32', params: { denominator: newton(1 / 32) }, home: 128 },
  {
    id: 'softmax',
    label: 'Goldschmidt t = 13, η = 0.6',
    params: { denominator: goldschmidt(13, 0.6) },
    home: 128,
  },
  { id: 'softmax_2quad', label: 'SecFormer (Goldschmidt t = 7, η = 100)', params: {}, home: 128 },
  {
    id: 'softmax_2quad',
    label: 'SecFormer benchmark (t = 13)',
    params: { denominator: goldschmidt(13, 100) },
    home: 128,
  },
  {
    id: 'softmax_2quad',
    label: 'MPCFormer (Newton, sign step, η = 4)',
    params: { denominator: newton(4, true) },
    home: 128,
  },
  { id: 'softmax_taylor', label: 'Newton, η = 1', params: {}, home: 128 },
  {
    id: 'softmax_taylor',
    label: 'Goldschmidt t = 8, η = 7.5',
    params: { denominator: goldschmidt(8, 7.5) },
    home: 128,
  },
  { id: 'softmax_relu', label: 'MPCViT RSAttn (ε = 1e-5, Newton, η = 1/4)', params: {}, home: 65 },
  {
    id: 'softmax_relu',
    label: 'MPCFormer 2ReLU (no ε, sign step)',
    params: { epsilon: 0, denominator: newton(0.25, true) },
    home: 128,
  },
  {
    id: 'softmax_relu',
    label: 'Goldschmidt t = 13, η = 4.5',
    params: { denominator: goldschmidt(13, 4.5) },
    home: 65,
  },
  { id: 'softmax_scale', label: 'MPCViT ScaleAttn (N = row)', params: {}, home: 65 },
  { id: 'softmax_squared', label: 'PriViT SquaredAttn (N = 197)', params: {}, home: 197 },
];

/** The composites at [12, 128, 128]: 12 heads, half of them RSAttn; 768 of the 1 536 rows softmax. */
const COMPOSITES: readonly AttentionVariant[] = [
  {
    id: 'attention_heads',
    label: 'MPCViT, 6 of 12 heads RSAttn',
    params: { heads: { mask: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0] }, relu: RSATTN },
    home: 128,
  },
  {
    id: 'attention_rows',
    label: 'PriViT, budget 768 of 1 536 rows',
    params: { rows: { budget: 768 } },
    home: 128,
  },
];

const SHAPE: Shape = [12, 128, 128];
const MIB = 2 ** 20;

const bind = (v: AttentionVariant): BoundProtocol => findProtocol(v.id).bind(v.params);

/** The side-by-side cost at [12, 128, 128], 2 parties, from the specs' cost functions. */
export function attentionCostTable(): string {
  const lines = [
    '| id | parameters | rounds crypten | rounds default | online bytes crypten | online bytes default | offline MiB crypten | offline MiB default |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const v of [...ATTENTION_VARIANTS, ...COMPOSITES]) {
    const [c, d] = (['crypten', 'default'] as const).map((profile) =>
      bind(v).cost(resolveConfig(profile, { parties: 2 }), { x: SHAPE }),
    );
    lines.push(
      `| \`${v.id}\` | ${v.label} | ${c!.rounds} | ${d!.rounds} | ${cryptenCounterBytes(c!).toLocaleString('en')} | ${cryptenCounterBytes(d!).toLocaleString('en')} | ${(c!.offlineBits[0]! / 8 / MIB).toFixed(1)} | ${(d!.offlineBits[0]! / 8 / MIB).toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

const ROWS_MEASURED = 16;
const e = (v: number): string => (v === 0 ? '0' : v.toExponential(1));

/** Typical rows of a variant at its home length, drawn by its spec, with their shape. */
function typicalRows(p: BoundProtocol, n: number): { shape: Shape; values: Float64Array } {
  const config = resolveConfig('default');
  const shape = p.rows?.shapeOf?.(ROWS_MEASURED, n) ?? [ROWS_MEASURED, n];
  const d = p.domain(config, p.shapesFor(shape))['x']!;
  if (d.kind !== 'real') throw new Error(`${p.id}: a real domain is needed`);
  const next = seededUniforms(`docs/attention/${p.id}/${n}`);
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const values = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) values.set(rowValues('typical', d, n, next), r * n);
  return { shape, values };
}

/** max |a − b| over every element. */
const maxGap = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let g = 0;
  for (let i = 0; i < a.length; i++) g = Math.max(g, Math.abs(a[i]! - b[i]!));
  return g;
};

/** Exact softmax of every row of `values` (rows of n). */
function softmaxRows(values: Float64Array, n: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let r = 0; r * n < values.length; r++) out.set(softmaxRow(values.subarray(r * n, (r + 1) * n)), r * n);
  return out;
}

/**
 * Per variant, default profile, 2 parties, 16 typical rows at its home length: the stated bound on
 * |reference − its formula|, the measured worst, and the distances to exact softmax.
 */
export function attentionErrorTable(): string {
  const config = resolveConfig('default', { parties: 2 });
  const lines = [
    '| id | parameters | N | scores | rows | bound \\|ref − formula\\| | measured | \\|formula − softmax\\| | \\|ref − softmax\\| |',
    '|---|---|---:|---|---|---:|---:|---:|---:|',
  ];
  for (const v of ATTENTION_VARIANTS) {
    const p = bind(v);
    const { shape, values } = typicalRows(p, v.home);
    const shapes = p.shapesFor(shape);
    const x = encode(values, shape, config, 'x');
    const decoded = decode(x, config.f);
    const ref = decode(p.reference(config, { x }, shapes)['z']!, config.f);
    const formula = p.ideal(config, { x: decoded }, shapes)['z']!;
    const exact = softmaxRows(decoded, v.home);
    const bound = p.bounds(config, shapes).approximation;
    const d = p.domain(config, shapes)['x']!;
    const [scores, rows] =
      d.kind === 'real' ? [`[${d.min}, ${d.max}]`, d.row?.what ?? 'any row'] : ['ring', ''];
    lines.push(
      `| \`${v.id}\` | ${v.label} | ${v.home} | ${scores} | ${rows} | ${e(bound.abs)} | ${e(maxGap(ref, formula))} | ${e(maxGap(formula, exact))} | ${e(maxGap(ref, exact))} |`,
    );
  }
  return lines.join('\n');
}

/** The sample row: 65 typical scores (MPCViT's CIFAR row length), sorted ascending. */
function sampleRow(): Float64Array {
  const p = findProtocol('softmax').bind();
  const d = p.domain(resolveConfig('default'), p.shapesFor([1, 65]))['x']!;
  if (d.kind !== 'real') throw new Error('softmax: a real domain is needed');
  return rowValues('typical', d, 65, seededUniforms('docs/attention/sample')).sort();
}

const SAMPLE_IDS: readonly { readonly id: string; readonly color: string }[] = [
  { id: 'softmax', color: '#000000' },
  { id: 'softmax_2quad', color: '#d62728' },
  { id: 'softmax_taylor', color: '#ff7f0e' },
  { id: 'softmax_relu', color: '#2ca02c' },
  { id: 'softmax_scale', color: '#1f77b4' },
  { id: 'softmax_squared', color: '#9467bd' },
];

/** Each normaliser's formula and fixed-point reference (default profile) on the sample row. */
function sampleOutputs(): {
  row: Float64Array;
  outputs: { id: string; formula: Float64Array; ref: Float64Array }[];
} {
  const config = resolveConfig('default', { parties: 2 });
  const row = sampleRow();
  const shape: Shape = [1, row.length];
  const x = encode(row, shape, config, 'x');
  const decoded = decode(x, config.f);
  const outputs = SAMPLE_IDS.map(({ id }) => {
    const p = findProtocol(id).bind();
    return {
      id,
      formula: p.ideal(config, { x: decoded }, { x: shape })['z']!,
      ref: decode(p.reference(config, { x }, { x: shape })['z']!, config.f),
    };
  });
  return { row: decoded, outputs };
}

/** The sample row through every normaliser (default parameters), against exact softmax. */
export function attentionSampleTable(): string {
  const { row, outputs } = sampleOutputs();
  const exact = softmaxRow(row);
  const top = row.length - 1;
  const lines = [
    `Sample row: 65 typical scores (σ = 1.5), from ${row[0]!.toFixed(2)} to ${row[top]!.toFixed(2)}; exact softmax gives the top score ${exact[top]!.toFixed(4)}.`,
    '',
    '| id | Σ_row output | output at the top score | max \\|formula − softmax\\| | max \\|ref − formula\\| |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const o of outputs)
    lines.push(
      `| \`${o.id}\` | ${o.formula.reduce((a, b) => a + b, 0).toFixed(4)} | ${o.formula[top]!.toFixed(4)} | ${e(maxGap(o.formula, exact))} | ${e(maxGap(o.ref, o.formula))} |`,
    );
  return lines.join('\n');
}

/** The sample-row plot: outputs against the score, and each one's distance to exact softmax. */
export function attentionSampleSvg(): string {
  const { row, outputs } = sampleOutputs();
  const exact = softmaxRow(row);
  const color = (id: string): string => SAMPLE_IDS.find((s) => s.id === id)!.color;
  return renderChart({
    title: 'One row of 65 attention scores through every normaliser',
    subtitle: [
      'x: the scores of one typical row (σ = 1.5), sorted; each normaliser with its default parameters (float64 formula)',
      'bottom: |output − exact softmax| (not a bound: 2Quad, ReLU, ScaleAttn and SquaredAttn are different functions)',
    ],
    xLabel: 'score x',
    panels: [
      {
        title: 'output',
        yLabel: 'y',
        height: 260,
        series: outputs.map((o) => ({ label: o.id, color: color(o.id), x: row, y: o.formula })),
      },
      {
        title: 'distance to exact softmax',
        yLabel: '|y − softmax|',
        log: true,
        logFloor: 1e-7,
        height: 220,
        series: outputs
          .filter((o) => o.id !== 'softmax')
          .map((o) => ({
            label: o.id,
            color: color(o.id),
            x: row,
            y: o.formula.map((v, i) => Math.abs(v - exact[i]!)),
          })),
      },
    ],
  });
}

/** The generated blocks of docs/attention.md, by marker name. */
export const ATTENTION_BLOCKS: Readonly<Record<string, () => string>> = {
  'attention-cost': attentionCostTable,
  'attention-error': attentionErrorTable,
  'attention-sample': attentionSampleTable,
};

export const SAMPLE_SVG = join('docs', 'plots', 'attention-sample.svg');

/** `doc` with each generated block replaced by what the generators give now. */
export function withGeneratedBlocks(doc: string): string {
  let out = doc;
  for (const [name, make] of Object.entries(ATTENTION_BLOCKS)) {
    const re = new RegExp(`(<!-- ${name}:begin -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`docs/attention.md has no ${name} block`);
    out = out.replace(re, (_m, a: string, b: string) => `${a}\n${make()}\n${b}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--write')) {
  const root = join(import.meta.dirname, '..');
  const path = join(root, 'docs', 'attention.md');
  writeFileSync(path, withGeneratedBlocks(readFileSync(path, 'utf8')));
  writeFileSync(join(root, SAMPLE_SVG), attentionSampleSvg());
}
