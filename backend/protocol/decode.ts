// Reading one line an adapter wrote (docs/backends.md, "Framing"): a JSON object with a `type`, decoded
// by that type's codec. Every failure is a sentence naming what was wrong and where (the JSON path),
// for the verdict of the case it belongs to.
import { isLeft } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { describeValidationErrors } from '../../core/validation.ts';
import { type AdapterMessage, ErrorMessage, HandshakeMessage, ResultMessage } from './messages.ts';

export type Decoded<A> =
  { readonly ok: true; readonly value: A } | { readonly ok: false; readonly why: string };

const CODECS: Readonly<Record<AdapterMessage['type'], t.Mixed>> = {
  handshake: HandshakeMessage,
  result: ResultMessage,
  error: ErrorMessage,
};

const shown = (line: string): string => JSON.stringify(line.length > 80 ? `${line.slice(0, 77)}...` : line);

/** Decode a line as one of the message types `expected` (an `error` is always accepted). */
export function decodeAdapterLine<K extends AdapterMessage['type']>(
  line: string,
  expected: readonly K[],
): Decoded<Extract<AdapterMessage, { type: K }> | ErrorMessage> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { ok: false, why: `not a JSON line (${(e as Error).message}): ${shown(line)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, why: `not a JSON object: ${shown(line)}` };
  const type = (json as { type?: unknown }).type;
  const allowed: readonly string[] = [...expected, 'error'];
  if (typeof type !== 'string' || !allowed.includes(type))
    return {
      ok: false,
      why: `$.type: expected ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${JSON.stringify(type) ?? 'nothing'}`,
    };
  const r = CODECS[type as AdapterMessage['type']].decode(json);
  if (isLeft(r)) return { ok: false, why: describeValidationErrors(r.left) };
  return { ok: true, value: r.right as Extract<AdapterMessage, { type: K }> | ErrorMessage };
}
