// Splitting the registry into test shards (properties/correctness-*.test.ts, vectors/committed-*.test.ts):
// vitest runs test files on every core, so a generic suite over every protocol is split into a few
// files by a stable hash of the id; a new protocol lands in some shard without a new test file.

/** A stable shard for an id (FNV-1a), independent of registry order. */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % shards;
}
