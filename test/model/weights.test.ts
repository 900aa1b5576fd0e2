// Weights and model files (model/safetensors.ts, model/load.ts, spec/model/description.ts): a
// .safetensors file written and read back gives the same values (F32 and F64); a damaged file, a missing
// tensor or one of the wrong shape is an input error naming the tensor; a model file that does not decode
// names the field; the built-ins decode; synthetic weights have the stated statistics.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, loadWeights } from '../../model/load.ts';
import { encodeSafeTensors, parseSafeTensors } from '../../model/safetensors.ts';
import { syntheticWeights } from '../../model/weight-source.ts';
import { weightShapes } from '../../model/weights.ts';
import { sizeOf } from '../../core/shape.ts';
import { findModel } from '../../spec/model/builtins.ts';
import { decodeModel } from '../../spec/model/description.ts';

const dir = mkdtempSync(join(tmpdir(), 'mpcspec-model-'));
const tiny = {
  ...findModel('vit-cifar'),
  name: 'tiny',
  layers: 1,
  heads: 2,
  hidden: 4,
  headDim: 2,
  ffn: 6,
  tokens: 3,
};

/** Every weight of the tiny model, value i/10 + j/100 for tensor j. */
function tinyWeights(): Map<string, { shape: number[]; values: number[] }> {
  const out = new Map<string, { shape: number[]; values: number[] }>();
  [...weightShapes(decodeModel(tiny, 'tiny'))].forEach(([name, shape], j) =>
    out.set(name, {
      shape: [...shape],
      values: Array.from({ length: sizeOf(shape) }, (_, i) => i / 10 + j / 100),
    }),
  );
  return out;
}

describe('weights and model files', () => {
  it.each(['F32', 'F64'] as const)('a %s .safetensors file reads back its values', (dtype) => {
    const tensors = tinyWeights();
    const st = parseSafeTensors(encodeSafeTensors(tensors, dtype), 'mem');
    for (const [name, t] of tensors) {
      expect(st.shape(name)).toEqual(t.shape);
      const got = Array.from(st.values(name));
      t.values.forEach((v, i) => expect(got[i]).toBeCloseTo(v, dtype === 'F64' ? 15 : 6));
    }
  });

  it('loads a user file checked against the model, naming a missing or misshapen tensor', () => {
    const model = decodeModel(tiny, 'tiny');
    const good = join(dir, 'good.safetensors');
    writeFileSync(good, encodeSafeTensors(tinyWeights()));
    expect(Array.from(loadWeights(model, good).get('layers.0.ffn.fc1.bias')).length).toBe(6);
    const missing = tinyWeights();
    missing.delete('layers.0.ln2.bias');
    writeFileSync(join(dir, 'missing.safetensors'), encodeSafeTensors(missing));
    expect(() => loadWeights(model, join(dir, 'missing.safetensors'))).toThrow(
      /tensor 'layers\.0\.ln2\.bias' is missing \(tiny needs \[4\]\)/,
    );
    const wrong = tinyWeights();
    wrong.set('layers.0.ffn.fc2.weight', { shape: [4, 6], values: Array.from({ length: 24 }, () => 0) });
    writeFileSync(join(dir, 'wrong.safetensors'), encodeSafeTensors(wrong));
    expect(() => loadWeights(model, join(dir, 'wrong.safetensors'))).toThrow(
      /tensor 'layers\.0\.ffn\.fc2\.weight' has shape \[4, 6\] but tiny needs \[6, 4\]/,
    );
  });

  it('refuses a damaged file', () => {
    const bytes = encodeSafeTensors(tinyWeights());
    expect(() => parseSafeTensors(bytes.subarray(0, 40), 'cut')).toThrow(
      /header length \d+ runs past the end/,
    );
    const header = new TextEncoder().encode(
      JSON.stringify({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 12] } }),
    );
    const bad = new Uint8Array(8 + header.length + 8);
    new DataView(bad.buffer).setBigUint64(0, BigInt(header.length), true);
    bad.set(header, 8);
    expect(() => parseSafeTensors(bad, 'bad')).toThrow(/tensor 'w' has data_offsets \[0, 12\]/);
  });

  it('a model file that does not decode names the field', () => {
    const file = join(dir, 'model.json');
    writeFileSync(file, JSON.stringify({ ...tiny, heads: 0 }));
    expect(() => loadModel(file)).toThrow(/\$\.heads: expected integer ≥ 1, got 0/);
    writeFileSync(file, JSON.stringify({ ...tiny, hidden: 5 }));
    expect(() => loadModel(file)).toThrow(/\$\.hidden is 5 but \$\.heads × \$\.headDim is 2 × 2 = 4/);
    writeFileSync(file, JSON.stringify({ ...tiny, blockOrder: 'sideways' }));
    expect(() => loadModel(file)).toThrow(/\$\.blockOrder: expected/);
    writeFileSync(file, JSON.stringify(tiny));
    expect(loadModel(file).hidden).toBe(4);
  });

  it('synthetic weights: N(0, 1/fan_in) for a projection, γ near 1', () => {
    const w = syntheticWeights(findModel('bert-base'), 5n);
    const q = w.get('layers.0.attention.query.weight');
    const mean = q.reduce((a, v) => a + v, 0) / q.length;
    const sd = Math.sqrt(q.reduce((a, v) => a + (v - mean) ** 2, 0) / q.length);
    expect(Math.abs(mean)).toBeLessThan(0.001);
    expect(sd * Math.sqrt(768)).toBeCloseTo(1, 2);
    const gamma = w.get('layers.0.ln1.weight');
    expect(gamma.reduce((a, v) => a + v, 0) / gamma.length).toBeCloseTo(1, 2);
  });
});
