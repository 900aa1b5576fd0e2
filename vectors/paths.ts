// Where committed vectors and schemas live, independent of the working directory (issue 5 §3).
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url));
export const SCHEMA_DIR = fileURLToPath(new URL('./schema', import.meta.url));
