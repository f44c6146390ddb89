// The executor under EC2's failure modes (issue 7): answers lost after the change, 5xx, throttling, lagging
// describes, a slow detach, a frozen endpoint, two applies on one resource. Every answer matches the account.
import { AssignPrivateIpAddressesCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Move, Snapshot } from '@/lib/topology';
import { withDeadline } from './deadline';
import { toFailure } from './errors';
import { type ExecuteOptions, applyPlannedMove } from './execute';
import { MemoryJournal } from './journal';
import { InProcessLocks } from './locks';
import { loadSnapshot } from './snapshot';
import { appliedRequests as mutations } from '@/lib/testing/emulator-control';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { findMove } from '@/lib/testing/moves';
import type { Fault } from '@/lib/testing/emulator-control';

let emu: TestEmulator;
let opts: ExecuteOptions;
beforeAll(async () => {
  emu = await startTestEmulator('showcase', { attachDelayMs: 20 });
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.reset('showcase');
  await emu.clearFaults();
  await emu.patchSettings({ attachDelayMs: 20, detachDelayMs: null, describeLagMs: 0, latencyMs: {} });
  await emu.clearRequests();
  opts = {
    client: emu.client,
    settings: { allowCrossVpcAttach: true, allowReassociation: true },
    wait: { firstDelayMs: 10 },
    observeMs: 500,
    budgetMs: 10_000,
    locks: new InProcessLocks(),
    journal: new MemoryJournal(),
  };
});

const fault = (f: Fault) => emu.fault({ status: 500, code: 'InternalError', ...f });

const holderOf = (s: Snapshot, ip: string) => s.enis.find((e) => e.privateIps.some((p) => p.address === ip))?.id;
type Details = { steps: { action: string; outcome: string; note: string | null }[] };

describe('retries by kind', () => {
  it('retries a read after a 5xx, and sends a change once', async () => {
    await fault({ action: 'DescribeVpcs' });
    await emu.client.send(new DescribeVpcsCommand({}));
    const s = await loadSnapshot(emu.client);
    const move = findMove(s, 'move-ip');
    if (move.kind !== 'move-ip') throw new Error('unreachable');
    await fault({ action: 'AssignPrivateIpAddresses' });
    await expect(
      emu.client.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: move.toEni,
          PrivateIpAddresses: [move.ip],
          AllowReassignment: true,
        }),
      ),
    ).rejects.toThrow();
    const log = await emu.requests();
    expect(
      log
        .filter((r) => r.action === 'DescribeVpcs')
        .map((r) => r.httpStatus)
        .slice(0, 2),
    ).toEqual([500, 200]);
    expect(log.filter((r) => r.action === 'AssignPrivateIpAddresses')).toHaveLength(1);
  });
});

