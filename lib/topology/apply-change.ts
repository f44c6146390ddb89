// applyChange: the snapshot as EC2 shows it once one of the console's changes has settled. A created resource
// needs the id EC2 returned (`created`); without it (an optimistic update before the answer) nothing is added.
import { ApplyMoveError, Draft } from './apply-draft';
import { CREATED, type Created } from './change';
import type { Move } from './move';
import type { Eip, Eni, Instance, Snapshot } from './schema';

export type ChangeKind =
  | 'create-eni'
  | 'delete-eni'
  | 'assign-ips'
  | 'unassign-ips'
  | 'allocate-eip'
  | 'release-eip'
  | 'set-source-dest-check'
  | 'set-description'
  | 'set-tags'
  | 'set-security-groups'
  | 'stop-instance'
  | 'start-instance';
export type Change = Extract<Move, { kind: ChangeKind }>;
type ChangeOf<K extends ChangeKind> = Extract<Move, { kind: K }>;

export const changeKinds: readonly ChangeKind[] = [
  'create-eni',
  'delete-eni',
  'assign-ips',
  'unassign-ips',
  'allocate-eip',
  'release-eip',
  'set-source-dest-check',
  'set-description',
  'set-tags',
  'set-security-groups',
  'stop-instance',
  'start-instance',
];
export const isChange = (move: Move): move is Change => (changeKinds as readonly string[]).includes(move.kind);

const pendingAttachmentId = (eniId: string): string => `eni-attach-pending-${eniId.replace(/^eni-|^\$/, '')}`;

/** The ENI a create-eni makes, as EC2 describes it (defaults of ec2-rules §3.9); its id is `id`. */
export function createdEni(snapshot: Snapshot, move: ChangeOf<'create-eni'>, id: string): Eni {
  const subnet = snapshot.subnets.find((s) => s.id === move.subnetId);
  if (!subnet) throw new ApplyMoveError(`${move.subnetId} is not in the snapshot`);
  if (!move.privateIp) throw new ApplyMoveError('create-eni needs its resolved primary address');
  // Without groups EC2 gives the VPC's default group (ec2-rules §3.9), when the snapshot knows it.
  const fallback = snapshot.securityGroups.find((g) => g.vpcId === subnet.vpcId && g.name === 'default');
  const groups = (move.securityGroupIds ?? (fallback ? [fallback.id] : [])).map((gid) => ({
    id: gid,
    name: snapshot.securityGroups.find((g) => g.id === gid)?.name ?? gid,
  }));
  const ips = [move.privateIp, ...(move.secondaryIps ?? [])];
  const attach = move.attachTo;
  return {
    id,
    subnetId: subnet.id,
    vpcId: subnet.vpcId,
    az: subnet.az,
    description: move.description ?? '',
    status: attach ? 'in-use' : 'available',
    macAddress: null,
    privateDnsName: null,
    sourceDestCheck: true,
    interfaceType: 'interface',
    requesterManaged: false,
    ownerId: null,
    groups,
    attachment: attach
      ? {
          id: pendingAttachmentId(id),
          instanceId: attach.instanceId,
          deviceIndex: attach.deviceIndex ?? 1,
          networkCardIndex: 0,
          status: 'attached',
          deleteOnTermination: false, // the API default for attaches (ec2-rules §3.11)
          attachTime: null,
        }
      : null,
    privateIps: ips.map((address, i) => ({ address, primary: i === 0, dnsName: null, association: null })),
    name: move.name ?? null,
    tags: move.name ? { Name: move.name } : {},
  };
}

const idle = (eip: Eip): Eip => ({ ...eip, associationId: null, eniId: null, privateIp: null, instanceId: null });

function withSubnetFree(snapshot: Snapshot, subnetId: string, delta: number): Snapshot['subnets'] {
  return snapshot.subnets.map((s) => (s.id === subnetId ? { ...s, availableIpCount: s.availableIpCount + delta } : s));
}

function applyUnassignIps(draft: Draft, move: ChangeOf<'unassign-ips'>): void {
  const eni = draft.eni(move.eni);
  const gone = new Set(move.addresses);
  for (const ip of move.addresses) {
    const entry = eni.privateIps.find((p) => p.address === ip);
    if (!entry) throw new ApplyMoveError(`${ip} is not on ${eni.id}`);
    if (entry.primary) throw new ApplyMoveError(`${ip} is the primary IP of ${eni.id}`);
    const eip = draft.eipAt(eni.id, ip);
    if (eip) draft.setEip(idle(eip)); // disassociated, stays allocated (ec2-rules §3.14)
  }
  draft.setEni({ ...eni, privateIps: eni.privateIps.filter((p) => !gone.has(p.address)) });
  draft.adjustFreeIps(eni.subnetId, move.addresses.length);
}

function applyAssignIps(draft: Draft, move: ChangeOf<'assign-ips'>): void {
  const eni = draft.eni(move.eni);
  if (!move.addresses) throw new ApplyMoveError('assign-ips needs its resolved addresses');
  const entries = move.addresses.map((address) => ({ address, primary: false, dnsName: null, association: null }));
  draft.setEni({ ...eni, privateIps: [...eni.privateIps, ...entries] });
  draft.adjustFreeIps(eni.subnetId, -move.addresses.length);
}

/** The tags after a set-tags (its keys set, then its removed keys gone), and the name the Name tag gives. */
function retagged<T extends { tags: Record<string, string>; name: string | null }>(
  holder: T,
  move: ChangeOf<'set-tags'>,
): T {
  const tags = { ...holder.tags, ...move.tags };
  for (const key of move.remove ?? []) delete tags[key];
  return { ...holder, tags, name: tags.Name ? tags.Name : null };
}

