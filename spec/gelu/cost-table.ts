// The GeLU cost table of docs/gelu.md, computed from the specs' own cost functions (so the documentation
// cannot drift from what the harness checks; test/gelu/docs.test.ts compares): one GeLU over the MLP of a
// BERT-base layer at 128 tokens, x of shape [128, 3072], 2 parties, both schedules side by side.
// "CrypTen's count" is what CrypTen's communication counter logs for one party — bytes sent plus bytes
// received — the unit the released systems report; offline is the dealer's delivery to one party.
import { resolveConfig } from '../config.ts';
import type { Cost } from '../types.ts';
import type { ErfParams } from '../kernels/erf.ts';
import type { ChoiceUser } from './choice.ts';
import { type GeluChoice, useChoice } from './choice.ts';
import { geluTokensSpec } from './tokens.ts';

export const COST_TABLE_SHAPE = [128, 3072] as const;

export interface CostRow {
  readonly label: string;
  readonly choice?: GeluChoice;
  /** A gelu_tokens row: its tokens (the GeLU is `choice`). */
  readonly tokens?: { readonly budget: number };
}

export const COST_ROWS: readonly CostRow[] = [
  { label: 'gelu_tanh', choice: { id: 'gelu_tanh', params: {} } },
  {
    label: 'gelu_erf (erf powers by a chain)',
    choice: { id: 'gelu_erf', params: { iterations: 8 as ErfParams['iterations'], powers: 'chain' } },
  },
  {
    label: "gelu_erf (CrypTen's own pow)",
    choice: { id: 'gelu_erf', params: { iterations: 8 as ErfParams['iterations'], powers: 'crypten-pow' } },
  },
  { label: 'gelu_quad', choice: { id: 'gelu_quad', params: { coefficients: 'mpcformer' } } },
  {
    label: 'gelu_fourier (T 1.7, ring-sound mask)',
    choice: {
      id: 'gelu_fourier',
      params: { T: 1.7, beta: 'exact', mask: 'ring-sound', period: 32, reduction: 'period' },
    },
  },
  {
    label: 'gelu_fourier (SecFormer as released: T 2.5, its mask)',
    choice: {
      id: 'gelu_fourier',
      params: { T: 2.5, beta: 'released', mask: 'secformer', period: 20, reduction: 'period' },
    },
  },
  { label: 'gelu_puma', choice: { id: 'gelu_puma', params: { form: 'puma' } } },
  { label: 'gelu_relu', choice: { id: 'gelu_relu', params: {} } },
  { label: 'gelu_identity', choice: { id: 'gelu_identity', params: {} } },
  {
    label: 'gelu_tokens (gelu_tanh on half the tokens)',
    choice: { id: 'gelu_tanh', params: {} },
    tokens: { budget: 0.5 },
  },
];

const MiB = 8 * 2 ** 20;
const mib = (bits: number): string => (bits / MiB).toFixed(1);

function costOf(row: CostRow, profile: 'crypten' | 'default'): Cost {
  const config = resolveConfig(profile, { parties: 2 });
  const shapes = { x: [...COST_TABLE_SHAPE] };
  const choice = row.choice!;
  if (row.tokens !== undefined)
    return geluTokensSpec.cost(config, { gelu: choice, tokens: row.tokens }, shapes);
  const cost: ChoiceUser<Cost> = (spec, params) => spec.cost(config, params, shapes);
  return useChoice(choice, cost);
}

/** The markdown table: one row per variant, crypten next to default. */
export function geluCostTableMarkdown(): string {
  const n = COST_TABLE_SHAPE[0] * COST_TABLE_SHAPE[1];
  const lines = [
    "| variant | rounds crypten | rounds default | CrypTen's count per element crypten (B) | default (B) | whole layer, CrypTen's count crypten (MiB) | default (MiB) | offline per party crypten (MiB) | default (MiB) |",
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of COST_ROWS) {
    const [c, d] = (['crypten', 'default'] as const).map((p) => costOf(row, p)) as [Cost, Cost];
    const count = (k: Cost): number => k.bitsSent[0]! + k.bitsSent[1]!;
    lines.push(
      `| ${row.label} | ${c.rounds} | ${d.rounds} | ${(count(c) / 8 / n).toFixed(1)} | ${(count(d) / 8 / n).toFixed(1)} | ${mib(count(c))} | ${mib(count(d))} | ${mib(c.offlineBits[0]!)} | ${mib(d.offlineBits[0]!)} |`,
    );
  }
  return lines.join('\n');
}
