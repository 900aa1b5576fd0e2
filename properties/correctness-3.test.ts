// Shard 3 of the generic correctness properties (properties/correctness-suite.ts).
import { defineCorrectnessProperties } from './correctness-suite.ts';

defineCorrectnessProperties(3);
