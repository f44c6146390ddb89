// For each rule, the EC2 error code(s) it predicts: what the real API (or the emulator) would answer.
import type { RuleId } from './move';

export interface RulePrediction {
  /** Error codes EC2 may return when the rule is broken; empty when EC2 has no equivalent check. */
  codes: readonly string[];
  /** Where the prediction comes from (lib/ec2-rules.md section) or why there is no code. */
  note: string;
}

export const ruleEc2Errors: Readonly<Record<RuleId, RulePrediction>> = {
  'resource-exists': {
    codes: [
      'InvalidNetworkInterfaceID.NotFound',
      'InvalidInstanceID.NotFound',
      'InvalidAllocationID.NotFound',
      'InvalidParameterValue',
    ],
    note: 'Unknown ids → …NotFound; an address not on any ENI → InvalidParameterValue (ec2-rules §3.14, ec2-rules §5).',
  },
  'ip-is-secondary': {
    codes: ['InvalidParameterValue', 'Resource.AlreadyAssigned', 'InvalidIPAddress.InUse'],
    note: "Unassigning a primary → InvalidParameterValue; taking another ENI's primary is refused with an unconfirmed code (ec2-rules §3.13 rule 4, ec2-rules §10.1).",
  },
  'same-subnet': {
    codes: ['InvalidParameterValue'],
    note: "Address outside the ENI's subnet range (ec2-rules §3.13 rule 3).",
  },
  'ip-slot-free': {
    codes: ['PrivateIpAddressLimitExceeded'],
    note: '"Number of private addresses will exceed limit." (ec2-rules §3.13 rule 2).',
  },
  'target-is-different': {
    codes: ['InvalidNetworkInterface.InUse', 'InvalidParameterValue'],
    note: 'Attaching an attached ENI → InvalidNetworkInterface.InUse; repeating an association is an idempotent success (ec2-rules §3.17), so the console refuses no-ops itself.',
  },
  'eni-not-primary': { codes: ['OperationNotPermitted'], note: 'Device index 0 cannot be detached (ec2-rules §3.12).' },
  'eni-not-requester-managed': {
    codes: ['OperationNotPermitted', 'InvalidNetworkInterface.InUse'],
    note: 'Service-owned attachments and ENIs are managed by their service (ec2-rules §3.12, ec2-rules §8).',
  },
  'eni-type-movable': {
    codes: [],
    note: "The console's choice: it moves only plain `interface` ENIs, not trunk, branch or EFA ones (ec2-rules §2.7).",
  },
  'eni-settled': {
    codes: ['InvalidNetworkInterface.InUse', 'IncorrectState'],
    note: "Attaching an ENI still attaching or detaching: in use (ec2-rules §3.11 rule 2). Detaching an attachment that has not settled is undocumented; EC2's generic IncorrectState (the emulator's answer) is accepted.",
  },
  'same-az': {
    codes: ['InvalidParameterCombination'],
    note: 'Attach across Availability Zones (ec2-rules §3.11 rule 3).',
  },
  'cross-vpc-allowed': {
    codes: [],
    note: 'A console setting: EC2 has allowed same-AZ multi-VPC attachments since October 2023 (ec2-rules §3.11 rule 4).',
  },
  'instance-state': {
    codes: ['IncorrectInstanceState'],
    note: 'Attach/detach/associate on a transitional instance (ec2-rules §4.4; code unconfirmed for attach, ec2-rules §10.3).',
  },
  'device-index-free': {
    codes: ['InvalidParameterValue'],
    note: '"already has an interface attached at device index" (ec2-rules §3.11 rule 5).',
  },
  'eni-slot-free': {
    codes: ['AttachmentLimitExceeded'],
    note: '"Interface count N exceeds the limit for T" (ec2-rules §3.11 rule 6).',
  },
  'eni-ips-fit-type': {
    codes: ['InvalidInterface.IpAddressLimitExceeded', 'PrivateIpAddressLimitExceeded'],
    note: 'The ENI carries more IPv4 addresses than the target type allows (ec2-rules §3.11 rule 7, ec2-rules §10.4).',
  },
  'internet-gateway': {
    codes: ['Gateway.NotAttached'],
    note: '"Network vpc-… is not attached to any internet gateway" (ec2-rules §3.17).',
  },
  'ip-on-eni': {
    codes: ['InvalidParameterValue'],
    note: "PrivateIpAddress not one of the ENI's addresses (ec2-rules §3.17).",
  },
  'eip-associated': {
    codes: ['Resource.AlreadyAssociated', 'InvalidAssociationID.NotFound', 'MissingParameter'],
    note: 'Reassociation refused (ec2-rules §3.17), or disassociating an address that has no association (ec2-rules §3.18).',
  },
  'instance-type-known': {
    codes: [],
    note: 'Console-side: the limits of the type are unknown, so no prediction can be made.',
  },
  'ip-free-in-subnet': {
    codes: ['InvalidParameterValue', 'Resource.AlreadyAssigned', 'InvalidIPAddress.InUse'],
    note: 'Address reserved or held by another ENI without AllowReassignment (ec2-rules §3.13 rule 4, ec2-rules §10.1).',
  },
  'security-group-known': {
    codes: ['InvalidGroup.NotFound', 'InvalidSecurityGroupID.NotFound', 'InvalidParameter'],
    note: "Every security group exists and lives in the subnet's VPC (ec2-rules §3.9 rule 2, ec2-rules §3.19).",
  },
  'subnet-has-free-addresses': {
    codes: ['InsufficientFreeAddressesInSubnet', 'InvalidIPAddress.InUse'],
    note: 'Not enough free addresses in the subnet (ec2-rules §3.9 rule 8).',
  },
  'eni-available': {
    codes: ['InvalidParameterValue', 'InvalidNetworkInterface.InUse'],
    note: 'Deleting an attached ENI: "is currently in use" (ec2-rules §3.10).',
  },
  'eip-idle': {
    codes: ['InvalidIPAddress.InUse', 'AuthFailure'],
    note: 'Releasing an address that is still associated (ec2-rules §3.16).',
  },
  'tag-limit': {
    codes: ['TagLimitExceeded'],
    note: 'At most 50 tags per resource (ec2-rules §3.20).',
  },
};

/** The codes a refusal by `rule` predicts. */
export function predictedErrorCodes(rule: RuleId): readonly string[] {
  return ruleEc2Errors[rule].codes;
}

/** True when an EC2 error code is one that at least one of the cited rules predicts. */
export function errorMatchesRules(code: string, rules: readonly RuleId[]): boolean {
  return rules.some((rule) => ruleEc2Errors[rule].codes.includes(code));
}
