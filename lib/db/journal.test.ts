// The database journal on both backends: an operation is on record from begin, steps append in order, the final
// outcome ends it once; unfinished operations survive closing and reopening the database.
import { describe, expect, it } from 'vitest';
import { checkMove, type Move } from '@/lib/topology';
import type { StepReport } from '@/lib/topology/outcome';
import { freshDatabase, testBackends } from '@/lib/testing/databases';
import { demoIds, demoSnapshot, planOf } from '@/lib/testing/snapshots';
import { openDatabase } from './database';
import { DbJournal } from './journal';

const move: Move = { kind: 'move-eni', eni: demoIds.poolB, toInstance: demoIds.api };
const plan = () => planOf(checkMove(demoSnapshot(), move, { allowCrossVpcAttach: true, allowReassociation: true }));

function report(index: number, action: string, outcome: StepReport['outcome'], requestId: string | null): StepReport {
  return {
    index,
    action,
    description: action,
    cli: `aws ec2 ${action}`,
    outcome,
    requestId,
    note: null,
    restore: false,
  };
}

describe.each(testBackends)('DbJournal on $title', ({ backend, skip }) => {
  it.skipIf(skip)('records an operation before its steps, each step as it happens, and the outcome once', async () => {
    const h = await freshDatabase(backend);
    try {
      const journal = new DbJournal(h.db);
      const op = await journal.begin('alice', move, plan());
      const [begun] = await journal.unfinished();
      expect(begun).toMatchObject({ id: op.id, user: 'alice', move, steps: [], finishedAt: null, outcome: null });
      expect(begun!.plan.steps.length).toBeGreaterThan(0);

      await op.step(report(1, 'DetachNetworkInterface', 'done', 'req-1'), 'req-1');
      await op.step(report(2, 'AttachNetworkInterface', 'done', 'req-2'), 'req-2');
      // The same step reported again (accepted, then settled) replaces its first report.
      await op.step(report(2, 'AttachNetworkInterface', 'unknown', null), null);
      const [midway] = await journal.unfinished();
      expect(midway!.steps.map((s) => [s.report.action, s.report.outcome, s.requestId])).toEqual([
        ['DetachNetworkInterface', 'done', 'req-1'],
        ['AttachNetworkInterface', 'unknown', null],
      ]);

      await op.finish({ status: 'applied', message: 'Moved.' });
      expect(await journal.unfinished()).toEqual([]);
      const [done] = await journal.recent(5);
      expect(done).toMatchObject({ id: op.id, outcome: { status: 'applied', message: 'Moved.' } });
      expect(done!.finishedAt).not.toBeNull();
      // Finishing again (a second resolve of the same operation) changes nothing and says so.
      expect(await journal.finish(op.id, { status: 'not-applied', message: 'again' })).toBe(false);
      expect((await journal.get(op.id))!.outcome).toEqual({ status: 'applied', message: 'Moved.' });
    } finally {
      await h.dispose();
    }
  });

  it.skipIf(skip)(
    'keeps an unfinished operation across a restart, oldest first, and lists recent ones newest first',
    async () => {
      const h = await freshDatabase(backend);
      try {
        const journal = new DbJournal(h.db);
        const first = await journal.begin('alice', move, plan());
        await first.step(report(1, 'DetachNetworkInterface', 'done', 'req-1'), 'req-1');
        const second = await journal.begin('bob', move, plan());
        await h.close();
        const again = await openDatabase(h.options);
        try {
          const reopened = new DbJournal(again.db);
          const unfinished = await reopened.unfinished();
          expect(unfinished.map((e) => [e.id, e.user, e.steps.length])).toEqual([
            [first.id, 'alice', 1],
            [second.id, 'bob', 0],
          ]);
          expect((await reopened.recent(1)).map((e) => e.id)).toEqual([second.id]);
          expect(await reopened.get('op-none')).toBeNull();
        } finally {
          await again.close();
        }
      } finally {
        await h.dispose();
      }
    },
  );
});
