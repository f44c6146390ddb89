// For `npm test`: a throwaway Postgres server for the database tests, when TEST_DATABASE_URL names none. As root it
// installs Debian's postgresql when missing, runs initdb and pg_ctl as the postgres user in a temp folder on a free
// loopback port, and removes it all afterwards; elsewhere it says why the Postgres tests will be skipped.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TestPostgres = { url: string; stop(): void };

function pgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

function freePort(): number {
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
    ],
    { encoding: 'utf8' },
  );
  return Number(r.stdout.trim());
}

function asPostgres(args: string[]): { ok: boolean; output: string } {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function startTestPostgres(): TestPostgres | null {
  const skip = (why: string) => {
    console.warn(
      `\nPostgres tests will be skipped: ${why} Set TEST_DATABASE_URL=postgres://… to run them against a server.`,
    );
    return null;
  };
  if (process.getuid?.() !== 0) return skip('not running as root, so no server can be installed and started here.');
  if (!pgBin()) {
    console.log("\n▶ Postgres is missing: installing Debian's postgresql package (apt-get)…");
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const bin = pgBin();
  if (!bin) return skip("Debian's postgresql package could not be installed.");
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) return skip('there is no postgres user.');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'eni-pg-'));
  chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  const data = path.join(dir, 'data');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const init = asPostgres([
    path.join(bin, 'initdb'),
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  if (!init.ok) {
    remove();
    return skip(`initdb failed: ${init.output.trim().split('\n').at(-1)}`);
  }
  const port = freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const start = asPostgres([
    path.join(bin, 'pg_ctl'),
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  if (!start.ok) {
    remove();
    return skip(`the server did not start: ${start.output.trim().split('\n').at(-1)}`);
  }
  console.log(`\n▶ Postgres for the database tests: 127.0.0.1:${port} (${bin.split('/').at(-2)}, in ${dir})`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    asPostgres([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
    remove();
  };
  process.once('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
