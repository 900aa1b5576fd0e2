// The plan of a model under a recipe (ALGORITHMS.md §6; docs/models.md): per layer, the steps in the
// order the block order runs them — each a registered protocol bound to its parameters and input shapes,
// or a local rearrangement of shares (columns, heads, rows) — naming slots (the shared tensors) and the
// owner's weights. The cost table sums the steps' spec costs, the private run executes them, the float64
// forward composes their ideals: one plan, three readings.
//
// A step's inputs are matched by name to what its component offers (x, and gamma/beta for LayerNorm):
// a protocol input declared `shared` that is a weight is first shared by its owner (the registered
// `share` protocol, counted in the same component), one declared `owner` goes to the owner in the clear.
// Under the crypten schedule Q, K and V are projected as the model's code does (separately, or fused);
// the default schedule always fuses them into one [D, 3D] product (one opening of x, not three).
import { usageError } from '../core/errors.ts';
import { formatShape, type Shape } from '../core/shape.ts';
import { REGISTRY, type BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { ComponentChoice, ModelDescription } from '../spec/model/description.ts';
import { type Mask, headMasks, resolveKnobs, rowMasks, tokenMasks } from '../spec/model/masks.ts';
import type { Recipe } from '../spec/model/recipe.ts';
import { weightShape } from './weights.ts';

/** The component a step's cost is reported under. */
export type Component = 'linear' | 'attention' | 'layernorm' | 'gelu';
export const COMPONENTS: readonly Component[] = ['linear', 'attention', 'layernorm', 'gelu'];

export type Operand = { readonly slot: string } | { readonly weight: string };

/** A local rearrangement of shares (free: no message, no dealer material). */
export type LocalOp =
  | { readonly op: 'columns'; readonly from: string; readonly start: number; readonly width: number }
  | { readonly op: 'heads'; readonly from: string; readonly heads: readonly number[]; readonly d: number }
  | {
      readonly op: 'merge-heads';
      readonly parts: readonly { readonly from: string; readonly heads: readonly number[] }[];
      readonly d: number;
    }
  | { readonly op: 'rows'; readonly from: string; readonly rows: readonly number[] }
  | {
      readonly op: 'merge-rows';
      readonly parts: readonly { readonly from: string; readonly rows: readonly number[] }[];
    };

export interface ProtocolStep {
  readonly kind: 'protocol';
  readonly name: string;
  readonly component: Component;
  readonly protocol: BoundProtocol;
  readonly shapes: Readonly<Record<string, Shape>>;
  readonly inputs: Readonly<Record<string, Operand>>;
  /** The protocol's (single) output and the slot it fills. */
  readonly outputName: string;
  readonly output: string;
}

export interface LocalStep {
  readonly kind: 'local';
  readonly name: string;
  readonly op: LocalOp;
  readonly output: string;
}

export type Step = ProtocolStep | LocalStep;

export interface LayerPlan {
  /** Layer index, or 'final' for the final LayerNorm. */
  readonly layer: number | 'final';
  readonly steps: readonly Step[];
  readonly input: string;
  readonly output: string;
}

export interface ModelPlan {
  readonly model: ModelDescription;
  readonly recipe: Recipe;
  readonly config: Config;
  readonly seq: number;
  readonly knobs: Readonly<Record<string, number>>;
  /** The layers run, then the final LayerNorm when the model has one and every layer runs. */
  readonly layers: readonly LayerPlan[];
  /** Shapes of every slot (the input hidden states are slot 'input'). */
  readonly slots: ReadonlyMap<string, Shape>;
}

export interface PlanRequest {
  readonly model: ModelDescription;
  readonly recipe: Recipe;
  readonly config: Config;
  /** Tokens (≤ the model's N); default N. */
  readonly seq?: number;
  /** Layers to run (the first K); default all. */
  readonly layers?: number;
  /** Knob values (`--set`). */
  readonly set?: Readonly<Record<string, number>>;
  /** Seed of the synthetic masks (α, budgets). */
  readonly maskSeed?: bigint;
}

/** Replace '$epsilon', '$seq' and '$<knob>' anywhere in a parameter object. */
function substitute(value: unknown, vars: Readonly<Record<string, number>>): unknown {
  if (typeof value === 'string' && value.startsWith('$') && value.slice(1) in vars)
    return vars[value.slice(1)];
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}

class Builder {
  readonly steps: Step[] = [];
  constructor(
    readonly plan: {
      model: ModelDescription;
      recipe: Recipe;
      config: Config;
      seq: number;
      knobs: Readonly<Record<string, number>>;
    },
    readonly slots: Map<string, Shape>,
    readonly prefix: string,
    private readonly bindings: Map<string, BoundProtocol>,
  ) {}

  slot(name: string): string {
    return `${this.prefix}.${name}`;
  }

  /** Bind a recipe's choice through the registry (once per distinct parameter set). */
  bind(
    component: string,
    choice: ComponentChoice,
    extra: Readonly<Record<string, unknown>> = {},
  ): BoundProtocol {
    const { model, recipe, seq, knobs } = this.plan;
    const vars = { ...knobs, epsilon: model.layerNormEpsilon, seq };
    const params = {
      ...(substitute(choice.params ?? {}, vars) as Record<string, unknown>),
      ...extra,
    };
    const key = `${choice.protocol} ${JSON.stringify(params)}`;
    const known = this.bindings.get(key);
    if (known !== undefined) return known;
    const registered = REGISTRY.find((r) => r.id === choice.protocol);
    if (registered === undefined)
      throw usageError(
        `recipe '${recipe.name}': protocol '${choice.protocol}' (${component}) is not registered in this build; run 'mpcspec list' for the registered ids`,
      );
    let bound: BoundProtocol;
    try {
      bound = registered.bind(params);
    } catch (e) {
      throw usageError(
        `recipe '${recipe.name}', ${component}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    this.bindings.set(key, bound);
    return bound;
  }

  shapeOf(operand: Operand): Shape {
    if ('weight' in operand) return weightShape(this.plan.model, operand.weight);
    const s = this.slots.get(operand.slot);
    if (s === undefined) throw new Error(`plan: slot '${operand.slot}' is used before it is filled`);
    return s;
  }

  /** A protocol step; its declared inputs are taken by name from `offered`. Returns the output slot. */
  protocol(
    name: string,
    component: Component,
    protocol: BoundProtocol,
    offered: Readonly<Record<string, Operand>>,
  ): string {
    const inputs: Record<string, Operand> = {};
    for (const decl of protocol.inputs()) {
      const operand = offered[decl.name];
      if (operand === undefined)
        throw usageError(
          `recipe '${this.plan.recipe.name}': ${protocol.id} takes input '${decl.name}', which the ${component} component does not provide (it provides ${Object.keys(offered).join(', ')})`,
        );
      if ('slot' in operand && decl.holder !== 'shared')
        throw usageError(
          `recipe '${this.plan.recipe.name}': ${protocol.id} wants '${decl.name}' held by ${decl.holder}, but it is a shared activation`,
        );
      if ('weight' in operand && decl.holder === 'shared') {
        inputs[decl.name] = { slot: this.shareWeight(`${name}.${decl.name}`, component, operand.weight) };
        continue;
      }
      if ('weight' in operand && decl.holder === 'owner' && decl.owner !== this.plan.model.weightsOwner)
        throw usageError(
          `recipe '${this.plan.recipe.name}': ${protocol.id} wants '${decl.name}' from party ${decl.owner}, but the weights belong to party ${this.plan.model.weightsOwner}`,
        );
      inputs[decl.name] = operand;
    }
    const shapes = Object.fromEntries(Object.entries(inputs).map(([k, o]) => [k, this.shapeOf(o)]));
    const outputs = protocol.outputShapes(shapes);
    const outputName = protocol.outputs()[0]!.name;
    const output = this.slot(name);
    this.slots.set(output, outputs[outputName]!);
    this.steps.push({
      kind: 'protocol',
      name: `${this.prefix}.${name}`,
      component,
      protocol,
      shapes,
      inputs,
      outputName,
      output,
    });
    return output;
  }

  private shareWeight(name: string, component: Component, weight: string): string {
    const share = this.bind(
      component,
      { protocol: 'share' },
      { owner: this.plan.model.weightsOwner, variant: 'profile' },
    );
    return this.protocol(`${name}.share`, component, share, { x: { weight } });
  }

  local(name: string, op: LocalOp, shape: Shape): string {
    const output = this.slot(name);
    this.slots.set(output, shape);
    this.steps.push({ kind: 'local', name: `${this.prefix}.${name}`, op, output });
    return output;
  }
}

/** Per-layer masks the recipe needs, from its knobs. */
interface LayerMasks {
  readonly heads?: Mask;
  readonly rows?: Mask;
  readonly tokens?: Mask;
}

function masksFor(req: PlanRequest, seq: number, knobs: Readonly<Record<string, number>>): LayerMasks[] {
  const { model, recipe } = req;
  const seed = req.maskSeed ?? 0n;
  const heads = recipe.attention.kind === 'heads' ? headMasks(model, knobs['mu']!, seed) : undefined;
  const rows =
    recipe.attention.kind === 'rows' ? rowMasks(model, seq, knobs['softmaxRows']!, seed) : undefined;
  const tokens =
    recipe.gelu.kind !== 'uniform' ? tokenMasks(model, seq, knobs['geluTokens']!, seed) : undefined;
  return Array.from({ length: model.layers }, (_, l) => ({
    ...(heads === undefined ? {} : { heads: heads[l]! }),
    ...(rows === undefined ? {} : { rows: rows[l]! }),
    ...(tokens === undefined ? {} : { tokens: tokens[l]! }),
  }));
}

const indicesOf = (mask: Mask, kind: 0 | 1): number[] => mask.flatMap((m, i) => (m === kind ? [i] : []));

/** The model's and recipe's choice for a component (the model's own override wins). */
function choiceOf(
  req: PlanRequest,
  component: 'attention' | 'gelu' | 'layernorm',
): ComponentChoice | undefined {
  return req.model.components?.[component];
}

function layerNorm(b: Builder, req: PlanRequest, x: string, weights: string): string {
  const choice = choiceOf(req, 'layernorm') ?? req.recipe.layernorm;
  return b.protocol(weights.replace(/^.*\./, ''), 'layernorm', b.bind('layernorm', choice), {
    x: { slot: x },
    gamma: { weight: `${weights}.weight` },
    beta: { weight: `${weights}.bias` },
  });
}

function dense(b: Builder, name: string, x: string, weight: string, bias: boolean): string {
  const linear = b.bind('linear', { protocol: 'linear' }, { owner: b.plan.model.weightsOwner, bias });
  return b.protocol(name, 'linear', linear, {
    x: { slot: x },
    w: { weight: `${weight}.weight` },
    ...(bias ? { b: { weight: `${weight}.bias` } } : {}),
  });
}

function residual(b: Builder, name: string, x: string, y: string): string {
  return b.protocol(name, 'linear', b.bind('linear', { protocol: 'add' }), {
    x: { slot: x },
    y: { slot: y },
  });
}

/** q, k, v [N, D]: one fused projection split by columns, or three. */
function projections(b: Builder, x: string, l: number): [string, string, string] {
  const { model, config } = b.plan;
  const p = `layers.${l}.attention`;
  const D = model.hidden;
  if (config.schedule === 'crypten' && model.qkv === 'separate')
    return (['query', 'key', 'value'] as const).map((q) => dense(b, q, x, `${p}.${q}`, model.qkvBias)) as [
      string,
      string,
      string,
    ];
  const qkv = dense(b, 'qkv', x, `${p}.qkv`, model.qkvBias);
  const n = b.slots.get(qkv)![0]!;
  return (['q', 'k', 'v'] as const).map((name, i) =>
    b.local(name, { op: 'columns', from: qkv, start: i * D, width: D }, [n, D]),
  ) as [string, string, string];
}

function heads(b: Builder, from: string, name: string, list: readonly number[]): string {
  const { headDim: d } = b.plan.model;
  const n = b.slots.get(from)![0]!;
  return b.local(name, { op: 'heads', from, heads: list, d }, [n, list.length * d]);
}

/** Scores, normaliser and context of the given heads (all of them by default). */
function scoredHeads(
  b: Builder,
  qkv: readonly [string, string, string],
  normaliser: BoundProtocol,
  count: number,
  suffix = '',
): string {
  const scores = b.bind('linear', { protocol: 'attention_scores' }, { heads: count });
  const context = b.bind('linear', { protocol: 'attention_context' }, { heads: count });
  const s = b.protocol(`scores${suffix}`, 'linear', scores, { q: { slot: qkv[0] }, k: { slot: qkv[1] } });
  const p = b.protocol(`normalise${suffix}`, 'attention', normaliser, { x: { slot: s } });
  return b.protocol(`context${suffix}`, 'linear', context, { p: { slot: p }, v: { slot: qkv[2] } });
}

function attention(
  b: Builder,
  req: PlanRequest,
  x: string,
  l: number,
  masks: LayerMasks,
  knobs: Readonly<Record<string, number>>,
): string {
  const { model } = req;
  const qkv = projections(b, x, l);
  const override = choiceOf(req, 'attention');
  const a = req.recipe.attention;
  let context: string;
  if (override !== undefined || a.kind === 'uniform') {
    context = scoredHeads(
      b,
      qkv,
      b.bind('attention', override ?? (a as { normaliser: ComponentChoice }).normaliser),
      model.heads,
    );
  } else if (a.kind === 'rows') {
    context = scoredHeads(
      b,
      qkv,
      b.bind('attention', a.mixed, { [a.maskParam]: { mask: masks.rows } }),
      model.heads,
    );
  } else if (knobs['reassociate'] !== 1) {
    context = scoredHeads(
      b,
      qkv,
      b.bind('attention', a.mixed, { [a.maskParam]: { mask: masks.heads } }),
      model.heads,
    );
  } else {
    // Full heads through their scores, ScaleAttn heads reassociated; then the heads side by side again.
    const full = indicesOf(masks.heads!, 1);
    const scaled = indicesOf(masks.heads!, 0);
    const parts: { from: string; heads: readonly number[] }[] = [];
    if (full.length > 0) {
      const sel = qkv.map((s, i) => heads(b, s, `${'qkv'[i]}.full`, full)) as [string, string, string];
      parts.push({
        from: scoredHeads(b, sel, b.bind('attention', a.fullHeads), full.length, '.full'),
        heads: full,
      });
    }
    if (scaled.length > 0) {
      const sel = qkv.map((s, i) => heads(b, s, `${'qkv'[i]}.scaled`, scaled));
      const reassociated = b.bind(
        'linear',
        { protocol: 'scale_attention' },
        { heads: scaled.length, tokens: 'keys' },
      );
      parts.push({
        from: b.protocol('scale_attention', 'linear', reassociated, {
          q: { slot: sel[0]! },
          k: { slot: sel[1]! },
          v: { slot: sel[2]! },
        }),
        heads: scaled,
      });
    }
    context =
      parts.length === 1 && parts[0]!.heads.length === model.heads
        ? parts[0]!.from
        : b.local('context', { op: 'merge-heads', parts, d: model.headDim }, [b.plan.seq, model.hidden]);
  }
  return dense(b, 'output', context, `layers.${l}.attention.output`, true);
}

function ffn(b: Builder, req: PlanRequest, x: string, l: number, masks: LayerMasks): string {
  const p = `layers.${l}.ffn`;
  const g = req.recipe.gelu;
  const override = choiceOf(req, 'gelu');
  const mlp = (input: string, suffix: string, gelu: BoundProtocol): string => {
    const h = dense(b, `fc1${suffix}`, input, `${p}.fc1`, true);
    const a = b.protocol(`gelu${suffix}`, 'gelu', gelu, { x: { slot: h } });
    return dense(b, `fc2${suffix}`, a, `${p}.fc2`, true);
  };
  if (override !== undefined || g.kind === 'uniform')
    return mlp(x, '', b.bind('gelu', override ?? (g as { gelu: ComponentChoice }).gelu));
  if (g.kind === 'tokens')
    return mlp(x, '', b.bind('gelu', g.mixed, { [g.maskParam]: { mask: masks.tokens } }));
  // MPCViT+: tokens that keep GeLU run the MLP; the others the fused projection and the post-ReLU.
  const keep = indicesOf(masks.tokens!, 1);
  const linear = indicesOf(masks.tokens!, 0);
  const parts: { from: string; rows: readonly number[] }[] = [];
  if (keep.length > 0) {
    const rows = b.local('tokens.gelu', { op: 'rows', from: x, rows: keep }, [keep.length, req.model.hidden]);
    parts.push({ from: mlp(rows, '.gelu', b.bind('gelu', g.gelu)), rows: keep });
  }
  if (linear.length > 0) {
    const rows = b.local('tokens.fused', { op: 'rows', from: x, rows: linear }, [
      linear.length,
      req.model.hidden,
    ]);
    const fused = dense(b, 'fused', rows, `${p}.fused`, true);
    parts.push({
      from: b.protocol('post', 'gelu', b.bind('gelu', g.post), { x: { slot: fused } }),
      rows: linear,
    });
  }
  return parts.length === 1 && parts[0]!.rows.length === b.plan.seq
    ? parts[0]!.from
    : b.local('mlp', { op: 'merge-rows', parts }, [b.plan.seq, req.model.hidden]);
}

function layer(
  b: Builder,
  req: PlanRequest,
  x: string,
  l: number,
  masks: LayerMasks,
  knobs: Readonly<Record<string, number>>,
): string {
  const ln = `layers.${l}`;
  switch (req.model.blockOrder) {
    case 'post-ln': {
      const h = layerNorm(
        b,
        req,
        residual(b, 'residual1', x, attention(b, req, x, l, masks, knobs)),
        `${ln}.ln1`,
      );
      return layerNorm(b, req, residual(b, 'residual2', h, ffn(b, req, h, l, masks)), `${ln}.ln2`);
    }
    case 'pre-ln': {
      const r = residual(
        b,
        'residual1',
        x,
        attention(b, req, layerNorm(b, req, x, `${ln}.ln1`), l, masks, knobs),
      );
      return residual(b, 'residual2', r, ffn(b, req, layerNorm(b, req, r, `${ln}.ln2`), l, masks));
    }
    case 'cct': {
      const r = residual(
        b,
        'residual1',
        x,
        attention(b, req, layerNorm(b, req, x, `${ln}.ln1`), l, masks, knobs),
      );
      const h = layerNorm(b, req, r, `${ln}.ln2`);
      return residual(b, 'residual2', h, ffn(b, req, h, l, masks));
    }
  }
}

export function planModel(req: PlanRequest): ModelPlan {
  const { model, recipe, config } = req;
  const seq = req.seq ?? model.tokens;
  if (!Number.isInteger(seq) || seq < 1 || seq > model.tokens)
    throw usageError(`--seq ${seq}: ${model.name} takes 1 to ${model.tokens} tokens`);
  const count = req.layers ?? model.layers;
  if (!Number.isInteger(count) || count < 1 || count > model.layers)
    throw usageError(`--layers ${count}: ${model.name} has ${model.layers} layers; use 1 to ${model.layers}`);
  const knobs = resolveKnobs(recipe, model, seq, req.set ?? {});
  const masks = masksFor(req, seq, knobs);
  const slots = new Map<string, Shape>([['input', [seq, model.hidden]]]);
  const bindings = new Map<string, BoundProtocol>();
  const ctx = { model, recipe, config, seq, knobs };
  const layers: LayerPlan[] = [];
  let x = 'input';
  for (let l = 0; l < count; l++) {
    const b = new Builder(ctx, slots, `L${l}`, bindings);
    const y = layer(b, req, x, l, masks[l]!, knobs);
    layers.push({ layer: l, steps: b.steps, input: x, output: y });
    x = y;
  }
  if (model.finalLayerNorm && count === model.layers) {
    const b = new Builder(ctx, slots, 'final', bindings);
    const y = layerNorm(b, req, x, 'final_ln');
    layers.push({ layer: 'final', steps: b.steps, input: x, output: y });
  }
  const out = slots.get(layers[layers.length - 1]!.output)!;
  if (out[0] !== seq || out[1] !== model.hidden)
    throw new Error(`plan: the model's output is ${formatShape(out)}, expected [${seq}, ${model.hidden}]`);
  return { model, recipe, config, seq, knobs, layers, slots };
}
