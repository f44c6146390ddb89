// `npm run demo`: the embedded EC2 emulator with a scenario loaded, the console built (when needed) and served
// against it, and the URL printed. PORT, EMULATOR_PORT and EMULATOR_SCENARIO choose where and what.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { listScenarios, startEmulator } from '../emulator/index';

const root = path.resolve(__dirname, '../..');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name}=${raw} is not a port number. Use a whole number from 1 to 65535, e.g. ${name}=${fallback}.`);
    process.exit(2);
  }
  return n;
}

/** Newest modification time under the folders a build depends on. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  for (const file of ['package.json', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json']) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(root, '.next/BUILD_ID');
  const sources = newestSource(['app', 'components', 'lib', 'public'].map((d) => path.join(root, d)));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  console.log('Building the console (next build) — once per change of the sources…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error('The build failed; see the output above. Nothing was started.');
    process.exit(result.status ?? 1);
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console process exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the console did not answer at ${url} within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const port = intFromEnv('PORT', 3000);
  const emulatorPort = intFromEnv('EMULATOR_PORT', 4599);
  const scenario = process.env.EMULATOR_SCENARIO || 'showcase';
  const names = listScenarios().map((s) => s.name);
  if (!names.includes(scenario)) {
    console.error(`Unknown scenario "${scenario}". Choose one of: ${names.join(', ')}.`);
    process.exit(2);
  }

  buildIfNeeded();

  // The control plane's token: EMULATOR_CONTROL_TOKEN, else a random one (printed below, handed to the console).
  const emulator = await startEmulator({ port: emulatorPort, scenario }).catch((err: NodeJS.ErrnoException) => {
    const hint = err.code === 'EADDRINUSE' ? ` Port ${emulatorPort} is taken: set EMULATOR_PORT to a free port.` : '';
    console.error(`The EC2 emulator could not start: ${err.message}.${hint}`);
    process.exit(1);
  });

  const env = {
    ...process.env,
    AWS_ENDPOINT_URL_EC2: emulator.url,
    AWS_REGION: process.env.AWS_REGION || 'us-east-1',
    PORT: String(port),
    EMULATOR_CONTROL_TOKEN: emulator.controlToken,
    // Demo mode: no sign-in, as the demo operator (lib/auth/mode.ts; only while the endpoint is on loopback).
    ENI_CONSOLE_DEMO: '1',
  };
  const app = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  app.stdout?.on('data', (chunk: Buffer) => {
    if (process.env.DEMO_VERBOSE) process.stdout.write(chunk);
  });

  const stop = async (code: number) => {
    app.kill('SIGTERM');
    await emulator.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  app.on('exit', (code) => {
    console.error(`The console process stopped (code ${code}).`);
    void stop(code ?? 1);
  });

  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, app, 60_000);
  console.log('');
  console.log(
    `  EC2 emulator   ${emulator.url}  (scenario: ${scenario}; other scenarios: ${names.filter((n) => n !== scenario).join(', ')})`,
  );
  console.log(`  ENI Console    ${url}`);
  console.log(`  Control plane  ${emulator.url}/_emulator/  (Authorization: Bearer ${emulator.controlToken})`);
  console.log('');
  console.log('  Ctrl-C stops both.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
