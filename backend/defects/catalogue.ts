// The catalogue of classic mistakes (issue 17 §3), each as what a backend would output had it made it:
//   decode of negatives divided by 2^f − 1, and decode of negatives off by exactly 1.0 (a truncated
//     quotient with a floored remainder);
//   a missing truncation (outputs 2^f times too large), a truncation done twice, a truncation as an
//     unsigned shift (negative values off by 2^(ℓ−f));
//   fixed-point rounding the other way (constants encoded to nearest instead of toward zero, or the
//     reverse), a public constant that encodes to zero, two public constants swapped (the reference run
//     with its constants rewritten: spec/arithmetic/constant-rewrite.ts);
//   swapped operands, and a 0/1 result negated.
// Each applies to any op whose outputs or inputs have the shape of the mistake; none names an op.
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { roundScaled } from '../../core/fixed.ts';
import type { BoundProtocol } from '../../registry/index.ts';
import { constantsEncodedBy, withConstantRewrite } from '../../spec/arithmetic/constant-rewrite.ts';
import type { Config } from '../../spec/config.ts';
import type { BackendCase } from '../cases.ts';
import { findDefect } from '../../spec/defects.ts';
import type { Candidate, DefectTag, Outputs } from './candidate.ts';

/** Positions of encoded constants tried one by one and in pairs, at most. */
const MAX_CONSTANTS = 12;

const fmt = (v: number): string => String(Number(v.toPrecision(8)));

/** Apply `f` to every word of every output whose scale is in `scales` (others unchanged). */
function mapOutputs(
  protocol: BoundProtocol,
  ref: Outputs,
  scales: readonly string[],
  f: (signed: bigint) => bigint,
): Outputs {
  const out: Record<string, RingTensor> = {};
  for (const d of protocol.outputs()) {
    const t = ref[d.name]!;
    if (!scales.includes(d.scale)) {
      out[d.name] = t;
      continue;
    }
    const m = ringMask(t.ell);
    const data = new BigUint64Array(t.data.length);
    for (let i = 0; i < data.length; i++) data[i] = f(BigInt.asIntN(t.ell, t.data[i]!)) & m;
    out[d.name] = ringTensor(t.ell, t.shape, data);
  }
  return out;
}

/** The defect of spec/defects.ts a classic mistake is, when it is one there. */
function catalogued(id: string): { defect: DefectTag } | Record<string, never> {
  const d = findDefect(id);
  return d === undefined ? {} : { defect: { id: d.id, title: d.title } };
}

function outputTransforms(protocol: BoundProtocol, config: Config): Candidate[] {
  const F = 1n << BigInt(config.f);
  const hasFixed = protocol.outputs().some((d) => d.scale === 'fixed');
  const fixed = (
    name: string,
    explanation: string,
    f: (v: bigint) => bigint,
    slack?: (b: number) => bigint,
    defect?: string,
  ): Candidate => ({
    name,
    source: 'catalogue',
    explanation,
    ...(slack === undefined ? {} : { slackUlps: slack }),
    ...(defect === undefined ? {} : catalogued(defect)),
    predict: (_c, ref) => mapOutputs(protocol, ref, ['fixed'], f),
  });
  const list: Candidate[] = [];
  if (hasFixed && config.f > 0)
    list.push(
      fixed(
        'decode divides negatives by 2^f − 1',
        `decodes a negative value v as v / (2^f − 1) instead of v / 2^f (f = ${config.f}): off by |v|·2^−f`,
        (v) => (v < 0n ? (v * F - (F - 1n) / 2n) / (F - 1n) : v),
        undefined,
        'decode-negatives',
      ),
      fixed(
        'decode of negatives off by 1.0',
        'decodes a negative value with a quotient truncated toward zero and a floored remainder: off by exactly +1.0 unless a whole number',
        (v) => (v < 0n && v % F !== 0n ? v + F : v),
      ),
      fixed(
        'missing truncation',
        `leaves a fixed-point product untruncated: outputs 2^f = ${F} times the value`,
        (v) => v * F,
        (b) => BigInt(b + 1) * F,
      ),
      fixed('truncation done twice', 'truncates a fixed-point product twice: outputs the value / 2^f', (v) =>
        v >= 0n ? v / F : -((-v + F - 1n) / F),
      ),
      fixed(
        'truncation as an unsigned shift',
        `shifts the ring word as unsigned: negative values off by 2^(ℓ−f) = 2^${config.ell - config.f}`,
        (v) => (v < 0n ? v + (1n << BigInt(config.ell - config.f)) : v),
      ),
    );
  if (protocol.outputs().some((d) => d.scale !== 'fixed'))
    list.push({
      name: 'result negated',
      source: 'catalogue',
      explanation: 'returns 1 − b for a 0/1 result b (the complementary comparison)',
      predict: (_c, ref) =>
        mapOutputs(protocol, ref, ['int', 'bit'], (v) => {
          if (v !== 0n && v !== 1n) throw new Error('not a 0/1 result');
          return 1n - v;
        }),
    });
  return list;
}

