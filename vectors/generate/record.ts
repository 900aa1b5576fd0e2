// From a run to vector JSON (docs/vectors.md, "Groups" and "Tests"): the group's public description
// (configuration, declarations, domain, bounds, exact cost) and one case's full record — keys, per-party
// inputs, tape draws, preprocessing, sent messages and output shares, and the expected outputs. The
// verifier rebuilds both with these same functions and compares, so generation and checking agree.
import { deriveKey, keyHex, PRG_NAME } from '../../core/prg.ts';
import type { Shape } from '../../core/shape.ts';
import type { CaseResult } from '../../harness/execute.ts';
import { outputError } from '../../harness/compare.ts';
import type { BoundProtocol } from '../../registry/index.ts';
import type { Config } from '../../spec/config.ts';
import type { Bounds, Cost, Domain } from '../../spec/types.ts';
import { floatToJson } from '../format/primitives.ts';
import { tensorMapToJson, tensorToJson } from '../format/tensor.ts';
import type { PartyRecordJson, TapeName, TestCaseJson, TestGroupJson } from '../format/vector-file.ts';

type Shapes = Readonly<Record<string, Shape>>;

/** The order of a party's tapes in runtime/run.ts views: its own, then zero-sharing with party ±1. */
const TAPES: readonly TapeName[] = ['party', 'przs-next', 'przs-prev'];

const domainToJson = (d: Domain): TestGroupJson['domain'][string] =>
  d.kind === 'ring'
    ? { kind: 'ring' }
    : {
        kind: 'real',
        min: floatToJson(d.min),
        max: floatToJson(d.max),
        ...(d.row === undefined ? {} : { row: d.row.what }),
      };

export const boundsToJson = (b: Bounds): TestGroupJson['bounds'] => ({
  implementationUlps: b.implementationUlps,
  approximation: { abs: floatToJson(b.approximation.abs), rel: floatToJson(b.approximation.rel) },
  ...(b.wrap === undefined
    ? {}
    : {
        wrap: {
          probability: floatToJson(b.wrap.probability),
          modulus: b.wrap.modulus.toString(),
          ...(b.wrap.rowProbability === undefined
            ? {}
            : { rowProbability: floatToJson(b.wrap.rowProbability) }),
        },
      }),
});

const costToJson = (c: Cost): TestGroupJson['cost'] => ({
  rounds: c.rounds,
  bitsSent: [...c.bitsSent],
  messagesSent: [...c.messagesSent],
  offlineBits: [...c.offlineBits],
  preprocessing: Object.fromEntries(Object.entries(c.preprocessing).sort(([a], [b]) => (a < b ? -1 : 1))),
});

/** Everything a group states about its protocol under `config` and `shapes` (no tests yet). */
export function groupHeader(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
): Omit<TestGroupJson, 'tests'> {
  const domains = protocol.domain(config, shapes);
  return {
    type: 'MpcProtocolTest',
    profile: config.profile,
    ell: config.ell,
    f: config.f,
    rounding: config.rounding,
    parties: config.parties,
    truncation: config.truncation,
    inputSharing: config.inputSharing,
    schedule: config.schedule,
    prg: PRG_NAME,
    params: protocol.params as Record<string, unknown>,
    source: protocol.source,
    inputs: protocol.inputs().map((d) => ({
      name: d.name,
      holder: d.holder,
      ...(d.owner === undefined ? {} : { owner: d.owner }),
      scale: d.scale,
    })),
    outputs: protocol.outputs().map((d) => ({ name: d.name, delivery: d.delivery, scale: d.scale })),
    receivers: [...protocol.receivers(config)],
    shapes: Object.fromEntries(Object.entries(shapes).map(([k, s]) => [k, [...s]])),
    domain: Object.fromEntries(Object.entries(domains).map(([k, d]) => [k, domainToJson(d)])),
    bounds: boundsToJson(protocol.bounds(config, shapes)),
    cost: costToJson(protocol.cost(config, shapes)),
  };
}

function partyRecord(r: CaseResult, party: number): PartyRecordJson {
  const view = r.run.views[party]!;
  return {
    party,
    inputs: tensorMapToJson(view.inputs),
    draws: view.tapes.flatMap((tape, k) =>
      tape.draws.map((d) => ({ tape: TAPES[k]!, label: d.label, words: d.words.length })),
    ),
    preprocessing: view.preprocessing.map((p) => ({
      kind: p.kind,
      label: p.label,
      values: tensorMapToJson(p.values),
    })),
    sent: r.run.transcript
      .filter((m) => m.from === party)
      .map((m) => ({ round: m.round, to: m.to, label: m.label, value: tensorToJson(m.payload) })),
    outputs: tensorMapToJson(r.run.outputs[party]!),
  };
}

export type CaseRecord = Omit<TestCaseJson, 'tcId' | 'comment' | 'flags' | 'result'>;

/** The replayable part of a test: seed, keys, inputs, every party's record, expected outputs. */
export function recordCase(r: CaseResult): CaseRecord {
  const k = r.run.keys;
  return {
    seed: r.spec.seed.toString(),
    keys: {
      root: keyHex(k.root),
      harness: keyHex(deriveKey(k.root, 'harness')),
      dealer: keyHex(k.dealer),
      parties: k.parties.map(keyHex),
      przs: k.przs.map(keyHex),
    },
    inputs: tensorMapToJson(r.spec.inputs),
    parties: r.run.views.map((_, i) => partyRecord(r, i)),
    expected: {
      outputs: Object.fromEntries(r.outputs.map((o) => [o.name, tensorToJson(o.protocol)])),
      reference: Object.fromEntries(r.outputs.map((o) => [o.name, tensorToJson(o.reference)])),
      error: Object.fromEntries(
        r.outputs.map((o) => {
          const e = outputError(o.protocol, o.reference, r.bounds);
          return [o.name, { maxUlps: e.maxUlps.toString(), wraps: e.wraps }];
        }),
      ),
    },
  };
}