describe('observe, never assume', () => {
  it.each([
    ['a connection reset', { kind: 'reset' }],
    ['a 5xx', { code: 'InternalError', status: 500 }],
  ])('reports a detach applied when %s after the commit lost its answer', async (_name, how) => {
    const move = findMove(await loadSnapshot(emu.client), 'detach-eni');
    await fault({ action: 'DetachNetworkInterface', when: 'after-commit', ...how });
    const result = await applyPlannedMove(move, undefined, opts);
    if (!result.ok) throw new Error(result.message);
    expect(result.verification).toBe('verified');
    expect(result.steps[0]).toMatchObject({ outcome: 'done', requestId: null });
    expect(result.steps[0]?.note).toMatch(/answer was lost.*describe shows the change made/);
    // Sent once: the SDK did not resend a change whose answer was lost.
    expect(mutations(await emu.requests()).filter((r) => r.action === 'DetachNetworkInterface')).toHaveLength(1);
  });

  it('reports an unassign applied after a reset after the commit, the IP gone as planned', async () => {
    const before = await loadSnapshot(emu.client);
    const move = findMove(before, 'unassign-ip') as Extract<Move, { kind: 'unassign-ip' }>;
    await fault({ action: 'UnassignPrivateIpAddresses', when: 'after-commit', kind: 'reset' });
    const result = await applyPlannedMove(move, undefined, opts);
    expect(result.ok).toBe(true);
    expect(holderOf(await loadSnapshot(emu.client), move.ip)).toBeUndefined();
  });

  it('sends a change again when a describe shows the lost call not made, and says so', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'move-ip') as Extract<Move, { kind: 'move-ip' }>;
    await fault({ action: 'AssignPrivateIpAddresses', kind: 'reset' });
    const result = await applyPlannedMove(move, undefined, opts);
    if (!result.ok) throw new Error(result.message);
    expect(result.steps[0]).toMatchObject({ outcome: 'done', note: 'made on attempt 2' });
    expect(holderOf(await loadSnapshot(emu.client), move.ip)).toBe(move.toEni);
  });

  it('says nothing was changed only with a describe showing it, when EC2 refuses', async () => {
    const before = await loadSnapshot(emu.client);
    const move = findMove(before, 'move-ip') as Extract<Move, { kind: 'move-ip' }>;
    await fault({
      action: 'AssignPrivateIpAddresses',
      code: 'InvalidParameterValue',
      status: 400,
      message: 'refused for the test',
    });
    const result = await applyPlannedMove(move, undefined, opts);
    expect(result).toMatchObject({ ok: false, code: 'ec2-error' });
    if (result.ok) return;
    expect(result.message).toMatch(
      /^Nothing was changed: AssignPrivateIpAddresses failed\. .*refused for the test\. A describe after the failure shows it not made\.$/,
    );
    expect((result.details as Details).steps.map((s) => s.outcome)).toEqual(['not-done']);
    expect(holderOf(await loadSnapshot(emu.client), move.ip)).toBe(holderOf(before, move.ip));
  });

  it('rides out a throttling burst on the change itself', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'move-eip');
    await fault({ action: 'AssociateAddress', code: 'RequestLimitExceeded', status: 503, times: 2, dryRun: false });
    const result = await applyPlannedMove(move, undefined, opts);
    if (!result.ok) throw new Error(result.message);
    expect(result.steps.at(-1)).toMatchObject({ outcome: 'done', note: 'made on attempt 3' });
  });
});

describe('success is success', () => {
  it('answers "applied, verification pending" when describes lag past the verification window', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'move-eip');
    await emu.patchSettings({ describeLagMs: 3_000 });
    const result = await applyPlannedMove(move, undefined, { ...opts, verifyMs: 300 });
    if (!result.ok) throw new Error(result.message);
    expect(result.verification).toBe('pending');
    expect(result.pending).toMatch(/Every EC2 call succeeded; the result is not confirmed yet/);
  });

  it('verifies once lagging describes catch up within the window', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'move-eip');
    await emu.patchSettings({ describeLagMs: 300 });
    const result = await applyPlannedMove(move, undefined, { ...opts, verifyMs: 5_000 });
    if (!result.ok) throw new Error(result.message);
    expect(result.verification).toBe('verified');
  });
});

