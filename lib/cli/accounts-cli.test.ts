// `npm run user` and `npm run token`, spawned as a person runs them: accounts, roles, tokens, usage lines, the
// record of each change, and the embedded database refusing a second process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '@/lib/db/audit';
import { openDatabase } from '@/lib/db/database';
import { resolveToken } from '@/lib/db/tokens';
import { testBackends, type TestBackend } from '@/lib/testing/databases';
import type { DatabaseOptions } from '@/lib/db/database';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function envFor(options: DatabaseOptions): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.ENI_CONSOLE_DATA_DIR;
  return options.url ? { ...env, DATABASE_URL: options.url } : { ...env, ENI_CONSOLE_DATA_DIR: options.dataDir };
}

// Each command opens the database in a new process (PGlite starts in seconds on a loaded machine).
const slow = 300_000;

describe.each(testBackends)('accounts CLI on $title', ({ backend, skip }) => {
  let options: DatabaseOptions;
  let cleanup: () => Promise<void>;
  const run = (script: 'user' | 'token', args: string[], input?: string) => {
    const r = spawnSync(tsx, [`lib/cli/${script}.ts`, ...args], {
      cwd: root,
      env: envFor(options),
      input: input ?? '',
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  beforeAll(async () => {
    if (skip) return;
    ({ options, cleanup } = await (backend as TestBackend).fresh());
  });
  afterAll(async () => {
    await cleanup?.();
  }, slow);

  it.skipIf(skip)(
    'adds accounts (generated or piped password), lists them, changes a role, and records each change',
    async () => {
      const admin = run('user', ['add', 'Alice', '--role', 'admin']);
      expect(admin.err).toBe('');
      expect(admin.out).toMatch(/^Added alice \(admin\)\.\nPassword \(shown once\): \S{20,}\n$/);
      const viewer = run('user', ['add', 'bob', '--role', 'viewer'], 'a piped password\n');
      expect(viewer.out).toBe('Added bob (viewer).\n');
      expect(run('user', ['set-role', 'bob', 'operator']).out).toBe('bob: viewer → operator.\n');
      const demote = run('user', ['set-role', 'alice', 'viewer']);
      expect(demote.code).toBe(1);
      expect(demote.err).toContain('only admin');
      const list = run('user', ['list']);
      expect(
        list.out
          .split('\n')
          .slice(1, 3)
          .map((l) => l.split(/\s+/).slice(0, 3)),
      ).toEqual([
        ['alice', 'admin', 'password'],
        ['bob', 'operator', 'password'],
      ]);

      const db = await openDatabase(options);
      try {
        const actions = (await queryAudit(db.db)).entries.map((e) => [e.action, e.userName, e.details]);
        expect(actions).toEqual([
          ['user.set-role', expect.stringMatching(/^cli:/), { user: 'bob', role: 'operator', previous: 'viewer' }],
          ['user.add', expect.stringMatching(/^cli:/), { user: 'bob', role: 'viewer' }],
          ['user.add', expect.stringMatching(/^cli:/), { user: 'alice', role: 'admin' }],
        ]);
      } finally {
        await db.close();
      }
    },
    slow,
  );

  it.skipIf(skip)(
    'creates a token shown once, which resolves to its user until it is revoked',
    async () => {
      const created = run('token', ['create', '--user', 'bob', '--expires', '30d']);
      expect(created.code).toBe(0);
      const [, id] = /^Token (tok-[0-9a-f]+) for bob \(operator\), expires /.exec(created.out) ?? [];
      const token = created.out.trim().split('\n').at(-1)!;
      expect(id).toBeDefined();
      expect(token).toMatch(/^eni_/);
      expect(run('token', ['list']).out).toMatch(new RegExp(`${id}\\s+bob\\s+live`));

      let db = await openDatabase(options);
      expect((await resolveToken(db.db, token))?.name).toBe('bob');
      await db.close();

      expect(run('token', ['revoke', id!]).out).toBe(`Revoked ${id}.\n`);
      expect(run('token', ['revoke', id!]).code).toBe(1);
      db = await openDatabase(options);
      try {
        expect(await resolveToken(db.db, token)).toBeNull();
        expect((await queryAudit(db.db, { limit: 2 })).entries.map((e) => e.action)).toEqual([
          'token.revoke',
          'token.create',
        ]);
      } finally {
        await db.close();
      }
    },
    slow,
  );

  it.skipIf(skip)(
    'removes a user, and says what to type for a bad command',
    () => {
      expect(run('user', ['remove', 'bob']).out).toBe('Removed bob, with their sessions and tokens.\n');
      expect(run('user', ['remove', 'bob']).err).toContain('No user named "bob"');
      const bad = run('user', ['add', 'carol']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('npm run user -- add NAME --role viewer|operator|admin');
      const badRole = run('user', ['add', 'carol', '--role', 'root']);
      expect(badRole.err).toContain('"root" is not a role. Use one of: viewer, operator, admin.');
      expect(run('token', ['create', '--user', 'alice', '--expires', 'soon']).err).toContain('e.g. 12h or 30d');
    },
    slow,
  );

  it.skipIf(skip || backend.name !== 'pglite')(
    'refuses while another process holds the embedded database',
    async () => {
      const db = await openDatabase(options);
      try {
        const r = run('user', ['list']);
        expect(r.code).toBe(1);
        expect(r.err).toContain('is in use by process');
      } finally {
        await db.close();
      }
    },
  );
});
