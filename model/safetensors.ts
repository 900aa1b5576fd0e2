// A small reader of the .safetensors format (Hugging Face; docs/models.md, "Weights"), for a user's
// weights: no npm package for it is available to this project, and the format is three lines —
//   u64le N ‖ N bytes of JSON header ‖ the data,
// the header mapping each tensor's name to { dtype, shape, data_offsets: [begin, end] } (offsets into the
// data, little-endian, row-major), plus an optional "__metadata__" of strings. Read here: F64, F32, F16
// and BF16; the header is decoded with io-ts and every offset checked against the file, so a damaged
// file is an error naming the tensor, never a wrong value.
import { readFileSync } from 'node:fs';
import * as t from 'io-ts';
import { inputError } from '../core/errors.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import { decodeOrThrow } from '../core/validation.ts';

const TensorEntry = t.type({
  dtype: t.string,
  shape: t.array(t.refinement(t.Int, (d) => d >= 0, 'integer ≥ 0')),
  data_offsets: t.tuple([t.Int, t.Int]),
});
type TensorEntry = t.TypeOf<typeof TensorEntry>;

const BYTES: Readonly<Record<string, number>> = { F64: 8, F32: 4, F16: 2, BF16: 2 };

export interface SafeTensors {
  readonly names: readonly string[];
  shape(name: string): Shape | undefined;
  /** The tensor as float64 values, row-major. */
  values(name: string): Float64Array;
}

/** IEEE half precision → number. */
function half(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

export function parseSafeTensors(bytes: Uint8Array, where: string): SafeTensors {
  if (bytes.length < 8) throw inputError(`${where}: not a .safetensors file (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > bytes.length - 8)
    throw inputError(
      `${where}: header length ${headerLength} runs past the end of the file (${bytes.length} bytes)`,
    );
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch (e) {
    throw inputError(`${where}: the header is not JSON: ${(e as Error).message}`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw inputError(`${where}: the header is not a JSON object`);
  const data = bytes.subarray(8 + headerLength);
  const entries = new Map<string, TensorEntry>();
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const e = decodeOrThrow(TensorEntry, raw, `${where}: tensor '${name}'`);
    const size = BYTES[e.dtype];
    if (size === undefined)
      throw inputError(
        `${where}: tensor '${name}' has dtype ${e.dtype}; readable: ${Object.keys(BYTES).join(', ')}`,
      );
    const [begin, end] = e.data_offsets;
    if (begin < 0 || end < begin || end > data.length || end - begin !== sizeOf(e.shape) * size)
      throw inputError(
        `${where}: tensor '${name}' has data_offsets [${begin}, ${end}], which do not hold ${sizeOf(e.shape)} ${e.dtype} values inside the ${data.length} data bytes`,
      );
    entries.set(name, e);
  }
  return {
    names: [...entries.keys()],
    shape: (name) => entries.get(name)?.shape,
    values(name) {
      const e = entries.get(name);
      if (e === undefined) throw inputError(`${where}: no tensor '${name}'`);
      const n = sizeOf(e.shape);
      const at = data.byteOffset + e.data_offsets[0];
      const dv = new DataView(data.buffer, at, e.data_offsets[1] - e.data_offsets[0]);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++)
        out[i] =
          e.dtype === 'F64'
            ? dv.getFloat64(8 * i, true)
            : e.dtype === 'F32'
              ? dv.getFloat32(4 * i, true)
              : e.dtype === 'F16'
                ? half(dv.getUint16(2 * i, true))
                : new Float32Array(new Uint32Array([dv.getUint16(2 * i, true) << 16]).buffer)[0]!;
      return out;
    },
  };
}

export function readSafeTensors(file: string): SafeTensors {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw inputError(`--weights: cannot read '${file}': ${(e as Error).message}`);
  }
  return parseSafeTensors(bytes, file);
}

/** Write tensors as a .safetensors file (F64 or F32), for tests and for users making weight files. */
export function encodeSafeTensors(
  tensors: ReadonlyMap<string, { shape: Shape; values: ArrayLike<number> }>,
  dtype: 'F64' | 'F32' = 'F32',
): Uint8Array {
  const size = BYTES[dtype]!;
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, tns] of tensors) {
    const bytes = sizeOf(tns.shape) * size;
    header[name] = { dtype, shape: tns.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + offset);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const tns of tensors.values()) {
    for (let i = 0; i < tns.values.length; i++, at += size)
      if (dtype === 'F64') dv.setFloat64(at, tns.values[i]!, true);
      else dv.setFloat32(at, tns.values[i]!, true);
  }
  return out;
}
