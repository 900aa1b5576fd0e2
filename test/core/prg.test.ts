// The PRG definition (core/prg.ts, docs/arithmetic.md, "The random generator") checked against an independent ChaCha20 written
// from RFC 8439 and against SHA-256 of byte strings spelled out here; plus pinned known answers that
// other-language implementations can compare with.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chachaWords, deriveKey, keyHex, parseSeed, rootKey } from '../../core/prg.ts';
import { KeyedTape, ringDraw } from '../../core/tape.ts';
import { chachaBlock, chachaStream } from './chacha20-rfc8439.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('ChaCha20 (RFC 8439)', () => {
  it('the independent block function reproduces the RFC 8439 §2.3.2 test vector', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const nonce = Uint8Array.from([0, 0, 0, 9, 0, 0, 0, 0x4a, 0, 0, 0, 0]);
    expect(hex(chachaBlock(key, 1, nonce)).slice(0, 64)).toBe(
      '10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e',
    );
  });

  it('chachaWords equals the independent keystream read as little-endian u64', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 1, max: 40 }),
        (key, n) => {
          const words = chachaWords(key, n);
          const stream = chachaStream(key, 8 * n);
          const view = new DataView(stream.buffer);
          expect(Array.from(words)).toEqual(
            Array.from({ length: n }, (_, i) => view.getBigUint64(8 * i, true)),
          );
        },
      ),
    );
  });
});

describe('key derivation', () => {
  it('root key = SHA-256("mpcspec/v1/root" ‖ u64le(seed))', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (seed) => {
        const le = Array.from({ length: 8 }, (_, i) => Number((seed >> BigInt(8 * i)) & 0xffn));
        const bytes = Buffer.concat([Buffer.from('mpcspec/v1/root', 'ascii'), Buffer.from(le)]);
        expect(hex(rootKey(seed))).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });

  it('derived key = SHA-256("mpcspec/v1/derive" ‖ parent ‖ utf8(label))', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string(), (parent, label) => {
        const bytes = Buffer.concat([
          Buffer.from('mpcspec/v1/derive', 'ascii'),
          Buffer.from(parent),
          Buffer.from(label, 'utf8'),
        ]);
        expect(hex(deriveKey(parent, label))).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });

  it('known answers (pinned from the independent implementation; docs/arithmetic.md, "The random generator" lists them)', () => {
    const root = rootKey(42n);
    const party0 = deriveKey(root, 'party/0');
    const mask = deriveKey(party0, 'mask/1');
    expect(keyHex(root)).toBe('f15aff7352dbbe8e1b7a42218f38d08d842d7dc0d541c02eabf02a1737d26b9f');
    expect(keyHex(party0)).toBe('2cfed392fb5747682986d1c0ffbdff337a0240d152ee6e1e989dbf429288b6d5');
    expect(keyHex(mask)).toBe('3cf6cd84d99515198dbcae7a2e000256d2a637b6abd017a93a1bf85dfcc5728c');
    expect(Array.from(chachaWords(mask, 3))).toEqual([
      17097384099076335039n,
      18446335518894631248n,
      4582115129717275461n,
    ]);
  });
});

describe('tapes', () => {
  it('a label is drawn once per tape: reuse fails naming owner and label', () => {
    const t = new KeyedTape('party 1', rootKey(1n));
    t.words('mask', 3);
    expect(() => t.words('mask', 3)).toThrow(/party 1: random label 'mask' drawn twice/);
  });

  it('ring draws are the low ℓ bits of the words and stay in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (ell) => {
        const key = rootKey(BigInt(ell));
        const words = chachaWords(deriveKey(key, 'x'), 16);
        const drawn = ringDraw(new KeyedTape('t', key), 'x', ell, 16);
        const mask = (1n << BigInt(ell)) - 1n;
        expect(Array.from(drawn)).toEqual(Array.from(words, (w) => w & mask));
      }),
    );
  });

  it('seeds parse from decimal and hex and are refused otherwise', () => {
    expect(parseSeed('0x10')).toBe(16n);
    expect(parseSeed('18446744073709551615')).toBe((1n << 64n) - 1n);
    expect(() => parseSeed('18446744073709551616')).toThrow(/larger than 2\^64/);
    expect(() => parseSeed('-1')).toThrow(/not an integer/);
    expect(() => parseSeed('1.5')).toThrow(/not an integer/);
  });
});
