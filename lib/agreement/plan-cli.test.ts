// The plans' `aws ec2 …` lines are real commands: run by the aws CLI against the emulator they send what the
// SDK steps send and leave the state applyMove predicts; the undo plans' lines bring the state back.
import type { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { waitForEni } from '@/lib/ec2/wait-for-eni';
import { type StartedEmulator, startEmulator } from '@/lib/emulator';
import { AWS_CLI, hasAws, NO_AWS_REASON, runAws, splitCliLine } from '@/lib/testing/aws-cli';
import { EmulatorControl, mutatingRequests } from '@/lib/testing/emulator-control';
import { applyMove, type Move, type Plan, type Step, checkMove, type Snapshot } from '@/lib/topology';
import { candidateMoves } from '@/lib/testing/moves';
import { sendSteps } from './calls';
import { stateDiff } from './compare';

if (!hasAws) console.warn(NO_AWS_REASON);

type Logged = { action: string; parameters: Record<string, string>; outcome: string };

/** One allowed move of each kind (move-eni and move-eip in both of their shapes), as the canvas proposes them. */
const CASES: [string, (m: Move, s: Snapshot) => boolean][] = [
  ['move-ip (reassign a secondary IP)', (m) => m.kind === 'move-ip'],
  ['unassign-ip', (m) => m.kind === 'unassign-ip'],
  [
    'move-eni from another instance (detach, wait, attach)',
    (m, s) => m.kind === 'move-eni' && s.enis.some((e) => e.id === m.eni && e.attachment),
  ],
  ['move-eni from the pool', (m, s) => m.kind === 'move-eni' && s.enis.some((e) => e.id === m.eni && !e.attachment)],
  ['detach-eni', (m) => m.kind === 'detach-eni'],
  [
    'move-eip of an idle EIP',
    (m, s) => m.kind === 'move-eip' && s.eips.some((e) => e.allocationId === m.allocationId && !e.associationId),
  ],
  [
    'move-eip re-associating an EIP',
    (m, s) => m.kind === 'move-eip' && s.eips.some((e) => e.allocationId === m.allocationId && e.associationId),
  ],
  ['disassociate-eip', (m) => m.kind === 'disassociate-eip'],
];

function allowedPlan(s: Snapshot, wanted: (m: Move, s: Snapshot) => boolean): Plan {
  for (const move of candidateMoves(s)) {
    if (!wanted(move, s)) continue;
    const verdict = checkMove(s, move);
    if (verdict.ok) return verdict.plan;
  }
  throw new Error('the showcase scenario has no allowed move of this kind');
}

describe.skipIf(!hasAws)(`plan steps' CLI lines through the real aws CLI (${AWS_CLI})`, () => {
  let emu: StartedEmulator;
  let client: EC2Client;
  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      scenario: 'showcase',
      settings: { attachDelayMs: 0, instanceStateDelayMs: 0 },
    });
    client = createEc2Client({ endpoint: emu.url, region: 'us-east-1', maxAttempts: 1 });
  });
  afterAll(async () => {
    client?.destroy();
    await emu?.close();
  });
  beforeEach(() => emu.reset('showcase'));

  async function mutationsLogged(): Promise<Logged[]> {
    const control = new EmulatorControl(emu.url, emu.controlToken);
    const requests = mutatingRequests(await control.requests());
    await control.clearRequests();
    return requests.map(({ action, parameters, outcome }) => ({ action, parameters, outcome }));
  }

  /** Runs each step's CLI line (argv split without a shell), then waits as the gateway does for its ENI transition. */
  async function runCliSteps(steps: readonly Step[], s: Snapshot): Promise<void> {
    for (const step of steps) {
      const argv = splitCliLine(step.cli);
      expect(argv.slice(0, 2)).toEqual(['aws', 'ec2']);
      const r = await runAws(emu.url, argv.slice(1));
      expect(r.status, `${step.cli}\n${r.stderr}`).toBe(0);
      if (step.waitFor === 'eni-available') {
        const eniId = s.enis.find((e) => e.attachment?.id === step.input.AttachmentId)?.id as string;
        expect(
          (await waitForEni(client, { eniId, until: 'eni-available' }, { timeoutMs: 2_000, firstDelayMs: 5 })).ok,
        ).toBe(true);
      } else if (step.waitFor === 'eni-attached') {
        const target = {
          eniId: String(step.input.NetworkInterfaceId),
          until: 'eni-attached' as const,
          instanceId: String(step.input.InstanceId),
        };
        expect((await waitForEni(client, target, { timeoutMs: 2_000, firstDelayMs: 5 })).ok).toBe(true);
      }
    }
  }

  it.each(CASES)(
    '%s: the CLI lines leave the state applyMove predicts, sending exactly the SDK steps’ requests',
    async (_label, wanted) => {
      const before = await loadSnapshot(client);
      const plan = allowedPlan(before, wanted);
      await mutationsLogged();
      await runCliSteps(plan.steps, before);
      expect(stateDiff(applyMove(before, plan.move), await loadSnapshot(client))).toEqual([]);
      const viaCli = await mutationsLogged();
      expect(viaCli.map((r) => r.action)).toEqual(plan.steps.map((s) => s.action));

      emu.reset('showcase'); // same scenario, same ids: the same steps again, through the SDK
      expect(stateDiff(before, await loadSnapshot(client))).toEqual([]);
      await mutationsLogged();
      const calls = await sendSteps(client, plan.steps, before);
      expect(
        calls.every((c) => c.ok),
        JSON.stringify(calls),
      ).toBe(true);
      expect(viaCli).toEqual(await mutationsLogged());
    },
  );

  it.each(CASES)('%s: the undo plan’s CLI lines restore the state before the move', async (_label, wanted) => {
    const before = await loadSnapshot(client);
    const plan = allowedPlan(before, wanted);
    await runCliSteps(plan.steps, before);
    let current = await loadSnapshot(client);
    expect(plan.inverse.length).toBeGreaterThan(0);
    for (const undo of plan.inverse) {
      const verdict = checkMove(current, undo);
      if (!verdict.ok) throw new Error(`undo ${JSON.stringify(undo)} refused: ${JSON.stringify(verdict.reasons)}`);
      await runCliSteps(verdict.plan.steps, current);
      current = await loadSnapshot(client);
    }
    expect(stateDiff(before, current)).toEqual([]);
  });
});
