// Rules and plans for ENI moves: move-eni (from another instance or the pool) and detach-eni.
import { eipAt, instanceOf, type SnapshotIndex } from './snapshot-index';
import { eipLabel, eniLabel, instanceLabel, instanceName, listWords, vpcLabel } from './labels';
import type { CheckSettings, Move, Step, Verdict } from './move';
import type { Eni } from './schema';
import {
  checkNotRequesterManaged,
  checkPlainInterface,
  checkSettledInstance,
  gone,
  ipv4SlotsUsed,
  ipv4UseText,
  Reasons,
  uniqueIds,
} from './rules-shared';
import { attachStep, detachStep } from './steps';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

/** Settled: `available` and unattached, or `in-use` with an `attached` attachment (ec2-rules §2.2). */
function checkSettledEni(reasons: Reasons, eni: Eni): void {
  const settled =
    eni.attachment === null
      ? eni.status === 'available'
      : eni.status === 'in-use' && eni.attachment.status === 'attached';
  if (settled) return;
  const state = eni.attachment && eni.attachment.status !== 'attached' ? eni.attachment.status : eni.status;
  reasons.add('eni-settled', `${eniLabel(eni)} is ${state}; wait until it is attached or available, then refresh.`);
}

/** Service-owned attachments (ela-attach-…) have no instance; EC2 refuses to manage them (ec2-rules §3.12). */
function checkInstanceAttachment(ix: SnapshotIndex, reasons: Reasons, eni: Eni): void {
  const attachment = eni.attachment;
  if (!attachment) return;
  if (!attachment.instanceId) {
    reasons.add(
      'eni-not-requester-managed',
      `${eniLabel(eni, ix)} is attached by another service (${attachment.id}), not to an instance; change it through that service.`,
    );
  } else if (!ix.instanceById.has(attachment.instanceId)) {
    reasons.add(
      'resource-exists',
      `${eniLabel(eni, ix)} is attached to ${attachment.instanceId}, which is not in this view. Refresh and try again.`,
    );
  }
}

/** Device index 0 (card 0) holds the primary ENI, which EC2 never detaches (OperationNotPermitted, ec2-rules §3.12). */
function checkNotPrimary(reasons: Reasons, eni: Eni): void {
  if (eni.attachment?.deviceIndex !== 0) return;
  reasons.add(
    'eni-not-primary',
    `${eniLabel(eni)} is the primary ENI (device index 0) of ${eni.attachment.instanceId ?? 'its instance'}; a primary ENI can never be detached. Move its secondary IPs or Elastic IPs instead.`,
  );
}

/** What travels with an ENI: its private IPs and the Elastic IPs on them (ec2-rules §4.1). */
function cargo(ix: SnapshotIndex, eni: Eni): { ips: string[]; eipNotes: string[]; allocationIds: string[] } {
  const ips = eni.privateIps.map((p) => p.address);
  const eips = ips.map((ip) => eipAt(ix, eni.id, ip)).filter((e) => e !== undefined);
  return {
    ips,
    eipNotes: eips.map((e) => `${eipLabel(e)} on ${e.privateIp}`),
    allocationIds: eips.map((e) => e.allocationId),
  };
}

/** "device index N", and the card when it is not card 0 (single-card plans read as before). */
const atIndex = (deviceIndex: number, card: number): string =>
  card > 0 ? `device index ${deviceIndex} on network card ${card}` : `device index ${deviceIndex}`;

/** The move that attaches the ENI back where it was; the card only when it is not card 0. */
function backTo(eni: string, toInstance: string, deviceIndex: number, card: number): Move {
  return card > 0
    ? { kind: 'move-eni', eni, toInstance, deviceIndex, networkCardIndex: card }
    : { kind: 'move-eni', eni, toInstance, deviceIndex };
}

function lowestFreeDeviceIndex(taken: ReadonlySet<number>): number {
  let index = 1;
  while (taken.has(index)) index += 1;
  return index;
}

