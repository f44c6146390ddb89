// Rules and plans for ENI lifecycle and attributes: create-eni (optionally attached right away), delete-eni,
// set-source-dest-check.
import { formatCost, PUBLIC_IPV4_HOURLY_USD } from './pricing';
import { createdEni, PLANNED_ENI_ID } from './apply-change';
import { createEniStep, deleteEniStep, sourceDestCheckStep } from './change-steps';
import { eipLabel, eniLabel, instanceName, listWords, subnetLabel } from './labels';
import type { CheckSettings, Move, Reason, Step, Verdict } from './move';
import { checkExplicitAddresses, checkFreeCount, lowestFree } from './rules-change-ips';
import { checkMoveEni } from './rules-eni';
import { checkNotRequesterManaged, checkSecurityGroups, gone, Reasons, uniqueIds } from './rules-shared';
import { indexSnapshot, instanceOf, type SnapshotIndex } from './snapshot-index';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;
/** Reasons about the planned ENI speak of "the new ENI", never of its placeholder. */
const aboutNewEni = (r: Reason): Reason => ({ ...r, message: r.message.split(PLANNED_ENI_ID).join('the new ENI') });

export function checkCreateEni(ix: SnapshotIndex, move: MoveOf<'create-eni'>, settings: CheckSettings): Verdict {
  const reasons = new Reasons();
  const subnet = ix.subnetById.get(move.subnetId);
  if (!subnet) return gone(move.subnetId);
  checkSecurityGroups(ix, reasons, move.securityGroupIds ?? [], subnet.vpcId, subnetLabel(subnet));
  const explicit = [...(move.privateIp ? [move.privateIp] : []), ...(move.secondaryIps ?? [])];
  checkExplicitAddresses(ix, reasons, subnet, explicit);
  const wanted = (move.privateIp ? 0 : 1) + (move.secondaryIps ? 0 : (move.secondaryCount ?? 0));
  const picked = lowestFree(ix, subnet, wanted, explicit);
  checkFreeCount(ix, reasons, subnet, wanted, picked.length);
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  const primaryIp = move.privateIp ?? picked[0]!;
  const secondaryIps = move.secondaryIps ?? picked.slice(move.privateIp ? 0 : 1);
  const resolved: MoveOf<'create-eni'> = {
    ...move,
    privateIp: primaryIp,
    secondaryCount: undefined,
    secondaryIps: secondaryIps.length ? secondaryIps : undefined,
  };
  delete resolved.secondaryCount;
  if (!resolved.secondaryIps) delete resolved.secondaryIps;
  const create = createEniStep(
    {
      subnetId: subnet.id,
      primaryIp,
      secondaryIps,
      groupIds: move.securityGroupIds,
      description: move.description,
      name: move.name,
    },
    `Create an ENI in ${subnet.id} with ${listWords([primaryIp, ...secondaryIps])}.`,
  );
  const steps: Step[] = [create];
  const sideEffects = [
    `${subnetLabel(subnet)} has ${1 + secondaryIps.length} free address${secondaryIps.length ? 'es' : ''} fewer.`,
    move.securityGroupIds
      ? `Security groups: ${move.securityGroupIds.join(', ')}.`
      : `Security group: the default group of ${subnet.vpcId}.`,
  ];
  let instanceId: string | undefined;
  if (move.attachTo) {
    // Check the attach as a move of the planned ENI out of the pool: every move-eni rule applies.
    const hypothetical = createdEni(ix.snapshot, { ...resolved, attachTo: undefined }, PLANNED_ENI_ID);
    const withNew = indexSnapshot({ ...ix.snapshot, enis: [...ix.snapshot.enis, hypothetical] });
    const attach = checkMoveEni(
      withNew,
      {
        kind: 'move-eni',
        eni: PLANNED_ENI_ID,
        toInstance: move.attachTo.instanceId,
        deviceIndex: move.attachTo.deviceIndex,
      },
      settings,
    );
    if (!attach.ok) return { ok: false, reasons: attach.reasons.map(aboutNewEni) };
    const deviceIndex = attach.plan.move.kind === 'move-eni' ? attach.plan.move.deviceIndex : undefined;
    resolved.attachTo = { instanceId: move.attachTo.instanceId, deviceIndex };
    steps.push(
      ...attach.plan.steps.map((s) => ({ ...s, description: s.description.split(PLANNED_ENI_ID).join('the new ENI') })),
    );
    instanceId = move.attachTo.instanceId;
    const instance = ix.instanceById.get(instanceId);
    sideEffects.push(
      `The guest OS of ${instance ? instanceName(instance) : instanceId} sees a new interface at eth${deviceIndex ?? '?'}.`,
    );
  }
  sideEffects.push(
    `Undo deletes the new ENI${move.attachTo ? ' after detaching it' : ''}: its id (and the undo) is known once EC2 creates it.`,
  );
  return {
    ok: true,
    plan: {
      move: resolved,
      summary: `Create ENI${move.name ? ` "${move.name}"` : ''} in ${subnetLabel(subnet)} with ${listWords([primaryIp, ...secondaryIps])}${instanceId ? `, attached to ${instanceId} at eth${resolved.attachTo?.deviceIndex}` : ''}.`,
      steps,
      sideEffects,
      hourlyCostDelta: 0,
      inverse: [],
      involved: uniqueIds([subnet.id, instanceId, ...(move.securityGroupIds ?? [])]),
    },
  };
}

