// The operation journal in the database: an apply is a row written before its first EC2 call, each step's
// outcome and request id is appended as it happens, then the final outcome; rows never finished (a crash
// mid-move) are what `unfinished()` lists, in this process or any other sharing the database, after a restart too.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Scope } from '@/lib/ec2/client';
import type { FinalOutcome, JournalEntry, JournalOperation, OperationJournal } from '@/lib/ec2/journal';
import type { Move, Plan } from '@/lib/topology';
import type { StepReport } from '@/lib/topology/outcome';
import type { Database } from './schema';

type Row = {
  id: string;
  user_name: string;
  move: unknown;
  plan: unknown;
  started_at: Date | string;
  steps: unknown;
  finished_at: Date | string | null;
  outcome: unknown;
  account: string | null;
  region: string | null;
};

const iso = (t: Date | string) => new Date(t).toISOString();
// pg and PGlite parse jsonb already; a driver answering text is parsed here.
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function toEntry(r: Row): JournalEntry {
  return {
    id: r.id,
    user: r.user_name,
    move: json(r.move) as Move,
    plan: json(r.plan) as Plan,
    startedAt: iso(r.started_at),
    steps: (json(r.steps) as JournalEntry['steps']) ?? [],
    finishedAt: r.finished_at === null ? null : iso(r.finished_at),
    outcome: r.outcome === null ? null : (json(r.outcome) as FinalOutcome),
    scope: r.account !== null && r.region !== null ? { account: r.account, region: r.region } : null,
  };
}

export class DbJournal implements OperationJournal {
  constructor(private readonly db: Kysely<Database>) {}

  async begin(user: string, move: Move, plan: Plan, scope?: Scope): Promise<JournalOperation> {
    const id = `op-${randomUUID()}`;
    await this.db
      .insertInto('operation')
      .values({
        id,
        user_name: user,
        move: JSON.stringify(move),
        plan: JSON.stringify(plan),
        started_at: new Date().toISOString(),
        account: scope?.account ?? null,
        region: scope?.region ?? null,
      })
      .execute();
    return {
      id,
      step: (report: StepReport, requestId: string | null) => this.step(id, report, requestId),
      finish: (outcome: FinalOutcome) => this.finish(id, outcome).then(() => undefined),
    };
  }

  /**
   * Writes one step's outcome in one statement, so a crash keeps every step written before it; a later report of
   * the same step (accepted, then settled) replaces the earlier one.
   */
  async step(id: string, report: StepReport, requestId: string | null): Promise<void> {
    const step = JSON.stringify({ report, requestId, at: new Date().toISOString() });
    await sql`update operation set steps = (
        select coalesce(jsonb_agg(s order by n), '[]'::jsonb) from jsonb_array_elements(steps) with ordinality as t(s, n)
        where (s->'report'->>'index')::int <> ${report.index}
      ) || jsonb_build_array(${step}::jsonb) where id = ${id}`.execute(this.db);
  }

  /**
   * Records the final outcome. Only an unfinished operation can be finished: false when it already was (two
   * people resolving the same crashed operation: the second learns it was done).
   */
  async finish(id: string, outcome: FinalOutcome): Promise<boolean> {
    const result = await this.db
      .updateTable('operation')
      .set({ outcome: JSON.stringify(outcome), finished_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async get(id: string): Promise<JournalEntry | null> {
    const row = await this.db.selectFrom('operation').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEntry(row as Row) : null;
  }

  async unfinished(): Promise<JournalEntry[]> {
    const rows = await this.db
      .selectFrom('operation')
      .selectAll()
      .where('finished_at', 'is', null)
      .orderBy('started_at', 'asc')
      .orderBy('id')
      .execute();
    return rows.map((r) => toEntry(r as Row));
  }

  async recent(limit: number): Promise<JournalEntry[]> {
    const rows = await this.db
      .selectFrom('operation')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.trunc(limit)))
      .execute();
    return rows.map((r) => toEntry(r as Row));
  }
}
