// Real processes for the crash and concurrency tests: the emulator (`npm run emulator`), accounts with API tokens
// (make-accounts.ts), and console processes (`next start`, the production build) on free loopback ports, which a
// test may stop with any signal — SIGKILL included — and start again on the same database. Only node's own
// modules here: Playwright's loader runs this file.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { EmulatorControl } from './emulator-control';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Where a console keeps its data: a PGlite folder or a Postgres URL. */
export type ConsoleDatabase = { dataDir: string } | { url: string };

function databaseEnv(database: ConsoleDatabase): Record<string, string> {
  return 'url' in database ? { DATABASE_URL: database.url } : { ENI_CONSOLE_DATA_DIR: database.dataDir };
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['ENI_CONSOLE_DEMO', 'DATABASE_URL', 'ENI_CONSOLE_DATA_DIR', 'PORT', 'EMULATOR_PORT']) delete env[k];
  return { ...env, ...extra };
}

/**
 * Makes each account (name → role) with an API token in the database; answers the tokens by name. `password`: each
 * account's password, for a test that signs in (else nobody knows it).
 */
export function makeAccounts(
  database: ConsoleDatabase,
  accounts: Record<string, string>,
  password?: string,
): Record<string, string> {
  const args = [
    path.join(root, 'lib/testing/make-accounts.ts'),
    JSON.stringify(accounts),
    ...(password ? [password] : []),
  ];
  const r = spawnSync(tsx, args, {
    cwd: root,
    env: cleanEnv(databaseEnv(database)),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`make-accounts failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, string>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type Started = {
  url: string;
  child: ChildProcess;
  /** Stops the process with `signal` and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

async function startProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
  probe: string,
): Promise<Started> {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with code ${child.exitCode}`);
    if (
      await fetch(`${url}${probe}`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`${url} did not answer within 90 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, stop };
}

export type EmulatorProcess = Started & { control: EmulatorControl };

/** The emulator in its own process (scenario showcase) with `settings` applied. */
export async function startEmulatorProcess(settings: Record<string, unknown>): Promise<EmulatorProcess> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const url = `http://127.0.0.1:${port}`;
  const started = await startProcess(
    tsx,
    [path.join(root, 'lib/cli/emulator.ts')],
    cleanEnv({ EMULATOR_PORT: String(port), EMULATOR_SCENARIO: 'showcase', EMULATOR_CONTROL_TOKEN: token }),
    url,
    '/_emulator/scenarios',
  );
  const control = new EmulatorControl(url, token);
  await control.patchSettings(settings);
  return { ...started, control };
}

/** `next start` on a free port with the database and EC2 endpoint given; resolves once it answers. */
export async function startConsoleProcess(options: {
  database: ConsoleDatabase;
  ec2Endpoint: string;
  env?: Record<string, string>;
}): Promise<Started> {
  const port = await freePort();
  const env = cleanEnv({
    ...databaseEnv(options.database),
    AWS_ENDPOINT_URL_EC2: options.ec2Endpoint,
    AWS_REGION: 'us-east-1',
    ENI_CONSOLE_SNAPSHOT_REUSE_MS: '0',
    ENI_CONSOLE_SNAPSHOT_WARM_MS: '0',
    ...options.env,
  });
  const args = [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'];
  return startProcess(process.execPath, args, env, `http://127.0.0.1:${port}`, '/sign-in');
}
