// AssignPrivateIpAddresses / UnassignPrivateIpAddresses (ec2-rules §3.13, ec2-rules §3.14). Neither operation has a DryRun member.
import { Ec2Error, invalidCombination, invalidValue } from '../errors';
import { instanceType } from '../instance-types';
import { parseIpv4 } from '../ip';
import type { NetworkInterface } from '../model';
import { ipv4SlotsUsed, moveSecondaryIp, unassignIp } from '../mutations';
import type { Store } from '../store';
import { assignPrefixes, unassignPrefixes, wantsPrefixes } from './ipv4-prefixes';
import type { ActionDef } from './types';

/** Requester-managed ENIs are changed through their owning service only (ec2-rules §3.10, ec2-rules §3.19). */
export function refuseRequesterManaged(eni: NetworkInterface): void {
  if (eni.requesterManaged) {
    throw new Ec2Error(
      'OperationNotPermitted',
      `You are not allowed to manage network interface '${eni.id}': it is requester-managed.`,
    );
  }
}

/** IP changes need the instance running or stopped, or the ENI unattached (ec2-rules §4.4). */
function requireIpChangeState(store: Store, eni: NetworkInterface): void {
  const inst = store.instanceOf(eni);
  if (inst && inst.state !== 'running' && inst.state !== 'stopped') {
    throw new Ec2Error(
      'IncorrectInstanceState',
      `The instance '${inst.id}' is not in a valid state for this operation.`,
    );
  }
}

/** Per-ENI IPv4 limit: the attached instance's type; an unattached ENI has no type, so the configured cap (ec2-rules §10.4). */
function ipv4Limit(store: Store, eni: NetworkInterface): number {
  const inst = store.instanceOf(eni);
  const type = inst ? instanceType(inst.type) : undefined;
  return type ? type.ipv4PerInterface : store.settings.unattachedEniIpv4Cap;
}

function alreadyAssigned(store: Store, ip: string, ownerId: string): Ec2Error {
  const code = store.settings.reassignErrorCode; // unconfirmed in EC2, configurable (ec2-rules §10.1)
  if (code === 'InvalidIPAddress.InUse') return new Ec2Error(code, 'The specified address is already in use.');
  if (code === 'Resource.AlreadyAssigned')
    return new Ec2Error(code, `The private IP address ${ip} is already assigned to a resource.`);
  return invalidValue(`secondary-addresses: address ${ip} is already assigned to ${ownerId}`);
}

