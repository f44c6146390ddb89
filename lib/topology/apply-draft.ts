// A copy-on-write view of a snapshot: replaced ENIs, EIPs, subnets and instances; everything else shared.
import type { Eip, Eni, Instance, Snapshot, Subnet } from './schema';

/** applyMove throws this for a move checkMove would refuse (missing resource, primary IP, …): a caller bug. */
export class ApplyMoveError extends Error {
  override name = 'ApplyMoveError';
}

type WithId = { id: string };

function replaceById<T>(list: readonly T[], changed: ReadonlyMap<string, T>, key: (item: T) => string): T[] | null {
  if (changed.size === 0) return null;
  return list.map((item) => changed.get(key(item)) ?? item);
}

export class Draft {
  private readonly enis = new Map<string, Eni>();
  private readonly eips = new Map<string, Eip>();
  private readonly subnets = new Map<string, Subnet>();
  private readonly base: { enis: Map<string, Eni>; eips: Map<string, Eip>; subnets: Map<string, Subnet> };

  constructor(private readonly snapshot: Snapshot) {
    const byId = <T extends WithId>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
    this.base = {
      enis: byId(snapshot.enis),
      eips: new Map(snapshot.eips.map((e) => [e.allocationId, e])),
      subnets: byId(snapshot.subnets),
    };
  }

  eni(id: string): Eni {
    const eni = this.enis.get(id) ?? this.base.enis.get(id);
    if (!eni) throw new ApplyMoveError(`${id} is not in the snapshot`);
    return eni;
  }

  setEni(eni: Eni): void {
    this.enis.set(eni.id, eni);
  }

  eip(allocationId: string): Eip {
    const eip = this.eips.get(allocationId) ?? this.base.eips.get(allocationId);
    if (!eip) throw new ApplyMoveError(`${allocationId} is not in the snapshot`);
    return eip;
  }

  /** Every EIP (current version) mapped to an address of this ENI. */
  eipsOnEni(eniId: string): Eip[] {
    return this.snapshot.eips.map((e) => this.eip(e.allocationId)).filter((e) => e.eniId === eniId);
  }

  eipAt(eniId: string, ip: string): Eip | undefined {
    return this.eipsOnEni(eniId).find((e) => e.privateIp === ip);
  }

  setEip(eip: Eip): void {
    this.eips.set(eip.allocationId, eip);
  }

  /** EC2's availableIpAddressCount moves by one per address assigned or unassigned (ec2-rules §2.5). */
  adjustFreeIps(subnetId: string, delta: number): void {
    const subnet = this.subnets.get(subnetId) ?? this.base.subnets.get(subnetId);
    if (subnet) this.subnets.set(subnetId, { ...subnet, availableIpCount: subnet.availableIpCount + delta });
  }

  /** An instance's publicIp is the public address on the primary IP of its device-0 ENI. */
  private syncInstances(): Instance[] | null {
    const publicIps = new Map<string, string | null>();
    for (const eni of this.enis.values()) {
      const instanceId = eni.attachment?.instanceId;
      if (!instanceId || eni.attachment?.deviceIndex !== 0) continue;
      const primary = eni.privateIps.find((p) => p.primary);
      publicIps.set(instanceId, primary?.association?.publicIp ?? null);
    }
    if (publicIps.size === 0) return null;
    let changed = false;
    const instances = this.snapshot.instances.map((i) => {
      const publicIp = publicIps.get(i.id);
      if (publicIp === undefined || publicIp === i.publicIp) return i;
      changed = true;
      return { ...i, publicIp };
    });
    return changed ? instances : null;
  }

  finish(): Snapshot {
    const enis = replaceById(this.snapshot.enis, this.enis, (e) => e.id) ?? this.snapshot.enis;
    return {
      ...this.snapshot,
      enis,
      eips: replaceById(this.snapshot.eips, this.eips, (e) => e.allocationId) ?? this.snapshot.eips,
      subnets: replaceById(this.snapshot.subnets, this.subnets, (s) => s.id) ?? this.snapshot.subnets,
      instances: this.syncInstances() ?? this.snapshot.instances,
    };
  }
}
