// The committed vectors (issue 5 §3, §4; docs/vectors.md): for every registered protocol, its files under
// every profile are byte-identical to a fresh in-memory regeneration, validate against the committed JSON
// Schema with a plain Ajv, and replay — every valid/acceptable case bit-exactly, every invalid one
// rejected at the part of the record its flag breaks. One test per protocol, protocols split into shards
// (vectors/committed-*.test.ts) by a hash of the id: each test regenerates and replays a few files and
// yields to the event loop between them, so the runner's heartbeat is never starved however many
// protocols are registered. The whole set (coverage, size, schemas) is checked from the files on disk.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../harness/shards.ts';
import { REGISTRY } from '../registry/index.ts';
import { PROFILES } from '../spec/profile.ts';
import { SCHEMA_FILES } from './format/schemas.ts';
import { canonicalJson } from './format/canonical.ts';
import { SCHEMA_NAME } from './format/vector-file.ts';
import { generateFile, vectorFileName } from './generate/generate-file.ts';
import { INVALID_CASES_PROFILE } from './generate/plan.ts';
import { DATA_DIR, SCHEMA_DIR } from './paths.ts';
import { verifyVectorFile } from './verify/verify-file.ts';

export const VECTOR_SHARDS = 3;
const REGENERATE = 'run `npm run vectors` and commit vectors/data and vectors/schema';
/** One protocol's files: regeneration and replay take as long as its spec's bounds (up to a minute). */
const PER_PROTOCOL_MS = 300_000;

function firstDifferentLine(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, k) => line !== y[k]);
  return `line ${i + 1}: committed ${JSON.stringify(x[i]?.slice(0, 100))}, regenerated ${JSON.stringify(y[i]?.slice(0, 100))}`;
}

/** Where in a record each invalid case's flag must be caught. */
const REJECTED_AT: Readonly<Record<string, RegExp>> = {
  ShareOffByOne: /\.parties\[\d+\]\.inputs\./,
  AlteredMessage: /\.parties\[\d+\]\.sent\[\d+\]\.value/,
  WrongOutputShare: /\.parties\[\d+\]\.outputs\./,
  BadPreprocessing: /\.parties\[\d+\]\.preprocessing\[\d+\]\.values\./,
  OutputBeyondBound: /\.parties\[\d+\]\.outputs\.|\.expected\./,
};

let validator: ReturnType<Ajv2020['compile']> | undefined;
async function validateSchema(doc: unknown): Promise<{ ok: boolean; error: string }> {
  validator ??= new Ajv2020({ strict: true }).compile(
    JSON.parse(await readFile(join(SCHEMA_DIR, SCHEMA_NAME), 'utf8')) as object,
  );
  const ok = validator(doc) === true;
  return { ok, error: JSON.stringify(validator.errors?.[0]) };
}

/** The per-protocol tests of one shard. */
export function defineCommittedVectorTests(shard: number): void {
  const protocols = REGISTRY.filter((p) => shardOf(p.id, VECTOR_SHARDS) === shard);
  describe(`committed vector files, shard ${shard}`, () => {
    it('holds at least one protocol', () => {
      expect(protocols.length).toBeGreaterThan(0);
    });
    for (const reg of protocols) {
      it(
        `${reg.id}: regenerates byte-identically, validates, replays; invalid cases rejected where they break`,
        async () => {
          let invalid = 0;
          for (const profile of PROFILES.map((p) => p.name)) {
            await yieldToEventLoop();
            const g = await generateFile(reg, profile);
            expect(g.problems, `${reg.id} (${profile}) broke its own spec while generating`).toEqual([]);
            const name = vectorFileName(reg.id, profile);
            const text = await readFile(join(DATA_DIR, name), 'utf8').catch(() => '');
            const fresh = canonicalJson(g.file);
            if (text !== fresh)
              expect.fail(
                `vectors/data/${name} differs from a fresh regeneration (${firstDifferentLine(text, fresh)}); ${REGENERATE}`,
              );
            const schema = await validateSchema(JSON.parse(text));
            expect(schema.ok, `${name}: ${schema.error}`).toBe(true);
            await yieldToEventLoop();
            const report = await verifyVectorFile(join(DATA_DIR, name));
            expect(report.problem, name).toBeUndefined();
            expect(report.cases.length, name).toBe(g.file.numberOfTests);
            const failed = report.cases.filter((c) => !c.ok).map((c) => `tcId ${c.tcId}: ${c.detail}`);
            expect(failed, name).toEqual([]);
            for (const c of report.cases.filter((k) => k.result === 'invalid')) {
              const flag = c.flags[0]!;
              expect(c.detail, `${name} tcId ${c.tcId} (${flag})`).toMatch(REJECTED_AT[flag]!);
              invalid += 1;
            }
          }
          expect(
            invalid,
            `${reg.id}: invalid cases in its ${INVALID_CASES_PROFILE} file`,
          ).toBeGreaterThanOrEqual(3);
        },
        PER_PROTOCOL_MS,
      );
    }
  });
}

/** The set as a whole, from the files on disk. */
export function defineCommittedSetTests(): void {
  describe('committed vector set', () => {
    it('covers every registered protocol under every profile, one file each', async () => {
      const committed = (await readdir(DATA_DIR)).filter((n) => n.endsWith('.json')).sort();
      const expected = REGISTRY.flatMap((p) => PROFILES.map((q) => vectorFileName(p.id, q.name))).sort();
      expect(
        committed,
        `vectors/data does not hold one file per protocol and profile; ${REGENERATE}`,
      ).toEqual(expected);
    });

    it('stays lean: a few MB in all', async () => {
      let bytes = 0;
      for (const n of await readdir(DATA_DIR))
        if (n.endsWith('.json')) bytes += (await readFile(join(DATA_DIR, n))).length;
      // every group keeps a case of at least two elements (rows of two for max): about 11 MB, and the
      // attention normalisers' 24 files (a softmax case records CrypTen's whole max): about 5 MB more
      expect(bytes).toBeLessThan(18_000_000);
    });

    it('has JSON Schemas equal to the ones exported from the io-ts codecs', async () => {
      for (const s of SCHEMA_FILES) {
        const text = await readFile(join(SCHEMA_DIR, s.name), 'utf8').catch(() => '');
        expect(text, `vectors/schema/${s.name} is stale; ${REGENERATE}`).toBe(canonicalJson(s.document));
      }
    });
  });
}
