// DescribeNetworkInterfaces and DescribeAddresses (ec2-rules §3.2, ec2-rules §3.3).
import { Ec2Error } from '../errors';
import { applyFilters, type FilterTable } from '../filters';
import { parseIpv4 } from '../ip';
import type { ElasticIp, NetworkInterface } from '../model';
import { renderNetworkInterface } from '../render/eni';
import { renderAddress } from '../render/network';
import { ACCOUNT_ID, type Store } from '../store';
import { pagedDescribe } from './paged-describe';
import { type ActionDef, FILTER_PARAMS, PAGE_PARAMS } from './types';

function eniFilters(store: Store): FilterTable<NetworkInterface> {
  const eips = (e: NetworkInterface) => e.privateIps.map((ip) => store.eipOn(e.id, ip)).filter((x) => x !== undefined);
  const primaryEip = (e: NetworkInterface) => store.eipOn(e.id, e.privateIps[0] as string);
  return {
    'network-interface-id': (e) => e.id,
    'attachment.instance-id': (e) => e.attachment?.instanceId,
    'attachment.instance-owner-id': (e) => (e.attachment ? ACCOUNT_ID : null),
    'attachment.attachment-id': (e) => e.attachment?.id ?? e.serviceAttachmentId,
    'attachment.device-index': (e) => e.attachment?.deviceIndex,
    'attachment.network-card-index': (e) => e.attachment?.networkCardIndex,
    'attachment.status': (e) => e.attachment?.status,
    'attachment.delete-on-termination': (e) => e.attachment?.deleteOnTermination,
    status: (e) => (e.attachment || e.serviceAttachmentId ? 'in-use' : 'available'),
    'subnet-id': (e) => e.subnetId,
    'vpc-id': (e) => e.vpcId,
    'availability-zone': (e) => e.az,
    'availability-zone-id': (e) => store.zoneId(e.az),
    'group-id': (e) => e.groupIds,
    'group-name': (e) => e.groupIds.map((id) => store.groups.get(id)?.name),
    description: (e) => e.description,
    'mac-address': (e) => e.macAddress,
    'owner-id': () => ACCOUNT_ID,
    // Tools report `private-ip-address` matching the primary only; secondaries need addresses.* (ec2-rules §1.6).
    'private-ip-address': (e) => e.privateIps[0],
    'addresses.private-ip-address': (e) => e.privateIps,
    'addresses.primary': (e) => e.privateIps.map((_, i) => i === 0),
    'addresses.association.public-ip': (e) => eips(e).map((x) => x.publicIp),
    'addresses.association.owner-id': (e) => (eips(e).length > 0 ? ACCOUNT_ID : null),
    'association.public-ip': (e) => primaryEip(e)?.publicIp ?? e.amazonPublicIp,
    'association.allocation-id': (e) => primaryEip(e)?.allocationId,
    'association.association-id': (e) => primaryEip(e)?.association?.associationId,
    'association.ip-owner-id': (e) => (primaryEip(e) ? ACCOUNT_ID : e.amazonPublicIp ? 'amazon' : null),
    'requester-managed': (e) => e.requesterManaged,
    'requester-id': (e) => e.requesterId,
    'interface-type': (e) => e.interfaceType,
    'ipv6-addresses.ipv6-address': (e) => e.ipv6Addresses,
    'source-dest-check': (e) => e.sourceDestCheck,
  };
}

export const describeNetworkInterfaces: ActionDef = {
  params: ['NetworkInterfaceId.N', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const { store } = ctx;
    const { page, nextToken } = pagedDescribe(ctx, {
      idParam: 'NetworkInterfaceId',
      kind: 'eni',
      items: store.enis,
      filters: eniFilters(store),
      paging: { action: 'DescribeNetworkInterfaces', min: 5, max: 1000, idSetName: 'networkInterfaceIdSet' },
    });
    return { networkInterfaceSet: page.map((e) => renderNetworkInterface(store, e)), nextToken };
  },
};

function addressFilters(store: Store): FilterTable<ElasticIp> {
  const eni = (a: ElasticIp) => (a.association ? store.enis.get(a.association.eniId) : undefined);
  return {
    'allocation-id': (a) => a.allocationId,
    'association-id': (a) => a.association?.associationId,
    'instance-id': (a) => {
      const e = eni(a);
      return e ? store.instanceOf(e)?.id : null;
    },
    'network-interface-id': (a) => a.association?.eniId,
    'network-interface-owner-id': (a) => (a.association ? ACCOUNT_ID : null),
    'private-ip-address': (a) => a.association?.privateIp,
    'public-ip': (a) => a.publicIp,
    domain: () => 'vpc',
    'network-border-group': () => store.settings.region,
    'public-ipv4-pool': () => 'amazon',
  };
}

export const describeAddresses: ActionDef = {
  params: ['PublicIp.N', 'AllocationId.N', 'DryRun', ...FILTER_PARAMS],
  run(ctx) {
    const { store, params } = ctx;
    const allocIds = params.list('AllocationId');
    const publicIps = params.list('PublicIp');
    let base: ElasticIp[] = [...store.eips.values()];
    if (allocIds.length > 0) base = store.resolveAll('allocation', store.eips, allocIds);
    if (publicIps.length > 0) {
      for (const ip of publicIps) {
        if (parseIpv4(ip) === null) throw new Ec2Error('InvalidAddress.Malformed', `Invalid address: ${ip}`);
        if (!base.some((a) => a.publicIp === ip))
          throw new Ec2Error('InvalidAddress.NotFound', `Address '${ip}' not found.`);
      }
      base = base.filter((a) => publicIps.includes(a.publicIp));
    }
    const filtered = applyFilters(base, params.filters(), addressFilters(store), (a) => a.tags);
    ctx.dryRunGate();
    return { addressesSet: filtered.map((a) => renderAddress(store, a)) };
  },
};
