// Rules and plans for adding and removing private IPs: assign-ips (explicit addresses or a count the plan
// resolves to the lowest free ones) and unassign-ips; plus the subnet address checks create-eni shares.
import { formatCost, PUBLIC_IPV4_HOURLY_USD } from './pricing';
import { eipAt, instanceOf, type SnapshotIndex } from './snapshot-index';
import { cidrContains, intToIp, isReservedInSubnet, parseCidr } from './ipv4';
import { eipLabel, eniLabel, listWords, subnetLabel } from './labels';
import type { Move, Verdict } from './move';
import type { Subnet } from './schema';
import { checkIpSlot, checkNotRequesterManaged, checkSettledInstance, gone, Reasons, uniqueIds } from './rules-shared';
import { assignIpsStep, unassignIpsStep } from './change-steps';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

/**
 * Every address held in the subnet: primary and secondary, by any ENI of the snapshot, and every address inside a
 * delegated /28 prefix, which belongs to that prefix (ec2-rules §2.7).
 */
function heldIn(ix: SnapshotIndex, subnetId: string): Set<string> {
  const held = new Set<string>();
  for (const eni of ix.snapshot.enis) {
    if (eni.subnetId !== subnetId) continue;
    for (const p of eni.privateIps) held.add(p.address);
    for (const prefix of eni.ipv4Prefixes ?? []) {
      const block = parseCidr(prefix);
      if (block) for (let i = 0; i < block.size; i++) held.add(intToIp(block.base + i));
    }
  }
  return held;
}

/** The `count` lowest free addresses of the subnet (not reserved, not held, not in `skip`); fewer when full. */
export function lowestFree(ix: SnapshotIndex, subnet: Subnet, count: number, skip: readonly string[] = []): string[] {
  const cidr = parseCidr(subnet.cidr);
  if (!cidr || count <= 0) return [];
  const taken = heldIn(ix, subnet.id);
  for (const ip of skip) taken.add(ip);
  const out: string[] = [];
  for (let offset = 4; offset < cidr.size - 1 && out.length < count; offset++) {
    const ip = intToIp(cidr.base + offset);
    if (!taken.has(ip)) out.push(ip);
  }
  return out;
}

/** Adds same-subnet / ip-free-in-subnet for explicit addresses an ENI of `subnet` would take (ec2-rules §3.9, ec2-rules §3.13). */
export function checkExplicitAddresses(
  ix: SnapshotIndex,
  reasons: Reasons,
  subnet: Subnet,
  addresses: readonly string[],
): void {
  const held = heldIn(ix, subnet.id);
  const seen = new Set<string>();
  for (const ip of addresses) {
    if (seen.has(ip)) reasons.add('ip-free-in-subnet', `${ip} is listed twice. Name each address once.`);
    seen.add(ip);
    if (!cidrContains(subnet.cidr, ip)) {
      reasons.add('same-subnet', `${ip} is outside ${subnetLabel(subnet)}; pick an address inside ${subnet.cidr}.`);
    } else if (isReservedInSubnet(subnet.cidr, ip)) {
      reasons.add(
        'ip-free-in-subnet',
        `${ip} is reserved by AWS in ${subnetLabel(subnet)} (the first four and the last address of a subnet).`,
      );
    } else if (held.has(ip)) {
      const holder = (ix.enisByPrivateIp.get(ip) ?? []).find((e) => e.subnetId === subnet.id);
      const prefixHolder = holder
        ? undefined
        : ix.snapshot.enis.find(
            (e) => e.subnetId === subnet.id && (e.ipv4Prefixes ?? []).some((p) => cidrContains(p, ip)),
          );
      reasons.add(
        'ip-free-in-subnet',
        prefixHolder
          ? `${ip} is inside an IPv4 prefix delegated to ${eniLabel(prefixHolder, ix)}. Pick an address outside its prefixes.`
          : `${ip} is already held by ${holder ? eniLabel(holder, ix) : 'another ENI'}. Pick a free address.`,
      );
    }
  }
}

/** Adds subnet-has-free-addresses when the subnet cannot give `wanted` more addresses. */
export function checkFreeCount(ix: SnapshotIndex, reasons: Reasons, subnet: Subnet, wanted: number, got: number): void {
  if (got >= wanted) return;
  reasons.add(
    'subnet-has-free-addresses',
    `${subnetLabel(subnet)} has only ${got} free address${got === 1 ? '' : 'es'}; ${wanted} are needed. Free some, or use another subnet.`,
  );
}