export function checkMoveEni(ix: SnapshotIndex, move: MoveOf<'move-eni'>, settings: CheckSettings): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  const target = ix.instanceById.get(move.toInstance);
  if (!eni) reasons.add('resource-exists', `${move.eni} does not exist (any more). Refresh the view.`);
  if (!target) reasons.add('resource-exists', `${move.toInstance} does not exist (any more). Refresh the view.`);
  if (eni) {
    // Checked even without a target: the detach that comes first would already fail on these.
    checkNotRequesterManaged(reasons, eni);
    checkPlainInterface(reasons, eni);
    checkInstanceAttachment(ix, reasons, eni);
    checkNotPrimary(reasons, eni);
    checkSettledEni(reasons, eni);
    const from = instanceOf(ix, eni);
    if (from && from.id !== target?.id) checkSettledInstance(reasons, from, 'detaching an ENI');
  }
  if (!eni || !target) return { ok: false, reasons: reasons.list };

  const source = instanceOf(ix, eni);
  const sourceIndex = eni.attachment?.deviceIndex;
  if (eni.attachment?.instanceId === target.id) {
    reasons.add(
      'target-is-different',
      `${eniLabel(eni, ix)} is already attached to ${instanceName(target)} at device index ${sourceIndex}.`,
    );
  }
  if (eni.az !== target.az) {
    reasons.add(
      'same-az',
      `${eniLabel(eni, ix)} is in ${eni.az}; ${instanceName(target)} is in ${target.az}. An ENI can only be attached to an instance in its own Availability Zone: use an ENI from ${target.az}.`,
    );
  }
  const crossVpc = target.vpcId !== null && target.vpcId !== eni.vpcId;
  if (crossVpc && !settings.allowCrossVpcAttach) {
    reasons.add(
      'cross-vpc-allowed',
      `${eniLabel(eni, ix)} is in ${eni.vpcId}; ${instanceName(target)} is in ${target.vpcId}. Attachments across VPCs are switched off in the settings.`,
    );
  }
  checkSettledInstance(reasons, target, 'attaching an ENI');

  const attached = ix.enisByInstance.get(target.id) ?? [];
  // Device indexes are numbered per network card (ec2-rules §2.6); the console attaches on card 0 unless told.
  const card = move.networkCardIndex ?? 0;
  const onCard = attached.filter((e) => (e.attachment?.networkCardIndex ?? 0) === card);
  const taken = new Set(onCard.map((e) => e.attachment?.deviceIndex ?? 0));
  const deviceIndex = move.deviceIndex ?? lowestFreeDeviceIndex(taken);
  const at = atIndex(deviceIndex, card);
  const holder = onCard.find((e) => e.attachment?.deviceIndex === deviceIndex);
  if (holder && holder.id !== eni.id) {
    reasons.add(
      'device-index-free',
      `${instanceName(target)} already has ${eniLabel(holder, ix)} at ${at}. Drop the ENI on an empty slot.`,
    );
  }
  const limits = ix.limitsByType.get(target.type);
  if (!limits) {
    reasons.add(
      'instance-type-known',
      `The network limits of ${target.type} (the type of ${target.id}) are unknown: DescribeInstanceTypes did not return it. Refresh and try again.`,
    );
  } else {
    const count = attached.filter((e) => e.id !== eni.id).length + 1;
    // On a multi-card type the limit holds per card (ec2-rules §2.7).
    const cardLimit = limits.cards?.find((c) => c.index === card);
    const countOnCard = onCard.filter((e) => e.id !== eni.id).length + 1;
    if (card >= limits.networkCards) {
      reasons.add(
        'device-index-free',
        `${target.type} has ${limits.networkCards} network card${limits.networkCards === 1 ? '' : 's'}: there is no network card ${card}. Drop the ENI on a slot of a card it has.`,
      );
    } else if (count > limits.maxEnis) {
      reasons.add(
        'eni-slot-free',
        `${instanceLabel(target)} already has ${count - 1} of ${limits.maxEnis} ENIs: interface count ${count} exceeds the limit for ${target.type}. Detach an ENI from it first.`,
      );
    } else if (cardLimit && limits.networkCards > 1 && countOnCard > cardLimit.maxEnis) {
      reasons.add(
        'eni-slot-free',
        `${instanceLabel(target)} already has ${countOnCard - 1} of the ${cardLimit.maxEnis} ENIs network card ${card} of ${target.type} takes. Detach an ENI from card ${card} first, or drop it on another card's slot.`,
      );
    }
    const slots = ipv4SlotsUsed(eni);
    if (slots > limits.ipv4PerEni) {
      reasons.add(
        'eni-ips-fit-type',
        `${eniLabel(eni, ix)} holds ${ipv4UseText(eni)}; ${target.type} allows ${limits.ipv4PerEni} per ENI. Unassign ${slots - limits.ipv4PerEni} of them first.`,
      );
    }
  }
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  const { ips, eipNotes, allocationIds } = cargo(ix, eni);
  const steps: Step[] = [];
  const attachment = eni.attachment;
  if (attachment && source) {
    steps.push(
      detachStep(
        attachment.id,
        `Detach ${eni.id} from ${source.id} (device index ${attachment.deviceIndex}) and wait until it is available.`,
      ),
    );
  }
  steps.push(attachStep(eni.id, target.id, deviceIndex, `Attach ${eni.id} to ${target.id} at ${at}.`, card));
  const sideEffects = [
    `Its private ${ips.length === 1 ? 'IP' : 'IPs'} ${listWords(ips)} ${ips.length === 1 ? 'moves' : 'move'} with ${eniLabel(eni, ix)}.`,
  ];
  if (eipNotes.length > 0) {
    sideEffects.push(
      `${listWords(eipNotes)} ${eipNotes.length === 1 ? 'moves' : 'move'} with it; DescribeAddresses will name ${instanceName(target)}.`,
    );
  }
  if (source)
    sideEffects.push(
      `${instanceName(source)} loses the interface at device index ${attachment?.deviceIndex}; its traffic on ${listWords(ips)} stops until the attach completes.`,
    );
  if (crossVpc) {
    const vpc = target.vpcId ? ix.vpcById.get(target.vpcId) : undefined;
    sideEffects.push(
      `Multi-VPC attachment: ${eniLabel(eni, ix)} stays in ${eni.vpcId} while ${instanceName(target)} lives in ${vpc ? vpcLabel(vpc) : target.vpcId}; routes and security groups follow the ENI's VPC.`,
    );
  }
  sideEffects.push(
    `The guest OS of ${instanceName(target)} must configure the interface at device index ${deviceIndex} (Amazon Linux and Windows do it automatically); with a second ENI, add source-based routing so replies leave by the interface they came in on (asymmetric routing).`,
  );
  return {
    ok: true,
    plan: {
      move: card > 0 ? { ...move, deviceIndex, networkCardIndex: card } : { ...move, deviceIndex },
      summary: `Move ${eniLabel(eni, ix)} ${source ? `from ${instanceName(source)}` : 'from the pool'} to ${instanceName(target)} at ${at}.`,
      steps,
      sideEffects,
      hourlyCostDelta: 0,
      inverse:
        source && sourceIndex !== undefined
          ? [backTo(eni.id, source.id, sourceIndex, eni.attachment?.networkCardIndex ?? 0)]
          : [{ kind: 'detach-eni', eni: eni.id }],
      involved: uniqueIds([eni.id, source?.id, target.id, ...allocationIds, eni.subnetId]),
    },
  };
}

