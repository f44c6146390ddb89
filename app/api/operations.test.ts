// The operation journal's routes against the emulator, with real accounts and tokens: an operation a crash left
// open (the detach done, the attach never sent) is listed with where its ENI is now; restore puts the ENI back,
// finish completes the move; either closes the operation once, and a viewer may read but not resolve.
// /api/operations/{id} takes journal ids only; an apply's live steps are at /api/progress/{progressId}, which names them.
import { DetachNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorForRoutes } from '@/lib/testing/route-emulator';
import { consoleOperations } from '@/lib/ec2/console-operations';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { findMove } from '@/lib/testing/moves';
import { bearerRequest, type ProcessAccounts, processAccounts } from '@/lib/testing/process-accounts';
import { checkMove, type Move } from '@/lib/topology';
import { POST as applyPost } from './apply/route';
import { GET as operationGet } from './operations/[id]/route';
import { POST as resolvePost } from './operations/[id]/resolve/route';
import { GET as operationsGet } from './operations/route';
import { GET as progressGet } from './progress/[id]/route';

const emu = emulatorForRoutes('showcase', { attachDelayMs: 0, demo: false });
let accounts: ProcessAccounts;

beforeAll(async () => {
  accounts = await processAccounts({ vera: 'viewer', otto: 'operator' });
}, 120_000);
afterAll(async () => {
  await accounts?.close();
});

const request = (path: string, who: string, body?: unknown) => bearerRequest(accounts.tokens, path, who, body);
const resolve = (id: string, who: string, action: string) =>
  resolvePost(request(`/api/operations/${id}/resolve`, who, { action }), { params: Promise.resolve({ id }) });

/** A move-eni between instances left as a crash leaves it: journaled, detached, never attached. */
async function crashedMove(): Promise<{ id: string; move: Extract<Move, { kind: 'move-eni' }>; from: string }> {
  const s = await loadSnapshot(emu().client);
  const move = findMove(s, 'move-eni-between') as Extract<Move, { kind: 'move-eni' }>;
  const verdict = checkMove(s, move);
  if (!verdict.ok) throw new Error('the move is accepted');
  const from = s.enis.find((e) => e.id === move.eni)!.attachment!.instanceId!;
  const { journal } = await consoleOperations();
  const op = await journal.begin('otto', move, verdict.plan);
  const detach = verdict.plan.steps[0]!;
  const answer = await emu().client.send(new DetachNetworkInterfaceCommand(detach.input as never));
  await op.step(
    {
      index: 1,
      action: detach.action,
      description: detach.description,
      cli: detach.cli,
      outcome: 'done',
      requestId: answer.$metadata.requestId ?? null,
      note: null,
      restore: false,
    },
    answer.$metadata.requestId ?? null,
  );
  return { id: op.id, move, from };
}

const attachedTo = async (eni: string) =>
  (await loadSnapshot(emu().client)).enis.find((e) => e.id === eni)?.attachment?.instanceId ?? null;

describe('GET /api/operations and POST /api/operations/{id}/resolve', () => {
  it('lists the crashed operation with its steps and observed state; restore puts the ENI back and closes it once', async () => {
    const { id, move, from } = await crashedMove();
    const res = await operationsGet(request('/api/operations?unfinished=1', 'vera'));
    expect(res.status).toBe(200);
    const { operations } = await res.json();
    const op = operations.find((o: { id: string }) => o.id === id);
    expect(op).toMatchObject({
      user: 'otto',
      move,
      finishedAt: null,
      steps: [{ report: { action: 'DetachNetworkInterface', outcome: 'done' } }],
    });
    expect(op.observed).toContainEqual({ resource: move.eni, state: expect.stringMatching(/^not attached/) });

    expect((await resolve(id, 'vera', 'restore')).status).toBe(403);
    const restored = await resolve(id, 'otto', 'restore');
    const body = await restored.json();
    expect(body).toMatchObject({ ok: true, action: 'restore', outcome: { status: 'not-applied' } });
    expect(await attachedTo(move.eni)).toBe(from);
    const again = await (await resolve(id, 'otto', 'finish')).json();
    expect(again).toMatchObject({ ok: false, code: 'stale' });
    const left = (await (await operationsGet(request('/api/operations?unfinished=1', 'vera'))).json()).operations;
    expect(left.map((o: { id: string }) => o.id)).not.toContain(id);
    // The restore's own apply is journaled and finished, with the resolver's name.
    const recent = (await (await operationsGet(request('/api/operations?limit=5', 'vera'))).json()).operations;
    expect(recent[0]).toMatchObject({ user: 'otto', outcome: { status: 'applied' } });
    const resolves = (await accounts.audit()).filter((e) => e.action === 'operation.resolve');
    expect(resolves.map((e) => [e.userName, e.outcome])).toContainEqual(['otto', 'ok']);
  });

  it('finish completes the move on fresh state', async () => {
    const { id, move } = await crashedMove();
    const body = await (await resolve(id, 'otto', 'finish')).json();
    expect(body).toMatchObject({ ok: true, action: 'finish', outcome: { status: 'applied' } });
    expect(await attachedTo(move.eni)).toBe(move.toInstance);
  });

  it('refuses a bad id or action with what to send', async () => {
    expect(await (await resolve('op-1', 'otto', 'restore')).json()).toMatchObject({ ok: false, code: 'invalid-input' });
    const { id } = await crashedMove();
    expect(await (await resolve(id, 'otto', 'undo')).json()).toMatchObject({
      ok: false,
      code: 'invalid-input',
      message: expect.stringContaining('"restore"'),
    });
  });
});

