// Runs before every test file: this process's embedded database (what the guard's audit opens when a test does not
// choose one) lives in a temp folder of its own, never in the project's .data/.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.ENI_CONSOLE_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'eni-vitest-'));