/**
 * A stop settles at stopped and releases the Amazon-assigned public IPv4s (EIPs stay, ec2-rules §3.21); a start
 * settles at running. The new public IPv4 a start may get cannot be predicted: it shows with the next read.
 */
function applyPower(snapshot: Snapshot, move: ChangeOf<'stop-instance' | 'start-instance'>): Snapshot {
  const instance = snapshot.instances.find((i) => i.id === move.instance);
  if (!instance) throw new ApplyMoveError(`${move.instance} is not in the snapshot`);
  if (move.kind === 'start-instance')
    return {
      ...snapshot,
      instances: snapshot.instances.map((i) => (i.id === instance.id ? { ...i, state: 'running' } : i)),
    };
  const mine = (e: Eni) => e.attachment?.instanceId === instance.id;
  const enis = snapshot.enis.map((e) =>
    mine(e)
      ? {
          ...e,
          privateIps: e.privateIps.map((p) =>
            p.association && p.association.allocationId === null ? { ...p, association: null } : p,
          ),
        }
      : e,
  );
  // DescribeInstances' public IP is then the Elastic IP on the primary address, if any.
  const primaryEip = snapshot.eips.find((e) => e.instanceId === instance.id && e.privateIp === instance.privateIp);
  const stopped: Instance = { ...instance, state: 'stopped', publicIp: primaryEip?.publicIp ?? null };
  return { ...snapshot, enis, instances: snapshot.instances.map((i) => (i.id === instance.id ? stopped : i)) };
}

/** Returns a new snapshot; throws ApplyMoveError for a change checkMove would refuse. */
export function applyChange(snapshot: Snapshot, move: Change, created: Created = {}): Snapshot {
  switch (move.kind) {
    case 'create-eni': {
      if (!created.eni) return snapshot; // its id is only known once EC2 answers
      const eni = createdEni(snapshot, move, created.eni);
      const subnets = withSubnetFree(snapshot, eni.subnetId, -eni.privateIps.length);
      return { ...snapshot, enis: [...snapshot.enis, eni], subnets };
    }
    case 'delete-eni': {
      const eni = snapshot.enis.find((e) => e.id === move.eni);
      if (!eni) throw new ApplyMoveError(`${move.eni} is not in the snapshot`);
      return {
        ...snapshot,
        enis: snapshot.enis.filter((e) => e.id !== eni.id),
        eips: snapshot.eips.map((e) => (e.eniId === eni.id ? idle(e) : e)),
        // Its delegated /28 prefixes go back to the subnet too, 16 addresses each (ec2-rules §2.7).
        subnets: withSubnetFree(snapshot, eni.subnetId, eni.privateIps.length + 16 * (eni.ipv4Prefixes?.length ?? 0)),
      };
    }
    case 'allocate-eip': {
      if (!created.eip) return snapshot;
      const eip: Eip = {
        allocationId: created.eip,
        publicIp: '',
        associationId: null,
        eniId: null,
        privateIp: null,
        instanceId: null,
        networkBorderGroup: null,
        name: move.name ?? null,
        tags: move.name ? { Name: move.name } : {},
      };
      return { ...snapshot, eips: [...snapshot.eips, eip] };
    }
    case 'release-eip':
      if (!snapshot.eips.some((e) => e.allocationId === move.allocationId))
        throw new ApplyMoveError(`${move.allocationId} is not in the snapshot`);
      return { ...snapshot, eips: snapshot.eips.filter((e) => e.allocationId !== move.allocationId) };
    case 'set-tags': {
      const id = move.resourceId;
      const known = [...snapshot.enis.map((e) => e.id), ...snapshot.eips.map((e) => e.allocationId)];
      if (!known.includes(id) && !snapshot.instances.some((i) => i.id === id))
        throw new ApplyMoveError(`${id} is not in the snapshot`);
      return {
        ...snapshot,
        enis: snapshot.enis.map((e) => (e.id === id ? retagged(e, move) : e)),
        eips: snapshot.eips.map((e) => (e.allocationId === id ? retagged(e, move) : e)),
        instances: snapshot.instances.map((i) => (i.id === id ? retagged(i, move) : i)),
      };
    }
    case 'stop-instance':
    case 'start-instance':
      return applyPower(snapshot, move);
    default: {
      const draft = new Draft(snapshot);
      if (move.kind === 'assign-ips') applyAssignIps(draft, move);
      else if (move.kind === 'unassign-ips') applyUnassignIps(draft, move);
      else if (move.kind === 'set-description') draft.setEni({ ...draft.eni(move.eni), description: move.description });
      else if (move.kind === 'set-security-groups') {
        const groups = move.groupIds.map((id) => ({
          id,
          name: snapshot.securityGroups.find((g) => g.id === id)?.name ?? id,
        }));
        draft.setEni({ ...draft.eni(move.eni), groups });
      } else draft.setEni({ ...draft.eni(move.eni), sourceDestCheck: move.enabled });
      return draft.finish();
    }
  }
}

/** The placeholder id of the ENI a create-eni plans, for checking what follows it (the attach). */
export const PLANNED_ENI_ID = CREATED.eni;

/** The moves that undo a change once EC2 named what it created: delete the new ENI (detached first), release the new EIP. */
export function inverseWithCreated(move: Move, created: Created): Move[] | null {
  if (move.kind === 'create-eni' && created.eni)
    return move.attachTo
      ? [
          { kind: 'detach-eni', eni: created.eni },
          { kind: 'delete-eni', eni: created.eni },
        ]
      : [{ kind: 'delete-eni', eni: created.eni }];
  if (move.kind === 'allocate-eip' && created.eip) return [{ kind: 'release-eip', allocationId: created.eip }];
  return null;
}
