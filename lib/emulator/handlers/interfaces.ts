// CreateNetworkInterface / DeleteNetworkInterface / ModifyNetworkInterfaceAttribute (ec2-rules §3.9, ec2-rules §3.10, ec2-rules §3.19).
import { Ec2Error, invalidCombination, invalidValue } from '../errors';
import { parseIpv4 } from '../ip';
import type { NetworkInterface, Subnet } from '../model';
import { createEni, deleteEni } from '../mutations';
import { renderNetworkInterface } from '../render/eni';
import type { Store } from '../store';
import { refuseRequesterManaged } from './private-ips';
import { TAG_SPEC_PARAMS, tagSpecifications } from './tags';
import type { ActionDef, Context } from './types';

const MAX_GROUPS_PER_ENI = 5; // default quota (ec2-rules §3.9 rule 2)
const INTERFACE_TYPES = ['interface', 'efa', 'efa-only', 'trunk'];

/** Every SG exists and lives in the ENI's VPC; 1..5 of them. */
function resolveGroups(store: Store, ids: string[], vpcId: string, subnetId: string): string[] {
  const groups = store.resolveAll('sg', store.groups, ids);
  for (const g of groups) {
    if (g.vpcId !== vpcId)
      throw new Ec2Error(
        'InvalidParameter',
        `Security group ${g.id} and subnet ${subnetId} belong to different networks.`,
      );
  }
  if (groups.length > MAX_GROUPS_PER_ENI) {
    throw new Ec2Error(
      'SecurityGroupsPerInterfaceLimitExceeded',
      'The maximum number of security groups per interface has been reached.',
    );
  }
  return groups.map((g) => g.id);
}

function checkExplicitAddress(subnet: Subnet, ip: string): void {
  if (parseIpv4(ip) === null) throw invalidValue(`invalid value for parameter address: ${ip}`);
  if (!subnet.ledger.contains(ip)) throw invalidValue(`Address ${ip} does not fall within the subnet's address range`);
  if (subnet.ledger.isReserved(ip)) throw invalidValue(`Address ${ip} is reserved by AWS and cannot be assigned.`);
  if (subnet.ledger.owner(ip) !== undefined)
    throw new Ec2Error('InvalidIPAddress.InUse', 'The specified address is already in use.');
}

/** Primary + explicit secondaries from PrivateIpAddress / PrivateIpAddresses.N (ec2-rules §3.9 rule 6). */
function explicitAddresses(ctx: Context): { primary: string | undefined; secondaries: string[] } {
  const { params } = ctx;
  const single = params.str('PrivateIpAddress');
  const specs = params.indexes('PrivateIpAddresses').map((n) => ({
    ip: params.str(`PrivateIpAddresses.${n}.PrivateIpAddress`),
    primary: params.bool(`PrivateIpAddresses.${n}.Primary`) === true,
  }));
  if (specs.some((s) => s.ip === undefined))
    throw new Ec2Error(
      'MissingParameter',
      'The request must contain the parameter PrivateIpAddresses.N.PrivateIpAddress',
    );
  const flagged = specs.filter((s) => s.primary);
  if (flagged.length > 1) throw invalidValue('Only one primary private IP address may be specified.');
  if (single !== undefined && flagged.length > 0) {
    throw invalidCombination(
      'The parameter PrivateIpAddress cannot be combined with a primary entry in PrivateIpAddresses.',
    );
  }
  const primary = single ?? flagged[0]?.ip;
  const others = specs.filter((s) => !s.primary).map((s) => s.ip as string);
  // Syntax is judged before DryRun (ec2-rules §1.4): a malformed address is `invalid value for parameter address` (ec2-rules §3.9 rule 3).
  for (const ip of [primary, ...others])
    if (ip !== undefined && parseIpv4(ip) === null) throw invalidValue(`invalid value for parameter address: ${ip}`);
  // The same address listed twice would be held once but listed twice on the ENI (ec2-rules §2.5 ledger).
  const listed = specs.map((s) => s.ip as string);
  const twice = listed.find((ip, i) => listed.indexOf(ip) !== i);
  if (twice !== undefined) throw invalidValue(`The private IP address ${twice} is specified more than once.`);
  // Without a designated primary, the first listed address becomes the primary.
  if (primary === undefined && others.length > 0) return { primary: others[0], secondaries: others.slice(1) };
  return { primary, secondaries: others.filter((ip) => ip !== primary) };
}

