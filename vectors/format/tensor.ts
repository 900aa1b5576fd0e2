// Tensors in vector files (docs/vectors.md, "Encoding"): one string
//     <kind><width>[<shape>]:<v0>,<v1>,…        e.g.  r64[2]:000000000000ffff,ffffffffffff0001
// kind `r` is a ring tensor of Z_{2^width}, `b` a packed bit tensor of `width` bits per word; the shape is
// row-major; each element is its canonical representative in [0, 2^width) written as exactly ⌈width/4⌉
// lower-case hex digits. Fixed width makes every value unambiguous (no sign, no leading-zero choice) and
// lets a reader check the ring of every element; one string per tensor keeps files small.
import * as t from 'io-ts';
import { bitTensor } from '../../core/bits.ts';
import { inputError } from '../../core/errors.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { sizeOf } from '../../core/shape.ts';
import type { Payload } from '../../runtime/payload.ts';
import { withSchema } from './json-schema.ts';

// The pattern checks the kind and width and the characters of shape and values, each part a single
// character class: a repeated group (one per value) makes a regular-expression engine keep a backtrack
// entry per repetition, which overflows the stack on a tensor of a few million elements. The parts'
// structure (dimensions and values between commas, exact digit counts) is checked by tensorParts and
// tensorFromJson.
const TENSOR_PATTERN = '^([rb])([1-9]|[1-5][0-9]|6[0-4])\\[([0-9,]*)\\]:([0-9a-f,]*)$';
const tensorRegex = new RegExp(TENSOR_PATTERN);
const DIMENSION = /^(0|[1-9][0-9]*)$/;

export const TensorJson = withSchema(
  t.refinement(t.string, (s) => tensorRegex.test(s), 'Tensor'),
  { type: 'string', pattern: TENSOR_PATTERN },
);
export type TensorJson = t.TypeOf<typeof TensorJson>;

export const TensorMap = t.record(t.string, TensorJson);
export type TensorMap = t.TypeOf<typeof TensorMap>;

export const hexDigits = (width: number): number => Math.ceil(width / 4);

export function tensorToJson(p: Payload): TensorJson {
  const width = p.kind === 'ring' ? p.ell : p.width;
  const digits = hexDigits(width);
  const values = Array.from(p.data, (v) => v.toString(16).padStart(digits, '0')).join(',');
  return `${p.kind === 'ring' ? 'r' : 'b'}${width}[${p.shape.join(',')}]:${values}` as TensorJson;
}

export const tensorMapToJson = (m: Readonly<Record<string, Payload>>): TensorMap =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, tensorToJson(v)]));

/** The parts of a tensor string; `values` are the hex words as written. */
export interface TensorParts {
  readonly kind: 'ring' | 'bits';
  readonly width: number;
  readonly shape: readonly number[];
  readonly values: readonly string[];
}

export function tensorParts(s: string, path: string): TensorParts {
  const m = tensorRegex.exec(s);
  if (m === null)
    throw inputError(`${path}: '${s.slice(0, 40)}' is not a tensor (r|b)<width>[<shape>]:<hex>,…`);
  const dims = m[3] === '' ? [] : m[3]!.split(',');
  if (!dims.every((d) => DIMENSION.test(d)))
    throw inputError(`${path}: shape [${m[3]!.slice(0, 40)}] is not a list of dimensions (0, 1, 2, …)`);
  return {
    kind: m[1] === 'r' ? 'ring' : 'bits',
    width: Number(m[2]),
    shape: dims.map(Number),
    values: m[4] === '' ? [] : m[4]!.split(','),
  };
}

export const tensorFromParts = (p: TensorParts): TensorJson =>
  `${p.kind === 'ring' ? 'r' : 'b'}${p.width}[${p.shape.join(',')}]:${p.values.join(',')}` as TensorJson;

/** Decode a tensor, checking what the pattern cannot: element count, digit count and range. */
export function tensorFromJson(s: string, path: string): Payload {
  const j = tensorParts(s, path);
  const n = sizeOf(j.shape);
  if (j.values.length !== n)
    throw inputError(`${path}: ${j.values.length} values do not fill shape [${j.shape.join(', ')}]`);
  const digits = hexDigits(j.width);
  const mask = ringMask(j.width);
  const data = new BigUint64Array(n);
  j.values.forEach((h, i) => {
    if (h.length !== digits)
      throw inputError(
        `${path}: value ${i} '${h}' has ${h.length} hex digits; ${j.kind === 'ring' ? `Z_2^${j.width}` : `${j.width}-bit`} values take exactly ${digits}`,
      );
    const v = BigInt(`0x${h}`);
    if (v > mask) throw inputError(`${path}: value ${i} 0x${h} is not below 2^${j.width}`);
    data[i] = v;
  });
  return j.kind === 'ring' ? ringTensor(j.width, j.shape, data) : bitTensor(j.width, j.shape, data);
}

export function ringFromJson(s: string, path: string, ell: number): RingTensor {
  const p = tensorFromJson(s, path);
  if (p.kind !== 'ring' || p.ell !== ell)
    throw inputError(`${path}: expected a Z_2^${ell} tensor, got '${s.slice(0, 12)}…'`);
  return p;
}
