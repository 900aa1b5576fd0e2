// The committed vector set as a whole (vectors/committed-suite.ts).
import { defineCommittedSetTests } from './committed-suite.ts';

defineCommittedSetTests();
