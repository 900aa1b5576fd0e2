// The committed vectors (issue 5 §3, §4, "Done when"): a fresh in-memory regeneration is byte-identical to
// vectors/data and vectors/schema, every file validates against the committed JSON Schema with a plain
// Ajv, and the verifier replays every valid/acceptable case bit-exactly and rejects every invalid one —
// at the part of the record the case breaks. One file, so the specs' cached bounds serve both passes.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY } from '../registry/index.ts';
import { PROFILES } from '../spec/profile.ts';
import { SCHEMA_FILES } from './format/schemas.ts';
import { canonicalJson } from './format/canonical.ts';
import { SCHEMA_NAME } from './format/vector-file.ts';
import { type Generation, generateVectors } from './generate/generate-all.ts';
import { DATA_DIR, SCHEMA_DIR } from './paths.ts';
import { type FileReport, verifyPath } from './verify/verify-file.ts';

const REGENERATE = 'run `npm run vectors` and commit vectors/data and vectors/schema';
/** Regenerating and replaying every file takes as long as the specs' bounds take to compute (minutes). */
const WHOLE_SET_MS = 600_000;

let generation: Generation;
let committed: string[];

beforeAll(async () => {
  generation = await generateVectors();
  committed = (await readdir(DATA_DIR)).filter((n) => n.endsWith('.json')).sort();
}, WHOLE_SET_MS);

function firstDifferentLine(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, k) => line !== y[k]);
  return `line ${i + 1}: committed ${JSON.stringify(x[i]?.slice(0, 100))}, regenerated ${JSON.stringify(y[i]?.slice(0, 100))}`;
}

describe('committed vector files', () => {
  it('cover every registered protocol under every profile, one file each', () => {
    const expected = REGISTRY.flatMap((p) => PROFILES.map((q) => `${p.id}.${q.name}.json`)).sort();
    expect(committed, `vectors/data does not hold one file per protocol and profile; ${REGENERATE}`).toEqual(
      expected,
    );
  });

  it('are generated without any protocol breaking its own spec', () => {
    expect(generation.problems).toEqual([]);
  });

  it('are byte-identical to a fresh regeneration', async () => {
    for (const f of generation.files) {
      const text = await readFile(join(DATA_DIR, f.name), 'utf8').catch(() => '');
      if (text !== f.text)
        expect.fail(
          `vectors/data/${f.name} differs from a fresh regeneration (${firstDifferentLine(text, f.text)}); ${REGENERATE}`,
        );
    }
  });

  it('stay lean: a few MB in all', () => {
    const bytes = generation.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    // every group keeps a case of at least two elements (rows of two for max): about 10 MB
    expect(bytes).toBeLessThan(12_000_000);
  });

  it('have JSON Schemas equal to the ones exported from the io-ts codecs', async () => {
    for (const s of SCHEMA_FILES) {
      const text = await readFile(join(SCHEMA_DIR, s.name), 'utf8').catch(() => '');
      expect(text, `vectors/schema/${s.name} is stale; ${REGENERATE}`).toBe(canonicalJson(s.document));
    }
  });

  it('validate against the committed schema with a standard validator (Ajv, draft 2020-12)', async () => {
    const schema = JSON.parse(await readFile(join(SCHEMA_DIR, SCHEMA_NAME), 'utf8')) as object;
    const validate = new Ajv2020({ strict: true }).compile(schema);
    for (const name of committed) {
      const doc = JSON.parse(await readFile(join(DATA_DIR, name), 'utf8')) as { schema?: string };
      expect(doc.schema).toBe(SCHEMA_NAME);
      expect(validate(doc), `${name}: ${JSON.stringify(validate.errors?.[0])}`).toBe(true);
    }
  });
});

describe('the verifier on the committed files', () => {
  let reports: FileReport[];
  beforeAll(async () => {
    reports = await verifyPath(DATA_DIR);
  }, WHOLE_SET_MS);

  it('passes every file: valid and acceptable cases replay bit-exactly, invalid ones are rejected', () => {
    for (const r of reports) {
      expect(r.problem, r.file).toBeUndefined();
      const failed = r.cases.filter((c) => !c.ok).map((c) => `tcId ${c.tcId}: ${c.detail}`);
      expect(failed, r.file).toEqual([]);
    }
    expect(reports.reduce((n, r) => n + r.cases.length, 0)).toBe(
      generation.files.reduce((n, f) => n + f.tests, 0),
    );
  });

  it('rejects every invalid case at the part of the record its flag breaks', () => {
    const where: Record<string, RegExp> = {
      ShareOffByOne: /\.parties\[\d+\]\.inputs\./,
      AlteredMessage: /\.parties\[\d+\]\.sent\[\d+\]\.value/,
      WrongOutputShare: /\.parties\[\d+\]\.outputs\./,
      BadPreprocessing: /\.parties\[\d+\]\.preprocessing\[\d+\]\.values\./,
      OutputBeyondBound: /\.parties\[\d+\]\.outputs\.|\.expected\./,
    };
    const invalid = reports.flatMap((r) =>
      r.cases.filter((c) => c.result === 'invalid').map((c) => ({ file: r.file, c })),
    );
    expect(invalid.length).toBeGreaterThanOrEqual(REGISTRY.length * 3);
    for (const { file, c } of invalid) {
      const flag = c.flags[0]!;
      expect(c.ok, `${file} tcId ${c.tcId}`).toBe(true);
      expect(c.detail, `${file} tcId ${c.tcId} (${flag})`).toMatch(where[flag]!);
    }
  });
});
