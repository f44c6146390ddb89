// Multi-card instance types: each network card has its own ENI slots, device indexes and limit; a move names the
// card it attaches on, and a plan sends NetworkCardIndex only for a card other than 0.
import { describe, expect, it } from 'vitest';
import { applyMove } from './apply';
import { checkMove } from './rules';
import { eniSlots } from './slots';
import { demoIds as d, demoSnapshot, onNetworkCard, planOf, rulesOf, twoCardSnapshot } from '@/lib/testing/snapshots';

const base = demoSnapshot();
/** web's m5.large made a two-card type, two ENIs per card: eth0 and eth1 fill card 0, card 1 is empty. */
const s = twoCardSnapshot();
const slotsOf = (snap: typeof s) =>
  eniSlots(snap, d.web).map((x) => [x.networkCardIndex, x.deviceIndex, x.eni?.id ?? null, x.locked]);

describe('ENI slots per network card', () => {
  it("gives each card its own slots up to the card's limit, free ones from device index 1 on cards above 0", () => {
    expect(slotsOf(s)).toEqual([
      [0, 0, d.webEth0, true],
      [0, 1, d.webEth1, false],
      [1, 1, null, false],
      [1, 2, null, false],
    ]);
  });

  it('counts an ENI on card 1 against card 1, leaving its device index free on card 0', () => {
    const onCard1 = onNetworkCard(s, d.webEth1, 1);
    expect(slotsOf(onCard1)).toEqual([
      [0, 0, d.webEth0, true],
      [0, 1, null, false],
      [1, 1, d.webEth1, false],
      [1, 2, null, false],
    ]);
  });

  it('keeps single-card types on card 0, as before', () => {
    expect(eniSlots(base, d.web).map((x) => x.networkCardIndex)).toEqual([0, 0, 0]);
  });
});

describe('move-eni onto a network card', () => {
  it('attaches on card 1 with NetworkCardIndex and --network-card-index, undone by a detach', () => {
    const plan = planOf(checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.web, networkCardIndex: 1 }));
    expect(plan.move).toEqual({
      kind: 'move-eni',
      eni: d.poolA,
      toInstance: d.web,
      deviceIndex: 1,
      networkCardIndex: 1,
    });
    expect(plan.steps.map((st) => st.input)).toEqual([
      { NetworkInterfaceId: d.poolA, InstanceId: d.web, DeviceIndex: 1, NetworkCardIndex: 1 },
    ]);
    expect(plan.steps[0]!.cli).toMatch(/--device-index 1 --network-card-index 1$/);
    expect(plan.summary).toContain('device index 1 on network card 1');
    expect(plan.inverse).toEqual([{ kind: 'detach-eni', eni: d.poolA }]);
    const after = applyMove(s, plan.move);
    expect(after.enis.find((e) => e.id === d.poolA)?.attachment).toMatchObject({ deviceIndex: 1, networkCardIndex: 1 });
  });

  it("refuses card 0 when it is full, naming the card's own limit", () => {
    const verdict = checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.web });
    expect(rulesOf(verdict)).toEqual(['eni-slot-free']);
    expect(verdict.ok ? '' : verdict.reasons[0]!.message).toContain('2 ENIs network card 0 of m5.large takes');
  });

  it('refuses a card the type does not have', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.web, networkCardIndex: 2 }))).toEqual([
      'device-index-free',
    ]);
  });

  it('moves an ENI back to the card it came from on undo', () => {
    const onCard1 = applyMove(s, {
      kind: 'move-eni',
      eni: d.poolA,
      toInstance: d.web,
      deviceIndex: 2,
      networkCardIndex: 1,
    });
    const plan = planOf(checkMove(onCard1, { kind: 'move-eni', eni: d.poolA, toInstance: d.batch }));
    expect(plan.inverse).toEqual([
      { kind: 'move-eni', eni: d.poolA, toInstance: d.web, deviceIndex: 2, networkCardIndex: 1 },
    ]);
  });
});
