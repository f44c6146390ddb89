// applyMove: the snapshot as EC2 shows it once a move has settled — for optimistic updates and verification.
import { Draft, ApplyMoveError } from './apply-draft';
import { applyChange, isChange } from './apply-change';
import type { Created } from './change';
import { holderOf, indexSnapshot } from './snapshot-index';
import type { Move } from './move';
import type { Eip, Eni, PrivateIp, Snapshot } from './schema';

export { ApplyMoveError };

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

/** Placeholders until the next describe returns EC2's real ids. */
export const pendingAttachmentId = (eniId: string): string => `eni-attach-pending-${eniId.slice(4)}`;
export const pendingAssociationId = (allocationId: string): string => `eipassoc-pending-${allocationId.slice(9)}`;

const withoutIp = (eni: Eni, ip: string): Eni => ({
  ...eni,
  privateIps: eni.privateIps.filter((p) => p.address !== ip),
});

const setAssociation = (eni: Eni, ip: string, association: PrivateIp['association']): Eni => ({
  ...eni,
  privateIps: eni.privateIps.map((p) => (p.address === ip ? { ...p, association } : p)),
});

const idle = (eip: Eip): Eip => ({ ...eip, associationId: null, eniId: null, privateIp: null, instanceId: null });

/** Clears an EIP's association on both sides: the address list and the ENI's private IP. */
function disassociate(draft: Draft, eip: Eip): void {
  if (eip.eniId !== null && eip.privateIp !== null) {
    const eni = draft.eni(eip.eniId);
    const entry = eni.privateIps.find((p) => p.address === eip.privateIp);
    if (entry?.association?.allocationId === eip.allocationId) draft.setEni(setAssociation(eni, eip.privateIp, null));
  }
  draft.setEip(idle(eip));
}

/** Unique secondary holder of an address, as checkMove resolves it. */
function secondaryHolder(snapshot: Snapshot, ip: string, preferVpcId?: string): Eni {
  const holder = holderOf(indexSnapshot(snapshot), ip, preferVpcId);
  const entry = holder?.privateIps.find((p) => p.address === ip);
  if (!holder || !entry) throw new ApplyMoveError(`${ip} is not assigned to any ENI`);
  if (entry.primary) throw new ApplyMoveError(`${ip} is the primary IP of ${holder.id}`);
  return holder;
}

function applyMoveIp(snapshot: Snapshot, draft: Draft, move: MoveOf<'move-ip'>): void {
  const target = draft.eni(move.toEni);
  const source = draft.eni(secondaryHolder(snapshot, move.ip, target.vpcId).id);
  if (source.id === target.id) throw new ApplyMoveError(`${move.ip} is already on ${target.id}`);
  const entry = source.privateIps.find((p) => p.address === move.ip)!;
  draft.setEni(withoutIp(source, move.ip));
  // The association travels with the entry: an EIP follows a reassigned secondary IP (ec2-rules §3.13).
  draft.setEni({ ...target, privateIps: [...target.privateIps, { ...entry, primary: false }] });
  const eip = draft.eipAt(source.id, move.ip);
  if (eip) draft.setEip({ ...eip, eniId: target.id, instanceId: target.attachment?.instanceId ?? null });
}

function applyUnassignIp(snapshot: Snapshot, draft: Draft, move: MoveOf<'unassign-ip'>): void {
  const holder = draft.eni(secondaryHolder(snapshot, move.ip).id);
  const eip = draft.eipAt(holder.id, move.ip);
  if (eip) draft.setEip(idle(eip)); // EC2 disassociates it; it stays allocated (ec2-rules §3.14)
  draft.setEni(withoutIp(holder, move.ip));
  draft.adjustFreeIps(holder.subnetId, +1);
}

function applyAssignIp(draft: Draft, move: MoveOf<'assign-ip'>): void {
  const target = draft.eni(move.toEni);
  if (target.privateIps.some((p) => p.address === move.ip))
    throw new ApplyMoveError(`${move.ip} is already on ${target.id}`);
  const entry: PrivateIp = { address: move.ip, primary: false, dnsName: null, association: null };
  draft.setEni({ ...target, privateIps: [...target.privateIps, entry] });
  draft.adjustFreeIps(target.subnetId, -1);
}

function retargetEips(draft: Draft, eniId: string, instanceId: string | null): void {
  for (const eip of draft.eipsOnEni(eniId)) draft.setEip({ ...eip, instanceId });
}