export const createNetworkInterface: ActionDef = {
  params: [
    'SubnetId',
    'Description',
    'PrivateIpAddress',
    'SecurityGroupId.N',
    'PrivateIpAddresses.N.PrivateIpAddress',
    'PrivateIpAddresses.N.Primary',
    'SecondaryPrivateIpAddressCount',
    'Ipv6AddressCount',
    'Ipv6Addresses.N.Ipv6Address',
    'Ipv4Prefix.N.Ipv4Prefix',
    'Ipv4PrefixCount',
    'Ipv6Prefix.N.Ipv6Prefix',
    'Ipv6PrefixCount',
    'InterfaceType',
    'ClientToken',
    'EnablePrimaryIpv6',
    'DryRun',
    ...TAG_SPEC_PARAMS,
  ],
  run(ctx) {
    const { store, params } = ctx;
    const subnet = store.resolve('subnet', store.subnets, params.required('SubnetId'));
    const groupParam = params.list('SecurityGroupId');
    const defaultGroup = [...store.groups.values()].find((g) => g.vpcId === subnet.vpcId && g.name === 'default');
    const groupIds =
      groupParam.length > 0
        ? resolveGroups(store, groupParam, subnet.vpcId, subnet.id)
        : defaultGroup
          ? [defaultGroup.id]
          : [];
    for (const p of ['Ipv6AddressCount', 'Ipv4PrefixCount', 'Ipv6PrefixCount', 'EnablePrimaryIpv6']) {
      if (params.has(p))
        throw new Ec2Error(
          'UnsupportedOperation',
          `${p}: IPv6 addresses and prefixes are not supported by this emulator.`,
        );
    }
    if (
      params.indexes('Ipv6Addresses').length +
        params.indexes('Ipv4Prefix').length +
        params.indexes('Ipv6Prefix').length >
      0
    ) {
      throw new Ec2Error('UnsupportedOperation', 'IPv6 addresses and prefixes are not supported by this emulator.');
    }
    const interfaceType = params.str('InterfaceType') ?? 'interface';
    if (!INTERFACE_TYPES.includes(interfaceType))
      throw invalidValue(`Value (${interfaceType}) for parameter interfaceType is invalid.`);
    const { primary, secondaries } = explicitAddresses(ctx);
    const count = params.int('SecondaryPrivateIpAddressCount') ?? 0;
    if (count < 0) throw invalidValue(`Value (${count}) for parameter secondaryPrivateIpAddressCount is invalid.`);
    if (count > 0 && secondaries.length > 0) {
      throw invalidCombination(
        'SecondaryPrivateIpAddressCount cannot be combined with more than one explicit address.',
      );
    }
    const tags = tagSpecifications(params, 'network-interface');
    const token = params.str('ClientToken');
    const fingerprint = JSON.stringify([...params.flat].filter(([k]) => k !== 'ClientToken' && k !== 'DryRun').sort());
    ctx.dryRunGate();

    if (token !== undefined) {
      const seen = store.clientTokens.get(token);
      if (seen && seen.fingerprint !== fingerprint) {
        throw new Ec2Error(
          'IdempotentParameterMismatch',
          `Client token '${token}' was already used with different parameters.`,
        );
      }
      const original = seen ? store.enis.get(seen.eniId) : undefined;
      if (original) return { networkInterface: renderNetworkInterface(store, original), clientToken: token };
    }
    for (const ip of [primary, ...secondaries]) if (ip !== undefined) checkExplicitAddress(subnet, ip);
    const total = 1 + secondaries.length + count;
    // No instance type yet: the unattached cap applies, 64 by default (ec2-rules §3.9 rule 7, ec2-rules §10.4).
    if (total > ctx.settings.unattachedEniIpv4Cap)
      throw new Ec2Error('PrivateIpAddressLimitExceeded', 'Number of private addresses will exceed limit.');
    if (store.enis.size >= store.eniQuota) {
      throw new Ec2Error(
        'NetworkInterfaceLimitExceeded',
        'You have reached the maximum number of network interfaces for this region.',
      );
    }
    const autoCount = (primary === undefined ? 1 : 0) + count;
    const picked = autoCount > 0 ? subnet.ledger.pickFree(autoCount) : [];
    if (picked === null) {
      throw new Ec2Error(
        'InsufficientFreeAddressesInSubnet',
        `There are not enough free addresses in subnet '${subnet.id}' to satisfy the requested number of private IPs.`,
      );
    }
    const primaryIp = primary ?? (picked.shift() as string);
    const eni = createEni(store, subnet, {
      primaryIp,
      secondaryIps: [...secondaries, ...picked],
      description: params.str('Description') ?? '',
      groupIds,
      interfaceType,
      tags,
    });
    if (token !== undefined) store.clientTokens.set(token, { fingerprint, eniId: eni.id });
    return { networkInterface: renderNetworkInterface(store, eni), clientToken: token };
  },
};

