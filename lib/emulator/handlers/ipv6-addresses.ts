// AssignIpv6Addresses / UnassignIpv6Addresses: addresses from the subnet's IPv6 /64 (ec2-rules §2.7). No DryRun member.
import { instanceType } from '../instance-types';
import { Ec2Error, invalidCombination, invalidValue } from '../errors';
import { formatIpv6, parseIpv6 } from '../ipv6';
import type { NetworkInterface } from '../model';
import type { Store } from '../store';
import { refuseRequesterManaged } from './private-ips';
import type { ActionDef } from './types';

/** IPv6 per ENI: the attached type's Ipv6AddressesPerInterface; unattached, the configured IPv4 cap (ec2-rules §10.4). */
function ipv6Limit(store: Store, eni: NetworkInterface): number {
  const inst = store.instanceOf(eni);
  const type = inst ? instanceType(inst.type) : undefined;
  return type ? type.ipv6PerInterface : store.settings.unattachedEniIpv4Cap;
}

const refuseIpv6Prefixes = (has: boolean): void => {
  if (has) throw new Ec2Error('UnsupportedOperation', 'IPv6 prefix delegation is not supported by this emulator.');
};

export const assignIpv6Addresses: ActionDef = {
  params: ['NetworkInterfaceId', 'Ipv6Addresses.N', 'Ipv6AddressCount', 'Ipv6Prefix.N', 'Ipv6PrefixCount'],
  run(ctx) {
    const { store, params } = ctx;
    const eni = store.resolve('eni', store.enis, params.required('NetworkInterfaceId'));
    refuseIpv6Prefixes(params.list('Ipv6Prefix').length > 0 || params.has('Ipv6PrefixCount'));
    const texts = [...new Set(params.list('Ipv6Addresses'))];
    const count = params.int('Ipv6AddressCount');
    if (texts.length === 0 && count === undefined)
      throw new Ec2Error(
        'MissingParameter',
        'The request must contain the parameter Ipv6Addresses or Ipv6AddressCount',
      );
    if (texts.length > 0 && count !== undefined)
      throw invalidCombination('The parameters Ipv6Addresses and Ipv6AddressCount cannot be used together');
    if (count !== undefined && count < 1)
      throw invalidValue(`Value (${count}) for parameter ipv6AddressCount is invalid.`);
    refuseRequesterManaged(eni);
    const subnet = store.subnetOf(eni);
    const pool = subnet.ipv6;
    if (!pool)
      throw invalidValue(`The subnet '${subnet.id}' of ${eni.id} has no IPv6 CIDR block: associate one first.`);
    const wanted: bigint[] = [];
    for (const text of texts) {
      const n = parseIpv6(text);
      if (n === null) throw invalidValue(`Invalid value '${text}' for ipv6Address.`);
      if (!pool.contains(n)) throw invalidValue(`Address ${text} does not fall within the subnet's IPv6 range`);
      const owner = pool.owner(n);
      if (owner !== undefined) throw new Ec2Error('InvalidIPAddress.InUse', `Address ${text} is already in use.`);
      wanted.push(n);
    }
    const adding = count ?? wanted.length;
    if (eni.ipv6Addresses.length + adding > ipv6Limit(store, eni))
      throw invalidValue('Number of IPv6 addresses will exceed the limit per network interface.');
    const picked = count !== undefined ? pool.pick(count) : wanted;
    for (const n of picked) {
      pool.hold(n, eni.id);
      eni.ipv6Addresses.push(formatIpv6(n));
    }
    return {
      networkInterfaceId: eni.id,
      assignedIpv6Addresses: picked.map(formatIpv6),
      assignedIpv6PrefixSet: [],
    };
  },
};

export const unassignIpv6Addresses: ActionDef = {
  params: ['NetworkInterfaceId', 'Ipv6Addresses.N', 'Ipv6Prefix.N'],
  run(ctx) {
    const { store, params } = ctx;
    const eni = store.resolve('eni', store.enis, params.required('NetworkInterfaceId'));
    refuseIpv6Prefixes(params.list('Ipv6Prefix').length > 0);
    const texts = [...new Set(params.list('Ipv6Addresses'))];
    if (texts.length === 0)
      throw new Ec2Error('MissingParameter', 'The request must contain the parameter Ipv6Addresses');
    refuseRequesterManaged(eni);
    // Canonical text, so `2600:1f18:0:0::a` and `2600:1f18::a` name the same address.
    const canonical = texts.map((text) => {
      const n = parseIpv6(text);
      const c = n === null ? null : formatIpv6(n);
      if (c === null || !eni.ipv6Addresses.includes(c))
        throw invalidValue(`Some of the specified addresses are not assigned to interface ${eni.id}`);
      return { n: n as bigint, c };
    });
    for (const { n } of canonical) store.subnetOf(eni).ipv6?.release(n);
    const gone = new Set(canonical.map((x) => x.c));
    eni.ipv6Addresses = eni.ipv6Addresses.filter((a) => !gone.has(a));
    return { networkInterfaceId: eni.id, unassignedIpv6Addresses: [...gone], unassignedIpv6PrefixSet: [] };
  },
};
