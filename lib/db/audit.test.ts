// The database layer on both backends: migrations, the audit record's append, filters, pages, and a reopen.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AuditEntry } from '@/lib/auth/roles';
import { freshDatabase, testBackends } from '@/lib/testing/databases';
import { openDatabase } from './database';
import { appendAudit, queryAudit } from './audit';

function entry(over: Partial<AuditEntry>): AuditEntry {
  return {
    action: 'apply',
    outcome: 'ok',
    userId: 'u1',
    userName: 'alice',
    role: 'operator',
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    resourceIds: [],
    requestIds: [],
    details: null,
    ...over,
  };
}

describe.each(testBackends)('database on $title', ({ backend, skip }) => {
  it.skipIf(skip)('migrates an empty database to every table, and a second open changes nothing', async () => {
    const h = await freshDatabase(backend);
    try {
      const tables = await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
        h.db,
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['account', 'api_token', 'audit', 'session', 'setting', 'user', 'verification']),
      );
      await h.close();
      const again = await openDatabase(h.options);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(again.db);
      expect(applied.rows.map((r) => r.name)).toEqual([
        '0001-auth-tables',
        '0002-audit',
        '0003-api-tokens',
        '0004-operations',
        '0005-scope-columns',
      ]);
      await again.close();
    } finally {
      await h.dispose();
    }
  });

  it.skipIf(skip)(
    'appends entries and reads them newest first, filtered by user, resource, outcome and time',
    async () => {
      const h = await freshDatabase(backend);
      try {
        await appendAudit(h.db, entry({ action: 'sign-in', resourceIds: [] }));
        await appendAudit(
          h.db,
          entry({
            resourceIds: ['eni-1', '10.0.1.11'],
            requestIds: ['req-1', 'req-2'],
            details: { move: { kind: 'move-ip' } },
          }),
        );
        await appendAudit(
          h.db,
          entry({ userId: 'u2', userName: 'bob', role: 'viewer', outcome: 'denied', resourceIds: ['eni-2'] }),
        );

        const all = await queryAudit(h.db);
        expect(all.entries.map((e) => e.action)).toEqual(['apply', 'apply', 'sign-in']);
        expect(all.entries[0]?.userName).toBe('bob');
        expect(all.nextCursor).toBeNull();

        const byResource = await queryAudit(h.db, { resource: '10.0.1.11' });
        expect(byResource.entries).toHaveLength(1);
        expect(byResource.entries[0]).toMatchObject({
          requestIds: ['req-1', 'req-2'],
          resourceIds: ['eni-1', '10.0.1.11'],
          details: { move: { kind: 'move-ip' } },
        });

        expect((await queryAudit(h.db, { user: 'bob' })).entries.map((e) => e.outcome)).toEqual(['denied']);
        expect((await queryAudit(h.db, { user: 'u1' })).entries).toHaveLength(2);
        expect((await queryAudit(h.db, { outcome: 'denied' })).entries).toHaveLength(1);
        expect((await queryAudit(h.db, { since: new Date(Date.now() + 60_000) })).entries).toHaveLength(0);
        expect((await queryAudit(h.db, { since: new Date(Date.now() - 60_000) })).entries).toHaveLength(3);
      } finally {
        await h.dispose();
      }
    },
  );

  it.skipIf(skip)('pages with a cursor, and the record is still there after the database is reopened', async () => {
    const h = await freshDatabase(backend);
    try {
      for (let i = 0; i < 5; i++) await appendAudit(h.db, entry({ details: { n: i } }));
      const first = await queryAudit(h.db, { limit: 2 });
      expect(first.entries.map((e) => (e.details as { n: number }).n)).toEqual([4, 3]);
      const second = await queryAudit(h.db, { limit: 2, cursor: first.nextCursor! });
      expect(second.entries.map((e) => (e.details as { n: number }).n)).toEqual([2, 1]);
      const third = await queryAudit(h.db, { limit: 2, cursor: second.nextCursor! });
      expect(third.entries.map((e) => (e.details as { n: number }).n)).toEqual([0]);
      expect(third.nextCursor).toBeNull();

      await h.close();
      const reopened = await openDatabase(h.options);
      expect((await queryAudit(reopened.db)).entries).toHaveLength(5);
      await reopened.close();
    } finally {
      await h.dispose();
    }
  });
});

describe('embedded database', () => {
  it('refuses a second process while one holds it, and says what to do', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eni-lock-'));
    // Our parent process (the vitest runner) stands in for a running console.
    writeFileSync(path.join(dir, 'owner.pid'), String(process.ppid));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process .*DATABASE_URL/s);
  });
});
