// One builder per EC2 call: the exact @aws-sdk/client-ec2 input, the aws CLI line, DryRun support.
import type { Step } from './move';

export function assignStep(eniId: string, ip: string, allowReassignment: boolean, description: string): Step {
  return {
    action: 'AssignPrivateIpAddresses',
    input: allowReassignment
      ? { NetworkInterfaceId: eniId, PrivateIpAddresses: [ip], AllowReassignment: true }
      : { NetworkInterfaceId: eniId, PrivateIpAddresses: [ip] },
    cli:
      `aws ec2 assign-private-ip-addresses --network-interface-id ${eniId} --private-ip-addresses ${ip}` +
      (allowReassignment ? ' --allow-reassignment' : ''),
    // AssignPrivateIpAddresses and UnassignPrivateIpAddresses have no DryRun member in the EC2 model.
    supportsDryRun: false,
    waitFor: null,
    description,
  };
}

export function unassignStep(eniId: string, ip: string, description: string): Step {
  return {
    action: 'UnassignPrivateIpAddresses',
    input: { NetworkInterfaceId: eniId, PrivateIpAddresses: [ip] },
    cli: `aws ec2 unassign-private-ip-addresses --network-interface-id ${eniId} --private-ip-addresses ${ip}`,
    supportsDryRun: false,
    waitFor: null,
    description,
  };
}

export function detachStep(attachmentId: string, description: string): Step {
  return {
    action: 'DetachNetworkInterface',
    input: { AttachmentId: attachmentId },
    cli: `aws ec2 detach-network-interface --attachment-id ${attachmentId}`,
    supportsDryRun: true,
    // Attaching elsewhere fails with InvalidNetworkInterface.InUse until the ENI is `available` again.
    waitFor: 'eni-available',
    description,
  };
}

/** `networkCardIndex` above 0 is sent (and written in the CLI line) only for a card other than the default 0. */
export function attachStep(
  eniId: string,
  instanceId: string,
  deviceIndex: number,
  description: string,
  networkCardIndex = 0,
): Step {
  const onCard = networkCardIndex > 0;
  return {
    action: 'AttachNetworkInterface',
    input: onCard
      ? {
          NetworkInterfaceId: eniId,
          InstanceId: instanceId,
          DeviceIndex: deviceIndex,
          NetworkCardIndex: networkCardIndex,
        }
      : { NetworkInterfaceId: eniId, InstanceId: instanceId, DeviceIndex: deviceIndex },
    cli:
      `aws ec2 attach-network-interface --network-interface-id ${eniId} --instance-id ${instanceId} --device-index ${deviceIndex}` +
      (onCard ? ` --network-card-index ${networkCardIndex}` : ''),
    supportsDryRun: true,
    waitFor: 'eni-attached',
    description,
  };
}

export function associateStep(
  allocationId: string,
  eniId: string,
  ip: string,
  allowReassociation: boolean,
  description: string,
): Step {
  const input: Record<string, unknown> = {
    AllocationId: allocationId,
    NetworkInterfaceId: eniId,
    PrivateIpAddress: ip,
  };
  if (allowReassociation) input.AllowReassociation = true;
  return {
    action: 'AssociateAddress',
    input,
    cli:
      `aws ec2 associate-address --allocation-id ${allocationId} --network-interface-id ${eniId} --private-ip-address ${ip}` +
      (allowReassociation ? ' --allow-reassociation' : ''),
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}

export function disassociateStep(associationId: string, description: string): Step {
  return {
    action: 'DisassociateAddress',
    input: { AssociationId: associationId },
    cli: `aws ec2 disassociate-address --association-id ${associationId}`,
    supportsDryRun: true,
    waitFor: null,
    description,
  };
}
