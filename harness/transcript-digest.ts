// A canonical digest of a run's transcript and outputs, for "same seed ⇒ byte-identical transcript":
// SHA-256 over every message's (from, to, round, label, payload kind, width, shape, words) in order.
import { createHash } from 'node:crypto';
import type { Payload } from '../runtime/payload.ts';
import type { Message } from '../runtime/transcript.ts';

function updatePayload(h: ReturnType<typeof createHash>, p: Payload): void {
  h.update(`${p.kind}:${p.kind === 'ring' ? p.ell : p.width}:${p.shape.join('x')}:`);
  h.update(new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength));
}

export function transcriptDigest(messages: readonly Message[]): string {
  const h = createHash('sha256');
  for (const m of messages) {
    h.update(`${m.from}>${m.to}@${m.round}#${m.label}|`);
    updatePayload(h, m.payload);
  }
  return h.digest('hex');
}

export function outputsDigest(outputs: readonly Readonly<Record<string, Payload>>[]): string {
  const h = createHash('sha256');
  outputs.forEach((o, i) => {
    for (const name of Object.keys(o).sort()) {
      h.update(`${i}:${name}|`);
      updatePayload(h, o[name]!);
    }
  });
  return h.digest('hex');
}
