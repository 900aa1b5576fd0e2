// Bad input (issue 5, "Bad input"): a file that is not JSON, fails the schema, has duplicate tcIds, a
// wrong numberOfTests, an unknown protocol, a malformed tensor or a group that contradicts the spec is
// rejected with file, JSON path and reason; the verifier never throws and never passes a file it could
// not read. Properties: any truncation of a file fails; any change to one recorded ring element of a
// valid or acceptable case fails that case.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexDigits, tensorFromParts, tensorParts } from './format/tensor.ts';
import type { TestCaseJson, VectorFileJson } from './format/vector-file.ts';
import { DATA_DIR } from './paths.ts';
import { type FileReport, verifyVectorFile } from './verify/verify-file.ts';

const SOURCE = 'mul.default.json';
const original = readFileSync(join(DATA_DIR, SOURCE), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'mpcspec-vectors-'));
let counter = 0;

async function verifyText(text: string): Promise<FileReport> {
  const file = join(dir, `case-${counter++}.json`);
  writeFileSync(file, text);
  return verifyVectorFile(file);
}

async function verifyEdited(edit: (v: VectorFileJson) => void): Promise<FileReport> {
  const v = JSON.parse(original) as VectorFileJson;
  edit(v);
  return verifyText(JSON.stringify(v, null, 2));
}

function expectProblem(r: FileReport, path: string, reason: RegExp): void {
  expect(r.ok).toBe(false);
  expect(r.problem?.path).toBe(path);
  expect(r.problem?.reason).toMatch(reason);
  expect(r.problem?.file).toBe(r.file);
}

describe('malformed vector files are rejected with file, JSON path and reason', () => {
  it('a file that does not exist', async () => {
    const r = await verifyVectorFile(join(dir, 'missing.json'));
    expectProblem(r, '$', /cannot read/);
  });

  it('a file that is not JSON', async () => {
    expectProblem(await verifyText('{"algorithm": "mul",'), '$', /not JSON/);
  });

  it('a value the schema forbids, at its JSON path', async () => {
    const r = await verifyEdited((v) => ((v.testGroups[0]!.tests[1] as { result: string }).result = 'maybe'));
    expectProblem(
      r,
      '$.testGroups[0].tests[1].result',
      /fails schema .*must be equal to one of the allowed values/,
    );
  });

  it('a member the schema does not know', async () => {
    const r = await verifyEdited((v) => Object.assign(v.testGroups[0]!.tests[0]!, { extra: 1 }));
    expectProblem(r, '$.testGroups[0].tests[0]', /additional properties 'extra'/);
  });

  it('a tensor that is not a tensor string', async () => {
    const r = await verifyEdited((v) => (v.testGroups[0]!.tests[0]!.inputs['x'] = 'r64[2]:12,zz'));
    expectProblem(r, '$.testGroups[0].tests[0].inputs.x', /must match pattern/);
  });

  it('a tensor value with the wrong number of hex digits', async () => {
    const r = await verifyEdited((v) => {
      const t = v.testGroups[0]!.tests[0]!;
      t.parties[1]!.outputs['z'] = t.parties[1]!.outputs['z']!.replace(/:[0-9a-f]{16}/, ':1');
    });
    expectProblem(r, '$.testGroups[0].tests[0].parties[1].outputs.z', /value 0 '1' has 1 hex digits/);
  });

  it('a tensor whose values do not fill its shape', async () => {
    const r = await verifyEdited((v) => {
      const t = v.testGroups[0]!.tests[0]!;
      t.inputs['y'] = t.inputs['y']!.replace(/\[\d+\]/, '[9]');
    });
    expectProblem(r, '$.testGroups[0].tests[0].inputs.y', /do not fill shape \[9\]/);
  });

  it('duplicate tcIds', async () => {
    const r = await verifyEdited((v) => (v.testGroups[0]!.tests[2]!.tcId = v.testGroups[0]!.tests[0]!.tcId));
    expectProblem(
      r,
      '$.testGroups[0].tests[2].tcId',
      /duplicate tcId 1 \(first at \$\.testGroups\[0\]\.tests\[0\]\)/,
    );
  });

  it('a wrong numberOfTests', async () => {
    const r = await verifyEdited((v) => (v.numberOfTests += 1));
    expectProblem(r, '$.numberOfTests', /holds \d+ tests/);
  });

  it('an unknown protocol', async () => {
    const r = await verifyEdited((v) => (v.algorithm = 'no_such_protocol'));
    expectProblem(r, '$.algorithm', /unknown protocol 'no_such_protocol'/);
  });

  it('a flag that the notes do not explain', async () => {
    const r = await verifyEdited((v) => delete v.notes['Normal']);
    expectProblem(r, '$.testGroups[0].tests[0].flags[0]', /'Normal' is not explained/);
  });

  it('a group whose declared cost contradicts the spec', async () => {
    const r = await verifyEdited((v) => (v.testGroups[0]!.cost.rounds += 1));
    expectProblem(r, '$.testGroups[0].cost.rounds', /group does not match the spec/);
  });

  it('a group whose configuration contradicts its profile', async () => {
    const r = await verifyEdited((v) => (v.testGroups[0]!.truncation = 'dealer'));
    expectProblem(r, '$.testGroups[0].truncation', /resolves to 'local-secureml'/);
  });

  it('a valid case whose result claims bit-exactness it does not have', async () => {
    const r = await verifyEdited((v) => {
      const t = v.testGroups[0]!.tests.find((c) => c.result === 'acceptable')!;
      t.result = 'valid';
    });
    expect(r.ok).toBe(false);
    expect(r.cases.find((c) => !c.ok)?.detail).toMatch(/says 'valid' but the output is within 1 ulp/);
  });

  it('an invalid case that is in fact correct', async () => {
    const r = await verifyEdited((v) => (v.testGroups[0]!.tests[0]!.result = 'invalid'));
    expect(r.ok).toBe(false);
    expect(r.cases[0]).toMatchObject({ ok: false, detail: 'an invalid case verified as correct' });
  });
});