function applyDetachEni(draft: Draft, move: MoveOf<'detach-eni'>): void {
  const eni = draft.eni(move.eni);
  if (!eni.attachment) throw new ApplyMoveError(`${eni.id} is not attached`);
  if (eni.attachment.deviceIndex === 0) throw new ApplyMoveError(`${eni.id} is a primary ENI`);
  draft.setEni({ ...eni, status: 'available', attachment: null });
  retargetEips(draft, eni.id, null);
}

function applyMoveEni(snapshot: Snapshot, draft: Draft, move: MoveOf<'move-eni'>): void {
  const eni = draft.eni(move.eni);
  if (eni.attachment?.deviceIndex === 0) throw new ApplyMoveError(`${eni.id} is a primary ENI`);
  if (!snapshot.instances.some((i) => i.id === move.toInstance))
    throw new ApplyMoveError(`${move.toInstance} is not in the snapshot`);
  const taken = new Set(
    snapshot.enis
      .filter((e) => e.id !== eni.id && e.attachment?.instanceId === move.toInstance)
      // Device indexes are per network card (ec2-rules §2.6).
      .filter((e) => e.attachment!.networkCardIndex === (move.networkCardIndex ?? 0))
      .map((e) => e.attachment!.deviceIndex),
  );
  let deviceIndex = move.deviceIndex ?? 1;
  if (move.deviceIndex === undefined) while (taken.has(deviceIndex)) deviceIndex += 1;
  else if (taken.has(deviceIndex))
    throw new ApplyMoveError(`device index ${deviceIndex} of ${move.toInstance} is taken`);
  draft.setEni({
    ...eni,
    status: 'in-use',
    attachment: {
      id: pendingAttachmentId(eni.id),
      instanceId: move.toInstance,
      deviceIndex,
      networkCardIndex: move.networkCardIndex ?? 0,
      status: 'attached',
      deleteOnTermination: false, // the API default for attaches (ec2-rules §3.11)
      attachTime: null,
    },
  });
  retargetEips(draft, eni.id, move.toInstance);
}

function applyMoveEip(draft: Draft, move: MoveOf<'move-eip'>): void {
  const eip = draft.eip(move.allocationId);
  const target = draft.eni(move.toEni);
  if (!target.privateIps.some((p) => p.address === move.toIp))
    throw new ApplyMoveError(`${move.toIp} is not on ${target.id}`);
  const displaced = draft.eipAt(target.id, move.toIp);
  if (displaced && displaced.allocationId !== eip.allocationId) disassociate(draft, displaced);
  disassociate(draft, eip);
  const associationId = pendingAssociationId(eip.allocationId);
  // Replacing an Amazon-assigned public IPv4 releases it (ec2-rules §3.17).
  draft.setEni(
    setAssociation(draft.eni(target.id), move.toIp, {
      publicIp: eip.publicIp,
      publicDnsName: null,
      ipOwnerId: target.ownerId,
      allocationId: eip.allocationId,
      associationId,
    }),
  );
  draft.setEip({
    ...eip,
    associationId,
    eniId: target.id,
    privateIp: move.toIp,
    instanceId: target.attachment?.instanceId ?? null,
  });
}

/**
 * Returns a new snapshot; the input is never mutated and unchanged records are shared. Throws
 * ApplyMoveError only when the move names something missing or impossible (a move checkMove refuses);
 * it does not re-check limits, states or settings.
 */
export function applyMove(snapshot: Snapshot, move: Move, created: Created = {}): Snapshot {
  if (isChange(move)) return applyChange(snapshot, move, created);
  const draft = new Draft(snapshot);
  switch (move.kind) {
    case 'move-ip':
      applyMoveIp(snapshot, draft, move);
      break;
    case 'unassign-ip':
      applyUnassignIp(snapshot, draft, move);
      break;
    case 'assign-ip':
      applyAssignIp(draft, move);
      break;
    case 'detach-eni':
      applyDetachEni(draft, move);
      break;
    case 'move-eni':
      applyMoveEni(snapshot, draft, move);
      break;
    case 'move-eip':
      applyMoveEip(draft, move);
      break;
    case 'disassociate-eip':
      disassociate(draft, draft.eip(move.allocationId));
      break;
  }
  return draft.finish();
}

/** Applies moves in order (e.g. a plan's inverse). */
export function applyMoves(snapshot: Snapshot, moves: readonly Move[]): Snapshot {
  return moves.reduce((s, m) => applyMove(s, m), snapshot);
}
