import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '@/lib/testing/snapshots';
import { snapshotAnswer } from './snapshot-body';

const answerOf = (snapshot: object, readAt: string) => ({
  ok: true,
  snapshot,
  settings: { strictness: 'ec2' },
  readAt,
  snapshotAgeMs: 12,
  revalidating: false,
});

const json = async (r: Response) => JSON.parse(Buffer.from(await r.arrayBuffer()).toString('utf8'));

describe('the topology answer, its snapshot serialized once', () => {
  it('is exactly the JSON of the answer, for each read of the same kept snapshot', async () => {
    const snapshot = demoSnapshot();
    for (const readAt of ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:05.000Z']) {
      const answer = { ...answerOf(snapshot, readAt), account: 'staging' };
      const r = snapshotAnswer(answer);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(await json(r)).toEqual(answer);
    }
  });

  it('answers another snapshot object with its own content', async () => {
    const a = demoSnapshot();
    const b = { ...a, enis: a.enis.slice(1) };
    expect((await json(snapshotAnswer(answerOf(a, 'x')))).snapshot.enis).toHaveLength(a.enis.length);
    expect((await json(snapshotAnswer(answerOf(b, 'x')))).snapshot.enis).toHaveLength(a.enis.length - 1);
  });

  it('keeps non-ASCII text intact (tags and descriptions are UTF-8)', async () => {
    const snapshot = demoSnapshot();
    snapshot.enis = snapshot.enis.map((e, i) => (i === 0 ? { ...e, description: 'Zürich → 東京 ✓' } : e));
    const decoded = await json(snapshotAnswer(answerOf(snapshot, '2026-12-01T10:00:00.000Z')));
    expect(decoded.snapshot.enis[0].description).toBe('Zürich → 東京 ✓');
  });
});