export function checkAssignIps(ix: SnapshotIndex, move: MoveOf<'assign-ips'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  if (!eni) return gone(move.eni);
  const subnet = ix.subnetById.get(eni.subnetId);
  if (!subnet) {
    reasons.add('resource-exists', `The subnet ${eni.subnetId} of ${eni.id} is not in this view. Refresh the view.`);
    return { ok: false, reasons: reasons.list };
  }
  // EC2 takes an address listed twice once (ec2-rules §3.13): so does the plan.
  const unique = move.addresses ? [...new Set(move.addresses)] : undefined;
  let addresses = unique ?? [];
  if (unique) checkExplicitAddresses(ix, reasons, subnet, unique);
  else {
    addresses = lowestFree(ix, subnet, move.count ?? 0);
    checkFreeCount(ix, reasons, subnet, move.count ?? 0, addresses.length);
  }
  checkNotRequesterManaged(reasons, eni);
  const instance = instanceOf(ix, eni);
  if (instance) checkSettledInstance(reasons, instance, 'assigning private IPs');
  checkIpSlot(ix, reasons, eni, unique?.length ?? move.count ?? 0);
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  const n = addresses.length;
  return {
    ok: true,
    plan: {
      move: { kind: 'assign-ips', eni: eni.id, addresses },
      summary: `Assign ${n === 1 ? 'secondary IP' : `${n} secondary IPs`} ${listWords(addresses)} to ${eniLabel(eni, ix)}.`,
      steps: [assignIpsStep(eni.id, addresses, `Assign ${addresses.join(', ')} to ${eni.id}.`)],
      sideEffects: [
        `${subnetLabel(subnet)} has ${n} free address${n === 1 ? '' : 'es'} fewer.`,
        instance
          ? `The guest OS must add the new address${n === 1 ? '' : 'es'} to the interface (Amazon Linux does this automatically).`
          : `${eniLabel(eni, ix)} is not attached: the addresses carry no traffic until it is.`,
        'Private addresses cost nothing.',
      ],
      hourlyCostDelta: 0,
      inverse: [{ kind: 'unassign-ips', eni: eni.id, addresses }],
      involved: uniqueIds([eni.id, instance?.id, eni.subnetId]),
    },
  };
}

export function checkUnassignIps(ix: SnapshotIndex, move: MoveOf<'unassign-ips'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  if (!eni) return gone(move.eni);
  const addresses = [...new Set(move.addresses)];
  for (const ip of addresses) {
    const entry = eni.privateIps.find((p) => p.address === ip);
    if (!entry) reasons.add('ip-on-eni', `${ip} is not an address of ${eniLabel(eni, ix)}.`);
    else if (entry.primary)
      reasons.add(
        'ip-is-secondary',
        `${ip} is the primary IP of ${eniLabel(eni, ix)}; only secondary IPs can be unassigned (delete the ENI to free it).`,
      );
  }
  checkNotRequesterManaged(reasons, eni);
  const instance = instanceOf(ix, eni);
  if (instance) checkSettledInstance(reasons, instance, 'unassigning private IPs');
  if (!reasons.empty) return { ok: false, reasons: reasons.list };

  const eips = addresses.map((ip) => eipAt(ix, eni.id, ip)).filter((e) => e !== undefined);
  const n = addresses.length;
  const sideEffects = [`${n === 1 ? 'The address returns' : `The ${n} addresses return`} to the subnet as free.`];
  for (const eip of eips)
    sideEffects.push(
      `${eipLabel(eip)} on ${eip.privateIp} is disassociated and stays allocated: idle it is still billed ${formatCost(PUBLIC_IPV4_HOURLY_USD)}. Release it if you no longer need it.`,
    );
  const inverse: Move[] = [{ kind: 'assign-ips', eni: eni.id, addresses }];
  for (const eip of eips)
    inverse.push({ kind: 'move-eip', allocationId: eip.allocationId, toEni: eni.id, toIp: eip.privateIp ?? '' });
  return {
    ok: true,
    plan: {
      move: { ...move, addresses },
      summary: `Unassign ${listWords(addresses)} from ${eniLabel(eni, ix)}${eips.length ? ` and disassociate ${listWords(eips.map((e) => e.publicIp))}` : ''}.`,
      steps: [unassignIpsStep(eni.id, addresses, `Unassign ${addresses.join(', ')} from ${eni.id}.`)],
      sideEffects,
      hourlyCostDelta: 0,
      inverse,
      involved: uniqueIds([eni.id, instance?.id, eni.subnetId, ...eips.map((e) => e.allocationId)]),
    },
  };
}
