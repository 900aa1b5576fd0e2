// A choice of GeLU variant with its parameters, as a parameter of another protocol (gelu_tokens):
// { "id": "gelu_fourier", "T": 2.5, … } — the variant's id, and any of its parameters over its defaults,
// decoded by that variant's own codec. `useChoice` hands the chosen spec and its typed parameters to a
// function generic in them, so nothing downstream casts.
import * as t from 'io-ts';
import type { NoParams } from '../codecs.ts';
import type { KernelSpec } from '../kernels/unary.ts';
import type { ErfParams } from '../kernels/erf.ts';
import { geluErfSpec } from './erf.ts';
import { type GeluFourierParams } from './fourier-params.ts';
import { geluFourierSpec } from './fourier.ts';
import { geluIdentitySpec } from './identity.ts';
import { type GeluPumaParams, geluPumaSpec } from './puma.ts';
import { type GeluQuadParams, geluQuadSpec } from './quad.ts';
import { geluReluSpec } from './relu.ts';
import { geluTanhSpec } from './tanh.ts';

export type GeluChoice =
  | { readonly id: 'gelu_tanh'; readonly params: NoParams }
  | { readonly id: 'gelu_erf'; readonly params: ErfParams }
  | { readonly id: 'gelu_quad'; readonly params: GeluQuadParams }
  | { readonly id: 'gelu_fourier'; readonly params: GeluFourierParams }
  | { readonly id: 'gelu_puma'; readonly params: GeluPumaParams }
  | { readonly id: 'gelu_relu'; readonly params: NoParams }
  | { readonly id: 'gelu_identity'; readonly params: NoParams };

export type GeluId = GeluChoice['id'];

/** The elementwise variants, in the order docs and reports list them. */
export const GELU_IDS: readonly GeluId[] = [
  'gelu_tanh',
  'gelu_erf',
  'gelu_quad',
  'gelu_fourier',
  'gelu_puma',
  'gelu_relu',
  'gelu_identity',
];

/** What a function generic in the variant's parameters receives. */
export type ChoiceUser<R> = <P>(spec: KernelSpec<P>, params: P) => R;

export function useChoice<R>(choice: GeluChoice, use: ChoiceUser<R>): R {
  switch (choice.id) {
    case 'gelu_tanh':
      return use(geluTanhSpec, choice.params);
    case 'gelu_erf':
      return use(geluErfSpec, choice.params);
    case 'gelu_quad':
      return use(geluQuadSpec, choice.params);
    case 'gelu_fourier':
      return use(geluFourierSpec, choice.params);
    case 'gelu_puma':
      return use(geluPumaSpec, choice.params);
    case 'gelu_relu':
      return use(geluReluSpec, choice.params);
    case 'gelu_identity':
      return use(geluIdentitySpec, choice.params);
  }
}

type Decoded<C> =
  { readonly choice: C } | { readonly key: string; readonly expected: string; readonly value: unknown };

/** Decode a variant's parameters over its defaults, or say which key is wrong and why. */
function decodeWith<I extends GeluId, P>(
  id: I,
  spec: KernelSpec<P>,
  raw: Readonly<Record<string, unknown>>,
): Decoded<{ readonly id: I; readonly params: P }> {
  const defaults = spec.params.encode(spec.defaults) as Record<string, unknown>;
  const unknownKey = Object.keys(raw).find((k) => !(k in defaults));
  if (unknownKey !== undefined)
    return {
      key: unknownKey,
      expected: `a parameter of ${id} (${Object.keys(defaults).join(', ') || 'it takes none'})`,
      value: raw[unknownKey],
    };
  const r = spec.params.decode({ ...defaults, ...raw });
  if (r._tag === 'Right') return { choice: { id, params: r.right } };
  const e = r.left[0]!;
  const key = e.context.find((c, i) => i > 0 && c.key !== '')?.key ?? 'id';
  return { key, expected: e.context[e.context.length - 1]?.type.name ?? 'a valid value', value: e.value };
}

function decodeChoice(id: GeluId, raw: Readonly<Record<string, unknown>>): Decoded<GeluChoice> {
  switch (id) {
    case 'gelu_tanh':
      return decodeWith(id, geluTanhSpec, raw);
    case 'gelu_erf':
      return decodeWith(id, geluErfSpec, raw);
    case 'gelu_quad':
      return decodeWith(id, geluQuadSpec, raw);
    case 'gelu_fourier':
      return decodeWith(id, geluFourierSpec, raw);
    case 'gelu_puma':
      return decodeWith(id, geluPumaSpec, raw);
    case 'gelu_relu':
      return decodeWith(id, geluReluSpec, raw);
    case 'gelu_identity':
      return decodeWith(id, geluIdentitySpec, raw);
  }
}

const failAt = (c: t.Context, key: string, expected: string, value: unknown): t.Validation<GeluChoice> =>
  t.failure(value, [
    ...c,
    {
      key,
      type: new t.Type<unknown>(expected, (_): _ is unknown => false, t.failure, t.identity),
      actual: value,
    },
  ]);

const isGeluId = (v: unknown): v is GeluId => GELU_IDS.some((id) => id === v);

/** The codec of a choice: an object with `id` and the variant's parameters beside it. */
export const GeluChoiceCodec = new t.Type<GeluChoice, Record<string, unknown>, unknown>(
  `an object { "id": ${GELU_IDS.join(' | ')}, …that variant's parameters }`,
  (u): u is GeluChoice => typeof u === 'object' && u !== null && isGeluId((u as { id?: unknown }).id),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c);
    const { id, ...raw } = u as Record<string, unknown>;
    if (!isGeluId(id)) return failAt(c, 'id', `one of ${GELU_IDS.join(', ')}`, id);
    const decoded = decodeChoice(id, raw);
    return 'choice' in decoded
      ? t.success(decoded.choice)
      : failAt(c, decoded.key, decoded.expected, decoded.value);
  },
  (choice) => ({
    id: choice.id,
    ...useChoice(choice, (spec, params) => spec.params.encode(params) as Record<string, unknown>),
  }),
);
