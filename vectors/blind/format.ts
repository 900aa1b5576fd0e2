// Blind mode (issue 5 §5, as NIST ACVP separates prompts from answers): a prompt file gives a backend what
// it needs to compute — configuration, params, shapes, seeds and keys, cleartext inputs — and nothing of
// the answers; the expected file keeps comments, flags, results, reference outputs, output shares and
// exact cost for grading; a backend writes a response file. All three are io-ts codecs with exported
// JSON Schemas, like the vector files.
import * as t from 'io-ts';
import { Flag } from '../format/flags.ts';
import { NonNegativeInt, PositiveInt, SeedString } from '../format/primitives.ts';
import { TensorMap } from '../format/tensor.ts';
import { CostJson, ExpectedJson, KeysJson, Result, groupConfigProps } from '../format/vector-file.ts';

export const PROMPT_SCHEMA = 'mpcspec-prompts-v1.schema.json';
export const EXPECTED_SCHEMA = 'mpcspec-expected-v1.schema.json';
export const RESPONSE_SCHEMA = 'mpcspec-responses-v1.schema.json';

const PromptIdFields = { promptId: t.string, algorithm: t.string, profile: t.string };

export const PromptFileJson = t.exact(
  t.type({
    ...PromptIdFields,
    schema: t.literal(PROMPT_SCHEMA),
    header: t.array(t.string),
    testGroups: t.array(
      t.exact(
        t.type({
          ...groupConfigProps,
          tests: t.array(
            t.exact(t.type({ tcId: PositiveInt, seed: SeedString, keys: KeysJson, inputs: TensorMap })),
          ),
        }),
      ),
    ),
  }),
  'PromptFile',
);
export type PromptFileJson = t.TypeOf<typeof PromptFileJson>;

export const ExpectedTestJson = t.exact(
  t.type({
    tcId: PositiveInt,
    comment: t.string,
    flags: t.array(Flag),
    result: Result,
    expected: ExpectedJson,
    outputShares: t.array(TensorMap),
  }),
  'ExpectedTest',
);
export type ExpectedTestJson = t.TypeOf<typeof ExpectedTestJson>;

export const ExpectedFileJson = t.exact(
  t.type({
    ...PromptIdFields,
    schema: t.literal(EXPECTED_SCHEMA),
    testGroups: t.array(
      t.exact(
        t.type({
          ell: groupConfigProps.ell,
          outputs: groupConfigProps.outputs,
          bounds: groupConfigProps.bounds,
          cost: CostJson,
          tests: t.array(ExpectedTestJson),
        }),
      ),
    ),
  }),
  'ExpectedFile',
);
export type ExpectedFileJson = t.TypeOf<typeof ExpectedFileJson>;

export const ResponseJson = t.exact(
  t.intersection([
    t.type({ tcId: PositiveInt, outputs: TensorMap }),
    t.partial({
      /** Per-party output shares (checked to recombine to `outputs`; equal to ours means a bit-exact replay). */
      outputShares: t.array(TensorMap),
      /** Measured cost, checked for equality with the spec's. */
      cost: t.exact(t.type({ rounds: NonNegativeInt, bitsSent: t.array(NonNegativeInt) })),
    }),
  ]),
  'Response',
);
export type ResponseJson = t.TypeOf<typeof ResponseJson>;

export const ResponseFileJson = t.exact(
  t.type({ promptId: t.string, schema: t.literal(RESPONSE_SCHEMA), responses: t.array(ResponseJson) }),
  'ResponseFile',
);
export type ResponseFileJson = t.TypeOf<typeof ResponseFileJson>;
