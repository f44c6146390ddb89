// Rules and plans for Elastic IP moves: move-eip (associate / reassociate) and disassociate-eip.
import { eipAt, instanceOf, type SnapshotIndex } from './snapshot-index';
import { eipLabel, eniLabel, instanceName, vpcLabel } from './labels';
import { PUBLIC_IPV4_HOURLY_USD, publicIpv4Price } from './pricing';
import type { CheckSettings, Move, Verdict } from './move';
import type { Eip } from './schema';
import { checkNotRequesterManaged, gone, Reasons, uniqueIds } from './rules-shared';
import { associateStep, disassociateStep } from './steps';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

const whereText = (eip: Eip): string =>
  `${eip.privateIp} on ${eip.eniId}${eip.instanceId ? ` (${eip.instanceId})` : ''}`;

/** EC2 refuses associations with a pending instance (ec2-rules §3.17), so undoing a move away from one has to wait. */
function pendingUndoNote(ix: SnapshotIndex, eip: Eip): string | null {
  const instance = eip.instanceId ? ix.instanceById.get(eip.instanceId) : undefined;
  if (instance?.state !== 'pending') return null;
  return `${instanceName(instance)} is pending: putting ${eip.publicIp} back (undo) is only possible once it is running.`;
}

/** The EIP of a service's ENI (a NAT gateway's) is changed through that service: EC2 refuses to move it away. */
function checkServiceAddress(ix: SnapshotIndex, reasons: Reasons, eip: Eip, samePlace: boolean): void {
  const holder = eip.eniId ? ix.eniById.get(eip.eniId) : undefined;
  if (!holder?.requesterManaged || samePlace) return;
  reasons.add(
    'eni-not-requester-managed',
    `${eipLabel(eip)} belongs to ${eniLabel(holder, ix)}, which is managed by ${holder.interfaceType !== 'interface' ? holder.interfaceType : 'another AWS service'}; change its address through that service.`,
  );
}

export function checkMoveEip(ix: SnapshotIndex, move: MoveOf<'move-eip'>, settings: CheckSettings): Verdict {
  const reasons = new Reasons();
  const eip = ix.eipByAllocation.get(move.allocationId);
  const target = ix.eniById.get(move.toEni);
  if (!eip)
    reasons.add(
      'resource-exists',
      `${move.allocationId} does not exist (any more): it may have been released. Refresh the view.`,
    );
  if (!target) reasons.add('resource-exists', `${move.toEni} does not exist (any more). Refresh the view.`);
  if (!eip || !target) return { ok: false, reasons: reasons.list };

  const targetIp = target.privateIps.find((p) => p.address === move.toIp);
  if (!targetIp) {
    reasons.add(
      'ip-on-eni',
      `${move.toIp} is not a private IP of ${eniLabel(target, ix)} (it has ${target.privateIps.map((p) => p.address).join(', ') || 'none'}). Drop the Elastic IP on one of its IPs.`,
    );
  }
  // A service's ENI (NAT gateway, load balancer…) gets its addresses from that service (EC2: OperationNotPermitted).
  checkNotRequesterManaged(reasons, target);
  const vpc = ix.vpcById.get(target.vpcId);
  if (!vpc) {
    reasons.add('resource-exists', `The VPC ${target.vpcId} of ${target.id} is not in this view. Refresh the view.`);
  } else if (!vpc.hasInternetGateway) {
    reasons.add(
      'internet-gateway',
      `${vpcLabel(vpc)} has no internet gateway attached, so an Elastic IP cannot be associated in it. Attach an internet gateway to the VPC first.`,
    );
  }
  const associated = eip.associationId !== null || eip.eniId !== null;
  const samePlace = eip.eniId === target.id && eip.privateIp === move.toIp;
  if (samePlace) {
    reasons.add(
      'target-is-different',
      `${eipLabel(eip)} is already mapped to ${move.toIp} on ${eniLabel(target, ix)}.`,
    );
  } else if (associated && !settings.allowReassociation) {
    reasons.add(
      'eip-associated',
      `${eipLabel(eip)} is associated with ${whereText(eip)}, and reassociation is switched off in the settings. Disassociate it first.`,
    );
  }
  checkServiceAddress(ix, reasons, eip, samePlace);
  const targetInstance = instanceOf(ix, target);
  if (targetInstance?.state === 'pending') {
    reasons.add(
      'instance-state',
      `${targetInstance.id} is pending; EC2 refuses to associate an address with it until it is running.`,
    );
  }
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  const sideEffects: string[] = [];
  const inverse: Move[] = [];
  let hourlyCostDelta = 0;
  if (associated && eip.eniId !== null && eip.privateIp !== null) {
    sideEffects.push(`${eip.publicIp} leaves its current holder, ${whereText(eip)}, which loses that public address.`);
    const pendingNote = pendingUndoNote(ix, eip);
    if (pendingNote) sideEffects.push(pendingNote);
    inverse.push({ kind: 'move-eip', allocationId: eip.allocationId, toEni: eip.eniId, toIp: eip.privateIp });
  } else {
    inverse.push({ kind: 'disassociate-eip', allocationId: eip.allocationId });
  }
  const displaced = eipAt(ix, target.id, move.toIp);
  if (displaced && displaced.allocationId !== eip.allocationId) {
    sideEffects.push(
      `${eipLabel(displaced)} is disassociated from ${move.toIp}; it stays allocated and is billed ${publicIpv4Price} while idle.`,
    );
    inverse.push({ kind: 'move-eip', allocationId: displaced.allocationId, toEni: target.id, toIp: move.toIp });
  }
  const amazonIp =
    targetIp?.association && targetIp.association.allocationId === null ? targetIp.association.publicIp : null;
  if (amazonIp) {
    // An EIP on an address with an Amazon-assigned public IPv4 releases that address (ec2-rules §3.17).
    hourlyCostDelta -= PUBLIC_IPV4_HOURLY_USD;
    sideEffects.push(
      `The Amazon-assigned public IPv4 ${amazonIp} on ${move.toIp} is released (saves ${publicIpv4Price}); undoing this will not bring that address back.`,
    );
  }
  const previousInstance = eip.instanceId ?? undefined;
  return {
    ok: true,
    plan: {
      move,
      summary: `Map ${eip.publicIp} to ${move.toIp} on ${eniLabel(target, ix)}${associated && !samePlace ? `, moving it from ${eip.privateIp}` : ''}.`,
      steps: [
        associateStep(
          eip.allocationId,
          target.id,
          move.toIp,
          associated,
          `Associate ${eip.publicIp} with ${move.toIp} on ${target.id}.`,
        ),
      ],
      sideEffects,
      hourlyCostDelta,
      inverse,
      involved: uniqueIds([
        eip.allocationId,
        displaced?.allocationId,
        target.id,
        targetInstance?.id,
        eip.eniId,
        previousInstance,
        target.subnetId,
      ]),
    },
  };
}