describe('deadlines that hold', () => {
  it('stops a read of a frozen endpoint at its deadline with "not answering"', async () => {
    await emu.patchSettings({ latencyMs: { DescribeVpcs: 60_000 } });
    const started = Date.now();
    const failure = await withDeadline(400, 'Reading the topology', () => loadSnapshot(emu.client)).then(
      () => null,
      (err: unknown) => toFailure(err, { endpoint: emu.url }),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failure).toMatchObject({ code: 'timeout' });
    expect(failure?.message).toMatch(/is not answering: Reading the topology did not finish within 0\.4 s/);
  });

  it('gives a put-back command that can succeed when a detach is slower than the budget', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'move-eni-between') as Extract<Move, { kind: 'move-eni' }>;
    await emu.patchSettings({ detachDelayMs: 60_000 });
    const result = await applyPlannedMove(move, undefined, { ...opts, budgetMs: 3_000 });
    expect(result).toMatchObject({ ok: false, code: 'partial-failure' });
    if (result.ok) return;
    expect(result.message).toMatch(/is detaching from i-[0-9a-f]+/);
    expect(result.message).toMatch(
      /Put it back with: aws ec2 wait network-interface-available --network-interface-ids eni-[0-9a-f]+ && aws ec2 attach-network-interface/,
    );
    expect((result.details as Details).steps.map((s) => [s.action, s.outcome])).toEqual([
      ['DetachNetworkInterface', 'done'],
      ['AttachNetworkInterface', 'not-done'],
    ]);
  });

  it('answers a detach slower than the budget as applied, verification pending', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'detach-eni');
    await emu.patchSettings({ detachDelayMs: 60_000 });
    const result = await applyPlannedMove(move, undefined, { ...opts, budgetMs: 2_000 });
    if (!result.ok) throw new Error(result.message);
    expect(result.verification).toBe('pending');
  });
});

describe('locks and the journal', () => {
  it('serializes two applies on one IP: the second waits, then is judged on the first one’s result', async () => {
    const s = await loadSnapshot(emu.client);
    const first = findMove(s, 'move-ip') as Extract<Move, { kind: 'move-ip' }>;
    const other = s.enis.find(
      (e) =>
        e.subnetId === s.enis.find((x) => x.id === first.toEni)?.subnetId &&
        e.id !== first.toEni &&
        e.id !== holderOf(s, first.ip),
    );
    if (!other) throw new Error('no third ENI in the subnet');
    const second: Move = { kind: 'move-ip', ip: first.ip, toEni: other.id };
    await emu.patchSettings({ latencyMs: { AssignPrivateIpAddresses: 200 } });
    const [a, b] = await Promise.all([
      applyPlannedMove(first, undefined, opts),
      applyPlannedMove(second, undefined, opts),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const assigns = mutations(await emu.requests()).filter((r) => r.action === 'AssignPrivateIpAddresses');
    expect(assigns.map((r) => r.parameters.NetworkInterfaceId)).toEqual([first.toEni, other.id]);
    expect(holderOf(await loadSnapshot(emu.client), first.ip)).toBe(other.id);
  });

  it('answers busy, naming who holds the lock, for which change, since when', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'move-eip');
    await emu.patchSettings({ latencyMs: { AssociateAddress: 1_000 } });
    const slow = applyPlannedMove(move, undefined, { ...opts, user: 'alice' });
    await new Promise((r) => setTimeout(r, 100));
    const busy = await applyPlannedMove(move, undefined, { ...opts, user: 'bob', lockWaitMs: 200 });
    expect(busy).toMatchObject({ ok: false, code: 'busy' });
    if (!busy.ok)
      expect(busy.message).toMatch(
        /alice is applying move-eip eipalloc-[0-9a-f]+ to eni-[0-9a-f]+ [\d.]+ since \d{4}-\d\d-\d\dT/,
      );
    expect((await slow).ok).toBe(true);
  });

  it('journals each apply before its first call, each step, and the outcome; nothing left unfinished', async () => {
    const journal = new MemoryJournal();
    const move = findMove(await loadSnapshot(emu.client), 'move-eni-between');
    const result = await applyPlannedMove(move, undefined, { ...opts, journal, user: 'carol' });
    expect(result.ok).toBe(true);
    const [entry] = await journal.recent(1);
    expect(entry).toMatchObject({ user: 'carol', outcome: { status: 'applied' } });
    expect(entry?.steps.map((s) => [s.report.action, s.report.outcome])).toEqual([
      ['DetachNetworkInterface', 'done'],
      ['AttachNetworkInterface', 'done'],
    ]);
    expect(await journal.unfinished()).toEqual([]);
  });
});
