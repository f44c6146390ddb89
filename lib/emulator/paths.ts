// Where this module's data files live, under both CommonJS (tsx) and ESM (vitest) loaders.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EMULATOR_DIR: string = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
