// The relation search (audit/relations/relation-search.ts) and the equal-knowledge construction
// (audit/equal-knowledge.ts) on small cases: a leak across the elements of a vector needs instances of
// two elements and is reported as the relation itself, coordinates by name; what a party may know (an
// output it receives) explains the relations it implies; secrets of equal output are constructed.
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../audit/batch-plan.ts';
import { resplit } from '../../audit/equal-knowledge.ts';
import { knowledgeOf } from '../../audit/knowledge.ts';
import { auditRelations } from '../../audit/relations/relation-search.ts';
import { relationText } from '../../audit/relations/relation-text.ts';
import type { Column } from '../../audit/relations/columns.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { ENGINE_CONTROLS, ENGINE_LEAKY } from '../privacy/leaky/engine-defects.ts';

const config = resolveConfig('default', { parties: 2 });
const entry = (id: string) => [...ENGINE_LEAKY, ...ENGINE_CONTROLS].find((e) => e.protocol.id === id)!;
const search = async (id: string, size: number, party = 0, parties = 2) => {
  const e = entry(id);
  const cfg = resolveConfig('default', { parties });
  return auditRelations(await planBatch(e.protocol, cfg, party, 3n, size), { seed: 3n, maxColumns: 512 });
};

describe('relation search', () => {
  it('reports one triple over a vector as the relation it is, on 2-element instances — and cannot see it on 1', async () => {
    const two = await search('leaky_vector_triple', 2);
    expect(two.status).toBe('leak');
    const leak = two.evidence.leak!;
    expect(leak.relation).toMatch(/message #0 'open' from party 1 \[0\]/);
    expect(leak.secret).toMatch(/x\[0\] − x\[1\]|−x\[0\] \+ x\[1\]|y\[0\] − y\[1\]|−y\[0\] \+ y\[1\]/);
    expect(two.evidence.verification).toBeGreaterThan(0);
    expect((await search('leaky_vector_triple', 1)).status).toBe('passed');
  });

  it('lets an output the party receives explain the relations it implies (a three-party sum)', async () => {
    // control: the messages sum to a + b + c, which party 0 receives anyway
    expect((await search('control_zero_sum3', 2, 0, 3)).status).toBe('passed');
    // defect: party 2's input arrives unmasked — c alone is not what the sum tells party 0
    const leak = await search('leaky_zero_sum3', 2, 0, 3);
    expect(leak.status).toBe('leak');
    expect(leak.evidence.leak!.secret).toMatch(/[bc]\[[01]\]/);
  });

  it('calls a party that knows every secret trivial (reconstruct to party 0)', async () => {
    const plan = await planBatch(findProtocol('reconstruct').bind({ to: 0 }), config, 0, 3n, 2);
    expect((await auditRelations(plan, { seed: 3n, maxColumns: 64 })).status).toBe('trivial');
    const other = await planBatch(findProtocol('reconstruct').bind({ to: 0 }), config, 1, 3n, 2);
    expect((await auditRelations(other, { seed: 3n, maxColumns: 64 })).status).toBe('passed');
  });

  it('writes a relation of even coefficients as one modulo a power of two', () => {
    const col = (name: string, kind: Column['kind']): Column => ({ name, kind, source: { from: 'one' } });
    const columns = [col('m', 'view'), col('a', 'view'), col('x[0]', 'secret')];
    const half = 1n << 63n;
    expect(relationText([half, half, half], columns, 64).text).toBe('m + a ≡ x[0] (mod 2^1)');
    expect(relationText([1n, (1n << 64n) - 1n, (1n << 64n) - 1n], columns, 64).text).toBe('m − a = x[0]');
  });
});

describe('equal-knowledge secrets', () => {
  it('re-splits a sum between two inputs the party does not hold, and finds none for an opened input', () => {
    const sum = entry('control_zero_sum3').protocol;
    const cfg = resolveConfig('default', { parties: 3 });
    const shapes = sum.shapes(2);
    const k = knowledgeOf(sum, cfg, 0, shapes);
    const s = { a: BigUint64Array.of(5n, 6n), b: BigUint64Array.of(7n, 8n), c: BigUint64Array.of(9n, 10n) };
    const other = resplit(sum, cfg, shapes, k, s, 12345n);
    expect(other).toBeDefined();
    expect(k.key(other!.secret)).toBe(k.key(s));
    expect(other!.secret['a']).toEqual(s.a);
    expect([...other!.secret['b']!, ...other!.secret['c']!]).not.toEqual([...s.b, ...s.c]);

    const open = findProtocol('reconstruct').bind();
    const k0 = knowledgeOf(open, config, 0, open.shapes(2));
    expect(resplit(open, config, open.shapes(2), k0, { x: BigUint64Array.of(1n, 2n) }, 3n)).toBeUndefined();
  });
});
