// The backend protocol's JSON Schema (draft 2020-12), exported from its io-ts codecs (messages.ts) as
// the vectors' schema is, one document per message, committed under backend/schema/ (written by
// `npm run backend-schema`; test/backend/schema.test.ts checks they are current).
import type * as t from 'io-ts';
import { type JsonSchema, schemaDocument } from '../../vectors/format/json-schema.ts';
import {
  ByeMessage,
  CaseMessage,
  ErrorMessage,
  HandshakeMessage,
  HelloMessage,
  PROTOCOL_VERSION,
  ResultMessage,
} from './messages.ts';

export interface ProtocolSchema {
  readonly file: string;
  readonly codec: t.Mixed;
  readonly document: JsonSchema;
}

const schema = (type: string, codec: t.Mixed, direction: string, description: string): ProtocolSchema => {
  const file = `mpcspec-backend-v${PROTOCOL_VERSION}-${type}.schema.json`;
  return {
    file,
    codec,
    document: schemaDocument(
      codec,
      `https://mpcspec.invalid/schema/${file}`,
      `mpcspec backend protocol ${PROTOCOL_VERSION}: ${type} (${direction})`,
      `${description} One JSON object per line (docs/backends.md); fields not named here are ignored.`,
    ),
  };
};

export const PROTOCOL_SCHEMAS: readonly ProtocolSchema[] = [
  schema('hello', HelloMessage, 'runner to adapter', 'The first line the runner writes.'),
  schema(
    'handshake',
    HandshakeMessage,
    'adapter to runner',
    "The adapter's answer to hello: who it is, its configuration, the ops it offers.",
  ),
  schema(
    'case',
    CaseMessage,
    'runner to adapter',
    'One test case: op, parameters, input tensors with their shapes, the outputs expected.',
  ),
  schema(
    'result',
    ResultMessage,
    'adapter to runner',
    'The answer to one case: clear outputs or output shares, optionally counters and views.',
  ),
  schema(
    'error',
    ErrorMessage,
    'adapter to runner',
    'A case the backend could not compute (with its id), or a fault of the adapter (without).',
  ),
  schema('bye', ByeMessage, 'runner to adapter', 'The last line the runner writes; the adapter exits.'),
];