export const deleteNetworkInterface: ActionDef = {
  params: ['NetworkInterfaceId', 'DryRun'],
  run(ctx) {
    const { store, params } = ctx;
    const eni = store.resolve('eni', store.enis, params.required('NetworkInterfaceId'));
    ctx.dryRunGate();
    // Observed code is InvalidParameterValue, not InvalidNetworkInterface.InUse (ec2-rules §3.10); requester-managed
    // ENIs are held by their service and answer the same way.
    if (eni.attachment || eni.serviceAttachmentId)
      throw invalidValue(`Network interface '${eni.id}' is currently in use.`);
    deleteEni(store, eni);
    return { return: true };
  },
};

const ATTRIBUTE_GROUPS: [string, (k: string) => boolean][] = [
  ['description', (k) => k.startsWith('Description.')],
  ['sourceDestCheck', (k) => k.startsWith('SourceDestCheck.')],
  ['groupSet', (k) => k.startsWith('SecurityGroupId.')],
  ['attachment', (k) => k.startsWith('Attachment.')],
  ['associatePublicIpAddress', (k) => k === 'AssociatePublicIpAddress'],
  ['enaSrdSpecification', (k) => k.startsWith('EnaSrdSpecification.')],
  ['connectionTrackingSpecification', (k) => k.startsWith('ConnectionTrackingSpecification.')],
  ['enablePrimaryIpv6', (k) => k === 'EnablePrimaryIpv6'],
  ['associatedSubnetIds', (k) => k.startsWith('AssociatedSubnetId.')],
];

function applyAttribute(ctx: Context, eni: NetworkInterface, attribute: string): () => void {
  const { store, params } = ctx;
  switch (attribute) {
    case 'description': {
      const value = params.str('Description.Value') ?? '';
      return () => void (eni.description = value);
    }
    case 'sourceDestCheck': {
      const value = params.bool('SourceDestCheck.Value');
      if (value === undefined)
        throw new Ec2Error('MissingParameter', 'The request must contain the parameter SourceDestCheck.Value');
      return () => void (eni.sourceDestCheck = value);
    }
    case 'groupSet': {
      // Replaces the whole set (ec2-rules §3.19).
      const ids = resolveGroups(store, params.list('SecurityGroupId'), eni.vpcId, eni.subnetId);
      return () => void (eni.groupIds = ids);
    }
    case 'attachment': {
      const id = params.str('Attachment.AttachmentId');
      const dot = params.bool('Attachment.DeleteOnTermination');
      if (id === undefined)
        throw new Ec2Error('MissingParameter', 'The request must contain the parameter Attachment.AttachmentId');
      if (dot === undefined)
        throw new Ec2Error('MissingParameter', 'The request must contain the parameter Attachment.DeleteOnTermination');
      const att = eni.attachment;
      if (!att || att.id !== id)
        throw invalidValue(`Attachment '${id}' does not belong to network interface '${eni.id}'.`);
      return () => void (att.deleteOnTermination = dot);
    }
    default:
      throw new Ec2Error('UnsupportedOperation', `The attribute ${attribute} is not supported by this emulator.`);
  }
}

export const modifyNetworkInterfaceAttribute: ActionDef = {
  params: [
    'NetworkInterfaceId',
    'Description.Value',
    'SourceDestCheck.Value',
    'SecurityGroupId.N',
    'Attachment.AttachmentId',
    'Attachment.DeleteOnTermination',
    'Attachment.DefaultEnaQueueCount',
    'Attachment.EnaQueueCount',
    'AssociatePublicIpAddress',
    'EnaSrdSpecification.EnaSrdEnabled',
    'EnaSrdSpecification.EnaSrdUdpSpecification.EnaSrdUdpEnabled',
    'ConnectionTrackingSpecification.TcpEstablishedTimeout',
    'ConnectionTrackingSpecification.UdpStreamTimeout',
    'ConnectionTrackingSpecification.UdpTimeout',
    'EnablePrimaryIpv6',
    'AssociatedSubnetId.N',
    'DryRun',
  ],
  run(ctx) {
    const { store, params } = ctx;
    const eni = store.resolve('eni', store.enis, params.required('NetworkInterfaceId'));
    const keys = [...params.flat.keys()];
    const present = ATTRIBUTE_GROUPS.filter(([, test]) => keys.some(test)).map(([name]) => name);
    // Exactly one attribute per call (ec2-rules §3.19); moto applies several at once — EC2 does not.
    if (present.length === 0) throw invalidCombination('No attributes specified.');
    if (present.length > 1)
      throw invalidCombination(`Fields for multiple attribute types specified: ${present.join(', ')}`);
    const apply = applyAttribute(ctx, eni, present[0] as string);
    ctx.dryRunGate();
    refuseRequesterManaged(eni);
    apply();
    return { return: true };
  },
};
