// AllocateAddress / ReleaseAddress / AssociateAddress / DisassociateAddress (ec2-rules §3.15–§3.18).
import { Ec2Error, invalidCombination, invalidValue, missingParameter, notFound } from '../errors';
import { parseIpv4 } from '../ip';
import type { ElasticIp, NetworkInterface } from '../model';
import { associateEip, disassociateEip, refreshAmazonPublicIp } from '../mutations';
import type { Store } from '../store';
import { tagSpecifications, TAG_SPEC_PARAMS } from './tags';
import type { ActionDef } from './types';

export const allocateAddress: ActionDef = {
  params: [
    'Domain',
    'Address',
    'PublicIpv4Pool',
    'NetworkBorderGroup',
    'CustomerOwnedIpv4Pool',
    'IpamPoolId',
    'DryRun',
    ...TAG_SPEC_PARAMS,
  ],
  run(ctx) {
    const { store, params, settings } = ctx;
    const domain = params.str('Domain');
    if (domain !== undefined && domain !== 'vpc')
      throw invalidValue(
        `Value (${domain}) for parameter domain is invalid. Only 'vpc' addresses exist (EC2-Classic is retired).`,
      );
    const group = params.str('NetworkBorderGroup');
    if (group !== undefined && group !== settings.region)
      throw invalidValue(`The network border group '${group}' is not valid in ${settings.region}.`);
    const pool = params.str('PublicIpv4Pool');
    if (pool !== undefined && pool !== 'amazon') throw invalidValue(`The public IPv4 pool '${pool}' does not exist.`);
    const address = params.str('Address');
    // Recovering a specific address only works for one this account released; the emulator keeps none.
    if (address !== undefined) throw new Ec2Error('InvalidAddress.NotFound', `Address '${address}' not found.`);
    const tags = tagSpecifications(params, 'elastic-ip');
    ctx.dryRunGate();
    if (store.eips.size >= settings.eipQuota) {
      throw new Ec2Error('AddressLimitExceeded', 'The maximum number of addresses has been reached.');
    }
    const eip: ElasticIp = {
      allocationId: store.ids.id('eipalloc'),
      publicIp: store.nextElasticPublicIp(),
      association: null,
      tags,
    };
    store.eips.set(eip.allocationId, eip);
    return {
      publicIp: eip.publicIp,
      domain: 'vpc',
      allocationId: eip.allocationId,
      publicIpv4Pool: 'amazon',
      networkBorderGroup: settings.region,
    };
  },
};

export const releaseAddress: ActionDef = {
  params: ['AllocationId', 'PublicIp', 'NetworkBorderGroup', 'DryRun'],
  run(ctx) {
    const { store, params } = ctx;
    const allocationId = params.str('AllocationId');
    if (allocationId === undefined) {
      if (params.has('PublicIp'))
        throw invalidValue('You must specify an allocation id when releasing a VPC elastic IP address');
      throw missingParameter('AllocationId');
    }
    const eip = store.resolve('allocation', store.eips, allocationId);
    // Every address lives in the region's own border group; naming another one finds nothing (ec2-rules §3.16).
    const group = params.str('NetworkBorderGroup');
    if (group !== undefined && group !== ctx.settings.region) {
      throw new Ec2Error(
        'InvalidAddress.NotFound',
        `The address with allocation id [${eip.allocationId}] was not found in network border group ${group}.`,
      );
    }
    ctx.dryRunGate();
    // Non-default VPC addresses must be disassociated first (ec2-rules §3.16).
    if (eip.association) {
      throw new Ec2Error(
        'InvalidIPAddress.InUse',
        `The address with allocation id [${eip.allocationId}] is currently associated with ${eip.association.associationId}.`,
      );
    }
    store.eips.delete(eip.allocationId);
    return { return: true };
  },
};

/** Requester-managed ENIs keep the Elastic IP their service gave them: moving it away is refused too (ec2-rules §3.19). */
function refuseServiceAddress(store: Store, eniId: string): void {
  if (store.enis.get(eniId)?.requesterManaged) {
    throw new Ec2Error(
      'OperationNotPermitted',
      `You are not allowed to manage network interface '${eniId}': it is requester-managed.`,
    );
  }
}

function holderInstance(store: Store, eip: ElasticIp) {
  const eni = eip.association ? store.enis.get(eip.association.eniId) : undefined;
  return eni ? store.instanceOf(eni) : undefined;
}

