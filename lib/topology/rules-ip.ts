// Rules and plans for private IP moves: move-ip, unassign-ip, and the inverse-only assign-ip.
import { eipAt, holderOf, instanceOf, type SnapshotIndex } from './snapshot-index';
import { cidrContains, isReservedInSubnet } from './ipv4';
import { eipLabel, eniLabel, instanceName, subnetLabel } from './labels';
import type { Move, Verdict } from './move';
import { publicIpv4Price } from './pricing';
import { checkIpSlot, checkNotRequesterManaged, checkSettledInstance, gone, Reasons, uniqueIds } from './rules-shared';
import { assignStep, unassignStep } from './steps';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

const subnetText = (ix: SnapshotIndex, subnetId: string): string => {
  const subnet = ix.subnetById.get(subnetId);
  return subnet ? subnetLabel(subnet) : subnetId;
};

export function checkMoveIp(ix: SnapshotIndex, move: MoveOf<'move-ip'>): Verdict {
  const reasons = new Reasons();
  const target = ix.eniById.get(move.toEni);
  const source = holderOf(ix, move.ip, target?.vpcId);
  if (!target) reasons.add('resource-exists', `${move.toEni} does not exist (any more). Refresh the view.`);
  if (!source) reasons.add('resource-exists', `${move.ip} is not assigned to any ENI in this view.`);
  if (!target || !source) return { ok: false, reasons: reasons.list };

  const entry = source.privateIps.find((p) => p.address === move.ip);
  if (source.id === target.id) {
    reasons.add('target-is-different', `${move.ip} is already on ${eniLabel(target, ix)}.`);
  }
  if (entry?.primary) {
    reasons.add(
      'ip-is-secondary',
      `${move.ip} is the primary IP of ${eniLabel(source, ix)}; a primary IP never moves. Move the whole ENI instead, or drag a secondary IP.`,
    );
  }
  if (source.subnetId !== target.subnetId) {
    reasons.add(
      'same-subnet',
      `${move.ip} is in ${subnetText(ix, source.subnetId)}; ${eniLabel(target, ix)} is in ${subnetText(ix, target.subnetId)}. A secondary IP can only move between ENIs of the same subnet.`,
    );
  }
  checkNotRequesterManaged(reasons, source);
  if (target.id !== source.id) checkNotRequesterManaged(reasons, target);
  const targetInstance = instanceOf(ix, target);
  const sourceInstance = instanceOf(ix, source);
  if (targetInstance) checkSettledInstance(reasons, targetInstance, 'assigning private IPs');
  // Conservative: a reassignment also unassigns from the source (ec2-rules §4.4 requires running|stopped for that),
  // and refusing here keeps the undo (a move back) always possible.
  if (sourceInstance && sourceInstance.id !== targetInstance?.id)
    checkSettledInstance(reasons, sourceInstance, 'reassigning its private IPs');
  if (source.id !== target.id) checkIpSlot(ix, reasons, target, 1);
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  const eip = eipAt(ix, source.id, move.ip);
  const sideEffects = [`${eniLabel(source, ix)} loses ${move.ip}.`];
  if (eip) {
    sideEffects.push(
      `${eipLabel(eip)} follows ${move.ip} to ${eniLabel(target, ix)}: EC2 moves the association with a reassigned secondary IP.`,
    );
  }
  sideEffects.push(
    targetInstance
      ? `The guest OS of ${instanceName(targetInstance)} must add ${move.ip} to the interface of ${eniLabel(target, ix)} (Amazon Linux does this automatically); the OS of the source must drop it.`
      : `${eniLabel(target, ix)} is not attached: ${move.ip} carries no traffic until the ENI is attached to an instance.`,
  );
  return {
    ok: true,
    plan: {
      move,
      summary: `Move secondary IP ${move.ip} from ${eniLabel(source, ix)} to ${eniLabel(target, ix)}${eip ? `, with ${eip.publicIp}` : ''}.`,
      steps: [assignStep(target.id, move.ip, true, `Reassign ${move.ip} from ${source.id} to ${target.id}.`)],
      sideEffects,
      hourlyCostDelta: 0,
      inverse: [{ kind: 'move-ip', ip: move.ip, toEni: source.id }],
      involved: uniqueIds([
        source.id,
        target.id,
        sourceInstance?.id,
        targetInstance?.id,
        eip?.allocationId,
        source.subnetId,
      ]),
    },
  };
}