export function checkDeleteEni(ix: SnapshotIndex, move: MoveOf<'delete-eni'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  if (!eni) return gone(move.eni);
  checkNotRequesterManaged(reasons, eni);
  if (eni.attachment || eni.status !== 'available') {
    const where = eni.attachment?.instanceId
      ? `attached to ${eni.attachment.instanceId} at eth${eni.attachment.deviceIndex}`
      : eni.attachment
        ? `attached by another service (${eni.attachment.id})`
        : eni.status;
    reasons.add(
      'eni-available',
      `${eniLabel(eni, ix)} is ${where}; only an available (unattached) ENI can be deleted. ${eni.attachment?.deviceIndex === 0 ? 'It is a primary ENI: it goes away with its instance.' : 'Detach it first (drag it to the pool), then delete it.'}`,
    );
  }
  if (!reasons.empty) return { ok: false, reasons: reasons.list };
  const eips = ix.snapshot.eips.filter((e) => e.eniId === eni.id);
  const sideEffects = [
    `${listWords(eni.privateIps.map((p) => p.address))} return${eni.privateIps.length === 1 ? 's' : ''} to ${eni.subnetId} as free.`,
    ...eips.map(
      (e) =>
        `${eipLabel(e)} becomes idle and stays allocated: still billed ${formatCost(PUBLIC_IPV4_HOURLY_USD)}. Release it if you no longer need it.`,
    ),
    'Cannot be undone: a new ENI would get a new id and MAC address.',
  ];
  return {
    ok: true,
    plan: {
      move,
      summary: `Delete ${eniLabel(eni, ix)}${eips.length ? `; ${listWords(eips.map((e) => e.publicIp))} become${eips.length === 1 ? 's' : ''} idle` : ''}.`,
      steps: [deleteEniStep(eni.id, `Delete ${eni.id}.`)],
      sideEffects,
      hourlyCostDelta: 0,
      inverse: [],
      involved: uniqueIds([eni.id, eni.subnetId, ...eips.map((e) => e.allocationId)]),
    },
  };
}

export function checkSourceDestCheck(ix: SnapshotIndex, move: MoveOf<'set-source-dest-check'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  if (!eni) return gone(move.eni);
  checkNotRequesterManaged(reasons, eni);
  const word = move.enabled ? 'enabled' : 'disabled';
  if (eni.sourceDestCheck === move.enabled)
    reasons.add('target-is-different', `Source/destination check of ${eniLabel(eni, ix)} is already ${word}.`);
  if (!reasons.empty) return { ok: false, reasons: reasons.list };
  const instance = instanceOf(ix, eni);
  return {
    ok: true,
    plan: {
      move,
      summary: `${move.enabled ? 'Enable' : 'Disable'} the source/destination check of ${eniLabel(eni, ix)}.`,
      steps: [sourceDestCheckStep(eni.id, move.enabled, `Set SourceDestCheck=${move.enabled} on ${eni.id}.`)],
      sideEffects: [
        move.enabled
          ? `${eni.id} drops traffic not addressed to its own IPs again (a NAT or router behind it stops forwarding).`
          : `${eni.id} may forward traffic not addressed to it (NAT instance, router, firewall); route tables must point to it.`,
      ],
      hourlyCostDelta: 0,
      inverse: [{ kind: 'set-source-dest-check', eni: eni.id, enabled: !move.enabled }],
      involved: uniqueIds([eni.id, instance?.id]),
    },
  };
}