export function checkDetachEni(ix: SnapshotIndex, move: MoveOf<'detach-eni'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  if (!eni) return gone(move.eni);
  const attachment = eni.attachment;
  if (!attachment)
    reasons.add('target-is-different', `${eniLabel(eni, ix)} is not attached: it is already in the pool.`);
  checkNotPrimary(reasons, eni);
  checkNotRequesterManaged(reasons, eni);
  checkPlainInterface(reasons, eni);
  checkInstanceAttachment(ix, reasons, eni);
  checkSettledEni(reasons, eni);
  const instance = instanceOf(ix, eni);
  if (instance) checkSettledInstance(reasons, instance, 'detaching an ENI');
  if (!reasons.empty || !attachment || !instance) return { ok: false, reasons: reasons.list };

  const { ips, eipNotes, allocationIds } = cargo(ix, eni);
  const sideEffects = [
    `${listWords(ips)} stay on ${eniLabel(eni, ix)}${eipNotes.length > 0 ? `, and so do ${listWords(eipNotes)}` : ''}.`,
  ];
  sideEffects.push(
    `${instanceName(instance)} loses the interface at device index ${attachment.deviceIndex}; traffic to ${listWords(ips)} stops.`,
  );
  return {
    ok: true,
    plan: {
      move,
      summary: `Detach ${eniLabel(eni, ix)} from ${instanceName(instance)} into the pool of ${eni.subnetId}.`,
      steps: [
        detachStep(attachment.id, `Detach ${eni.id} from ${instance.id} (device index ${attachment.deviceIndex}).`),
      ],
      sideEffects,
      hourlyCostDelta: 0,
      inverse: [backTo(eni.id, instance.id, attachment.deviceIndex, attachment.networkCardIndex)],
      involved: uniqueIds([eni.id, instance.id, ...allocationIds, eni.subnetId]),
    },
  };
}