export function checkDisassociateEip(ix: SnapshotIndex, move: MoveOf<'disassociate-eip'>): Verdict {
  const eip = ix.eipByAllocation.get(move.allocationId);
  if (!eip) return gone(move.allocationId);
  // Idle as the index defines it (isIdleEip), spelled out so associationId narrows to a string below.
  if (eip.associationId === null) {
    return {
      ok: false,
      reasons: [
        { rule: 'eip-associated', message: `${eipLabel(eip)} is not associated with anything: it is already idle.` },
      ],
    };
  }
  const service = new Reasons();
  checkServiceAddress(ix, service, eip, false);
  if (!service.empty) return { ok: false, reasons: service.list };
  const inverse: Move[] =
    eip.eniId !== null && eip.privateIp !== null
      ? [{ kind: 'move-eip', allocationId: eip.allocationId, toEni: eip.eniId, toIp: eip.privateIp }]
      : [];
  const holder = eip.eniId ? ix.eniById.get(eip.eniId) : undefined;
  const sideEffects = [
    `${eip.publicIp} stays allocated to the account and is billed ${publicIpv4Price} while idle (the same as in use). Release it if you no longer need it.`,
  ];
  if (eip.eniId) sideEffects.push(`${eip.privateIp} on ${eip.eniId} loses its public address.`);
  const pendingNote = pendingUndoNote(ix, eip);
  if (pendingNote) sideEffects.push(pendingNote);
  return {
    ok: true,
    plan: {
      move,
      summary: `Disassociate ${eip.publicIp}${eip.eniId ? ` from ${eip.privateIp} on ${eip.eniId}` : ''}.`,
      steps: [disassociateStep(eip.associationId, `Disassociate ${eip.publicIp} (${eip.associationId}).`)],
      sideEffects,
      hourlyCostDelta: 0,
      inverse,
      involved: uniqueIds([eip.allocationId, eip.eniId, eip.instanceId, holder?.subnetId]),
    },
  };
}
