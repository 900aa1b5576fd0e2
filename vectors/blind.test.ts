// Blind mode (issue 5 §5): split writes prompts that carry no answer and expected files that do; check
// passes a backend that answers within the spec's bound (our own replay, or the exact reference), and
// fails one that is a step beyond the bound, answers too few cases, gives shares that do not sum to its
// output, claims a cost the spec does not state, or sends a malformed responses file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_FILE_SCHEMA, PROMPT_FILE_SCHEMA } from './format/schemas.ts';
import { hexDigits, tensorFromParts, tensorParts } from './format/tensor.ts';
import {
  RESPONSE_SCHEMA,
  type ExpectedFileJson,
  type ResponseFileJson,
  type ResponseJson,
} from './blind/format.ts';
import { checkPaths, splitPath } from './blind/files.ts';
import { DATA_DIR } from './paths.ts';
import { loadJson } from './verify/load.ts';
import * as E from 'fp-ts/lib/Either.js';
import type { PromptFileJson } from './blind/format.ts';

const dir = mkdtempSync(join(tmpdir(), 'mpcspec-blind-'));
let expected: ExpectedFileJson;
let prompt: PromptFileJson;
let counter = 0;

beforeAll(async () => {
  const { written, problems } = await splitPath(join(DATA_DIR, 'mul.default.json'), dir);
  expect(problems).toEqual([]);
  expect(written.map((f) => f.slice(dir.length + 1))).toEqual([
    'mul.default.prompt.json',
    'mul.default.expected.json',
  ]);
  const p = await loadJson<PromptFileJson>(join(dir, 'mul.default.prompt.json'), PROMPT_FILE_SCHEMA);
  const e = await loadJson<ExpectedFileJson>(join(dir, 'mul.default.expected.json'), EXPECTED_FILE_SCHEMA);
  if (E.isLeft(p) || E.isLeft(e)) throw new Error('split wrote files that fail their own schema');
  prompt = p.right;
  expected = e.right;
});

const answers = (
  from: (t: ExpectedFileJson['testGroups'][number]['tests'][number]) => ResponseJson,
): ResponseJson[] => expected.testGroups.flatMap((g) => g.tests.map(from));

async function grade(responses: ResponseJson[] | string) {
  const file = join(dir, `responses-${counter++}.json`);
  const doc: ResponseFileJson = {
    promptId: 'mul.default',
    schema: RESPONSE_SCHEMA,
    responses: typeof responses === 'string' ? [] : responses,
  };
  writeFileSync(file, typeof responses === 'string' ? responses : JSON.stringify(doc));
  return checkPaths(join(dir, 'mul.default.expected.json'), file);
}

const plusUlps = (tensor: string, ulps: bigint): string => {
  const p = tensorParts(tensor, 'test');
  const v = (BigInt(`0x${p.values[0]!}`) + ulps) & ((1n << BigInt(p.width)) - 1n);
  return tensorFromParts({
    ...p,
    values: [v.toString(16).padStart(hexDigits(p.width), '0'), ...p.values.slice(1)],
  });
};

describe('vectors split', () => {
  it('writes prompts without answers: no outputs, shares, messages, flags or results', () => {
    const text = readFileSync(join(dir, 'mul.default.prompt.json'), 'utf8');
    for (const secret of [
      '"expected"',
      '"outputs": {',
      '"sent"',
      '"preprocessing"',
      '"flags"',
      '"result"',
      '"comment"',
      '"cost"',
    ])
      expect(text).not.toContain(secret);
    const tests = prompt.testGroups.flatMap((g) => g.tests);
    expect(tests.length).toBeGreaterThan(0);
    expect(tests.every((t) => t.seed !== '' && Object.keys(t.inputs).length === 2)).toBe(true);
  });

  it('keeps only valid and acceptable cases, with their answers in the expected file', () => {
    const ids = prompt.testGroups.flatMap((g) => g.tests.map((t) => t.tcId));
    const kept = expected.testGroups.flatMap((g) => g.tests);
    expect(kept.map((t) => t.tcId)).toEqual(ids);
    expect(kept.every((t) => t.result !== 'invalid')).toBe(true);
  });
});

describe('vectors check', () => {
  it('passes a backend that replays our protocol, and says so', async () => {
    const [r] = await grade(
      answers((t) => ({ tcId: t.tcId, outputs: t.expected.outputs, outputShares: t.outputShares })),
    );
    expect(r!.ok).toBe(true);
    expect(r!.cases.every((c) => c.detail.includes('bit-exactly'))).toBe(true);
  });

  it('passes a backend that returns the exact reference (its own randomness, no shares)', async () => {
    const [r] = await grade(answers((t) => ({ tcId: t.tcId, outputs: t.expected.reference })));
    expect(r!.ok).toBe(true);
    expect(r!.cases.every((c) => c.detail === 'within bound')).toBe(true);
  });

  it('fails an output one ulp beyond the bound', async () => {
    const ulps = BigInt(expected.testGroups[0]!.bounds.implementationUlps) + 1n;
    const [r] = await grade(
      answers((t) => ({ tcId: t.tcId, outputs: { z: plusUlps(t.expected.reference['z']!, ulps) } })),
    );
    expect(r!.ok).toBe(false);
    expect(r!.cases[0]!.detail).toMatch(/outputs\.z: element 0 is 2 ulps from the reference \(bound 1\)/);
  });

  it('fails missing responses', async () => {
    const all = answers((t) => ({ tcId: t.tcId, outputs: t.expected.reference }));
    const [r] = await grade(all.slice(1));
    expect(r!.ok).toBe(false);
    expect(r!.cases[0]).toMatchObject({ ok: false, detail: 'no response for this tcId' });
    expect(r!.cases.slice(1).every((c) => c.ok)).toBe(true);
  });

  it('fails output shares that do not sum to the output', async () => {
    const [r] = await grade(
      answers((t) => ({
        tcId: t.tcId,
        outputs: t.expected.outputs,
        outputShares: t.outputShares.map((s, i) => (i === 0 ? { z: plusUlps(s['z']!, 5n) } : s)),
      })),
    );
    expect(r!.ok).toBe(false);
    expect(r!.cases[0]!.detail).toMatch(/do not sum to the output/);
  });

  it('fails a measured cost that differs from the spec', async () => {
    const cost = expected.testGroups[0]!.cost;
    const [r] = await grade(
      answers((t) => ({
        tcId: t.tcId,
        outputs: t.expected.reference,
        cost: { rounds: cost.rounds + 1, bitsSent: cost.bitsSent },
      })),
    );
    expect(r!.ok).toBe(false);
    expect(r!.cases[0]!.detail).toMatch(/cost\.rounds/);
  });

  it('rejects a malformed responses file with its JSON path, and fails the prompts it left unanswered', async () => {
    const reports = await grade(
      '{"promptId": "mul.default", "schema": "mpcspec-responses-v1.schema.json", "responses": [{"tcId": "one"}]}',
    );
    const bad = reports.find((r) => r.problem !== undefined);
    expect(bad?.problem?.path).toBe('$.responses[0]');
    const graded = reports.find((r) => r.problem === undefined);
    expect(graded?.ok).toBe(false);
    expect(graded?.cases[0]?.detail).toMatch(/no responses file for 'mul.default'/);
  });
});
