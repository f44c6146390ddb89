// Sends one plan step, or its DryRun, with the SDK: one command class per EC2 action, looked up in a table.
import 'server-only';
import {
  AllocateAddressCommand,
  type AllocateAddressCommandInput,
  AssignPrivateIpAddressesCommand,
  type AssignPrivateIpAddressesCommandInput,
  AssociateAddressCommand,
  type AssociateAddressCommandInput,
  AttachNetworkInterfaceCommand,
  type AttachNetworkInterfaceCommandInput,
  CreateNetworkInterfaceCommand,
  CreateTagsCommand,
  type CreateTagsCommandInput,
  type CreateNetworkInterfaceCommandInput,
  DeleteNetworkInterfaceCommand,
  DeleteTagsCommand,
  type DeleteTagsCommandInput,
  type DeleteNetworkInterfaceCommandInput,
  DetachNetworkInterfaceCommand,
  type DetachNetworkInterfaceCommandInput,
  DisassociateAddressCommand,
  type DisassociateAddressCommandInput,
  type EC2Client,
  ModifyNetworkInterfaceAttributeCommand,
  type ModifyNetworkInterfaceAttributeCommandInput,
  ReleaseAddressCommand,
  type ReleaseAddressCommandInput,
  StartInstancesCommand,
  type StartInstancesCommandInput,
  StopInstancesCommand,
  type StopInstancesCommandInput,
  UnassignPrivateIpAddressesCommand,
  type UnassignPrivateIpAddressesCommandInput,
} from '@aws-sdk/client-ec2';
import type { Step } from '@/lib/topology';
import { tagged } from './errors';

type Sent = Promise<{
  $metadata: { requestId?: string };
  NetworkInterface?: { NetworkInterfaceId?: string };
  AllocationId?: string;
}>;
// The step's input is the exact SDK input the plan was checked with; this table is the one place it is handed
// to a command class.
const senders: Record<Step['action'], (client: EC2Client, input: object) => Sent> = {
  AssignPrivateIpAddresses: (c, i) =>
    c.send(new AssignPrivateIpAddressesCommand(i as AssignPrivateIpAddressesCommandInput)),
  UnassignPrivateIpAddresses: (c, i) =>
    c.send(new UnassignPrivateIpAddressesCommand(i as UnassignPrivateIpAddressesCommandInput)),
  AttachNetworkInterface: (c, i) => c.send(new AttachNetworkInterfaceCommand(i as AttachNetworkInterfaceCommandInput)),
  DetachNetworkInterface: (c, i) => c.send(new DetachNetworkInterfaceCommand(i as DetachNetworkInterfaceCommandInput)),
  AssociateAddress: (c, i) => c.send(new AssociateAddressCommand(i as AssociateAddressCommandInput)),
  DisassociateAddress: (c, i) => c.send(new DisassociateAddressCommand(i as DisassociateAddressCommandInput)),
  CreateNetworkInterface: (c, i) => c.send(new CreateNetworkInterfaceCommand(i as CreateNetworkInterfaceCommandInput)),
  DeleteNetworkInterface: (c, i) => c.send(new DeleteNetworkInterfaceCommand(i as DeleteNetworkInterfaceCommandInput)),
  AllocateAddress: (c, i) => c.send(new AllocateAddressCommand(i as AllocateAddressCommandInput)),
  ReleaseAddress: (c, i) => c.send(new ReleaseAddressCommand(i as ReleaseAddressCommandInput)),
  ModifyNetworkInterfaceAttribute: (c, i) =>
    c.send(new ModifyNetworkInterfaceAttributeCommand(i as ModifyNetworkInterfaceAttributeCommandInput)),
  CreateTags: (c, i) => c.send(new CreateTagsCommand(i as CreateTagsCommandInput)),
  DeleteTags: (c, i) => c.send(new DeleteTagsCommand(i as DeleteTagsCommandInput)),
  StopInstances: (c, i) => c.send(new StopInstancesCommand(i as StopInstancesCommandInput)),
  StartInstances: (c, i) => c.send(new StartInstancesCommand(i as StartInstancesCommandInput)),
};

/**
 * Sends a step's exact SDK input; with dryRun, adds DryRun=true (only for steps whose model has it). For a step
 * that creates a resource, `createdId` is the id EC2 returned.
 */
export async function sendStep(
  client: EC2Client,
  step: Step,
  dryRun = false,
): Promise<{ requestId: string | undefined; createdId?: string }> {
  const input = dryRun ? { ...step.input, DryRun: true } : step.input;
  const output = await tagged(step.action, senders[step.action](client, input));
  const createdId =
    step.creates === 'eni'
      ? output.NetworkInterface?.NetworkInterfaceId
      : step.creates === 'eip'
        ? output.AllocationId
        : undefined;
  return { requestId: output.$metadata.requestId, ...(createdId ? { createdId } : {}) };
}

export type DryRunVerdict = { go: true } | { go: false; error: unknown };

/** DryRunOperation means "would have succeeded" (ec2-rules §1.4); anything else is the stop reason. */
export async function dryRunStep(client: EC2Client, step: Step): Promise<DryRunVerdict> {
  try {
    await sendStep(client, step, true);
    // An endpoint that ignores DryRun would have just made the change: impossible to undo blindly, so say so.
    return { go: false, error: new Error(`The endpoint executed ${step.action} although DryRun was set`) };
  } catch (err) {
    const cause = (err as { cause?: { name?: string } }).cause;
    return cause?.name === 'DryRunOperation' ? { go: true } : { go: false, error: err };
  }
}
