// The emulated account: resource maps, indexes, ID lookups and lazy settlement of transitional states.
import { type IdKind, ID_KINDS, malformed, notFound } from './errors';
import { IdGenerator, isWellFormedId } from './ids';
import { formatIpv4, parseIpv4 } from './ip';
import type { ElasticIp, Instance, InternetGateway, NetworkInterface, SecurityGroup, Subnet, Vpc } from './model';
import type { EmulatorSettings } from './settings';
import { stopFailedInstance } from './health';

export const ACCOUNT_ID = '111122223333';

export interface Zone {
  name: string;
  id: string;
}

/** AZ name ↔ ID mapping is per account (ec2-rules §3.8); this one is fixed for the emulated account. */
export function zonesFor(region: string): Zone[] {
  const short = region === 'us-east-1' ? 'use1' : region.replace(/-(\w)\w*-/, (_m, c: string) => c).replace(/-/g, '');
  const ids = region === 'us-east-1' ? ['az6', 'az1', 'az2'] : ['az1', 'az2', 'az3'];
  return ['a', 'b', 'c'].map((s, i) => ({ name: region + s, id: `${short}-${ids[i] ?? 'az1'}` }));
}

export class Store {
  readonly ids: IdGenerator;
  readonly settings: EmulatorSettings;
  readonly vpcs = new Map<string, Vpc>();
  readonly igws = new Map<string, InternetGateway>();
  readonly subnets = new Map<string, Subnet>();
  readonly groups = new Map<string, SecurityGroup>();
  readonly instances = new Map<string, Instance>();
  readonly enis = new Map<string, NetworkInterface>();
  readonly eips = new Map<string, ElasticIp>();
  /** attachmentId → ENI id. */
  readonly attachments = new Map<string, string>();
  /** `ela-attach-…` id → requester-managed ENI id (service-owned attachments, ec2-rules §3.12). */
  readonly serviceAttachments = new Map<string, string>();
  /** `${eniId}|${privateIp}` → allocationId: one EIP per private IPv4 (ec2-rules §2.4). */
  readonly eipByTarget = new Map<string, string>();
  /** associationId → allocationId for live associations. */
  readonly associations = new Map<string, string>();
  /** Association IDs already disassociated, so DisassociateAddress can be idempotent (ec2-rules §3.18). */
  readonly retiredAssociations = new Set<string>();
  /** CreateNetworkInterface ClientToken → {param fingerprint, ENI id} (ec2-rules §1.7). */
  readonly clientTokens = new Map<string, { fingerprint: string; eniId: string }>();
  /** ENI ids / instance ids with a transition waiting to settle. */
  private readonly pendingEnis = new Set<string>();
  private readonly pendingInstances = new Set<string>();
  /** Regional ENI quota (default 5000, ec2-rules §4.5); a scenario larger than that stands for a raised quota. */
  eniQuota = 5000;
  private eipCounter = 0;
  private amazonIpCounter = 0;

  constructor(seed: string, settings: EmulatorSettings) {
    this.ids = new IdGenerator(seed);
    this.settings = settings;
  }

  private zoneCache: { region: string; zones: Zone[]; ids: Map<string, string> } | null = null;

  zones(): Zone[] {
    const region = this.settings.region;
    if (this.zoneCache?.region !== region) {
      const zones = zonesFor(region);
      this.zoneCache = { region, zones, ids: new Map(zones.map((z) => [z.name, z.id])) };
    }
    return this.zoneCache.zones;
  }

  zoneId(az: string): string {
    this.zones();
    return this.zoneCache?.ids.get(az) ?? az;
  }

  /** Validate shape (→ Malformed) then existence (→ NotFound), the order EC2 reports them in (ec2-rules §9). */
  resolve<T>(kind: IdKind, map: Map<string, T>, id: string): T {
    if (!isWellFormedId(ID_KINDS[kind].prefix, id)) throw malformed(kind, id);
    const found = map.get(id);
    if (found === undefined) throw notFound(kind, id);
    return found;
  }

