// The audit's account and region columns (migration 0005) on both backends: a row written before the migration
// (the scope only in its details) still reads and is found by the new filters; new rows fill the columns.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabase, testBackends } from '@/lib/testing/databases';
import { migrate } from './database';
import { appendAudit, queryAudit } from './audit';
import { DbJournal } from './journal';

describe.each(testBackends)('account and region columns on $title', ({ backend, skip }) => {
  it.skipIf(skip)('backfills rows written before the migration, which still read', async () => {
    const h = await freshDatabase(backend);
    try {
      // The database as 0004 left it: no scope columns, 0005 not applied.
      await sql`alter table audit drop column account, drop column region`.execute(h.db);
      await sql`alter table operation drop column account, drop column region`.execute(h.db);
      await sql`delete from kysely_migration where name = '0005-scope-columns'`.execute(h.db);
      await sql`insert into audit (action, outcome, user_name, details) values
        ('apply', 'ok', 'otto', ${JSON.stringify({ account: 'staging', region: 'eu-west-1', summary: 'old' })}::jsonb),
        ('sign-in', 'ok', 'otto', 'null'::jsonb),
        ('demo.reset', 'ok', 'otto', '"a string"'::jsonb)`.execute(h.db);
      await sql`insert into operation (id, user_name, move, plan) values
        ('op-old', 'otto', '{"kind":"detach-eni","eni":"eni-0123456789abcdef0"}'::jsonb, '{"summary":"old"}'::jsonb)`.execute(
        h.db,
      );

      await migrate(h.db);

      const all = await queryAudit(h.db);
      expect(all.entries.map((e) => [e.action, e.account, e.region])).toEqual([
        ['demo.reset', null, null],
        ['sign-in', null, null],
        ['apply', 'staging', 'eu-west-1'],
      ]);
      expect(all.entries[2]?.details).toMatchObject({ summary: 'old' });
      expect((await queryAudit(h.db, { account: 'staging' })).entries.map((e) => e.action)).toEqual(['apply']);
      expect((await queryAudit(h.db, { region: 'us-east-1' })).entries).toEqual([]);
      // An operation begun before accounts existed is of the default scope.
      expect(await new DbJournal(h.db).get('op-old')).toMatchObject({ id: 'op-old', scope: null });
    } finally {
      await h.dispose();
    }
  });

  it.skipIf(skip)('fills the columns of new rows and filters by account and region together', async () => {
    const h = await freshDatabase(backend);
    try {
      const base = {
        outcome: 'ok' as const,
        userId: null,
        userName: 'otto',
        role: null,
        sourceIp: null,
        userAgent: null,
        resourceIds: [],
        requestIds: [],
      };
      await appendAudit(h.db, { ...base, action: 'apply', details: { account: 'prod', region: 'us-east-1' } });
      await appendAudit(h.db, { ...base, action: 'plan', details: null, account: 'staging', region: 'us-east-1' });
      await appendAudit(h.db, { ...base, action: 'sign-in', details: null });
      const both = await queryAudit(h.db, { account: 'staging', region: 'us-east-1' });
      expect(both.entries.map((e) => e.action)).toEqual(['plan']);
      expect((await queryAudit(h.db, { region: 'us-east-1' })).entries.map((e) => e.action)).toEqual(['plan', 'apply']);
      const op = await new DbJournal(h.db).begin(
        'otto',
        { kind: 'detach-eni', eni: 'eni-0123456789abcdef0' },
        { summary: 'x' } as never,
        { account: 'staging', region: 'eu-west-1' },
      );
      expect(await new DbJournal(h.db).get(op.id)).toMatchObject({
        scope: { account: 'staging', region: 'eu-west-1' },
      });
    } finally {
      await h.dispose();
    }
  });
});
