// Every registered protocol is in exactly one shard of the generic properties, and no shard is empty.
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../registry/index.ts';
import { SHARDS, shardOf } from './correctness-suite.ts';
import { PRIVACY_SHARDS } from './privacy-suite.ts';
import { shardOf as shardOfId } from '../harness/shards.ts';

describe('property shards', () => {
  it('cover the registry, each shard non-empty', () => {
    const counts = Array.from(
      { length: SHARDS },
      (_, k) => REGISTRY.filter((r) => shardOf(r.id) === k).length,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(REGISTRY.length);
    expect(counts.every((c) => c > 0)).toBe(true);
  });

  it('of the view-privacy property cover the registry, each shard non-empty', () => {
    const counts = Array.from(
      { length: PRIVACY_SHARDS },
      (_, k) => REGISTRY.filter((r) => shardOfId(r.id, PRIVACY_SHARDS) === k).length,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(REGISTRY.length);
    expect(counts.every((c) => c > 0)).toBe(true);
  });
});
