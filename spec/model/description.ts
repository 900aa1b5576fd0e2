// A transformer encoder described as data (ALGORITHMS.md §6 "Model shapes"; docs/models.md): what a user
// writes in a JSON file to cost or run a model privately. The description fixes the shapes and the order
// of the blocks; a recipe (spec/model/recipe.ts) says which protocol computes each component. Optional
// masks pin the per-head, per-row and per-token choices of the recipes that mix (MPCViT's α, PriViT's
// learned masks); optional components override a recipe's choice for this model.
//   blockOrder  post-ln  BERT:  x ← LN₁(x + Attn(x)); x ← LN₂(x + FFN(x))
//               pre-ln   HF ViT (PriViT): x ← x + Attn(LN₁(x)); x ← x + FFN(LN₂(x)); a final LN
//               cct      MPCViT's CCT: x ← x + Attn(LN₁(x)); x ← LN₂(x) (the residual is replaced);
//                        x ← x + FFN(x); a final LN
//   qkv         how the model's code projects: 'separate' Q, K and V (BERT, HF ViT) or one 'fused'
//               [D, 3D] projection (CCT); the crypten schedule follows it, the default one always fuses
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import { decodeOrThrow } from '../../core/validation.ts';

const PositiveInt = t.refinement(t.Int, (n) => n >= 1, 'integer ≥ 1');
const NonNegative = t.refinement(t.number, (v) => Number.isFinite(v) && v >= 0, 'number ≥ 0');
const PartyIndex = t.refinement(t.Int, (n) => n >= 0, 'party index ≥ 0');
const Bit = t.union([t.literal(0), t.literal(1)]);

export const BlockOrder = t.keyof({ 'post-ln': null, 'pre-ln': null, cct: null });
export type BlockOrder = t.TypeOf<typeof BlockOrder>;

/** A registered protocol and its parameters, for one component. */
export const ComponentChoice = t.intersection([
  t.type({ protocol: t.string }),
  t.partial({ params: t.record(t.string, t.unknown) }),
]);
export type ComponentChoice = t.TypeOf<typeof ComponentChoice>;

/** Per-layer choices of the recipes that mix; 1 marks the full protocol (softmax, RSAttn, GeLU). */
export const ModelMasks = t.partial({
  /** [L][H]: 1 = RSAttn, 0 = ScaleAttn (MPCViT). */
  heads: t.array(t.array(Bit)),
  /** [L][H]: MPCViT's architecture parameters α, binarised by μ (spec/model/masks.ts). */
  headScores: t.array(t.array(t.number)),
  /** [L][H·N]: 1 = softmax, 0 = SquaredAttn, per (head, query row) (PriViT). */
  rows: t.array(t.array(Bit)),
  /** [L][N]: 1 = GeLU, 0 = linearised (PriViT's α, MPCViT+'s β). */
  tokens: t.array(t.array(Bit)),
});
export type ModelMasks = t.TypeOf<typeof ModelMasks>;

const RequiredFields = t.type({
  name: t.string,
  blockOrder: BlockOrder,
  layers: PositiveInt,
  heads: PositiveInt,
  hidden: PositiveInt,
  headDim: PositiveInt,
  ffn: PositiveInt,
  tokens: PositiveInt,
  layerNormEpsilon: NonNegative,
  weightsOwner: PartyIndex,
  qkv: t.keyof({ separate: null, fused: null }),
  qkvBias: t.boolean,
  finalLayerNorm: t.boolean,
});
const OptionalFields = t.partial({
  description: t.string,
  masks: ModelMasks,
  components: t.partial({ attention: ComponentChoice, gelu: ComponentChoice, layernorm: ComponentChoice }),
});
export const ModelDescription = t.intersection([RequiredFields, OptionalFields]);
export type ModelDescription = t.TypeOf<typeof ModelDescription>;

/** Decode a description (from a file) and check that its numbers agree; errors name the field. */
export function decodeModel(value: unknown, where: string): ModelDescription {
  // Each part on its own, so an error's path is the field's ($.heads), not the intersection's ($[0].heads).
  const m = {
    ...decodeOrThrow(RequiredFields, value, where),
    ...decodeOrThrow(OptionalFields, value, where),
  };
  if (m.heads * m.headDim !== m.hidden)
    throw inputError(
      `${where}: $.hidden is ${m.hidden} but $.heads × $.headDim is ${m.heads} × ${m.headDim} = ${m.heads * m.headDim}; they must agree`,
    );
  const checkLayers = (name: keyof ModelMasks, width: number): void => {
    const mask = m.masks?.[name];
    if (mask === undefined) return;
    if (mask.length !== m.layers)
      throw inputError(`${where}: $.masks.${name} has ${mask.length} layers, the model ${m.layers}`);
    mask.forEach((row, l) => {
      if (row.length !== width)
        throw inputError(`${where}: $.masks.${name}[${l}] has ${row.length} entries, expected ${width}`);
    });
  };
  checkLayers('heads', m.heads);
  checkLayers('headScores', m.heads);
  checkLayers('rows', m.heads * m.tokens);
  checkLayers('tokens', m.tokens);
  return m;
}
