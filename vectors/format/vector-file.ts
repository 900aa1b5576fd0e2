// The vector file format (issue 5 §1; docs/vectors.md): Wycheproof's layout — a header with the
// algorithm (protocol id), schema, generator version, numberOfTests, header lines and flag notes, then
// test groups sharing one configuration — extended with what multi-party vectors need (RFC 9591 FROST,
// CFRG VDAF): per-party keys, input shares, tape draws, preprocessing, sent messages and output shares.
// These codecs are the source of truth; vectors/schema/ holds the JSON Schema exported from them.
import * as t from 'io-ts';
import { Flag, Note } from './flags.ts';
import {
  DecimalString,
  JsonFloat,
  KeyHex,
  NonNegativeInt,
  PositiveInt,
  RingWidth,
  SeedString,
} from './primitives.ts';
import { TensorJson, TensorMap } from './tensor.ts';

export const SCHEMA_NAME = 'mpcspec-vectors-v1.schema.json';

export const Result = t.keyof({ valid: null, acceptable: null, invalid: null });
export type Result = t.TypeOf<typeof Result>;

const Scale = t.keyof({ fixed: null, int: null, bit: null });

export const InputDeclJson = t.exact(
  t.intersection([
    t.type({ name: t.string, holder: t.keyof({ shared: null, owner: null, public: null }), scale: Scale }),
    t.partial({ owner: NonNegativeInt }),
  ]),
  'InputDecl',
);

export const OutputDeclJson = t.exact(
  t.type({ name: t.string, delivery: t.keyof({ shared: null, clear: null }), scale: Scale }),
  'OutputDecl',
);

export const DomainJson = t.union([
  t.exact(t.type({ kind: t.literal('ring') })),
  t.exact(
    t.intersection([
      t.type({ kind: t.literal('real'), min: JsonFloat, max: JsonFloat }),
      // A condition on each row (the last axis), in words: the generated rows satisfy it.
      t.partial({ row: t.string }),
    ]),
  ),
]);

export const BoundsJson = t.exact(
  t.intersection([
    t.type({
      implementationUlps: NonNegativeInt,
      approximation: t.exact(t.type({ abs: JsonFloat, rel: JsonFloat })),
    }),
    t.partial({
      wrap: t.exact(
        t.intersection([
          t.type({ probability: JsonFloat, modulus: DecimalString }),
          // Wraps counted by rows of the output: each row spoiled with at most this probability.
          t.partial({ rowProbability: JsonFloat }),
        ]),
      ),
    }),
  ]),
  'Bounds',
);

export const CostJson = t.exact(
  t.type({
    rounds: NonNegativeInt,
    bitsSent: t.array(NonNegativeInt),
    messagesSent: t.array(NonNegativeInt),
    offlineBits: t.array(NonNegativeInt),
    preprocessing: t.record(t.string, NonNegativeInt),
  }),
  'Cost',
);

export const KeysJson = t.exact(
  t.type({
    root: KeyHex,
    harness: KeyHex,
    dealer: KeyHex,
    parties: t.array(KeyHex),
    przs: t.array(KeyHex),
  }),
  'Keys',
);

/** Which of a party's tapes a draw came from: its own, or the zero-sharing key with party ±1. */
export const TapeName = t.keyof({ party: null, 'przs-next': null, 'przs-prev': null });
export type TapeName = t.TypeOf<typeof TapeName>;

export const DrawJson = t.exact(t.type({ tape: TapeName, label: t.string, words: NonNegativeInt }), 'Draw');

export const PreprocessingJson = t.exact(
  t.type({ kind: t.string, label: t.string, values: TensorMap }),
  'Preprocessing',
);

export const SentMessageJson = t.exact(
  t.type({ round: PositiveInt, to: NonNegativeInt, label: t.string, value: TensorJson }),
  'SentMessage',
);

export const PartyRecordJson = t.exact(
  t.type({
    party: NonNegativeInt,
    inputs: TensorMap,
    draws: t.array(DrawJson),
    preprocessing: t.array(PreprocessingJson),
    sent: t.array(SentMessageJson),
    outputs: TensorMap,
  }),
  'PartyRecord',
);
export type PartyRecordJson = t.TypeOf<typeof PartyRecordJson>;

export const OutputErrorJson = t.exact(
  t.type({ maxUlps: DecimalString, wraps: NonNegativeInt }),
  'OutputError',
);

export const ExpectedJson = t.exact(
  t.type({
    outputs: TensorMap,
    reference: TensorMap,
    error: t.record(t.string, OutputErrorJson),
  }),
  'Expected',
);

export const TestCaseJson = t.exact(
  t.type({
    tcId: PositiveInt,
    comment: t.string,
    flags: t.array(Flag),
    result: Result,
    seed: SeedString,
    keys: KeysJson,
    inputs: TensorMap,
    parties: t.array(PartyRecordJson),
    expected: ExpectedJson,
  }),
  'TestCase',
);
export type TestCaseJson = t.TypeOf<typeof TestCaseJson>;

/** What a group states about its configuration and spec; shared with blind-mode prompts. */
export const groupConfigProps = {
  type: t.literal('MpcProtocolTest'),
  profile: t.string,
  ell: RingWidth,
  f: NonNegativeInt,
  rounding: t.keyof({ trunc: null, nearest: null }),
  parties: PositiveInt,
  truncation: t.keyof({ 'local-trunc': null, 'local-secureml': null, dealer: null }),
  inputSharing: t.keyof({ 'zero-sharing': null, 'owner-sends': null }),
  schedule: t.keyof({ crypten: null, default: null }),
  prg: t.string,
  params: t.record(t.string, t.unknown),
  source: t.string,
  inputs: t.array(InputDeclJson),
  outputs: t.array(OutputDeclJson),
  receivers: t.array(NonNegativeInt),
  shapes: t.record(t.string, t.array(NonNegativeInt)),
  domain: t.record(t.string, DomainJson),
  bounds: BoundsJson,
};

export const TestGroupJson = t.exact(
  t.type({ ...groupConfigProps, cost: CostJson, tests: t.array(TestCaseJson) }),
  'TestGroup',
);
export type TestGroupJson = t.TypeOf<typeof TestGroupJson>;

export const VectorFileJson = t.exact(
  t.type({
    algorithm: t.string,
    schema: t.literal(SCHEMA_NAME),
    generatorVersion: t.string,
    numberOfTests: NonNegativeInt,
    header: t.array(t.string),
    notes: t.record(t.string, Note),
    profile: t.string,
    testGroups: t.array(TestGroupJson),
  }),
  'VectorFile',
);
export type VectorFileJson = t.TypeOf<typeof VectorFileJson>;