describe('one id space: /api/operations/{id} is the journal, /api/progress/{id} the live steps', () => {
  const get = (handler: typeof operationGet, path: string, id: string) =>
    handler(request(path, 'vera'), { params: Promise.resolve({ id }) });

  it('a move-eni applied with a progress id shows its steps there, and names the journal operation it wrote', async () => {
    const s = await loadSnapshot(emu().client);
    const move = findMove(s, 'move-eni-between');
    const verdict = checkMove(s, move);
    if (!verdict.ok) throw new Error('the move is accepted');
    const progressId = `progress-${crypto.randomUUID()}`;
    const applied = await applyPost(request('/api/apply', 'otto', { move, confirmed: verdict.plan, progressId }));
    expect(await applied.json()).toMatchObject({ ok: true });

    const { progress } = await (await get(progressGet, `/api/progress/${progressId}`, progressId)).json();
    expect(progress).toMatchObject({
      id: progressId,
      finished: true,
      current: null,
      steps: [
        { index: 1, action: 'DetachNetworkInterface', outcome: 'done', ms: expect.any(Number) },
        { index: 2, action: 'AttachNetworkInterface', outcome: 'done', ms: expect.any(Number) },
      ],
    });
    expect(progress.operations).toHaveLength(1);
    const [opId] = progress.operations as string[];
    expect(opId).toMatch(/^op-[0-9a-f-]{36}$/);

    const one = await (await get(operationGet, `/api/operations/${opId}`, opId!)).json();
    expect(one).toMatchObject({
      ok: true,
      operation: {
        id: opId,
        user: 'otto',
        move: { kind: 'move-eni', eni: move.kind === 'move-eni' ? move.eni : '' },
        outcome: { status: 'applied' },
        steps: [
          { report: { action: 'DetachNetworkInterface', outcome: 'done' } },
          { report: { action: 'AttachNetworkInterface', outcome: 'done' } },
        ],
      },
    });
  });

  it('refuses a progress id at /api/operations/{id} and a journal id at /api/progress/{id}, saying where each belongs', async () => {
    const { id } = await crashedMove();
    const wrongOp = await get(operationGet, '/api/operations/progress-0123456789', 'progress-0123456789');
    expect(wrongOp.status).toBe(400);
    expect((await wrongOp.json()).message).toContain('/api/progress/');
    const wrongProgress = await get(progressGet, `/api/progress/${id}`, id);
    expect(wrongProgress.status).toBe(400);
    expect((await wrongProgress.json()).message).toContain('progress-');
    const unknown = `op-${crypto.randomUUID()}`;
    const missing = await get(operationGet, `/api/operations/${unknown}`, unknown);
    expect(missing.status).toBe(404);
    // The journal id of the crashed operation is served at /api/operations/{id}, still unfinished, with where its ENI is.
    const open = await (await get(operationGet, `/api/operations/${id}`, id)).json();
    expect(open).toMatchObject({ ok: true, operation: { id, finishedAt: null } });
    expect(open.operation.observed.length).toBeGreaterThan(0);
  });
});
