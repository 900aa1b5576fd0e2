// The helper thread's side of core/parallel/split-run.ts: wait for a job in shared memory, read its
// message (buffers, and the kernel the first time) synchronously, join the job unless the main thread
// already finished it, take chunks of the range until none are left, report. A kernel's module is imported the first time it is named, which
// registers its kernels here too. The thread blocks in Atomics.wait between jobs and never needs its
// event loop, except while importing a module. It keeps no buffer past its job.
import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { JobSlots, type JobMessage, type SlotBuffers, Status, WASM_MEMORY } from './helper-protocol.ts';
import { wasmWords } from '../wasm/memory.ts';
import { type RangeKernel, kernelNamed } from './split-run.ts';

const {
  slots: slotBuffers,
  jobs,
  errors,
} = workerData as {
  slots: SlotBuffers;
  jobs: MessagePort;
  errors: MessagePort;
};
const slots = JobSlots.attach(slotBuffers);
const kernels = new Map<number, { module: string; name: string }>();
const loaded = new Map<number, RangeKernel>();

/** One message per posted job, in order (postMessage enqueues synchronously, so it is there). */
function jobMessage(): JobMessage {
  const m = receiveMessageOnPort(jobs);
  if (m === undefined) throw new Error('job published without its message');
  const message = m.message as JobMessage;
  if (message.kernel !== undefined) kernels.set(message.kernel.id, message.kernel);
  return message;
}

async function kernel(id: number): Promise<RangeKernel> {
  const known = loaded.get(id);
  if (known !== undefined) return known;
  const k = kernels.get(id);
  if (k === undefined) throw new Error(`kernel #${id} was never announced`);
  await import(k.module);
  const body = kernelNamed(k.name);
  if (body === undefined) throw new Error(`module ${k.module} defines no kernel '${k.name}'`);
  loaded.set(id, body);
  return body;
}

async function serve(): Promise<void> {
  let seen = 0;
  for (;;) {
    const posted = slots.nextPosted(seen);
    // Jobs the main thread finished alone while this thread slept still left their messages.
    for (; seen < posted - 1; seen++) jobMessage();
    seen = posted;
    const { buffers } = jobMessage();
    const job = slots.join(posted);
    if (job === undefined) continue;
    try {
      const body = await kernel(job.kernel);
      const arrays = job.arrays.map((a) => {
        if (a.buffer === WASM_MEMORY) return wasmWords(a.offset, a.length);
        const buffer = buffers[a.buffer];
        if (buffer === undefined) throw new Error(`job names buffer ${a.buffer} of ${buffers.length}`);
        return new BigUint64Array(buffer, a.offset, a.length);
      });
      for (
        let lo = slots.takeChunk(job.n, job.chunk);
        lo !== undefined;
        lo = slots.takeChunk(job.n, job.chunk)
      )
        body(arrays, job.scalars, lo, Math.min(job.n, lo + job.chunk));
      slots.finish(job.seq, Status.Ok);
    } catch (e) {
      errors.postMessage(e instanceof Error ? e.message : String(e));
      slots.finish(job.seq, Status.Failed);
    }
  }
}

void serve();
