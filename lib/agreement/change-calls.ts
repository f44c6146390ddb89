// What a refused change would send if the console did not check it: the calls of the console's changes
// (create, delete, assign, allocate, release, attributes, stop, start) built as the plans build them, sent blindly.
import { CREATED, type Move, type Step } from '@/lib/topology';
import {
  allocateEipStep,
  assignIpsStep,
  createTagsStep,
  deleteEniStep,
  deleteTagsStep,
  descriptionStep,
  releaseEipStep,
  securityGroupsStep,
  sourceDestCheckStep,
  startInstanceStep,
  stopInstanceStep,
  unassignIpsStep,
} from '@/lib/topology/change-steps';
import { attachStep } from '@/lib/topology/steps';

const BLIND = 'sent blindly by the agreement test';

/** Null when no EC2 call expresses the move (the earlier move kinds: calls.ts). */
export function changeBlindSteps(move: Move, freeIndex: (instanceId: string) => number): Step[] | null {
  switch (move.kind) {
    case 'create-eni': {
      const explicit = [move.privateIp, ...(move.secondaryIps ?? [])].filter((ip) => ip !== undefined);
      const input: Record<string, unknown> = { SubnetId: move.subnetId };
      if (explicit.length > 0)
        input.PrivateIpAddresses = explicit.map((ip, i) => ({ PrivateIpAddress: ip, Primary: i === 0 }));
      if (!move.secondaryIps && move.secondaryCount) input.SecondaryPrivateIpAddressCount = move.secondaryCount;
      if (move.securityGroupIds) input.Groups = move.securityGroupIds;
      const create: Step = {
        action: 'CreateNetworkInterface',
        input,
        cli: '',
        supportsDryRun: true,
        waitFor: null,
        creates: 'eni',
        description: BLIND,
      };
      if (!move.attachTo) return [create];
      const index = move.attachTo.deviceIndex ?? freeIndex(move.attachTo.instanceId);
      return [create, attachStep(CREATED.eni, move.attachTo.instanceId, index, BLIND)];
    }
    case 'delete-eni':
      return [deleteEniStep(move.eni, BLIND)];
    case 'assign-ips':
      if (move.addresses) return [assignIpsStep(move.eni, move.addresses, BLIND)];
      return [
        {
          ...assignIpsStep(move.eni, [], BLIND),
          input: { NetworkInterfaceId: move.eni, SecondaryPrivateIpAddressCount: move.count },
        },
      ];
    case 'unassign-ips':
      return [unassignIpsStep(move.eni, move.addresses, BLIND)];
    case 'allocate-eip':
      return [allocateEipStep(move.name, BLIND)];
    case 'release-eip':
      return [releaseEipStep(move.allocationId, BLIND)];
    case 'set-source-dest-check':
      return [sourceDestCheckStep(move.eni, move.enabled, BLIND)];
    case 'set-description':
      return [descriptionStep(move.eni, move.description, BLIND)];
    case 'set-security-groups':
      return [securityGroupsStep(move.eni, move.groupIds, BLIND)];
    case 'set-tags':
      return [
        ...(Object.keys(move.tags).length > 0 ? [createTagsStep(move.resourceId, move.tags, BLIND)] : []),
        ...(move.remove?.length ? [deleteTagsStep(move.resourceId, move.remove, BLIND)] : []),
      ];
    case 'stop-instance':
      return [stopInstanceStep(move.instance, BLIND)];
    case 'start-instance':
      return [startInstanceStep(move.instance, BLIND)];
    default:
      return null;
  }
}
