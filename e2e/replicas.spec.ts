// Several servers (issue 11, part 3) with real console processes (`next start`) behind no balancer, two of them on
// one Postgres, warm snapshots on: a session made on one is valid on the other; a change applied through one drops
// the snapshot the other keeps (LISTEN/NOTIFY), so the other answers fresh at once; conflicting applies through both
// serialize on the database's advisory locks. No browser: these are API tests.
import { expect, test } from '@playwright/test';
import {
  type Started as ConsoleProcess,
  makeAccounts,
  startConsoleProcess,
  startEmulatorProcess,
} from '../lib/testing/console-process';
import { type Answer, bearer, send } from '../lib/testing/console-api';
import { appliedRequests } from '../lib/testing/emulator-control';
import { freshPostgres, testPostgresUrl } from '../lib/testing/fresh-postgres';
import { conflictingPairs, findMove } from '../lib/testing/moves';
import type { Move, Snapshot } from '../lib/topology';

type Topology = Snapshot & { readAt: string; revalidating: boolean };

async function topology(c: ConsoleProcess, token: string): Promise<Topology> {
  const { body } = await send(c, bearer(token), '/api/topology');
  if (!body.ok) throw new Error(`topology: ${body.message}`);
  const { snapshot, readAt, revalidating } = body as unknown as { snapshot: Snapshot } & Omit<Topology, keyof Snapshot>;
  return { ...snapshot, readAt, revalidating };
}

/** Plan, then apply with the plan confirmed, as the canvas does. */
async function planAndApply(c: ConsoleProcess, token: string, move: Move): Promise<Answer> {
  const planned = await send(c, bearer(token), '/api/plan', move);
  if (!planned.body.ok) throw new Error(`plan: ${planned.body.message}`);
  return (await send(c, bearer(token), '/api/apply', { move, confirmed: planned.body.plan })).body;
}

const eipOf = (s: Snapshot, allocationId: string) => s.eips.find((e) => e.allocationId === allocationId);

test('two console processes on one Postgres: one session, one warm snapshot kept in step, one set of locks', async () => {
  test.skip(!testPostgresUrl, 'no Postgres server: set TEST_DATABASE_URL, or run npm test as root to start one');
  test.setTimeout(300_000);
  const fresh = await freshPostgres('eni_replicas');
  const database = { url: fresh.url };
  const emu = await startEmulatorProcess({ attachDelayMs: 0, instanceStateDelayMs: 0 });
  const consoles: ConsoleProcess[] = [];
  try {
    const password = 'replica-test-password-1';
    const { otto } = makeAccounts(database, { otto: 'operator' }, password);
    // Warm snapshots reused for ten minutes: without a notice from the other process, B would answer its old one.
    const env = {
      ENI_CONSOLE_SNAPSHOT_WARM_MS: '600000',
      ENI_CONSOLE_SNAPSHOT_REUSE_MS: '600000',
      ENI_CONSOLE_RATE_BURST: '1000',
    };
    const [a, b] = await Promise.all([
      startConsoleProcess({ database, ec2Endpoint: emu.url, env }),
      startConsoleProcess({ database, ec2Endpoint: emu.url, env }),
    ]);
    consoles.push(a, b);

    // A session signed in on A is valid on B (sessions and the signing secret live in the shared database).
    const signIn = await fetch(`${a.url}/api/auth/sign-in/username`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a.url },
      body: JSON.stringify({ username: 'otto', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    expect((await send(b, {}, '/api/topology')).status).toBe(401);
    expect(await send(b, { cookie }, '/api/topology')).toMatchObject({ status: 200, body: { ok: true } });

    // B keeps its snapshot: a second read is the same one.
    const kept = await topology(b, otto!);
    expect((await topology(b, otto!)).readAt).toBe(kept.readAt);

    // A change applied through A: B's next answer is a fresh read that shows it.
    const move = findMove(kept, 'move-eip') as Extract<Move, { kind: 'move-eip' }>;
    expect(await planAndApply(a, otto!, move)).toMatchObject({ ok: true });
    const deadline = Date.now() + 10_000;
    let after = await topology(b, otto!);
    while (after.readAt === kept.readAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      after = await topology(b, otto!);
    }
    expect(after.readAt > kept.readAt).toBe(true);
    expect(eipOf(after, move.allocationId)).toMatchObject({ eniId: move.toEni, privateIp: move.toIp });

    // One Elastic IP to two places, through A and B at once: the database's locks serialize them, and the second
    // is judged on the first one's result.
    await emu.control.reset('showcase');
    const initial = await topology(a, otto!); // A kept nothing since its apply: a read after the reset
    const [ma, mb] = conflictingPairs(initial, 'eip')[0]!;
    await emu.control.patchSettings({ latencyMs: { AssociateAddress: 300 } });
    await emu.control.clearRequests();
    const [pa, pb] = await Promise.all([
      send(a, bearer(otto!), '/api/plan', ma),
      send(b, bearer(otto!), '/api/plan', mb),
    ]);
    const [ra, rb] = await Promise.all([
      send(a, bearer(otto!), '/api/apply', { move: ma, confirmed: pa.body.plan }),
      send(b, bearer(otto!), '/api/apply', { move: mb, confirmed: pb.body.plan }),
    ]);
    const [first, second] = [ra.body, rb.body].sort((x, y) => Number(y.ok) - Number(x.ok));
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, code: expect.stringMatching(/^(stale|busy)$/) });
    expect(appliedRequests(await emu.control.requests()).map((r) => r.action)).toEqual(['AssociateAddress']);
  } finally {
    for (const c of consoles) await c.stop('SIGKILL');
    await emu.stop();
    await fresh.drop();
  }
});
