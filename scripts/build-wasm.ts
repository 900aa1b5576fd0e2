// Build core/wasm/kernels.wasm from core/wasm/kernels.wat (`npm run wasm`). The binary is committed so
// that running the project needs no WebAssembly toolchain; test/core/wasm-kernels.test.ts rebuilds it and
// checks the committed bytes are this build.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import wabtInit from 'wabt';

const source = new URL('../core/wasm/kernels.wat', import.meta.url);
const target = new URL('../core/wasm/kernels.wasm', import.meta.url);

export async function buildKernels(): Promise<Buffer> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('kernels.wat', readFileSync(source, 'utf8'), { simd: true, threads: true });
  // Not module.validate(): wabt.js validates without the threads feature and rejects the shared memory;
  // WebAssembly.Module validates the binary when core/wasm/kernels.ts loads it.
  try {
    return Buffer.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bytes = await buildKernels();
  writeFileSync(target, bytes);
  console.log(`core/wasm/kernels.wasm: ${bytes.length} bytes`);
}
