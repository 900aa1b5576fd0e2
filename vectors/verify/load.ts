// Reading a vector file without ever trusting it (issue 5, "Bad input"): unreadable, not JSON, fails the
// JSON Schema (Ajv, first error's JSON path), fails the io-ts codec, or breaks what a schema cannot say
// (unknown protocol or profile, no test at all, wrong numberOfTests, duplicate tcIds, unexplained flags,
// malformed tensors) — each becomes a FileProblem with file, JSON path and reason, returned as an fp-ts Either.
import { readFile } from 'node:fs/promises';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as E from 'fp-ts/lib/Either.js';
import { describeValidationErrors, jsonSyntaxProblem } from '../../core/validation.ts';
import { REGISTRY } from '../../registry/index.ts';
import { PROFILES } from '../../spec/profile.ts';
import { Flag } from '../format/flags.ts';
import type { SchemaFile } from '../format/schemas.ts';
import { VECTOR_FILE_SCHEMA } from '../format/schemas.ts';
import { tensorFromJson } from '../format/tensor.ts';
import type { TestGroupJson, VectorFileJson } from '../format/vector-file.ts';
import { indexPath, memberPath, pointerToPath } from './json-path.ts';

export interface FileProblem {
  readonly file: string;
  readonly path: string;
  readonly reason: string;
}

export const formatProblem = (p: FileProblem): string => `${p.file}: ${p.path}: ${p.reason}`;

const validators = new Map<string, ValidateFunction>();

function validatorFor(schema: SchemaFile): ValidateFunction {
  let v = validators.get(schema.name);
  if (v === undefined) {
    v = new Ajv2020({ allErrors: false, strict: true }).compile(schema.document);
    validators.set(schema.name, v);
  }
  return v;
}

/** Read and parse JSON, then validate against a schema and decode with its codec. */
export async function loadJson<A>(file: string, schema: SchemaFile): Promise<E.Either<FileProblem, A>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return E.left({ file, path: '$', reason: `cannot read the file (${(e as Error).message})` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return E.left({ file, path: '$', reason: `not JSON: ${jsonSyntaxProblem(e, text)}` });
  }
  const validate = validatorFor(schema);
  if (!validate(json)) {
    const err = validate.errors?.[0];
    const path = pointerToPath(err?.instancePath ?? '');
    const extra =
      err?.params && 'additionalProperty' in err.params
        ? ` '${String(err.params['additionalProperty'])}'`
        : '';
    return E.left({
      file,
      path,
      reason: `fails schema ${schema.name}: ${err?.message ?? 'invalid'}${extra}`,
    });
  }
  const decoded = schema.codec.decode(json);
  if (E.isLeft(decoded)) {
    const msg = describeValidationErrors(decoded.left);
    const at = msg.indexOf(': ');
    return E.left({ file, path: msg.slice(0, at), reason: msg.slice(at + 2) });
  }
  return E.right(decoded.right as A);
}

function checkTensors(group: TestGroupJson, gPath: string): void {
  group.tests.forEach((test, t) => {
    const base = indexPath(memberPath(gPath, 'tests'), t);
    const at = (...keys: (string | number)[]): string =>
      keys.reduce<string>((p, k) => (typeof k === 'number' ? indexPath(p, k) : memberPath(p, k)), base);
    const maps: [string, Record<string, string>][] = [
      [at('inputs'), test.inputs],
      [at('expected', 'outputs'), test.expected.outputs],
      [at('expected', 'reference'), test.expected.reference],
    ];
    test.parties.forEach((p, i) => {
      maps.push([at('parties', i, 'inputs'), p.inputs], [at('parties', i, 'outputs'), p.outputs]);
      p.preprocessing.forEach((pre, k) =>
        maps.push([at('parties', i, 'preprocessing', k, 'values'), pre.values]),
      );
      p.sent.forEach((m, k) => tensorFromJson(m.value, at('parties', i, 'sent', k, 'value')));
    });
    for (const [path, m] of maps)
      for (const [k, v] of Object.entries(m)) tensorFromJson(v, memberPath(path, k));
  });
}

/** What the schema cannot say; the first violation, or undefined. */
export function semanticProblem(file: string, v: VectorFileJson): FileProblem | undefined {
  const problem = (path: string, reason: string): FileProblem => ({ file, path, reason });
  if (!REGISTRY.some((p) => p.id === v.algorithm))
    return problem(
      '$.algorithm',
      `unknown protocol '${v.algorithm}'; run 'mpcspec list' for the registered ids`,
    );
  if (!PROFILES.some((p) => p.name === v.profile))
    return problem('$.profile', `unknown profile '${v.profile}'`);
  const count = v.testGroups.reduce((n, g) => n + g.tests.length, 0);
  // A file, or a group, without a test would verify as a pass having checked nothing.
  if (count === 0) return problem('$.testGroups', 'no test case: the file checks nothing');
  const empty = v.testGroups.findIndex((g) => g.tests.length === 0);
  if (empty >= 0) return problem(indexPath('$.testGroups', empty), 'a group without a test case');
  if (count !== v.numberOfTests)
    return problem('$.numberOfTests', `says ${v.numberOfTests} but the file holds ${count} tests`);
  const unknownNote = Object.keys(v.notes).find((k) => !Flag.is(k));
  if (unknownNote !== undefined) return problem(memberPath('$.notes', unknownNote), 'not a known flag');
  const seen = new Map<number, string>();
  for (const [g, group] of v.testGroups.entries()) {
    const gPath = indexPath('$.testGroups', g);
    if (group.profile !== v.profile)
      return problem(
        memberPath(gPath, 'profile'),
        `group profile '${group.profile}' differs from the file's '${v.profile}'`,
      );
    for (const [t, test] of group.tests.entries()) {
      const tPath = indexPath(memberPath(gPath, 'tests'), t);
      const first = seen.get(test.tcId);
      if (first !== undefined)
        return problem(memberPath(tPath, 'tcId'), `duplicate tcId ${test.tcId} (first at ${first})`);
      seen.set(test.tcId, tPath);
      const unexplained = test.flags.findIndex((f) => v.notes[f] === undefined);
      if (unexplained >= 0)
        return problem(
          indexPath(memberPath(tPath, 'flags'), unexplained),
          `flag '${test.flags[unexplained]}' is not explained in $.notes`,
        );
      if (test.parties.length !== group.parties)
        return problem(
          memberPath(tPath, 'parties'),
          `${test.parties.length} party records for a ${group.parties}-party group`,
        );
    }
    try {
      checkTensors(group, gPath);
    } catch (e) {
      const msg = (e as Error).message;
      const at = msg.indexOf(': ');
      return problem(msg.slice(0, at), msg.slice(at + 2));
    }
  }
  return undefined;
}

export async function loadVectorFile(file: string): Promise<E.Either<FileProblem, VectorFileJson>> {
  const loaded = await loadJson<VectorFileJson>(file, VECTOR_FILE_SCHEMA);
  if (E.isLeft(loaded)) return loaded;
  const p = semanticProblem(file, loaded.right);
  return p === undefined ? loaded : E.left(p);
}
