// JSON paths in messages (issue 5 §4: "rejected with the JSON path of the first error"): `$` is the
// document, `.key` a member, `[i]` an array element, `["odd key"]` a member whose name is not an
// identifier — the notation of JSONPath (RFC 9535), so a reader can paste it into a JSONPath tool.

export const memberPath = (path: string, key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

export const indexPath = (path: string, i: number): string => `${path}[${i}]`;

/** Ajv's JSON Pointer (`/testGroups/0/tests`) as a JSON path (`$.testGroups[0].tests`). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^(0|[1-9][0-9]*)$/.test(p) ? indexPath(acc, Number(p)) : memberPath(acc, p)), '$');
}
