// Worker entry when the sources run as TypeScript (tests, benches): register tsx, then start the helper.
// Compiled code starts dist/core/parallel/helper-thread.js directly (split-run.ts).
import '../source-register.mjs';

await import('./helper-thread.ts');
