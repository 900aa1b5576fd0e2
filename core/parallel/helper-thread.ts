// The helper thread's side of core/parallel/split-run.ts: wait for a job in shared memory, run the upper
// half of the kernel's range on the shared arrays, report. Announcements (kernels, buffers) are drained
// synchronously before each job; a kernel's module is imported the first time it is named, which
// registers its kernels here too. The thread blocks in Atomics.wait between jobs and never needs its
// event loop, except while importing a module.
import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { type Announcement, JobSlots, type SlotBuffers, Status } from './helper-protocol.ts';
import { type RangeKernel, kernelNamed } from './split-run.ts';

const {
  slots: slotBuffers,
  announce,
  errors,
} = workerData as {
  slots: SlotBuffers;
  announce: MessagePort;
  errors: MessagePort;
};
const slots = JobSlots.attach(slotBuffers);
const buffers = new Map<number, SharedArrayBuffer>();
const kernels = new Map<number, { module: string; name: string }>();
const loaded = new Map<number, RangeKernel>();

function drainAnnouncements(): void {
  for (let m = receiveMessageOnPort(announce); m !== undefined; m = receiveMessageOnPort(announce)) {
    const a = m.message as Announcement;
    if (a.kind === 'kernel') kernels.set(a.id, { module: a.module, name: a.name });
    else buffers.set(a.id, a.buffer);
  }
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
    const job = slots.nextJob(seen);
    seen = job.seq;
    try {
      drainAnnouncements();
      const body = await kernel(job.kernel);
      const arrays = job.arrays.map((a) => {
        const buffer = buffers.get(a.buffer);
        if (buffer === undefined) throw new Error(`buffer #${a.buffer} was never announced`);
        return new BigUint64Array(buffer, a.offset, a.length);
      });
      body(arrays, job.scalars, job.lo, job.hi);
      slots.finish(job.seq, Status.Ok);
    } catch (e) {
      errors.postMessage(e instanceof Error ? e.message : String(e));
      slots.finish(job.seq, Status.Failed);
    }
  }
}

void serve();