export const assignPrivateIpAddresses: ActionDef = {
  params: [
    'NetworkInterfaceId',
    'PrivateIpAddress.N',
    'SecondaryPrivateIpAddressCount',
    'AllowReassignment',
    'Ipv4Prefix.N',
    'Ipv4PrefixCount',
  ],
  run(ctx) {
    const { store, params } = ctx;
    const eni = store.resolve('eni', store.enis, params.required('NetworkInterfaceId'));
    const requested = [...new Set(params.list('PrivateIpAddress'))];
    const count = params.int('SecondaryPrivateIpAddressCount');
    const allowReassignment = params.bool('AllowReassignment') === true;
    if (wantsPrefixes(params)) {
      refuseRequesterManaged(eni);
      requireIpChangeState(store, eni);
      return assignPrefixes(store, params, eni, ipv4Limit(store, eni));
    }
    if (requested.length === 0 && count === undefined) {
      throw new Ec2Error(
        'MissingParameter',
        'The request must contain the parameter PrivateIpAddress or SecondaryPrivateIpAddressCount',
      );
    }
    if (requested.length > 0 && count !== undefined) {
      throw invalidCombination(
        'The parameters PrivateIpAddress and SecondaryPrivateIpAddressCount cannot be used together',
      );
    }
    if (count !== undefined && count < 1)
      throw invalidValue(`Value (${count}) for parameter secondaryPrivateIpAddressCount is invalid.`);
    refuseRequesterManaged(eni);
    requireIpChangeState(store, eni);

    const ledger = store.subnetOf(eni).ledger;
    const moves: { ip: string; from: NetworkInterface }[] = [];
    const fresh: string[] = [];
    // All-or-nothing (ec2-rules §3.13 rule 5): every address is checked before anything changes.
    for (const ip of requested) {
      if (parseIpv4(ip) === null) throw invalidValue(`invalid value for parameter address: ${ip}`);
      if (!ledger.contains(ip)) throw invalidValue(`Address ${ip} does not fall within the subnet's address range`);
      if (ledger.isReserved(ip)) throw invalidValue(`Address ${ip} is reserved by AWS and cannot be assigned.`);
      // An address inside a delegated /28 belongs to the prefix, never to a single-address reassignment (ec2-rules §2.7).
      const prefixOwner = ledger.prefixOwner(ip);
      if (prefixOwner !== undefined)
        throw invalidValue(`Address ${ip} is within an IPv4 prefix assigned to ${prefixOwner}.`);
      const ownerId = ledger.owner(ip);
      if (ownerId === undefined) {
        fresh.push(ip);
        continue;
      }
      if (ownerId === eni.id) {
        if (!allowReassignment) throw alreadyAssigned(store, ip, ownerId);
        continue; // already here: nothing to add
      }
      const owner = store.enis.get(ownerId);
      if (!owner) throw new Error(`ledger names unknown ENI ${ownerId}`);
      // Only secondary addresses are reassignable, and never away from a service-owned ENI (ec2-rules §3.13 rule 4).
      if (owner.privateIps[0] === ip)
        throw invalidValue(`Address ${ip} is the primary private IPv4 address of ${ownerId} and cannot be reassigned.`);
      if (!allowReassignment) throw alreadyAssigned(store, ip, ownerId);
      // Taking an address away changes the service's ENI: refused like any other change to it (ec2-rules §3.19).
      refuseRequesterManaged(owner);
      moves.push({ ip, from: owner });
    }
    const adding = count ?? fresh.length + moves.length;
    // Delegated prefixes take an IPv4 slot each (ec2-rules §2.7).
    if (ipv4SlotsUsed(eni) + adding > ipv4Limit(store, eni)) {
      throw new Ec2Error('PrivateIpAddressLimitExceeded', 'Number of private addresses will exceed limit.');
    }
    let picked = fresh;
    if (count !== undefined) {
      const free = ledger.pickFree(count);
      if (!free) {
        throw new Ec2Error(
          'InsufficientFreeAddressesInSubnet',
          `There are not enough free addresses in subnet '${eni.subnetId}' to satisfy the requested number of instances.`,
        );
      }
      picked = free;
    }

    for (const ip of picked) {
      ledger.hold(ip, eni.id);
      eni.privateIps.push(ip);
    }
    for (const m of moves) moveSecondaryIp(store, m.ip, m.from, eni);
    // Only the addresses this call added are listed (ec2-rules §3.13; moto lists all).
    const added =
      count !== undefined ? picked : requested.filter((ip) => picked.includes(ip) || moves.some((m) => m.ip === ip));
    return {
      networkInterfaceId: eni.id,
      assignedPrivateIpAddressesSet: added.map((ip) => ({ privateIpAddress: ip })),
      assignedIpv4PrefixSet: [],
    };
  },
};

export const unassignPrivateIpAddresses: ActionDef = {
  params: ['NetworkInterfaceId', 'PrivateIpAddress.N', 'Ipv4Prefix.N'],
  run(ctx) {
    const { store, params } = ctx;
    const eni = store.resolve('eni', store.enis, params.required('NetworkInterfaceId'));
    if (params.list('Ipv4Prefix').length > 0) {
      refuseRequesterManaged(eni);
      requireIpChangeState(store, eni);
      return unassignPrefixes(store, params, eni);
    }
    const ips = [...new Set(params.list('PrivateIpAddress'))];
    if (ips.length === 0)
      throw new Ec2Error('MissingParameter', 'The request must contain the parameter PrivateIpAddress');
    refuseRequesterManaged(eni);
    requireIpChangeState(store, eni);
    for (const ip of ips) {
      if (parseIpv4(ip) === null) throw invalidValue(`invalid value for parameter address: ${ip}`);
      if (ip === eni.privateIps[0])
        throw invalidValue(`The primary private IPv4 address ${ip} of ${eni.id} cannot be unassigned.`);
      if (!eni.privateIps.includes(ip))
        throw invalidValue(`Some of the specified addresses are not assigned to interface ${eni.id}`);
    }
    for (const ip of ips) unassignIp(store, eni, ip);
    return { return: true };
  },
};
