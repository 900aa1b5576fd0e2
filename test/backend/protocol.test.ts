// The backend protocol's definition (issue 17 §1): the committed JSON Schema files are the export of
// the io-ts codecs, and what the runner writes and the self-adapter answers validates against them
// with a plain Ajv; what does not decode is named by its JSON path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../backend/cases.ts';
import { caseMessage } from '../../backend/exchange.ts';
import { decodeAdapterLine } from '../../backend/protocol/decode.ts';
import { PROTOCOL_SCHEMAS } from '../../backend/protocol/schema.ts';
import { answerCase, selfHandshake } from '../../backend/self-adapter.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

const dir = new URL('../../backend/schema/', import.meta.url);
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validator = (type: string) => {
  const s = PROTOCOL_SCHEMAS.find((x) => x.file.endsWith(`-${type}.schema.json`))!;
  return ajv.compile(JSON.parse(readFileSync(fileURLToPath(new URL(s.file, dir)), 'utf8')) as object);
};

describe('backend protocol schema', () => {
  it('the committed files are the export of the codecs (npm run backend-schema)', () => {
    for (const s of PROTOCOL_SCHEMAS)
      expect(readFileSync(fileURLToPath(new URL(s.file, dir)), 'utf8'), s.file).toBe(
        `${JSON.stringify(s.document, null, 2)}\n`,
      );
  });

  it('what the runner writes and the self-adapter answers validates', async () => {
    const config = resolveConfig('crypten');
    expect(validator('handshake')(selfHandshake(config))).toBe(true);
    const validCase = validator('case');
    const validResult = validator('result');
    for (const id of ['mul', 'sin', 'max', 'select']) {
      const protocol = findProtocol(id).bind();
      const [c] = generateCases(protocol, config, id, 1, 4, 1n);
      for (const views of [false, true]) {
        const m = caseMessage(protocol, config, c!, { inputShares: true, views });
        expect(validCase(m), JSON.stringify(validCase.errors)).toBe(true);
        const answer = JSON.parse(JSON.stringify(await answerCase(config, m))) as unknown;
        expect(validResult(answer), JSON.stringify(validResult.errors)).toBe(true);
        expect(decodeAdapterLine(JSON.stringify(answer), ['result']).ok).toBe(true);
      }
    }
    expect(validator('hello')({ type: 'hello', protocol: 1, runner: 'mpcspec 0.1.0' })).toBe(true);
    expect(validator('bye')({ type: 'bye' })).toBe(true);
    expect(validator('error')({ type: 'error', case: 'mul#0', message: 'out of memory' })).toBe(true);
  });

  it('unknown fields are ignored; a wrong field is named by its path', () => {
    const line = (m: unknown): string => JSON.stringify(m);
    const ok = decodeAdapterLine(line({ type: 'result', case: 'a', extra: { anything: 1 }, outputs: {} }), [
      'result',
    ]);
    expect(ok.ok).toBe(true);
    const bad = decodeAdapterLine(
      line({ type: 'result', case: 'a', outputShares: [{ z: ['1', '2'] }, { z: ['3', 'x'] }] }),
      ['result'],
    );
    expect(bad).toEqual({ ok: false, why: '$.outputShares[1].z[1]: expected RingWord, got "x"' });
    expect(decodeAdapterLine('[1, 2]', ['result'])).toEqual({
      ok: false,
      why: 'not a JSON object: "[1, 2]"',
    });
    expect(decodeAdapterLine(line({ type: 'handshake' }), ['result'])).toEqual({
      ok: false,
      why: '$.type: expected "result" or "error", got "handshake"',
    });
  });
});