function referenceWith(
  name: string,
  explanation: string,
  run: (c: BackendCase) => Outputs,
  defect?: string,
): Candidate {
  return {
    name,
    source: 'catalogue',
    explanation,
    ...(defect === undefined ? {} : catalogued(defect)),
    predict: (c) => run(c),
  };
}

function constantMistakes(protocol: BoundProtocol, config: Config, sample: BackendCase): Candidate[] {
  const constants = constantsEncodedBy(() => protocol.reference(config, sample.inputs, sample.shapes)).slice(
    0,
    MAX_CONSTANTS,
  );
  const run = (rewrite: (v: number, k: number) => number) => (c: BackendCase) =>
    withConstantRewrite(rewrite, () => protocol.reference(config, c.inputs, c.shapes));
  const out: Candidate[] = [];
  constants.forEach((v, k) => {
    if (roundScaled(v * 2 ** config.f, config.rounding) !== 0)
      out.push(
        referenceWith(
          `constant #${k + 1} (${fmt(v)}) encoded as 0`,
          `uses 0 for the public constant ${fmt(v)} (#${k + 1} in the order the steps encode constants), as an epsilon below 2^−f encodes`,
          run((x, j) => (j === k ? 0 : x)),
          'epsilon-zero',
        ),
      );
  });
  constants.forEach((a, i) =>
    constants.forEach((b, j) => {
      if (j <= i || a === b) return;
      out.push(
        referenceWith(
          `constants #${i + 1} (${fmt(a)}) and #${j + 1} (${fmt(b)}) swapped`,
          `swaps the public constants ${fmt(a)} and ${fmt(b)} (#${i + 1} and #${j + 1} in the order the steps encode constants)`,
          run((x, k) => (k === i ? b : k === j ? a : x)),
        ),
      );
    }),
  );
  return out;
}

function swappedOperands(protocol: BoundProtocol, config: Config): Candidate[] {
  const decls = protocol.inputs();
  const out: Candidate[] = [];
  for (let i = 0; i < decls.length; i++)
    for (let j = i + 1; j < decls.length; j++) {
      const a = decls[i]!;
      const b = decls[j]!;
      if (a.scale !== b.scale || a.holder !== b.holder) continue;
      out.push(
        referenceWith(
          `operands ${a.name} and ${b.name} swapped`,
          `takes ${b.name} for ${a.name} and ${a.name} for ${b.name}`,
          (c) =>
            protocol.reference(
              config,
              { ...c.inputs, [a.name]: c.inputs[b.name]!, [b.name]: c.inputs[a.name]! },
              { ...c.shapes, [a.name]: c.shapes[b.name]!, [b.name]: c.shapes[a.name]! },
            ),
        ),
      );
    }
  return out;
}

export function catalogueCandidates(
  protocol: BoundProtocol,
  config: Config,
  sample: BackendCase,
): Candidate[] {
  const other = config.rounding === 'trunc' ? 'nearest' : 'trunc';
  const flipped = { ...config, rounding: other } as const;
  return [
    ...outputTransforms(protocol, config),
    referenceWith(
      'rounding the other way',
      `rounds fixed-point constants ${other === 'nearest' ? 'to nearest instead of toward zero' : 'toward zero instead of to nearest'} (truncations rounding the other way stay within the bound on their own)`,
      (c) => protocol.reference(flipped, c.inputs, c.shapes),
    ),
    ...constantMistakes(protocol, config, sample),
    ...swappedOperands(protocol, config),
  ];
}
