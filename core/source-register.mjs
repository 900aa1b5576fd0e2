// Development only: registers tsx so a new process or thread can run the TypeScript sources (see
// core/own-modules.ts). The compiled package (dist/) never loads it.
import { register } from 'tsx/esm/api';

register();