  /** Resolve a whole ID list for a describe: every ID must exist, unknown ones are reported together (ec2-rules §1.5). */
  resolveAll<T>(kind: IdKind, map: Map<string, T>, ids: string[]): T[] {
    for (const id of ids) if (!isWellFormedId(ID_KINDS[kind].prefix, id)) throw malformed(kind, id);
    const missing = ids.filter((id) => !map.has(id));
    if (missing.length > 0) throw notFound(kind, missing);
    return [...new Set(ids)].map((id) => map.get(id) as T);
  }

  /** Public IPv4 for a new EIP: sequential from an AWS-looking us-east-1 block, deterministic per reset. */
  nextElasticPublicIp(): string {
    return formatIpv4((parseIpv4('54.144.0.10') as number) + this.eipCounter++);
  }

  nextAmazonPublicIp(): string {
    return formatIpv4((parseIpv4('3.80.0.10') as number) + this.amazonIpCounter++);
  }

  eipOn(eniId: string, ip: string): ElasticIp | undefined {
    const alloc = this.eipByTarget.get(`${eniId}|${ip}`);
    return alloc === undefined ? undefined : this.eips.get(alloc);
  }

  /** Instance id derived from the ENI's attachment, so EIPs "follow" ENI moves without bookkeeping (ec2-rules §9). */
  instanceOf(eni: NetworkInterface): Instance | undefined {
    return eni.attachment ? this.instances.get(eni.attachment.instanceId) : undefined;
  }

  subnetOf(eni: NetworkInterface): Subnet {
    const s = this.subnets.get(eni.subnetId);
    if (!s) throw new Error(`ENI ${eni.id} has unknown subnet ${eni.subnetId}`);
    return s;
  }

  vpcHasInternetGateway(vpcId: string): boolean {
    for (const igw of this.igws.values()) if (igw.vpcId === vpcId) return true;
    return false;
  }

  trackEni(eniId: string): void {
    this.pendingEnis.add(eniId);
  }

  trackInstance(instanceId: string): void {
    this.pendingInstances.add(instanceId);
  }

  /** Settle every transition whose time has come; called at the start of each request (lazy, deterministic). */
  settle(now: number): void {
    for (const eniId of this.pendingEnis) {
      const eni = this.enis.get(eniId);
      const att = eni?.attachment;
      if (!eni || !att || att.settleAt === null) {
        this.pendingEnis.delete(eniId);
        continue;
      }
      if (now < att.settleAt) continue;
      this.pendingEnis.delete(eniId);
      if (att.status === 'attaching') {
        att.status = 'attached';
        att.settleAt = null;
      } else if (att.status === 'detaching') {
        this.completeDetach(eni);
      }
    }
    for (const instanceId of this.pendingInstances) {
      const inst = this.instances.get(instanceId);
      if (!inst || inst.stateSettleAt === null) {
        this.pendingInstances.delete(instanceId);
        continue;
      }
      if (now < inst.stateSettleAt) continue;
      this.pendingInstances.delete(instanceId);
      inst.stateSettleAt = null;
      if (inst.failStopAt != null && inst.state === 'running') {
        stopFailedInstance(this, inst, now);
        continue;
      }
      if (inst.state === 'stopping') inst.state = 'stopped';
      else if (inst.state === 'pending') inst.state = 'running';
    }
  }

  /**
   * A copy of the account as it is now, for the eventually consistent view of describes (lagged-view.ts). The
   * ID generator and the settings are shared: a view never mints IDs, and settings are not account state.
   */
  clone(): Store {
    const copy = Object.create(Store.prototype) as Store;
    for (const [key, value] of Object.entries(this)) {
      (copy as unknown as Record<string, unknown>)[key] =
        key === 'ids' || key === 'settings' ? value : structuredClone(value);
    }
    // structuredClone keeps data, not classes: give each subnet's address ledger its methods back.
    for (const [id, subnet] of copy.subnets)
      Object.setPrototypeOf(subnet.ledger, Object.getPrototypeOf(this.subnets.get(id)?.ledger));
    return copy;
  }

  /** Detach finished: the <attachment> disappears and the ENI is available; IPs and EIPs stay on it (ec2-rules §3.12). */
  completeDetach(eni: NetworkInterface): void {
    const att = eni.attachment;
    if (!att) return;
    const inst = this.instances.get(att.instanceId);
    if (inst) inst.eniIds = inst.eniIds.filter((id) => id !== eni.id);
    this.attachments.delete(att.id);
    eni.attachment = null;
  }
}
