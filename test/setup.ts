// Every property runs from a fixed seed so CI replays exactly; set FC_SEED to explore other seeds.
// On failure fast-check prints the seed and the counterexample path, which replay the case.
import fc from 'fast-check';

const seed = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : 20261122;
fc.configureGlobal({ seed, numRuns: Number(process.env['FC_NUM_RUNS'] ?? 25), verbose: 1 });
