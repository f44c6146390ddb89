// Every public IPv4 in a set of instances or ENIs, Elastic or Amazon-assigned: each is billed per hour.
import { eipAt, PUBLIC_IPV4_HOURLY_USD, type Eni } from '@/lib/topology';
import { sortedIps } from './slots';
import type { TopologyIndex } from './topology-index';

export type PublicIpRow = {
  publicIp: string;
  privateIp: string;
  eniId: string;
  /** ethN of its instance, or null for an ENI in the pool or owned by a service. */
  deviceIndex: number | null;
  /** Set for an Elastic IP; null for an Amazon-assigned address (released when the instance stops). */
  allocationId: string | null;
  name: string | null;
};

/** The public IPv4s on these ENIs, in device then address order. */
export function publicIpsOn(index: TopologyIndex, enis: readonly Eni[]): PublicIpRow[] {
  const rows: PublicIpRow[] = [];
  for (const eni of enis) {
    for (const ip of sortedIps(eni)) {
      const assoc = ip.association;
      if (!assoc) continue;
      const eip = eipAt(index, eni.id, ip.address);
      rows.push({
        publicIp: assoc.publicIp,
        privateIp: ip.address,
        eniId: eni.id,
        deviceIndex: eni.attachment?.instanceId ? eni.attachment.deviceIndex : null,
        allocationId: eip?.allocationId ?? assoc.allocationId,
        name: eip?.name ?? null,
      });
    }
  }
  return rows;
}

export function publicIpsOfInstance(index: TopologyIndex, instanceId: string): PublicIpRow[] {
  return publicIpsOn(index, index.enisByInstance.get(instanceId) ?? []);
}

/** Hourly cost of public IPv4 addresses: every one is billed, in use or idle. */
export function publicIpv4Hourly(count: number): number {
  return count * PUBLIC_IPV4_HOURLY_USD;
}

export type PublicIpv4Summary = {
  /** Every public IPv4 in view: on the instances shown, on pool and service ENIs, and idle Elastic IPs. */
  total: number;
  elastic: number;
  amazon: number;
  /** Elastic IPs serving nothing: not associated, or on an instance that is not running. */
  idle: number;
  hourlyUsd: number;
};

/** The public IPv4s of the view: `shown` instances (null: all), plus the pools, which are always on screen. */
export function publicIpv4InView(index: TopologyIndex, shown: ReadonlySet<string> | null): PublicIpv4Summary {
  let elastic = 0;
  let amazon = 0;
  let idle = index.idleEips.length;
  const count = (rows: PublicIpRow[], stopped: boolean) => {
    for (const r of rows) {
      if (r.allocationId) {
        elastic++;
        if (stopped) idle++;
      } else amazon++;
    }
  };
  for (const inst of index.snapshot.instances) {
    if (shown && !shown.has(inst.id)) continue;
    count(publicIpsOfInstance(index, inst.id), inst.state !== 'running');
  }
  const pooled = [...index.poolEnisBySubnet.values()].flat();
  count(publicIpsOn(index, pooled), true);
  count(publicIpsOn(index, index.serviceEnis), false);
  elastic += index.idleEips.length;
  const total = elastic + amazon;
  return { total, elastic, amazon, idle, hourlyUsd: publicIpv4Hourly(total) };
}