export const associateAddress: ActionDef = {
  params: [
    'AllocationId',
    'InstanceId',
    'NetworkInterfaceId',
    'PrivateIpAddress',
    'AllowReassociation',
    'PublicIp',
    'DryRun',
  ],
  run(ctx) {
    const { store, params, settings } = ctx;
    const allocationId = params.str('AllocationId');
    if (allocationId === undefined) throw missingParameter('AllocationId');
    const instanceId = params.str('InstanceId');
    const eniId = params.str('NetworkInterfaceId');
    if (instanceId !== undefined && eniId !== undefined) {
      throw invalidCombination('You may specify either an instance or a network interface, not both.');
    }
    if (instanceId === undefined && eniId === undefined) {
      throw new Ec2Error('MissingParameter', 'The request must contain the parameter InstanceId or NetworkInterfaceId');
    }
    // A malformed address is a syntax error, judged before existence and DryRun (ec2-rules §1.4).
    const ipParam = params.str('PrivateIpAddress');
    if (ipParam !== undefined && parseIpv4(ipParam) === null)
      throw invalidValue(`Invalid value '${ipParam}' for privateIpAddress.`);
    const eip = store.resolve('allocation', store.eips, allocationId);
    let eni: NetworkInterface;
    if (instanceId !== undefined) {
      const inst = store.resolve('instance', store.instances, instanceId);
      ctx.dryRunGate();
      if (inst.state === 'pending') {
        throw new Ec2Error(
          'InvalidInstanceID',
          `The pending instance '${inst.id}' is not in a valid state for this operation.`,
        );
      }
      // "Associate with an instance" means its only ENI (ec2-rules §2.4).
      if (inst.eniIds.length !== 1) {
        throw new Ec2Error(
          'InvalidInstanceID',
          `There are multiple interfaces attached to instance '${inst.id}'. Please specify an interface ID for the operation instead.`,
        );
      }
      const only = store.enis.get(inst.eniIds[0] as string);
      if (!only) throw notFound('eni', inst.eniIds[0] as string);
      eni = only;
    } else {
      eni = store.resolve('eni', store.enis, eniId as string);
      ctx.dryRunGate();
      const inst = store.instanceOf(eni);
      if (inst?.state === 'pending') {
        throw new Ec2Error(
          'IncorrectInstanceState',
          `The instance '${inst.id}' is not in a valid state for this operation.`,
        );
      }
    }
    const privateIp = ipParam ?? (eni.privateIps[0] as string);
    if (!eni.privateIps.includes(privateIp)) {
      throw invalidValue(`The private IP address ${privateIp} is not assigned to network interface ${eni.id}.`);
    }
    if (eni.requesterManaged) {
      throw new Ec2Error(
        'OperationNotPermitted',
        `You are not allowed to manage network interface '${eni.id}': it is requester-managed.`,
      );
    }
    if (!store.vpcHasInternetGateway(eni.vpcId)) {
      throw new Ec2Error('Gateway.NotAttached', `Network ${eni.vpcId} is not attached to any internet gateway`);
    }
    const current = eip.association;
    const sameTarget = current !== null && current.eniId === eni.id && current.privateIp === privateIp;
    // Reassociation is automatic unless AllowReassociation=false (current reference; configurable, ec2-rules §10.5).
    const allowReassociation = params.bool('AllowReassociation') ?? settings.allowReassociationDefault;
    if (current && !sameTarget && !allowReassociation) {
      throw new Ec2Error(
        'Resource.AlreadyAssociated',
        `resource ${eip.allocationId} is already associated with associate-id ${current.associationId}`,
      );
    }
    // The address of a service's ENI (e.g. a NAT gateway's) is changed through that service only.
    if (current && !sameTarget) refuseServiceAddress(store, current.eniId);
    const previousHolder = holderInstance(store, eip);
    const associationId = associateEip(store, eip, eni, privateIp);
    if (previousHolder) refreshAmazonPublicIp(store, previousHolder);
    return { associationId };
  },
};

export const disassociateAddress: ActionDef = {
  params: ['AssociationId', 'PublicIp', 'DryRun'],
  run(ctx) {
    const { store, params } = ctx;
    let associationId = params.str('AssociationId');
    if (associationId === undefined) {
      const publicIp = params.str('PublicIp');
      if (publicIp === undefined) throw missingParameter('AssociationId');
      const eip = [...store.eips.values()].find((a) => a.publicIp === publicIp);
      if (!eip) throw new Ec2Error('InvalidAddress.NotFound', `Address '${publicIp}' not found.`);
      associationId = eip.association?.associationId;
      if (associationId === undefined) {
        ctx.dryRunGate();
        return { return: true };
      }
    }
    const allocationId = store.associations.get(associationId);
    if (allocationId === undefined) {
      // Repeating a completed disassociation is not an error (ec2-rules §3.18).
      if (!store.retiredAssociations.has(associationId)) throw notFound('association', associationId);
      ctx.dryRunGate();
      return { return: true };
    }
    ctx.dryRunGate();
    const eip = store.eips.get(allocationId) as ElasticIp;
    if (eip.association) refuseServiceAddress(store, eip.association.eniId);
    const holder = holderInstance(store, eip);
    disassociateEip(store, eip);
    if (holder) refreshAmazonPublicIp(store, holder);
    return { return: true };
  },
};
