// `vectors split` (issue 5 §5): a vector file becomes a prompt file (no answers) and an expected file.
// Only `valid` and `acceptable` cases become prompts: an `invalid` case is a tampered record, which has
// no meaning as a question to a backend.
import { basename } from 'node:path';
import type { VectorFileJson } from '../format/vector-file.ts';
import { EXPECTED_SCHEMA, type ExpectedFileJson, PROMPT_SCHEMA, type PromptFileJson } from './format.ts';

export const promptIdOf = (file: string): string => basename(file).replace(/\.json$/, '');

export function splitVectorFile(
  v: VectorFileJson,
  promptId: string,
): { prompt: PromptFileJson; expected: ExpectedFileJson } {
  const groups = v.testGroups.map((g) => ({ ...g, tests: g.tests.filter((t) => t.result !== 'invalid') }));
  const prompt: PromptFileJson = {
    promptId,
    algorithm: v.algorithm,
    profile: v.profile,
    schema: PROMPT_SCHEMA,
    header: [
      `Blind-mode prompts for '${v.algorithm}' under the ${v.profile} profile (from ${promptId}.json).`,
      "Answer with a responses file (schema mpcspec-responses-v1.schema.json); grade with 'mpcspec vectors check'.",
    ],
    testGroups: groups.map(({ tests, cost: _cost, ...config }) => ({
      ...config,
      tests: tests.map((t) => ({ tcId: t.tcId, seed: t.seed, keys: t.keys, inputs: t.inputs })),
    })),
  };
  const expected: ExpectedFileJson = {
    promptId,
    algorithm: v.algorithm,
    profile: v.profile,
    schema: EXPECTED_SCHEMA,
    testGroups: groups.map((g) => ({
      ell: g.ell,
      outputs: g.outputs,
      bounds: g.bounds,
      cost: g.cost,
      tests: g.tests.map((t) => ({
        tcId: t.tcId,
        comment: t.comment,
        flags: t.flags,
        result: t.result,
        expected: t.expected,
        outputShares: t.parties.map((p) => p.outputs),
      })),
    })),
  };
  return { prompt, expected };
}
