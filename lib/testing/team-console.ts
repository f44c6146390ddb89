// The console as `npm start` serves it to a team (not demo mode), for the e2e tests: a fresh embedded database
// in a temp folder with the accounts of team-accounts.ts, then `next start` on TEAM_PORT against EC2_ENDPOINT.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addUser } from '../auth/accounts';
import { createAuth } from '../auth/auth';
import { openDatabase } from '../db/database';
import { teamAccounts } from './team-accounts';

const root = path.resolve(__dirname, '../..');

/** The demo console answering means its build is done (it builds first): only then serve the same build. */
async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const port = process.env.TEAM_PORT;
  const endpoint = process.env.EC2_ENDPOINT;
  if (!port || !endpoint) throw new Error('team-console needs TEAM_PORT and EC2_ENDPOINT');
  if (process.env.AFTER_URL) await waitFor(process.env.AFTER_URL, 240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'eni-team-'));
  // Accounts first: the embedded database is one process's, and the console opens it next.
  const db = await openDatabase({ dataDir });
  const auth = await createAuth(db.db, { ...process.env, ENI_CONSOLE_DATA_DIR: dataDir }, { quiet: true });
  const actor = { userId: null, name: 'cli:e2e', role: null, sourceIp: null, userAgent: 'e2e' };
  for (const a of Object.values(teamAccounts)) {
    const r = await addUser({ db: db.db, auth, actor }, a.name, a.role, a.password);
    if (!r.ok) throw new Error(r.message);
  }
  await db.close();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ENI_CONSOLE_DATA_DIR: dataDir,
    AWS_ENDPOINT_URL_EC2: endpoint,
    AWS_REGION: 'us-east-1',
    PORT: port,
  };
  delete env.ENI_CONSOLE_DEMO;
  delete env.DATABASE_URL;
  const app = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port, '-H', '127.0.0.1'],
    { cwd: root, env, stdio: 'inherit' },
  );
  const stop = () => app.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  app.on('exit', (code) => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
