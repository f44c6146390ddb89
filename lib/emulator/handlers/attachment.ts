// AttachNetworkInterface / DetachNetworkInterface (ec2-rules §3.11, ec2-rules §3.12): AZ, device slots, type limits, transitions.
import { Ec2Error, invalidCombination, invalidValue, missingParameter } from '../errors';
import { instanceType, maxInterfacesPerCard } from '../instance-types';
import type { Instance } from '../model';
import { attachEni, ipv4SlotsUsed } from '../mutations';
import type { Store } from '../store';
import type { ActionDef, Context } from './types';

function requireInt(ctx: Context, name: string): number {
  const v = ctx.params.int(name);
  if (v === undefined) throw missingParameter(name);
  return v;
}

/** Attach/detach need a running (hot) or stopped (warm) instance (ec2-rules §4.2, ec2-rules §4.4; code per ec2-rules §10.3). */
export function requireSettledState(inst: Instance): void {
  if (inst.state !== 'running' && inst.state !== 'stopped') {
    throw new Ec2Error(
      'IncorrectInstanceState',
      `The instance '${inst.id}' is not in a valid state for this operation.`,
    );
  }
}

function vpcOfInstance(store: Store, inst: Instance): string | undefined {
  return store.subnets.get(inst.subnetId)?.vpcId;
}

export const attachNetworkInterface: ActionDef = {
  params: [
    'NetworkInterfaceId',
    'InstanceId',
    'DeviceIndex',
    'NetworkCardIndex',
    'EnaSrdSpecification.EnaSrdEnabled',
    'EnaSrdSpecification.EnaSrdUdpSpecification.EnaSrdUdpEnabled',
    'EnaQueueCount',
    'DryRun',
  ],
  run(ctx) {
    const { store, params, settings } = ctx;
    const eniId = params.required('NetworkInterfaceId');
    const instanceId = params.required('InstanceId');
    const deviceIndex = requireInt(ctx, 'DeviceIndex');
    const cardIndex = params.int('NetworkCardIndex') ?? 0;
    // Negative indexes are bad values, refused before existence and DryRun (ec2-rules §1.4).
    if (deviceIndex < 0) throw invalidValue(`Invalid value '${deviceIndex}' for deviceIndex.`);
    if (cardIndex < 0) throw invalidValue(`Invalid value '${cardIndex}' for networkCardIndex.`);
    const eni = store.resolve('eni', store.enis, eniId);
    const inst = store.resolve('instance', store.instances, instanceId);
    ctx.dryRunGate();

    // Attaching or detaching still counts as in use: a second attach must wait for the first to settle.
    if (eni.attachment || eni.serviceAttachmentId)
      throw new Ec2Error('InvalidNetworkInterface.InUse', `Interface: [${eni.id}] in use.`);
    const instSubnet = store.subnets.get(inst.subnetId);
    if (instSubnet?.az !== eni.az) {
      throw invalidCombination(
        'You may not attach a network interface to an instance if they are not in the same availability zone',
      );
    }
    // Multi-VPC attachments are allowed since Oct 2023 (ec2-rules §3.11 rule 4); the setting restores the older rule.
    if (!settings.allowCrossVpcAttach && vpcOfInstance(store, inst) !== eni.vpcId) {
      throw invalidCombination('You may not attach a network interface to an instance if they are not in the same VPC');
    }
    requireSettledState(inst);
    const type = instanceType(inst.type);
    if (!type) throw new Ec2Error('InternalError', `Unknown instance type ${inst.type}`);
    if (cardIndex >= type.networkCards) {
      throw invalidValue(
        `Invalid value '${cardIndex}' for networkCardIndex. ${inst.type} has ${type.networkCards} network card(s).`,
      );
    }
    const onCard = inst.eniIds
      .map((id) => store.enis.get(id)?.attachment)
      .filter((a) => a !== null && a !== undefined && a.networkCardIndex === cardIndex);
    // A detaching ENI keeps its device slot until the detach settles.
    if (onCard.some((a) => a?.deviceIndex === deviceIndex)) {
      throw invalidValue(`Instance '${inst.id}' already has an interface attached at device index '${deviceIndex}'.`);
    }
    // The limit is on the count (incl. the new ENI), not the index value (ec2-rules §3.11 rule 6).
    const count = onCard.length + 1;
    if (count > maxInterfacesPerCard(type)) {
      throw new Ec2Error('AttachmentLimitExceeded', `Interface count ${count} exceeds the limit for ${inst.type}`);
    }
    // Which code EC2 uses here is unconfirmed (ec2-rules §3.11 rule 7, ec2-rules §10.4): a setting.
    if (ipv4SlotsUsed(eni) > type.ipv4PerInterface) {
      throw new Ec2Error(settings.attachIpLimitErrorCode, 'Number of private addresses will exceed limit.');
    }

    const delay = settings.attachDelayMs;
    const attachmentId = attachEni(store, eni, inst, {
      deviceIndex,
      networkCardIndex: cardIndex,
      deleteOnTermination: false, // API attaches default to false (ec2-rules §3.11 effects)
      attachTime: new Date(ctx.now),
      settleAt: delay > 0 ? ctx.now + delay : null,
    });
    return { attachmentId, networkCardIndex: cardIndex };
  },
};

export const detachNetworkInterface: ActionDef = {
  params: ['AttachmentId', 'Force', 'DryRun'],
  run(ctx) {
    const { store, params, settings } = ctx;
    const attachmentId = params.required('AttachmentId');
    params.bool('Force'); // Force never bypasses the primary-ENI rule (ec2-rules §3.12); nothing else to model.
    if (store.serviceAttachments.has(attachmentId)) {
      ctx.dryRunGate();
      const prefix = attachmentId.slice(0, attachmentId.indexOf('-attach') + 7);
      throw new Ec2Error('OperationNotPermitted', `You are not allowed to manage '${prefix}' attachments.`);
    }
    const eniId = store.resolve('attachment', store.attachments, attachmentId);
    const eni = store.enis.get(eniId);
    const att = eni?.attachment;
    if (!eni || !att)
      throw new Ec2Error(
        'InvalidAttachmentID.NotFound',
        `The network interface attachment ID '${attachmentId}' does not exist`,
      );
    ctx.dryRunGate();

    if (att.deviceIndex === 0 && att.networkCardIndex === 0) {
      throw new Ec2Error(
        'OperationNotPermitted',
        'The network interface at device index 0 and networkCard index 0 cannot be detached.',
      );
    }
    if (att.status !== 'attached') {
      throw new Ec2Error('IncorrectState', `The attachment '${att.id}' is currently ${att.status}.`);
    }
    const inst = store.instances.get(att.instanceId);
    if (inst) requireSettledState(inst);

    const delay = settings.detachDelayMs ?? settings.attachDelayMs;
    if (delay > 0) {
      att.status = 'detaching';
      att.settleAt = ctx.now + delay;
      store.trackEni(eni.id);
    } else store.completeDetach(eni);
    return { return: true };
  },
};
