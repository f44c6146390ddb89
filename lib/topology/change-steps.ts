// Step builders for the console's changes: the exact @aws-sdk/client-ec2 input, the aws CLI line, DryRun support.
// A step that creates a resource says so (`creates`); later steps name it by its placeholder (change.ts CREATED).
import { CREATED } from './change';
import type { Step } from './move';

const tagSpec = (resourceType: string, name: string | undefined) =>
  name ? { TagSpecifications: [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: name }] }] } : {};
const quoted = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
/**
 * User text (descriptions, names, tag values) reaches a CLI line only as JSON, all of it printable ASCII, in '…':
 * the aws CLI reads a bare string option starting with file:// or fileb:// (v1: also http(s)://) from there, and
 * splits shorthand at , } ] (a Name of `x},{Key=Owner,Value=y` was a second tag); a newline, an escape sequence or a
 * bidi override would make the pasted line look like something else.
 */
const json = (value: unknown) =>
  quoted(JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
const tagCli = (resourceType: string, name: string | undefined) =>
  name ? ` --tag-specifications ${json([{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: name }] }])}` : '';

export type CreateEniInput = {
  subnetId: string;
  primaryIp: string;
  secondaryIps: readonly string[];
  groupIds: readonly string[] | undefined;
  description: string | undefined;
  name: string | undefined;
};

export function createEniStep(c: CreateEniInput, description: string): Step {
  const input: Record<string, unknown> = {
    SubnetId: c.subnetId,
    PrivateIpAddresses: [
      { PrivateIpAddress: c.primaryIp, Primary: true },
      ...c.secondaryIps.map((ip) => ({ PrivateIpAddress: ip, Primary: false })),
    ],
    ...(c.groupIds ? { Groups: [...c.groupIds] } : {}),
    ...(c.description ? { Description: c.description } : {}),
    ...tagSpec('network-interface', c.name),
  };
  const addresses = [
    `PrivateIpAddress=${c.primaryIp},Primary=true`,
    ...c.secondaryIps.map((ip) => `PrivateIpAddress=${ip},Primary=false`),
  ];
  return {
    action: 'CreateNetworkInterface',
    input,
    cli:
      `${CREATED.eni.slice(1)}=$(aws ec2 create-network-interface --subnet-id ${c.subnetId} --private-ip-addresses ${addresses.join(' ')}` +
      (c.groupIds ? ` --groups ${c.groupIds.join(' ')}` : '') +
      (c.description ? ` --cli-input-json ${json({ Description: c.description })}` : '') +
      tagCli('network-interface', c.name) +
      ` --query NetworkInterface.NetworkInterfaceId --output text)`,
    supportsDryRun: true,
    waitFor: null,
    creates: 'eni',
    description,
  };
}

export function deleteEniStep(eniId: string, description: string): Step {
  return {
    action: 'DeleteNetworkInterface',
    input: { NetworkInterfaceId: eniId },
    cli: `aws ec2 delete-network-interface --network-interface-id ${eniId}`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

export function assignIpsStep(eniId: string, ips: readonly string[], description: string): Step {
  return {
    action: 'AssignPrivateIpAddresses',
    input: { NetworkInterfaceId: eniId, PrivateIpAddresses: [...ips] },
    cli: `aws ec2 assign-private-ip-addresses --network-interface-id ${eniId} --private-ip-addresses ${ips.join(' ')}`,
    // AssignPrivateIpAddresses has no DryRun member in the EC2 model.
    supportsDryRun: false,
    waitFor: null,
    description,
  };
}

export function unassignIpsStep(eniId: string, ips: readonly string[], description: string): Step {
  return {
    action: 'UnassignPrivateIpAddresses',
    input: { NetworkInterfaceId: eniId, PrivateIpAddresses: [...ips] },
    cli: `aws ec2 unassign-private-ip-addresses --network-interface-id ${eniId} --private-ip-addresses ${ips.join(' ')}`,
    supportsDryRun: false,
    waitFor: null,
    description,
  };
}

export function allocateEipStep(name: string | undefined, description: string): Step {
  return {
    action: 'AllocateAddress',
    input: { Domain: 'vpc', ...tagSpec('elastic-ip', name) },
    cli: `${CREATED.eip.slice(1)}=$(aws ec2 allocate-address --domain vpc${tagCli('elastic-ip', name)} --query AllocationId --output text)`,
    supportsDryRun: true,
    waitFor: null,
    creates: 'eip',
    description,
  };
}

export function releaseEipStep(allocationId: string, description: string): Step {
  return {
    action: 'ReleaseAddress',
    input: { AllocationId: allocationId },
    cli: `aws ec2 release-address --allocation-id ${allocationId}`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

export function sourceDestCheckStep(eniId: string, enabled: boolean, description: string): Step {
  return {
    action: 'ModifyNetworkInterfaceAttribute',
    input: { NetworkInterfaceId: eniId, SourceDestCheck: { Value: enabled } },
    cli: `aws ec2 modify-network-interface-attribute --network-interface-id ${eniId} --${enabled ? '' : 'no-'}source-dest-check`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

export function descriptionStep(eniId: string, text: string, description: string): Step {
  return {
    action: 'ModifyNetworkInterfaceAttribute',
    input: { NetworkInterfaceId: eniId, Description: { Value: text } },
    cli: `aws ec2 modify-network-interface-attribute --network-interface-id ${eniId} --description ${json({ Value: text })}`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

/** Replaces the ENI's security groups with `groupIds` (ec2-rules §3.19). */
export function securityGroupsStep(eniId: string, groupIds: readonly string[], description: string): Step {
  return {
    action: 'ModifyNetworkInterfaceAttribute',
    input: { NetworkInterfaceId: eniId, Groups: [...groupIds] },
    cli: `aws ec2 modify-network-interface-attribute --network-interface-id ${eniId} --groups ${groupIds.join(' ')}`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

/** Creates or overwrites `tags` on one resource (ec2-rules §3.20). */
export function createTagsStep(resourceId: string, tags: Readonly<Record<string, string>>, description: string): Step {
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  return {
    action: 'CreateTags',
    input: { Resources: [resourceId], Tags: list },
    cli: `aws ec2 create-tags --resources ${resourceId} --tags ${json(list)}`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

/** Deletes the tags with these keys, whatever their values (no Value given). */
export function deleteTagsStep(resourceId: string, keys: readonly string[], description: string): Step {
  const list = keys.map((Key) => ({ Key }));
  return {
    action: 'DeleteTags',
    input: { Resources: [resourceId], Tags: list },
    cli: `aws ec2 delete-tags --resources ${resourceId} --tags ${json(list)}`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

/** Stops one instance, then waits until DescribeInstances says stopped (ec2-rules §3.21). */
export function stopInstanceStep(instanceId: string, description: string): Step {
  return {
    action: 'StopInstances',
    input: { InstanceIds: [instanceId] },
    cli: `aws ec2 stop-instances --instance-ids ${instanceId}`,
    supportsDryRun: true,
    waitFor: 'instance-stopped',
    description,
  };
}

/** Starts one instance, then waits until DescribeInstances says running (ec2-rules §3.21). */
export function startInstanceStep(instanceId: string, description: string): Step {
  return {
    action: 'StartInstances',
    input: { InstanceIds: [instanceId] },
    cli: `aws ec2 start-instances --instance-ids ${instanceId}`,
    supportsDryRun: true,
    waitFor: 'instance-running',
    description,
  };
}