describe('the verifier never passes what it could not read', () => {
  it('fails every truncation of a file, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: original.length - 2 }), async (cut) => {
        const r = await verifyText(original.slice(0, cut));
        expect(r.ok).toBe(false);
        expect(r.problem).toBeDefined();
      }),
      { numRuns: 10 },
    );
  });

  it('fails a valid or acceptable case when any one recorded ring element changes', async () => {
    const v = JSON.parse(original) as VectorFileJson;
    const group = v.testGroups[0]!;
    const index = group.tests.findIndex((t) => t.result !== 'invalid');
    const tensors = (t: TestCaseJson): [string, (s: string) => void, string][] => [
      ...Object.entries(t.inputs).map(([k, s]): [string, (s: string) => void, string] => [
        `inputs.${k}`,
        (x) => (t.inputs[k] = x),
        s,
      ]),
      ...t.parties.flatMap((p, i) => [
        ...Object.entries(p.inputs).map(([k, s]): [string, (s: string) => void, string] => [
          `parties[${i}].inputs.${k}`,
          (x) => (p.inputs[k] = x),
          s,
        ]),
        ...Object.entries(p.outputs).map(([k, s]): [string, (s: string) => void, string] => [
          `parties[${i}].outputs.${k}`,
          (x) => (p.outputs[k] = x),
          s,
        ]),
        ...p.sent.map((m, j): [string, (s: string) => void, string] => [
          `parties[${i}].sent[${j}]`,
          (x) => (m.value = x),
          m.value,
        ]),
        ...p.preprocessing.flatMap((pre, j) =>
          Object.entries(pre.values).map(([k, s]): [string, (s: string) => void, string] => [
            `parties[${i}].preprocessing[${j}].values.${k}`,
            (x) => (pre.values[k] = x),
            s,
          ]),
        ),
      ]),
      ...Object.entries(t.expected.outputs).map(([k, s]): [string, (s: string) => void, string] => [
        `expected.outputs.${k}`,
        (x) => (t.expected.outputs[k] = x),
        s,
      ]),
      ...Object.entries(t.expected.reference).map(([k, s]): [string, (s: string) => void, string] => [
        `expected.reference.${k}`,
        (x) => (t.expected.reference[k] = x),
        s,
      ]),
    ];
    const count = tensors(group.tests[index]!).length;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(count - 1),
        fc.nat(63),
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        async (which, element, delta) => {
          const copy = JSON.parse(original) as VectorFileJson;
          const [where, set, text] = tensors(copy.testGroups[0]!.tests[index]!)[which]!;
          const p = tensorParts(text, where);
          const k = element % p.values.length;
          const mod = 1n << BigInt(p.width);
          const changed = (BigInt(`0x${p.values[k]!}`) + (delta % (mod - 1n)) + 1n) % mod;
          const values = [...p.values];
          values[k] = changed.toString(16).padStart(hexDigits(p.width), '0');
          set(tensorFromParts({ ...p, values }));
          const r = await verifyText(JSON.stringify(copy));
          const c = r.cases.find((x) => x.tcId === copy.testGroups[0]!.tests[index]!.tcId);
          expect(c?.ok, `${where}[${k}] changed`).toBe(false);
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 20 },
    );
  });
});
