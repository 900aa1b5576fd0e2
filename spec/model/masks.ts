// The numbers of the recipes that mix, turned into per-layer masks (ALGORITHMS.md §6; docs/models.md):
//   μ (MPCViT)    the L·H architecture parameters α sorted ascending (stably); the heads at sorted
//                 positions ≥ ⌊(1 − μ)·L·H⌋ keep RSAttn, the rest take ScaleAttn — global over layers.
//                 α comes from the model's masks.headScores, else seeded uniform draws (a trained model's
//                 α decides which heads; the cost depends only on how many per layer).
//   budgets       PriViT's softmax rows (of the L·H·N (layer, head, query row) rows) and GeLU tokens (of
//   (PriViT,      the L·N (layer, token) pairs), MPCViT+'s GeLU tokens: exactly `budget` of them keep the
//   MPCViT+)      full protocol, chosen by a seeded shuffle unless the model pins its masks.
// A model's explicit masks (masks.heads, masks.rows, masks.tokens) win over the knobs.
import { inputError, usageError } from '../../core/errors.ts';
import { seededUniforms } from '../rows/draw.ts';
import type { ModelDescription } from './description.ts';
import type { Recipe } from './recipe.ts';

export type Mask = readonly (0 | 1)[];

/** The knobs' values for this model and run: the defaults, overridden by `set`, each in its range. */
export function resolveKnobs(
  recipe: Recipe,
  model: ModelDescription,
  seq: number,
  set: Readonly<Record<string, number>>,
): Record<string, number> {
  const known = new Set(recipe.knobs.map((k) => k.name));
  for (const name of Object.keys(set))
    if (!known.has(name))
      throw usageError(
        `--set ${name}: recipe '${recipe.name}' has ${recipe.knobs.length === 0 ? 'no settings' : `settings ${[...known].join(', ')}`}`,
      );
  const values: Record<string, number> = {};
  for (const k of recipe.knobs) {
    const total = budgetTotal(k.name, model, seq);
    const v = set[k.name] ?? (k.default === 'half' ? Math.floor(total / 2) : k.default);
    const bad =
      k.kind === 'ratio'
        ? !(v >= 0 && v <= 1)
        : k.kind === 'flag'
          ? v !== 0 && v !== 1
          : k.kind === 'positive'
            ? !(v > 0 && Number.isFinite(v))
            : !Number.isInteger(v) || v < 0 || v > total;
    if (bad)
      throw usageError(
        `--set ${k.name}=${v}: ${k.what} must be ${k.kind === 'ratio' ? 'a number in [0, 1]' : k.kind === 'flag' ? '0 or 1' : k.kind === 'positive' ? 'a number above 0' : `an integer in 0…${total} for ${model.name} at ${seq} tokens`}`,
      );
    values[k.name] = v;
  }
  return values;
}

/** What a budget counts: L·H·N rows for softmaxRows, L·N tokens for geluTokens. */
function budgetTotal(name: string, model: ModelDescription, seq: number): number {
  if (name === 'softmaxRows') return model.layers * model.heads * seq;
  if (name === 'geluTokens') return model.layers * seq;
  return 1;
}

/** Per layer, 1 for the heads that keep RSAttn, by MPCViT's global binarisation of α at ratio μ. */
export function headMasks(model: ModelDescription, mu: number, seed: bigint): Mask[] {
  if (model.masks?.heads !== undefined) return model.masks.heads;
  const next = seededUniforms(`model/${model.name}/alpha/${seed}`);
  const alphas =
    model.masks?.headScores ?? perLayer(model.layers, () => Array.from({ length: model.heads }, next));
  const flat = alphas.flat();
  const order = flat.map((a, i) => ({ a, i })).sort((p, q) => p.a - q.a || p.i - q.i);
  const cut = Math.floor((1 - mu) * flat.length);
  const chosen = new Array<0 | 1>(flat.length).fill(0);
  order.forEach(({ i }, position) => {
    if (position >= cut) chosen[i] = 1;
  });
  return perLayer(model.layers, (l) => chosen.slice(l * model.heads, (l + 1) * model.heads));
}

/** Per layer, `width` entries of which exactly `budget` (over all layers) are 1, by a seeded shuffle. */
function budgetMasks(layers: number, width: number, budget: number, label: string): Mask[] {
  const total = layers * width;
  const next = seededUniforms(label);
  const index = Array.from({ length: total }, (_, i) => i);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  const chosen = new Array<0 | 1>(total).fill(0);
  for (const i of index.slice(0, budget)) chosen[i] = 1;
  return perLayer(layers, (l) => chosen.slice(l * width, (l + 1) * width));
}

/** A model's pinned masks apply at its own token count only. */
function pinned(model: ModelDescription, name: 'rows' | 'tokens', seq: number): Mask[] | undefined {
  const m = model.masks?.[name];
  if (m === undefined) return undefined;
  if (seq !== model.tokens)
    throw inputError(
      `model ${model.name}: masks.${name} is given for ${model.tokens} tokens, the run has ${seq}; run at --seq ${model.tokens} or drop the masks`,
    );
  return m;
}

/** Per layer, [H·N]: 1 for the (head, query row) rows that keep softmax (PriViT). */
export const rowMasks = (model: ModelDescription, seq: number, budget: number, seed: bigint): Mask[] =>
  pinned(model, 'rows', seq) ??
  budgetMasks(model.layers, model.heads * seq, budget, `model/${model.name}/rows/${seq}/${seed}`);

/** Per layer, [N]: 1 for the tokens that keep GeLU (PriViT's α, MPCViT+'s β). */
export const tokenMasks = (model: ModelDescription, seq: number, budget: number, seed: bigint): Mask[] =>
  pinned(model, 'tokens', seq) ??
  budgetMasks(model.layers, seq, budget, `model/${model.name}/tokens/${seq}/${seed}`);

const perLayer = <T>(layers: number, f: (l: number) => T): T[] =>
  Array.from({ length: layers }, (_, l) => f(l));
