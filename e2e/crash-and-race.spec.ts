// Issue 7's proofs with real console processes (`next start`), through the HTTP API with bearer tokens:
// a console killed with SIGKILL between a move's detach and attach, then restarted on the same database — the
// journal shows the operation and restore puts the ENI back; and 50 pairs of conflicting applies sent at once
// through two console processes sharing one Postgres — no interleaved EC2 sequences, no answer the final state
// contradicts. No browser: these are API tests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { stateDiff } from '../lib/agreement/compare';
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
import { applyMove, type Move, type Snapshot } from '../lib/topology';

async function call(c: ConsoleProcess, token: string, route: string, body?: unknown): Promise<Answer> {
  return (await send(c, bearer(token), route, body)).body;
}

async function topology(c: ConsoleProcess, token: string): Promise<Snapshot> {
  const body = await call(c, token, '/api/topology');
  if (!body.ok) throw new Error(`topology: ${body.message}`);
  return (body as unknown as { snapshot: Snapshot }).snapshot;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

type Operation = {
  id: string;
  user: string;
  move: Move;
  steps: { report: { action: string; outcome: string } }[];
  observed: { resource: string; state: string }[] | null;
};

test('a console killed between detach and attach: after restart the journal shows the operation, and restore puts the ENI back', async () => {
  test.setTimeout(240_000);
  // A detach that takes 3 s to complete: the console is waiting for it when it is killed.
  const emu = await startEmulatorProcess({ attachDelayMs: 100, detachDelayMs: 3_000, instanceStateDelayMs: 0 });
  const control = emu.control;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'eni-crash-'));
  const database = { dataDir };
  const consoles: ConsoleProcess[] = [];
  try {
    const { otto } = makeAccounts(database, { otto: 'operator' });
    const first = await startConsoleProcess({ database, ec2Endpoint: emu.url });
    consoles.push(first);
    const before = await topology(first, otto!);
    const move = findMove(before, 'move-eni-between') as Extract<Move, { kind: 'move-eni' }>;
    const origin = before.enis.find((e) => e.id === move.eni)!.attachment!;
    await control.clearRequests();

    const answer = call(first, otto!, '/api/apply', move).catch((err: unknown) => err);
    await until('the detach', async () =>
      appliedRequests(await control.requests()).some((r) => r.action === 'DetachNetworkInterface'),
    );
    // EC2 has the detach; the console writes it to its journal once EC2 accepts it, then waits 3 s for it to
    // complete. Kill it in that wait, once the journal shows the call (not in the moment between the two).
    await until('the detach on record', async () => {
      const list = (await call(first, otto!, '/api/operations?unfinished=1')) as Answer & { operations?: Operation[] };
      return list.operations?.[0]?.steps.some((s) => s.report.action === 'DetachNetworkInterface') ?? false;
    });
    await first.stop('SIGKILL');
    expect(await answer).toBeInstanceOf(Error); // the connection died with the process
    expect(appliedRequests(await control.requests()).map((r) => r.action)).toEqual(['DetachNetworkInterface']);

    const second = await startConsoleProcess({ database, ec2Endpoint: emu.url });
    consoles.push(second);
    // Once EC2 has completed the detach, the list shows the ENI where it is: detached.
    const op = await until(
      'the ENI detached in the observed state',
      async () => {
        const list = (await call(second, otto!, '/api/operations?unfinished=1')) as Answer & {
          operations: Operation[];
        };
        expect(list.ok).toBe(true);
        expect(list.operations).toHaveLength(1);
        const o = list.operations[0]!;
        return o.observed?.some((x) => x.resource === move.eni && x.state.startsWith('not attached')) ? o : null;
      },
      30_000,
      250,
    );
    expect(op).toMatchObject({ user: 'otto', move });
    expect(op.steps.map((s) => [s.report.action, s.report.outcome])).toEqual([['DetachNetworkInterface', 'done']]);

    const restored = await call(second, otto!, `/api/operations/${op.id}/resolve`, { action: 'restore' });
    expect(restored).toMatchObject({ ok: true, action: 'restore' });
    const after = await topology(second, otto!);
    const attachment = after.enis.find((e) => e.id === move.eni)!.attachment;
    expect({ instance: attachment?.instanceId, deviceIndex: attachment?.deviceIndex }).toEqual({
      instance: origin.instanceId,
      deviceIndex: origin.deviceIndex,
    });
    expect(
      ((await call(second, otto!, '/api/operations?unfinished=1')) as Answer & { operations: Operation[] }).operations,
    ).toEqual([]);
    console.log(
      `crash: killed after ${op.steps[0]!.report.action}; journal showed it unfinished after restart; restore re-attached ${move.eni} to ${origin.instanceId} at device index ${origin.deviceIndex}`,
    );
  } finally {
    for (const c of consoles) await c.stop('SIGKILL');
    await emu.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

const postgresUrl = testPostgresUrl;

test('50 pairs of conflicting applies through two console processes sharing one Postgres: serialized, never contradicted', async () => {
  test.skip(!postgresUrl, 'no Postgres server: set TEST_DATABASE_URL, or run npm test as root to start one');
  test.setTimeout(600_000);
  const fresh = await freshPostgres('eni_race');
  const database = { url: fresh.url };
  const emu = await startEmulatorProcess({ attachDelayMs: 0, instanceStateDelayMs: 0 });
  const control = emu.control;
  const consoles: ConsoleProcess[] = [];
  try {
    const tokens = makeAccounts(database, { alice: 'operator', bob: 'operator' });
    const env = { ENI_CONSOLE_RATE_BURST: '1000' };
    const [a, b] = await Promise.all([
      startConsoleProcess({ database, ec2Endpoint: emu.url, env }),
      startConsoleProcess({ database, ec2Endpoint: emu.url, env }),
    ]);
    consoles.push(a, b);
    const initial = await topology(a, tokens.alice!);
    const spread = (pairs: [Move, Move][]) =>
      Array.from({ length: 25 }, (_, i) => pairs[Math.floor((i * pairs.length) / 25) % pairs.length]!);
    const chosen = [...spread(conflictingPairs(initial, 'ip')), ...spread(conflictingPairs(initial, 'eip'))];
    // A little latency on the changes, so both applies are in flight together.
    await control.patchSettings({ latencyMs: { AssignPrivateIpAddresses: 15, AssociateAddress: 15 } });
    const figures = { pairs: 0, answers: {} as Record<string, number>, bothOk: 0, interleaved: 0, contradictions: 0 };
    for (const [ma, mb] of chosen) {
      await control.reset('showcase');
      await control.clearRequests();
      const [pa, pb] = await Promise.all([
        call(a, tokens.alice!, '/api/plan', ma),
        call(b, tokens.bob!, '/api/plan', mb),
      ]);
      if (!pa.ok || !pb.ok)
        throw new Error(`both moves plan on the initial state: ${pa.message ?? ''} ${pb.message ?? ''}`);
      const [ra, rb] = await Promise.all([
        call(a, tokens.alice!, '/api/apply', { move: ma, confirmed: pa.plan }),
        call(b, tokens.bob!, '/api/apply', { move: mb, confirmed: pb.plan }),
      ]);
      figures.pairs++;
      for (const r of [ra, rb]) {
        const key = r.ok ? `ok-${String(r.verification)}` : String(r.code);
        figures.answers[key] = (figures.answers[key] ?? 0) + 1;
      }
      const final = await topology(a, tokens.alice!);
      // Each apply's calls name its own target: they come as one block, never mixed with the other's.
      const owner = (p: Record<string, string>) =>
        p.NetworkInterfaceId === ('toEni' in ma ? ma.toEni : '') &&
        (ma.kind !== 'move-eip' || p.PrivateIpAddress === ma.toIp)
          ? 'a'
          : 'b';
      const order = appliedRequests(await control.requests())
        .map((r) => owner(r.parameters))
        .join('');
      if (/a+b+a|b+a+b/.test(order)) figures.interleaved++;
      if (ra.ok && rb.ok) figures.bothOk++;
      for (const [move, result] of [
        [ma, ra],
        [mb, rb],
      ] as const)
        if (result.ok && stateDiff(applyMove(initial, move), final).length > 0) figures.contradictions++;
      if (!ra.ok && !rb.ok && stateDiff(initial, final).length > 0) figures.contradictions++;
    }
    console.log(`concurrency (two console processes, one Postgres): ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ pairs: 50, bothOk: 0, interleaved: 0, contradictions: 0 });
  } finally {
    for (const c of consoles) await c.stop('SIGKILL');
    await emu.stop();
    await fresh.drop();
  }
});
