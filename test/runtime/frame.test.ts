// A malformed TCP frame (issue 15 §5): the reader names the receiving party, the frame's number and
// sender, and its label and round, instead of failing inside a typed-array constructor.
import { describe, expect, it } from 'vitest';
import { MpcspecError } from '../../core/errors.ts';
import { fromIntegers } from '../../core/ring.ts';
import { FrameReader, encodeFrame } from '../../runtime/tcp/frame.ts';

const message = (shape: number[], width = 64) =>
  encodeFrame({ type: 'message', round: 3, label: 'trunc/open', kind: 'ring', width, shape });
const good = encodeFrame(
  { type: 'message', round: 1, label: 'open', kind: 'ring', width: 64, shape: [2] },
  fromIntegers(64, [2], [5n, 7n]),
);

function failure(frames: Buffer[]): MpcspecError {
  const reader = new FrameReader(1, 'party 0');
  try {
    for (const f of frames) reader.push(f);
  } catch (e) {
    if (e instanceof MpcspecError) return e;
    throw e;
  }
  throw new Error('the reader accepted a malformed frame');
}

describe('malformed TCP frames', () => {
  it('a well-formed frame is read', () => {
    const [frame] = new FrameReader(1, 'party 0').push(good);
    expect(frame?.payload?.data).toEqual(BigUint64Array.from([5n, 7n]));
  });

  it('a negative dimension', () =>
    expect(failure([good, message([-5])]).message).toBe(
      "party 1: frame 2 from party 0 (label 'trunc/open', round 3): shape [-5] is not a shape: dimensions are non-negative integers",
    ));

  it('a shape of more words than a frame carries', () =>
    expect(failure([message([2 ** 20, 2 ** 20])]).message).toMatch(
      /^party 1: frame 1 from party 0 \(label 'trunc\/open', round 3\): shape \[1048576, 1048576\] holds 1099511627776 words, more than a frame carries/,
    ));

  it('a width beyond 64 bits', () =>
    expect(failure([message([1], 70)]).message).toMatch(
      /frame 1 from party 0 .*: width 70 is not from 1 to 64/,
    ));

  it('a dimension that is not an integer', () =>
    expect(failure([message([1.5])]).message).toMatch(
      /frame 1 from party 0 .*: header: \$\.shape\[0\]: expected Int, got 1\.5/,
    ));
});
