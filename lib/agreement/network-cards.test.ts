// Network cards, checker against emulator on the eks-nodes scenario: a move onto card 1 of the multi-card node is
// allowed and lands on card 1; onto a full card, or a card the type lacks, it is refused, and the same call sent
// anyway gets the error the rule predicts. Each case on the same fresh account.
import { CreateNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyMove, checkMove, defaultCheckSettings, type Move, type Snapshot } from '@/lib/topology';
import { predictedErrorCodes } from '@/lib/topology/rule-predictions';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { blindSteps, sendSteps } from './calls';
import { stateDiff } from './compare';

let emu: TestEmulator;
beforeAll(async () => {
  // Attaches settle at once, so the state read right after a call is the one applyMove predicts.
  emu = await startTestEmulator('eks-nodes', { attachDelayMs: 0 });
});
afterAll(async () => emu?.close());
beforeEach(async () => emu.reset('eks-nodes'));

/** The multi-card node (hpc7a.12xlarge: 2 cards of 2 ENIs) and a plain pool ENI created in its subnet. */
async function setUp(): Promise<{ s: Snapshot; node: string; spare: string }> {
  let s = await loadSnapshot(emu.client);
  const node = s.instances.find((i) => i.name === 'efa-node-a1')!;
  const spare = await createInSubnetOf(s, node.id);
  s = await loadSnapshot(emu.client);
  return { s, node: node.id, spare };
}

/** A new plain ENI in the subnet of the instance's eth0. */
async function createInSubnetOf(s: Snapshot, instanceId: string): Promise<string> {
  const eth0 = s.enis.find((e) => e.attachment?.instanceId === instanceId && e.attachment.deviceIndex === 0)!;
  const created = await emu.client.send(new CreateNetworkInterfaceCommand({ SubnetId: eth0.subnetId }));
  return created.NetworkInterface!.NetworkInterfaceId!;
}

/** Checks `move`, sends what it would send (the plan's steps, or the blind ones), and returns both sides. */
async function bothSides(s: Snapshot, move: Move) {
  const verdict = checkMove(s, move, defaultCheckSettings);
  const steps = verdict.ok ? verdict.plan.steps : blindSteps(s, move, defaultCheckSettings)!;
  const calls = await sendSteps(emu.client, steps, s);
  return { verdict, calls, last: calls[calls.length - 1]! };
}

describe('network cards: checker and emulator agree', () => {
  it('a move onto card 1 is allowed, sent with NetworkCardIndex, and lands where applyMove says', async () => {
    const { s, node, spare } = await setUp();
    const move: Move = { kind: 'move-eni', eni: spare, toInstance: node, networkCardIndex: 1 };
    const { verdict, last } = await bothSides(s, move);
    expect(verdict.ok).toBe(true);
    expect(last).toMatchObject({ ok: true, input: { NetworkCardIndex: 1, DeviceIndex: 2 } });
    const after = await loadSnapshot(emu.client);
    expect(after.enis.find((e) => e.id === spare)?.attachment).toMatchObject({ networkCardIndex: 1, deviceIndex: 2 });
    if (verdict.ok) expect(stateDiff(applyMove(s, verdict.plan.move), after)).toEqual([]);
  });

  it('a full card 1 is refused with eni-slot-free, and EC2 answers the predicted AttachmentLimitExceeded', async () => {
    const { s, node, spare } = await setUp();
    const first = await bothSides(s, { kind: 'move-eni', eni: spare, toInstance: node, networkCardIndex: 1 });
    expect(first.last.ok).toBe(true);
    const second = await createInSubnetOf(s, node);
    const full = await loadSnapshot(emu.client);
    const move: Move = {
      kind: 'move-eni',
      eni: second,
      toInstance: node,
      networkCardIndex: 1,
    };
    const { verdict, last } = await bothSides(full, move);
    expect(verdict.ok ? [] : verdict.reasons.map((r) => r.rule)).toEqual(['eni-slot-free']);
    expect(last.ok).toBe(false);
    expect(predictedErrorCodes('eni-slot-free')).toContain(last.code);
  });

  it('a card the type lacks is refused with device-index-free, and EC2 answers InvalidParameterValue', async () => {
    const { s, node, spare } = await setUp();
    const { verdict, last } = await bothSides(s, {
      kind: 'move-eni',
      eni: spare,
      toInstance: node,
      networkCardIndex: 2,
      deviceIndex: 1,
    });
    expect(verdict.ok ? [] : verdict.reasons.map((r) => r.rule)).toEqual(['device-index-free']);
    expect(last.ok).toBe(false);
    expect(predictedErrorCodes('device-index-free')).toContain(last.code);
  });
});
