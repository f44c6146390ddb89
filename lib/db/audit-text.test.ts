// A request carrying NUL or a lone surrogate (in a confirmed plan's summary, echoed by a refusal) is still on the
// record: jsonb refuses those characters, so the row is written with U+FFFD in their place instead of being lost.
import { describe, expect, it } from 'vitest';
import { freshDatabase, testBackends } from '@/lib/testing/databases';
import { appendAudit, queryAudit } from './audit';

describe.each(testBackends)('audit text on $title', ({ backend, skip }) => {
  it.skipIf(skip)('records details holding NUL and lone surrogates, with U+FFFD in their place', async () => {
    const h = await freshDatabase(backend);
    try {
      await appendAudit(h.db, {
        action: 'apply',
        outcome: 'refused',
        userId: 'u1',
        userName: 'mallory',
        role: 'operator',
        sourceIp: null,
        userAgent: null,
        resourceIds: [],
        requestIds: [],
        details: { message: 'planned: "a\u0000b \ud800 c \udc00 😀"', list: ['\u0000'] },
      });
      const [row] = (await queryAudit(h.db, { user: 'mallory' })).entries;
      expect(row?.details).toEqual({ message: 'planned: "a\ufffdb \ufffd c \ufffd 😀"', list: ['\ufffd'] });
    } finally {
      await h.dispose();
    }
  });
});
