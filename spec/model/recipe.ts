// A recipe (ALGORITHMS.md §6; docs/models.md): which registered protocol, with which parameters, computes
// each non-linear component of any model — the attention normaliser, GeLU and LayerNorm (the linear
// layers are this project's own, spec/linear/). Recipes that mix choose per head (MPCViT: μ), per
// (head, query row) or per token (PriViT, MPCViT+: budgets); knobs hold those numbers, and
// spec/model/masks.ts turns them into masks by each system's rule. A recipe is data: a component names a
// protocol id and parameters, and the plan (model/plan.ts) binds them through the registry, so a recipe
// whose protocol is not registered fails by saying so.
//
// Placeholders in parameters, substituted per model and run: '$epsilon' (the model's LayerNorm ε) and
// '$seq' (the run's token count).
import type { ComponentChoice } from './description.ts';

export type { ComponentChoice } from './description.ts';

/** How attention scores are normalised: one protocol everywhere, or a per-head or per-row mix. */
export type AttentionChoice =
  | { readonly kind: 'uniform'; readonly normaliser: ComponentChoice }
  | {
      readonly kind: 'heads';
      /** The mixing protocol (attention_heads); its parameter `maskParam` receives { mask } per layer. */
      readonly mixed: ComponentChoice;
      readonly maskParam: string;
      /** The normaliser of the full heads when ScaleAttn heads are reassociated (scale_attention). */
      readonly fullHeads: ComponentChoice;
    }
  | { readonly kind: 'rows'; readonly mixed: ComponentChoice; readonly maskParam: string };

/** How GeLU is computed: one protocol, a per-token mix, or MPCViT+'s linearised and fused tokens. */
export type GeluChoice =
  | { readonly kind: 'uniform'; readonly gelu: ComponentChoice }
  | { readonly kind: 'tokens'; readonly mixed: ComponentChoice; readonly maskParam: string }
  | {
      readonly kind: 'fused-tokens';
      /** GeLU on the tokens that keep it. */
      readonly gelu: ComponentChoice;
      /** Applied to the fused projection's output on the linearised tokens (MPCViT+'s post-ReLU). */
      readonly post: ComponentChoice;
    };

/** A number a recipe lets the user set (`--set name=value`). */
export interface Knob {
  readonly name: string;
  readonly what: string;
  /**
   * ratio: a number in [0, 1]; budget: a count from 0 to the model's total; flag: 0 or 1; positive: a
   * number above 0. A recipe's parameters name a knob as '$name' (as '$epsilon' and '$seq').
   */
  readonly kind: 'ratio' | 'budget' | 'flag' | 'positive';
  /** The default: a number, or 'half' of the model's total for a budget. */
  readonly default: number | 'half';
}

export interface Recipe {
  readonly name: string;
  readonly title: string;
  /** Where the recipe comes from (paper, released code). */
  readonly source: string;
  /** Set for a released-code form: the faithful recipe it reproduces the code of. */
  readonly releasedFrom?: string;
  readonly attention: AttentionChoice;
  readonly gelu: GeluChoice;
  readonly layernorm: ComponentChoice;
  readonly knobs: readonly Knob[];
}
