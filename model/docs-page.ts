// The generated parts of docs/models.md (`npm run docs:models`; test/model/docs.test.ts fails when the
// committed page drifts): the built-in models, the recipes, the network presets, and the published
// numbers of the seeds beside what the registered specs' formulas give — SecFormer's released code path
// (one BERT-base layer at seq 512 as CrypTen 0.4 counts it) and MPCViT's CIFAR latencies. A recipe whose
// protocols are not registered in this build gets its reason in place of numbers.
import { cryptenBytes, modelCost } from './cost.ts';
import { type Component, type ModelPlan, planModel } from './plan.ts';
import { resolveConfig } from '../spec/config.ts';
import type { Cost } from '../spec/types.ts';
import { BUILTIN_MODELS, findModel } from '../spec/model/builtins.ts';
import { NETWORKS, describeNetwork, estimateSeconds, parseNetwork } from '../spec/model/network.ts';
import { RECIPES, findRecipe } from '../spec/model/recipes.ts';

const MB = 2 ** 20;

/** SecFormer's released code, one BERT-base layer at seq 512, CrypTen 0.4's counter for one party. */
export const SECFORMER_SEED: readonly {
  part: Component | 'layer';
  label: string;
  rounds: number;
  mb: number;
}[] = [
  { part: 'linear', label: 'linear', rounds: 8, mb: 228 },
  { part: 'attention', label: 'softmax (2Quad, Goldschmidt t = 7, undeflated)', rounds: 15, mb: 146.5 },
  { part: 'layernorm', label: 'two LayerNorms (Goldschmidt t = 7)', rounds: 46, mb: 36.6 },
  { part: 'gelu', label: 'GeLU (Fourier, T = 2.5)', rounds: 19, mb: 1416 },
  { part: 'layer', label: 'layer', rounds: 88, mb: 1827 },
];

/** MPCViT's published CIFAR-10 latencies (SPU 0.3.1b0 SEMI2K, 2 parties, WAN as in Cheetah). */
export const MPCVIT_SEED: readonly { label: string; recipe: string; mu?: number; seconds: number }[] = [
  { label: 'Softmax ViT', recipe: 'crypten', seconds: 112.23 },
  { label: 'MPCViT μ = 0.1', recipe: 'mpcvit', mu: 0.1, seconds: 48.03 },
  { label: 'MPCViT μ = 0.7', recipe: 'mpcvit', mu: 0.7, seconds: 63.56 },
];

