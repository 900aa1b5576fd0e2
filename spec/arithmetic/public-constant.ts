// Operations with a public constant c (ALGORITHMS.md §1, "Public constants"):
//   add_const: party 0 adds enc(c); 0 rounds, error = the encoding error of c.
//   mul_const: every party multiplies by enc(c), then truncation by 2^f (a fixed-point product).
//   mul_int:   every party multiplies by a public integer k; no truncation, exact.
import * as t from 'io-ts';
import { roundScaled } from '../../core/fixed.ts';
import { sizeOf } from '../../core/shape.ts';
import { Finite } from '../codecs.ts';
import type { Config } from '../config.ts';
import { free } from '../cost.ts';
import { linearOperandBound, real } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { truncationBounds, truncationCost } from './truncation.ts';
import { rewrittenConstant } from './constant-rewrite.ts';

export const ConstParams = t.type({ c: Finite });
export type ConstParams = t.TypeOf<typeof ConstParams>;
export const IntConstParams = t.type({ k: t.Int });
export type IntConstParams = t.TypeOf<typeof IntConstParams>;

/**
 * The integer a public real encodes to under the configuration's rounding (what every party uses);
 * defect identification may rewrite c on purpose (constant-rewrite.ts).
 */
export const encodedConstant = (config: Config, c: number): bigint =>
  BigInt(roundScaled(rewrittenConstant(c) * 2 ** config.f, config.rounding));

const common = {
  family: 'arithmetic',
  source: 'docs/arithmetic.md Linear operations and public constants',
  inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }] as const,
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }] as const,
  shapes: (_p: unknown, size: number) => vectorShapes(['x'], size),
} as const;

export const addConstSpec: ProtocolSpec<ConstParams> = {
  ...common,
  id: 'add_const',
  title: 'Addition of a public constant',
  params: ConstParams,
  defaults: { c: 1.5 },
  variants: [{ c: -0.1 }, { c: 0 }],
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('add_const', shapes, ['x']) }),
  domain: (config, p) => ({
    x: real(
      -linearOperandBound(config, 1e6) / 2 + Math.abs(p.c),
      linearOperandBound(config, 1e6) / 2 - Math.abs(p.c),
    ),
  }),
  ideal: (p, inputs) => ({ z: inputs['x']!.map((v) => v + p.c) }),
  cost: (config) => free(config),
  bounds: (config) => ({ implementationUlps: 0, approximation: { abs: 2 ** -config.f, rel: 0 } }),
};

/** |x| bound so that |x|·|enc(c)| stays below 2^(ℓ−3) before truncation. */
const mulConstOperandBound = (config: Config, c: number): number =>
  Math.min(
    linearOperandBound(config, 1e6),
    2 ** (config.ell - 3 - 2 * config.f) / Math.max(Math.abs(c), 2 ** -config.f),
  );

export const mulConstSpec: ProtocolSpec<ConstParams> = {
  ...common,
  id: 'mul_const',
  title: 'Multiplication by a public fixed-point constant (then truncation)',
  params: ConstParams,
  defaults: { c: 0.125 },
  variants: [{ c: -2.75 }, { c: 3 }, { c: 1e-5 }],
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('mul_const', shapes, ['x']) }),
  domain: (config, p) => ({ x: real(-mulConstOperandBound(config, p.c), mulConstOperandBound(config, p.c)) }),
  ideal: (p, inputs) => ({ z: inputs['x']!.map((v) => v * p.c) }),
  cost: (config, _p, shapes) => truncationCost(config, sizeOf(shapes['x']!)),
  bounds: (config, p) => {
    const ulp = 2 ** -config.f;
    const B = mulConstOperandBound(config, p.c);
    const cErr = Math.abs(Number(encodedConstant(config, p.c)) * ulp - p.c);
    return {
      ...truncationBounds(config, config.f, B * Math.abs(p.c) * 2 ** (2 * config.f) + 2 ** config.f),
      // floor after the product (< 1 ulp) plus the constant's encoding error scaled by |x|
      approximation: { abs: ulp + B * cErr, rel: 0 },
    };
  },
};

export const mulIntSpec: ProtocolSpec<IntConstParams> = {
  ...common,
  id: 'mul_int',
  title: 'Multiplication by a public integer (no truncation)',
  params: IntConstParams,
  defaults: { k: 3 as t.Int },
  variants: [{ k: -5 as t.Int }, { k: 0 as t.Int }],
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('mul_int', shapes, ['x']) }),
  domain: (config, p) => ({
    x: real(
      -linearOperandBound(config, 1e6) / Math.max(1, Math.abs(p.k)),
      linearOperandBound(config, 1e6) / Math.max(1, Math.abs(p.k)),
    ),
  }),
  ideal: (p, inputs) => ({ z: inputs['x']!.map((v) => v * p.k) }),
  cost: (config) => free(config),
  bounds: () => ({ implementationUlps: 0, approximation: { abs: 0, rel: 0 } }),
};
