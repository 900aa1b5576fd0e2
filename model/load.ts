// What `mpcspec cost` and `mpcspec infer` read (docs/models.md): a model by built-in name or from a JSON
// file, a user's weights (.safetensors, every tensor checked against the model by name and shape) and a
// user's input hidden states; each failure is one line naming the file and the field or tensor.
import { existsSync, readFileSync } from 'node:fs';
import { inputError } from '../core/errors.ts';
import { formatShape } from '../core/shape.ts';
import { type ModelDescription, decodeModel } from '../spec/model/description.ts';
import { findModel } from '../spec/model/builtins.ts';
import { readSafeTensors } from './safetensors.ts';
import { type WeightSource, checkWeights } from './weight-source.ts';

/** A built-in model, or a description in a JSON file when the name is a path. */
export function loadModel(nameOrFile: string): ModelDescription {
  if (!nameOrFile.endsWith('.json') && !existsSync(nameOrFile)) return findModel(nameOrFile);
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch (e) {
    throw inputError(`--model: cannot read '${nameOrFile}': ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw inputError(`--model: '${nameOrFile}' is not JSON: ${(e as Error).message}`);
  }
  return decodeModel(json, nameOrFile);
}

/** The model's weights from a .safetensors file, checked tensor by tensor against the model. */
export function loadWeights(model: ModelDescription, file: string): WeightSource {
  const st = readSafeTensors(file);
  checkWeights(model, (name) => st.shape(name), file);
  return { describe: `${file}`, get: (name) => st.values(name) };
}

/** Input hidden states [N, D] from a JSON file (an array of N rows of D numbers) or a .safetensors
 * file (a tensor named "input"). */
export function loadInput(file: string, seq: number, hidden: number): Float64Array {
  const want = `[${seq}, ${hidden}]`;
  if (file.endsWith('.safetensors')) {
    const st = readSafeTensors(file);
    const shape = st.shape('input');
    if (shape === undefined) throw inputError(`--inputs: ${file} has no tensor 'input' (expected ${want})`);
    if (shape.length !== 2 || shape[0] !== seq || shape[1] !== hidden)
      throw inputError(
        `--inputs: tensor 'input' of ${file} has shape ${formatShape(shape)}, expected ${want}`,
      );
    return st.values('input');
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw inputError(`--inputs: cannot read '${file}' as JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(json) || json.length !== seq)
    throw inputError(`--inputs: ${file} must be an array of ${seq} rows of ${hidden} numbers (${want})`);
  const out = new Float64Array(seq * hidden);
  json.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== hidden)
      throw inputError(`--inputs: ${file}: row ${i} is not an array of ${hidden} numbers`);
    row.forEach((v: unknown, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw inputError(`--inputs: ${file}: [${i}][${j}] is not a finite number`);
      out[i * hidden + j] = v;
    });
  });
  return out;
}