export function checkUnassignIp(ix: SnapshotIndex, move: MoveOf<'unassign-ip'>): Verdict {
  const reasons = new Reasons();
  const holders = ix.enisByPrivateIp.get(move.ip) ?? [];
  const secondaryHolders = holders.filter((e) => e.privateIps.some((p) => p.address === move.ip && !p.primary));
  if (holders.length === 0) {
    reasons.add('resource-exists', `${move.ip} is not assigned to any ENI in this view.`);
  } else if (secondaryHolders.length === 0) {
    const primaryHolder = holders[0]!;
    reasons.add(
      'ip-is-secondary',
      `${move.ip} is the primary IP of ${eniLabel(primaryHolder, ix)}; only secondary IPs can be unassigned.`,
    );
    // Every rule that applies, not just the first: EC2 checks the ENI and its instance before the address.
    checkNotRequesterManaged(reasons, primaryHolder);
    const primaryInstance = instanceOf(ix, primaryHolder);
    if (primaryInstance) checkSettledInstance(reasons, primaryInstance, 'unassigning private IPs');
  } else if (secondaryHolders.length > 1) {
    reasons.add(
      'resource-exists',
      `${move.ip} is a secondary IP of several ENIs (${secondaryHolders.map((e) => e.id).join(', ')}) in VPCs with overlapping CIDRs; unassign it from the ENI's detail panel instead.`,
    );
  }
  const holder = secondaryHolders.length === 1 ? secondaryHolders[0] : undefined;
  if (!holder) return { ok: false, reasons: reasons.list };

  checkNotRequesterManaged(reasons, holder);
  const instance = instanceOf(ix, holder);
  if (instance) checkSettledInstance(reasons, instance, 'unassigning private IPs');
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  const eip = eipAt(ix, holder.id, move.ip);
  const sideEffects = [`${move.ip} returns to ${subnetText(ix, holder.subnetId)} as a free address.`];
  if (eip) {
    sideEffects.push(
      `${eipLabel(eip)} is disassociated and stays allocated: idle it is billed ${publicIpv4Price}, the same as in use, so the cost does not change. Release it if you no longer need it.`,
    );
  }
  const inverse: Move[] = [{ kind: 'assign-ip', ip: move.ip, toEni: holder.id }];
  if (eip) inverse.push({ kind: 'move-eip', allocationId: eip.allocationId, toEni: holder.id, toIp: move.ip });
  return {
    ok: true,
    plan: {
      move,
      summary: `Unassign secondary IP ${move.ip} from ${holder.id}${eip ? ` and disassociate ${eip.publicIp}` : ''}.`,
      steps: [unassignStep(holder.id, move.ip, `Unassign ${move.ip} from ${holder.id}.`)],
      sideEffects,
      hourlyCostDelta: 0,
      inverse,
      involved: uniqueIds([holder.id, instance?.id, eip?.allocationId, holder.subnetId]),
    },
  };
}

export function checkAssignIp(ix: SnapshotIndex, move: MoveOf<'assign-ip'>): Verdict {
  const reasons = new Reasons();
  const target = ix.eniById.get(move.toEni);
  if (!target) return gone(move.toEni);
  const subnet = ix.subnetById.get(target.subnetId);
  if (!subnet) {
    reasons.add(
      'resource-exists',
      `The subnet ${target.subnetId} of ${target.id} is not in this view. Refresh the view.`,
    );
  } else if (!cidrContains(subnet.cidr, move.ip)) {
    reasons.add(
      'same-subnet',
      `${move.ip} is outside ${subnetLabel(subnet)}, the subnet of ${eniLabel(target, ix)}; an ENI only takes addresses of its own subnet.`,
    );
  } else if (isReservedInSubnet(subnet.cidr, move.ip)) {
    reasons.add(
      'ip-free-in-subnet',
      `${move.ip} is reserved by AWS in ${subnetLabel(subnet)} (the first four and the last address of a subnet).`,
    );
  }
  const taken = (ix.enisByPrivateIp.get(move.ip) ?? []).find((e) => e.subnetId === target.subnetId);
  if (taken)
    reasons.add('ip-free-in-subnet', `${move.ip} is already held by ${eniLabel(taken, ix)}. Pick a free address.`);
  // An address inside a delegated /28 belongs to that prefix (ec2-rules §2.7).
  const inPrefix = ix.snapshot.enis.find(
    (e) => e.subnetId === target.subnetId && (e.ipv4Prefixes ?? []).some((p) => cidrContains(p, move.ip)),
  );
  if (inPrefix)
    reasons.add(
      'ip-free-in-subnet',
      `${move.ip} is inside an IPv4 prefix delegated to ${eniLabel(inPrefix, ix)}. Pick an address outside its prefixes.`,
    );
  checkNotRequesterManaged(reasons, target);
  const instance = instanceOf(ix, target);
  if (instance) checkSettledInstance(reasons, instance, 'assigning private IPs');
  checkIpSlot(ix, reasons, target, 1);
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  return {
    ok: true,
    plan: {
      move,
      summary: `Assign ${move.ip} to ${eniLabel(target, ix)} as a secondary IP.`,
      steps: [assignStep(target.id, move.ip, false, `Assign ${move.ip} to ${target.id}.`)],
      sideEffects: [`${subnetText(ix, target.subnetId)} has one free address fewer.`],
      hourlyCostDelta: 0,
      inverse: [{ kind: 'unassign-ip', ip: move.ip }],
      involved: uniqueIds([target.id, instance?.id, target.subnetId]),
    },
  };
}
