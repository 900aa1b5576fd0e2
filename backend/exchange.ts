// One case on the wire (docs/backends.md, "Cases" and "Results"): the request the runner writes for a
// case, and the outputs read back from the adapter's result — ring words or reals (re-encoded to the
// nearest ring element, exact for a value decoded exactly), or every party's output shares (summed) —
// checked against the spec's output shapes. A missing output, a wrong length or shape, or a word
// outside the ring is a problem naming the case, the output and the element.
import { type RingTensor, ringMask, ringTensor } from '../core/ring.ts';
import { formatShape, sameShape, sizeOf } from '../core/shape.ts';
import { partyInputs } from '../harness/party-inputs.ts';
import { decodeByScale } from '../harness/scale.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { BackendCase } from './cases.ts';
import type { CaseMessage, InputTensor, OutputValue, ResultMessage } from './protocol/messages.ts';
import { wordsFromWire, wordsToWire } from './protocol/words.ts';

export interface CaseRequestOptions {
  readonly inputShares: boolean;
  readonly views?: boolean;
  readonly instances?: number;
}

export function caseMessage(
  protocol: BoundProtocol,
  config: Config,
  c: BackendCase,
  options: CaseRequestOptions,
): CaseMessage {
  const decls = protocol.inputs();
  const outShapes = protocol.outputShapes(c.shapes);
  const inputs: Record<string, InputTensor> = {};
  for (const d of decls) {
    const v = c.inputs[d.name]!;
    inputs[d.name] = {
      shape: [...v.shape],
      scale: d.scale,
      holder: d.holder,
      ...(d.holder === 'owner' ? { owner: d.owner ?? 0 } : {}),
      ring: wordsToWire(v.data, config.ell),
      real: Array.from(decodeByScale(v, d.scale, config)),
    };
  }
  const outputs = Object.fromEntries(
    protocol
      .outputs()
      .map((o) => [o.name, { shape: [...outShapes[o.name]!], scale: o.scale, delivery: o.delivery }]),
  );
  const shares = options.inputShares
    ? partyInputs(decls, c.inputs, config, c.seed).map((p) =>
        Object.fromEntries(Object.entries(p).map(([k, v]) => [k, wordsToWire(v.data, config.ell)])),
      )
    : undefined;
  return {
    type: 'case',
    case: c.id,
    op: protocol.id,
    params: protocol.params as Record<string, unknown>,
    inputs,
    outputs,
    seed: c.seed.toString(),
    ...(shares === undefined ? {} : { shares }),
    ...(options.views === true ? { views: true } : {}),
    ...(options.instances === undefined ? {} : { instances: options.instances }),
  };
}

export type ReadOutputs =
  | { readonly ok: true; readonly outputs: Readonly<Record<string, RingTensor>> }
  | { readonly ok: false; readonly problem: string };

/** Reals back to ring elements by the output's scale: round(v·2^f) for fixed point, integers as they are. */
function encodeReals(values: readonly number[], scale: string, config: Config): BigUint64Array | number {
  const factor = scale === 'fixed' ? 2 ** config.f : 1;
  const limit = 2 ** (config.ell - 1);
  const m = ringMask(config.ell);
  const out = new BigUint64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = Math.round(values[i]! * factor);
    if (!(Math.abs(s) <= limit)) return i;
    out[i] = BigInt(s) & m;
  }
  return out;
}

export function readOutputs(
  protocol: BoundProtocol,
  config: Config,
  c: BackendCase,
  result: ResultMessage,
): ReadOutputs {
  const shapes = protocol.outputShapes(c.shapes);
  const outputs: Record<string, RingTensor> = {};
  const problem = (why: string): ReadOutputs => ({ ok: false, problem: `case ${c.id}: ${why}` });
  for (const decl of protocol.outputs()) {
    const shape = shapes[decl.name]!;
    const n = sizeOf(shape);
    const clear: OutputValue | undefined = result.outputs?.[decl.name];
    let data: BigUint64Array;
    if (clear !== undefined) {
      if (clear.shape !== undefined && !sameShape(clear.shape, shape))
        return problem(
          `output '${decl.name}' has shape ${formatShape(clear.shape)}; the spec gives ${formatShape(shape)}`,
        );
      const count = 'ring' in clear ? clear.ring.length : clear.real.length;
      if (count !== n)
        return problem(`output '${decl.name}' has ${count} values; shape ${formatShape(shape)} holds ${n}`);
      if ('ring' in clear) {
        const w = wordsFromWire(clear.ring, config.ell);
        if ('outOfRange' in w)
          return problem(
            `output '${decl.name}'[${w.outOfRange}] = ${clear.ring[w.outOfRange]} is not in Z_2^${config.ell}`,
          );
        data = w.data;
      } else {
        const e = encodeReals(clear.real, decl.scale, config);
        if (typeof e === 'number')
          return problem(
            `output '${decl.name}'[${e}] = ${clear.real[e]} does not fit ℓ = ${config.ell}, f = ${config.f}`,
          );
        data = e;
      }
    } else if (result.outputShares !== undefined) {
      if (result.outputShares.length !== config.parties)
        return problem(`${result.outputShares.length} parties' output shares for ${config.parties} parties`);
      data = new BigUint64Array(n);
      const m = ringMask(config.ell);
      for (let p = 0; p < config.parties; p++) {
        const share = result.outputShares[p]![decl.name];
        if (share === undefined) return problem(`party ${p} gives no share of output '${decl.name}'`);
        if (share.length !== n)
          return problem(
            `party ${p}'s share of '${decl.name}' has ${share.length} words; shape ${formatShape(shape)} holds ${n}`,
          );
        const w = wordsFromWire(share, config.ell);
        if ('outOfRange' in w)
          return problem(`party ${p}'s share of '${decl.name}'[${w.outOfRange}] is not in Z_2^${config.ell}`);
        for (let i = 0; i < n; i++) data[i] = (data[i]! + w.data[i]!) & m;
      }
    } else return problem(`the result has no output '${decl.name}' (neither in outputs nor in outputShares)`);
    outputs[decl.name] = ringTensor(config.ell, shape, data);
  }
  return { ok: true, outputs };
}
