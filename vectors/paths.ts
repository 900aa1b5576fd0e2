// Where committed vectors and schemas live, independent of the working directory and of whether the
// sources or the compiled package (dist/) run (issue 5 §3).
import { join } from 'node:path';
import { packageRoot } from '../core/own-modules.ts';

export const DATA_DIR = join(packageRoot(), 'vectors', 'data');
export const SCHEMA_DIR = join(packageRoot(), 'vectors', 'schema');