/** The plan, or why it cannot be made in this build (a protocol not registered). */
function tryPlan(make: () => ModelPlan): ModelPlan | string {
  try {
    return make();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export interface SeedRow {
  readonly label: string;
  readonly seed: { rounds: number; mb: number };
  readonly ours?: { rounds: number; mb: number };
}

/** The SecFormer seed's rows with this build's formulas (secformer-released, crypten profile). */
export function secformerRows(): { rows: SeedRow[]; missing?: string } {
  const plan = tryPlan(() =>
    planModel({
      model: findModel('bert-base'),
      recipe: findRecipe('secformer-released'),
      config: resolveConfig('crypten'),
      seq: 512,
      layers: 1,
    }),
  );
  if (typeof plan === 'string')
    return { rows: SECFORMER_SEED.map((s) => ({ label: s.label, seed: s })), missing: plan };
  const layer = modelCost(plan).layers[0]!;
  const ours = (c: Cost) => ({ rounds: c.rounds, mb: cryptenBytes(c, 0)! / MB });
  return {
    rows: SECFORMER_SEED.map((s) => ({
      label: s.label,
      seed: s,
      ours: ours(s.part === 'layer' ? layer.total : layer.components[s.part]),
    })),
  };
}

export interface LatencyRow {
  readonly label: string;
  readonly seconds: number;
  readonly estimates?: Readonly<Record<string, { seconds: number; rounds: number; mb: number }>>;
  readonly missing?: string;
}

/** MPCViT's latencies beside the WAN estimates for vit-cifar under both schedules. */
export function mpcvitRows(): LatencyRow[] {
  const wan = parseNetwork('wan');
  return MPCVIT_SEED.map((s) => {
    const estimates: Record<string, { seconds: number; rounds: number; mb: number }> = {};
    for (const profile of ['crypten', 'default']) {
      const plan = tryPlan(() =>
        planModel({
          model: findModel('vit-cifar'),
          recipe: findRecipe(s.recipe),
          config: resolveConfig(profile),
          ...(s.mu === undefined ? {} : { set: { mu: s.mu } }),
        }),
      );
      if (typeof plan === 'string') return { label: s.label, seconds: s.seconds, missing: plan };
      const total = modelCost(plan).total;
      estimates[profile] = {
        seconds: estimateSeconds(total, wan),
        rounds: total.rounds,
        mb: (total.bitsSent[0]! + total.bitsSent[1]!) / 8 / MB,
      };
    }
    return { label: s.label, seconds: s.seconds, estimates };
  });
}

const fmt = (v: number, digits = 1): string => v.toFixed(digits);

function modelsTable(): string {
  const head =
    '| model | order | L | H | D | d_h | F | N | LN ε | q/k/v | final LN |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|';
  const rows = BUILTIN_MODELS.map(
    (m) =>
      `| \`${m.name}\` | ${m.blockOrder} | ${m.layers} | ${m.heads} | ${m.hidden} | ${m.headDim} | ${m.ffn} | ${m.tokens} | ${m.layerNormEpsilon} | ${m.qkv}${m.qkvBias ? ', bias' : ', no bias'} | ${m.finalLayerNorm ? 'yes' : 'no'} |`,
  );
  return [head, ...rows].join('\n');
}

const choice = (c: { protocol: string; params?: Record<string, unknown> }): string =>
  `\`${c.protocol}\`${c.params === undefined || Object.keys(c.params).length === 0 ? '' : ` ${JSON.stringify(c.params)}`}`;

function recipesTable(): string {
  const head = '| recipe | attention | GeLU | LayerNorm | settings |\n|---|---|---|---|---|';
  const rows = RECIPES.map((r) => {
    const a =
      r.attention.kind === 'uniform'
        ? choice(r.attention.normaliser)
        : `${choice(r.attention.mixed)} with a ${r.attention.kind === 'heads' ? 'head' : 'row'} mask`;
    const g =
      r.gelu.kind === 'uniform'
        ? choice(r.gelu.gelu)
        : r.gelu.kind === 'tokens'
          ? `${choice(r.gelu.mixed)} with a token mask`
          : `${choice(r.gelu.gelu)} on the tokens kept, fused W₁W₂ then ${choice(r.gelu.post)} on the others`;
    const knobs = r.knobs.map((k) => `\`${k.name}\` (${k.kind}, default ${k.default})`).join(', ');
    return `| \`${r.name}\` | ${a} | ${g} | ${choice(r.layernorm)} | ${knobs === '' ? '—' : knobs} |`;
  });
  return [head, ...rows].join('\n');
}

function networksTable(): string {
  return NETWORKS.map((n) => `- \`${n.name}\` — ${describeNetwork(n)}`).join('\n');
}

function secformerTable(): string {
  const { rows, missing } = secformerRows();
  const head =
    '| component | seed rounds | seed MB | formula rounds | formula MB | MB difference |\n|---|---:|---:|---:|---:|---:|';
  const body = rows.map((r) =>
    r.ours === undefined
      ? `| ${r.label} | ${r.seed.rounds} | ${r.seed.mb} | — | — | — |`
      : `| ${r.label} | ${r.seed.rounds} | ${r.seed.mb} | ${r.ours.rounds} | ${fmt(r.ours.mb)} | ${fmt(((r.ours.mb - r.seed.mb) / r.seed.mb) * 100, 2)} % |`,
  );
  return [
    head,
    ...body,
    ...(missing === undefined ? [] : ['', `Not computed in this build: ${missing}.`]),
  ].join('\n');
}

function mpcvitTable(): string {
  const head =
    '| model | published (SPU, WAN) | estimate, crypten schedule | ratio | estimate, default schedule | ratio | rounds crypten / default | MB both parties crypten / default |\n|---|---:|---:|---:|---:|---:|---:|---:|';
  const body = mpcvitRows().map((r) => {
    if (r.estimates === undefined) return `| ${r.label} | ${r.seconds} s | — | — | — | — | — | — |`;
    const c = r.estimates['crypten']!;
    const d = r.estimates['default']!;
    return `| ${r.label} | ${r.seconds} s | ${fmt(c.seconds, 2)} s | ${fmt(r.seconds / c.seconds, 2)} | ${fmt(d.seconds, 2)} s | ${fmt(r.seconds / d.seconds, 2)} | ${c.rounds} / ${d.rounds} | ${fmt(c.mb)} / ${fmt(d.mb)} |`;
  });
  const missing = mpcvitRows().find((r) => r.missing !== undefined)?.missing;
  return [
    head,
    ...body,
    ...(missing === undefined ? [] : ['', `Not computed in this build: ${missing}.`]),
  ].join('\n');
}

/** The generated sections, by marker name. */
export function generatedSections(): Readonly<Record<string, string>> {
  return {
    models: modelsTable(),
    recipes: recipesTable(),
    networks: networksTable(),
    secformer: secformerTable(),
    mpcvit: mpcvitTable(),
  };
}

/** `text` with every `<!-- name:begin -->…<!-- name:end -->` block replaced by its generated content. */
export function fillSections(text: string): string {
  let out = text;
  for (const [name, body] of Object.entries(generatedSections())) {
    const re = new RegExp(`(<!-- ${name}:begin -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`docs/models.md has no ${name} markers`);
    out = out.replace(re, (_m, a: string, b: string) => `${a}${body}\n${b}`);
  }
  return out;
}
