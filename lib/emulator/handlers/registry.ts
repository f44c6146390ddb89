// Action name → handler. Anything not listed answers InvalidAction.
import { associateAddress, allocateAddress, disassociateAddress, releaseAddress } from './addresses';
import { attachNetworkInterface, detachNetworkInterface } from './attachment';
import { describeInstances, describeInstanceTypes } from './describe-compute';
import { describeInstanceStatus } from './describe-status';
import { describeAddresses, describeNetworkInterfaces } from './describe-interfaces';
import {
  describeAvailabilityZones,
  describeInternetGateways,
  describeRegions,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
} from './describe-network';
import { assignIpv6Addresses, unassignIpv6Addresses } from './ipv6-addresses';
import { startInstances, stopInstances } from './instances';
import { createNetworkInterface, deleteNetworkInterface, modifyNetworkInterfaceAttribute } from './interfaces';
import { assignPrivateIpAddresses, unassignPrivateIpAddresses } from './private-ips';
import { createTags, deleteTags } from './tags';
import type { ActionDef } from './types';

export const ACTIONS: Record<string, ActionDef> = {
  DescribeRegions: describeRegions,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets,
  DescribeInternetGateways: describeInternetGateways,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeInstances: describeInstances,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeAddresses: describeAddresses,
  CreateNetworkInterface: createNetworkInterface,
  DeleteNetworkInterface: deleteNetworkInterface,
  AttachNetworkInterface: attachNetworkInterface,
  DetachNetworkInterface: detachNetworkInterface,
  AssignPrivateIpAddresses: assignPrivateIpAddresses,
  UnassignPrivateIpAddresses: unassignPrivateIpAddresses,
  AssignIpv6Addresses: assignIpv6Addresses,
  UnassignIpv6Addresses: unassignIpv6Addresses,
  AllocateAddress: allocateAddress,
  ReleaseAddress: releaseAddress,
  AssociateAddress: associateAddress,
  DisassociateAddress: disassociateAddress,
  ModifyNetworkInterfaceAttribute: modifyNetworkInterfaceAttribute,
  CreateTags: createTags,
  DeleteTags: deleteTags,
  StopInstances: stopInstances,
  StartInstances: startInstances,
};

const allowedCache = new Map<string, ReadonlySet<string>>();

export function allowedParams(action: string, def: ActionDef): ReadonlySet<string> {
  let set = allowedCache.get(action);
  if (!set) {
    set = new Set(def.params);
    allowedCache.set(action, set);
  }
  return set;
}
