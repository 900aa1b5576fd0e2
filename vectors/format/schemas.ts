// The JSON Schema documents exported from the format's io-ts codecs and committed under vectors/schema/
// (issue 5 §1). `mpcspec vectors generate` writes them; a test checks the committed copies are current.
import type * as t from 'io-ts';
import { type JsonSchema, schemaDocument } from './json-schema.ts';
import { SCHEMA_NAME, VectorFileJson } from './vector-file.ts';
import {
  EXPECTED_SCHEMA,
  ExpectedFileJson,
  PROMPT_SCHEMA,
  PromptFileJson,
  RESPONSE_SCHEMA,
  ResponseFileJson,
} from '../blind/format.ts';

export interface SchemaFile {
  readonly name: string;
  readonly codec: t.Mixed;
  readonly document: JsonSchema;
}

const schemaFile = (name: string, codec: t.Mixed, title: string, description: string): SchemaFile => ({
  name,
  codec,
  document: schemaDocument(codec, `https://mpcspec.invalid/schema/${name}`, title, description),
});

export const VECTOR_FILE_SCHEMA = schemaFile(
  SCHEMA_NAME,
  VectorFileJson,
  'mpcspec test vectors, version 1',
  'One protocol under one profile: header, flag notes, test groups and test cases (docs/vectors.md).',
);

export const PROMPT_FILE_SCHEMA = schemaFile(
  PROMPT_SCHEMA,
  PromptFileJson,
  'mpcspec blind-mode prompts, version 1',
  'What a backend under test receives: configuration, params, seeds, keys and cleartext inputs, no answers.',
);

export const EXPECTED_FILE_SCHEMA = schemaFile(
  EXPECTED_SCHEMA,
  ExpectedFileJson,
  'mpcspec blind-mode expected results, version 1',
  'The answers kept apart from the prompts: results, reference and expected outputs, output shares, cost.',
);

export const RESPONSE_FILE_SCHEMA = schemaFile(
  RESPONSE_SCHEMA,
  ResponseFileJson,
  'mpcspec blind-mode responses, version 1',
  "A backend's answers to a prompt file: per tcId its outputs, optionally output shares and measured cost.",
);

export const SCHEMA_FILES: SchemaFile[] = [
  VECTOR_FILE_SCHEMA,
  PROMPT_FILE_SCHEMA,
  EXPECTED_FILE_SCHEMA,
  RESPONSE_FILE_SCHEMA,
];
