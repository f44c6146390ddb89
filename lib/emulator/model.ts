// Resource records of the emulator's in-memory EC2 account (plain data; behaviour lives in store + handlers).
import type { Ipv6Pool } from './ipv6';
import type { AddressLedger } from './ledger';

export type Tags = Map<string, string>;

export interface Vpc {
  id: string;
  cidr: string;
  cidrAssociationId: string;
  dhcpOptionsId: string;
  /** An Amazon-provided IPv6 /56 and its association id, when the VPC is dual-stack (ec2-rules §2.7). */
  ipv6?: { cidr: string; associationId: string } | null;
  tags: Tags;
}

export interface InternetGateway {
  id: string;
  vpcId: string | null;
  tags: Tags;
}

export interface Subnet {
  id: string;
  vpcId: string;
  az: string;
  cidr: string;
  mapPublicIpOnLaunch: boolean;
  ledger: AddressLedger;
  /** The subnet's IPv6 /64 and who holds its addresses; absent on an IPv4-only subnet (ec2-rules §2.7). */
  ipv6?: Ipv6Pool | null;
  tags: Tags;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  tags: Tags;
}

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/** Low byte of instanceState.code (ec2-rules §2.3). */
export const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export interface Instance {
  id: string;
  reservationId: string;
  type: string;
  state: InstanceStateName;
  /** When a pending/stopping state settles into running/stopped (lazy settlement on each request). */
  stateSettleAt: number | null;
  subnetId: string;
  imageId: string;
  keyName: string | null;
  launchTime: Date;
  reason: string;
  primaryEniId: string;
  /** ENIs whose attachment points here, in attach order (attaching, attached or detaching). */
  eniIds: string[];
  tags: Tags;
  /** Set by the control plane's fail-instance: status checks report impaired since then (cleared on start). */
  impairedSince?: Date | null;
  /** When a failed instance stops by itself (fail-instance with stopAfterMs); settled with the other transitions. */
  failStopAt?: number | null;
}

export type AttachmentStatus = 'attaching' | 'attached' | 'detaching';

export interface Attachment {
  id: string;
  instanceId: string;
  deviceIndex: number;
  networkCardIndex: number;
  status: AttachmentStatus;
  settleAt: number | null;
  attachTime: Date;
  deleteOnTermination: boolean;
}

export interface NetworkInterface {
  id: string;
  subnetId: string;
  vpcId: string;
  az: string;
  description: string;
  requesterManaged: boolean;
  requesterId: string | null;
  interfaceType: string;
  macAddress: string;
  /** privateIps[0] is the primary address; the rest are secondaries in assignment order. */
  privateIps: string[];
  /** Delegated IPv4 /28 prefixes (`10.0.16.32/28`), in assignment order; each takes one IPv4 slot (ec2-rules §2.7). */
  ipv4Prefixes: string[];
  /** IPv6 addresses from the subnet's /64, in RFC 5952 text, in assignment order (ec2-rules §2.7). */
  ipv6Addresses: string[];
  groupIds: string[];
  sourceDestCheck: boolean;
  /** Amazon-assigned public IPv4 on the primary address (not an EIP), if any. */
  amazonPublicIp: string | null;
  /** Whether the instance gets an Amazon public IPv4 on start (auto-assign in effect, ec2-rules §3.21). */
  autoAssignPublicIp: boolean;
  attachment: Attachment | null;
  /**
   * Requester-managed ENIs (NAT gateway, ELB…) are attached to the owning service, not to an instance: an
   * `ela-attach-…` id that users may not manage (ec2-rules §3.12). null for user ENIs.
   */
  serviceAttachmentId: string | null;
  tags: Tags;
}

export interface EipAssociation {
  associationId: string;
  eniId: string;
  privateIp: string;
}

export interface ElasticIp {
  allocationId: string;
  publicIp: string;
  association: EipAssociation | null;
  tags: Tags;
}
