// The first place where a file's record and its replay differ (issue 5 §4): walks both JSON values in
// the replay's key order and names the JSON path; for two tensors it also names the first element that
// differs, so "an altered message" reads as which message, which element, file value and replay value.
import { indexPath, memberPath } from './json-path.ts';
import { tensorParts } from '../format/tensor.ts';

export interface Difference {
  readonly path: string;
  readonly reason: string;
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function tensorDifference(path: string, file: string, replay: string): Difference | undefined {
  try {
    const a = tensorParts(file, path);
    const b = tensorParts(replay, path);
    if (a.kind !== b.kind || a.width !== b.width || a.shape.join() !== b.shape.join()) return undefined;
    const i = a.values.findIndex((v, k) => v !== b.values[k]);
    if (i < 0) return undefined;
    return { path, reason: `element ${i}: file has 0x${a.values[i]}, replay gives 0x${b.values[i]}` };
  } catch {
    return undefined;
  }
}

/**
 * Two strings that differ, shown so the difference is visible: whole when short (a 64-digit key), else
 * the same window of each around the first differing character, which is named.
 */
function stringDifference(path: string, file: string, replay: string): Difference {
  let i = 0;
  while (i < file.length && file[i] === replay[i]) i++;
  if (file.length <= 80 && replay.length <= 80)
    return {
      path,
      reason: `file has ${JSON.stringify(file)}, replay gives ${JSON.stringify(replay)} (first difference at character ${i})`,
    };
  const excerpt = (s: string): string => {
    const from = Math.max(0, i - 20);
    const to = Math.min(s.length, i + 20);
    return `${from > 0 ? '…' : ''}${JSON.stringify(s.slice(from, to))}${to < s.length ? '…' : ''}`;
  };
  return {
    path,
    reason: `first difference at character ${i}: file has ${excerpt(file)}, replay gives ${excerpt(replay)}`,
  };
}

export function firstDifference(file: unknown, replay: unknown, path = '$'): Difference | undefined {
  if (typeof replay === 'string' && typeof file === 'string' && file !== replay)
    return tensorDifference(path, file, replay) ?? stringDifference(path, file, replay);
  if (Array.isArray(replay)) {
    if (!Array.isArray(file) || file.length !== replay.length)
      return { path, reason: `file has ${show(file)}, replay gives ${show(replay)}` };
    for (let i = 0; i < replay.length; i++) {
      const d = firstDifference(file[i], replay[i], indexPath(path, i));
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (typeof replay === 'object' && replay !== null) {
    if (typeof file !== 'object' || file === null || Array.isArray(file))
      return { path, reason: `file has ${show(file)}, replay gives an object` };
    const f = file as Record<string, unknown>;
    const r = replay as Record<string, unknown>;
    for (const k of Object.keys(r)) {
      const d = firstDifference(f[k], r[k], memberPath(path, k));
      if (d !== undefined) return d;
    }
    const extra = Object.keys(f).find((k) => !(k in r));
    return extra === undefined ? undefined : { path: memberPath(path, extra), reason: 'not in the replay' };
  }
  return Object.is(file, replay)
    ? undefined
    : { path, reason: `file has ${show(file)}, replay gives ${show(replay)}` };
}
