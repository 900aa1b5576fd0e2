// Invalid cases (issue 5 §2): a correct record with one thing broken, each the mistake a verifier must
// catch — an input share off by one, an altered message, a wrong output share, broken dealer material,
// an output beyond the bound. Each applies where the record has the part it breaks.
import { checkImplementation, outputError } from '../../harness/compare.ts';
import type { Bounds, OutputDecl } from '../../spec/types.ts';
import type { Flag } from '../format/flags.ts';
import {
  type TensorJson,
  type TensorMap,
  hexDigits,
  ringFromJson,
  tensorFromParts,
  tensorParts,
  tensorToJson,
} from '../format/tensor.ts';
import type { CaseRecord } from './record.ts';

export interface Tampered {
  readonly flag: Flag;
  readonly comment: string;
  readonly record: CaseRecord;
}

const clone = (r: CaseRecord): CaseRecord => JSON.parse(JSON.stringify(r)) as CaseRecord;

/** The tensor with element 0 increased by delta mod 2^width. */
function bumped(t: TensorJson, delta: bigint): TensorJson {
  const p = tensorParts(t, 'tamper');
  const mod = 1n << BigInt(p.width);
  const v = (BigInt(`0x${p.values[0]!}`) + (delta % mod) + mod) % mod;
  return tensorFromParts({
    ...p,
    values: [v.toString(16).padStart(hexDigits(p.width), '0'), ...p.values.slice(1)],
  });
}

/** The first name in m whose tensor has an element. */
const firstName = (m: TensorMap): string | undefined =>
  Object.keys(m).find((name) => tensorParts(m[name]!, 'tamper').values.length > 0);

function shareOffByOne(base: CaseRecord): Tampered | undefined {
  const r = clone(base);
  const party = [...r.parties].reverse().find((p) => firstName(p.inputs) !== undefined);
  if (party === undefined) return undefined;
  const name = firstName(party.inputs)!;
  party.inputs[name] = bumped(party.inputs[name]!, 1n);
  return { flag: 'ShareOffByOne', comment: `party ${party.party}'s input ${name}[0] + 1`, record: r };
}

function alteredMessage(base: CaseRecord): Tampered | undefined {
  const r = clone(base);
  const nonEmpty = (v: TensorJson): boolean => tensorParts(v, 'tamper').values.length > 0;
  const party = r.parties.find((p) => p.sent.some((m) => nonEmpty(m.value)));
  const msg = party?.sent.find((m) => nonEmpty(m.value));
  if (party === undefined || msg === undefined) return undefined;
  msg.value = bumped(msg.value, 1n);
  return {
    flag: 'AlteredMessage',
    comment: `message '${msg.label}' from party ${party.party} to party ${msg.to} (round ${msg.round}): element 0 + 1`,
    record: r,
  };
}

function wrongOutputShare(base: CaseRecord): Tampered | undefined {
  const r = clone(base);
  const party = r.parties.find((p) => firstName(p.outputs) !== undefined);
  if (party === undefined) return undefined;
  const name = firstName(party.outputs)!;
  party.outputs[name] = bumped(party.outputs[name]!, 1n);
  return {
    flag: 'WrongOutputShare',
    comment: `party ${party.party}'s output share ${name}[0] + 1`,
    record: r,
  };
}

function badPreprocessing(base: CaseRecord): Tampered | undefined {
  const r = clone(base);
  const party = r.parties.find((p) => p.preprocessing.length > 0);
  const item = party?.preprocessing[0];
  if (party === undefined || item === undefined) return undefined;
  const names = Object.keys(item.values);
  const last = names[names.length - 1];
  if (last === undefined) return undefined;
  item.values[last] = bumped(item.values[last]!, 1n);
  return {
    flag: 'BadPreprocessing',
    comment: `party ${party.party}'s share of ${item.kind} '${item.label}' value ${last}[0] + 1, breaking its correlation`,
    record: r,
  };
}

/** The tensor with each of the first k elements set to `reference` + delta mod 2^width. */
function offReference(output: TensorJson, reference: TensorJson, k: number, delta: bigint): TensorJson {
  const p = tensorParts(output, 'tamper');
  const ref = tensorParts(reference, 'tamper').values;
  const mod = 1n << BigInt(p.width);
  const moved = (i: number): string =>
    ((BigInt(`0x${ref[i]!}`) + delta) % mod).toString(16).padStart(hexDigits(p.width), '0');
  return tensorFromParts({ ...p, values: p.values.map((v, i) => (i < k ? moved(i) : v)) });
}

/**
 * The expected output moved beyond the spec's bound: its first elements set to reference + (bound + 1)
 * ulps, as many as it takes for the implementation check to fail. Where the spec allows rare errors of
 * any size (a wrap modulus of 1) one such element may still be within the bound (a wrap event the spec
 * allows), so more are moved; where even every element would be allowed, there is no such case.
 */
function outputBeyondBound(
  base: CaseRecord,
  bounds: Bounds,
  outputs: readonly OutputDecl[],
): Tampered | undefined {
  const r = clone(base);
  const name = firstName(r.expected.outputs);
  if (name === undefined) return undefined;
  const beyond = BigInt(bounds.implementationUlps) + 1n;
  const given = r.expected.outputs[name]!;
  const reference = r.expected.reference[name]!;
  const ell = tensorParts(given, 'tamper').width;
  const count = tensorParts(given, 'tamper').values.length;
  const ref = ringFromJson(reference, 'tamper', ell);
  let k = 1;
  while (
    k <= count &&
    checkImplementation(ringFromJson(offReference(given, reference, k, beyond), 'tamper', ell), ref, bounds)
      .ok
  )
    k++;
  if (k > count) return undefined;
  const moved = offReference(given, reference, k, beyond);
  const before = ringFromJson(given, 'tamper', ell);
  const after = ringFromJson(moved, 'tamper', ell);
  r.expected.outputs[name] = moved;
  // keep the record self-consistent apart from the bound: one share, or every receiver's value, follows
  const holders = r.parties.filter((p) => p.outputs[name] !== undefined);
  const delivery = outputs.find((d) => d.name === name)?.delivery ?? 'shared';
  for (const p of delivery === 'shared' ? holders.slice(0, 1) : holders) {
    const share = ringFromJson(p.outputs[name]!, 'tamper', ell);
    const data = share.data.map((v, i) => BigInt.asUintN(ell, v + after.data[i]! - before.data[i]!));
    p.outputs[name] = tensorToJson({ ...share, data });
  }
  // recorded as for any case: an element of the base case that wrapped still counts as a wrap
  const e = outputError(after, ref, bounds);
  r.expected.error[name] = { maxUlps: e.maxUlps.toString(), wraps: e.wraps };
  const elements = Array.from({ length: k }, (_, i) => `${name}[${i}]`).join(', ');
  return {
    flag: 'OutputBeyondBound',
    comment: `expected ${elements} set to reference + ${beyond} ulps (bound ${bounds.implementationUlps}${k > 1 ? `; ${k - 1} such element(s) are rare errors the spec allows` : ''})`,
    record: r,
  };
}

export function tamperedCases(base: CaseRecord, bounds: Bounds, outputs: readonly OutputDecl[]): Tampered[] {
  return [
    shareOffByOne(base),
    alteredMessage(base),
    wrongOutputShare(base),
    badPreprocessing(base),
    outputBeyondBound(base, bounds, outputs),
  ].filter((c): c is Tampered => c !== undefined);
}
