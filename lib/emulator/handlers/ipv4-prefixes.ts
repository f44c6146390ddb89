// The prefix forms of AssignPrivateIpAddresses / UnassignPrivateIpAddresses: delegated IPv4 /28 prefixes (ec2-rules §2.7).
import { Ec2Error, invalidCombination, invalidValue } from '../errors';
import { formatPrefix28, parsePrefix28 } from '../ledger';
import type { NetworkInterface } from '../model';
import { ipv4SlotsUsed } from '../mutations';
import type { Params } from '../params';
import type { Store } from '../store';
import type { XmlObject } from '../xml';

/** Whether the call uses the prefix forms; mixing them with the address forms is refused (ec2-rules §2.7). */
export function wantsPrefixes(params: Params): boolean {
  const prefixes = params.list('Ipv4Prefix').length > 0 || params.has('Ipv4PrefixCount');
  const addresses = params.list('PrivateIpAddress').length > 0 || params.has('SecondaryPrivateIpAddressCount');
  if (prefixes && addresses)
    throw invalidCombination('You may specify either private IPv4 addresses or IPv4 prefixes, but not both.');
  return prefixes;
}

/** AssignPrivateIpAddresses with Ipv4Prefix.N or Ipv4PrefixCount; the caller checked the ENI and its state. */
export function assignPrefixes(store: Store, params: Params, eni: NetworkInterface, limit: number): XmlObject {
  const requested = [...new Set(params.list('Ipv4Prefix'))];
  const count = params.int('Ipv4PrefixCount');
  if (requested.length > 0 && count !== undefined)
    throw invalidCombination('The parameters Ipv4Prefix and Ipv4PrefixCount cannot be used together');
  if (count !== undefined && count < 1)
    throw invalidValue(`Value (${count}) for parameter ipv4PrefixCount is invalid.`);
  const ledger = store.subnetOf(eni).ledger;
  const bases: number[] = [];
  // All-or-nothing, like the address form (ec2-rules §3.13 rule 5).
  for (const text of requested) {
    const base = parsePrefix28(text);
    if (base === null)
      throw invalidValue(`Invalid value '${text}' for ipv4Prefix: an IPv4 prefix must be an aligned /28.`);
    const problem = ledger.prefixProblem(base);
    if (problem) throw invalidValue(`The prefix ${text} ${problem}.`);
    bases.push(base);
  }
  const adding = count ?? bases.length;
  // Each prefix takes one of the type's IPv4 slots per interface (ec2-rules §2.7).
  if (ipv4SlotsUsed(eni) + adding > limit)
    throw new Ec2Error('PrivateIpAddressLimitExceeded', 'Number of private addresses will exceed limit.');
  if (count !== undefined) {
    const free = ledger.pickFreePrefixes(count);
    if (!free)
      throw new Ec2Error(
        'InsufficientCidrBlocks',
        'The specified subnet does not have enough free cidr blocks to satisfy the request.',
      );
    bases.push(...free);
  }
  for (const base of bases) {
    ledger.holdPrefix(base, eni.id);
    eni.ipv4Prefixes.push(formatPrefix28(base));
  }
  return {
    networkInterfaceId: eni.id,
    assignedPrivateIpAddressesSet: [],
    assignedIpv4PrefixSet: bases.map((b) => ({ ipv4Prefix: formatPrefix28(b) })),
  };
}

/** UnassignPrivateIpAddresses with Ipv4Prefix.N: each must be delegated to this ENI. */
export function unassignPrefixes(store: Store, params: Params, eni: NetworkInterface): XmlObject {
  if (params.list('PrivateIpAddress').length > 0)
    throw invalidCombination('You may specify either private IPv4 addresses or IPv4 prefixes, but not both.');
  const prefixes = [...new Set(params.list('Ipv4Prefix'))];
  const bases = prefixes.map((text) => {
    const base = parsePrefix28(text);
    if (base === null || !eni.ipv4Prefixes.includes(formatPrefix28(base)))
      throw invalidValue(`The prefix ${text} is not assigned to interface ${eni.id}.`);
    return base;
  });
  const ledger = store.subnetOf(eni).ledger;
  for (const base of bases) ledger.releasePrefix(base);
  const gone = new Set(bases.map(formatPrefix28));
  eni.ipv4Prefixes = eni.ipv4Prefixes.filter((p) => !gone.has(p));
  return { return: true };
}
