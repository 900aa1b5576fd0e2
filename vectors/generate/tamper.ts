// Invalid cases (issue 5 §2): a correct record with one thing broken, each the mistake a verifier must
// catch — an input share off by one, an altered message, a wrong output share, broken dealer material,
// an output beyond the bound. Each applies where the record has the part it breaks.
import type { Bounds, OutputDecl } from '../../spec/types.ts';
import type { Flag } from '../format/flags.ts';
import {
  type TensorJson,
  type TensorMap,
  hexDigits,
  tensorFromParts,
  tensorParts,
} from '../format/tensor.ts';
import type { CaseRecord } from './record.ts';

export interface Tampered {
  readonly flag: Flag;
  readonly comment: string;
  readonly record: CaseRecord;
}

const clone = (r: CaseRecord): CaseRecord => JSON.parse(JSON.stringify(r)) as CaseRecord;

const firstValue = (t: TensorJson): bigint => BigInt(`0x${tensorParts(t, 'tamper').values[0]!}`);

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

function outputBeyondBound(
  base: CaseRecord,
  bounds: Bounds,
  outputs: readonly OutputDecl[],
): Tampered | undefined {
  const r = clone(base);
  const name = firstName(r.expected.outputs);
  if (name === undefined) return undefined;
  const beyond = BigInt(bounds.implementationUlps) + 1n;
  const delta = firstValue(r.expected.reference[name]!) + beyond - firstValue(r.expected.outputs[name]!);
  r.expected.outputs[name] = bumped(r.expected.outputs[name]!, delta);
  // keep the record self-consistent apart from the bound: one share, or every receiver's value, follows
  const holders = r.parties.filter((p) => p.outputs[name] !== undefined);
  const delivery = outputs.find((d) => d.name === name)?.delivery ?? 'shared';
  for (const p of delivery === 'shared' ? holders.slice(0, 1) : holders)
    p.outputs[name] = bumped(p.outputs[name]!, delta);
  r.expected.error[name] = { maxUlps: beyond.toString(), wraps: 0 };
  return {
    flag: 'OutputBeyondBound',
    comment: `expected ${name}[0] set to reference + ${beyond} ulps (bound ${bounds.implementationUlps})`,
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
