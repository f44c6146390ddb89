// The guest OS side of a multi-ENI or multi-IP instance: per interface, the route table, the subnet's router and
// the source rules that make replies leave by the interface the request arrived on (no asymmetric routing).
import { z } from 'zod';
import { indexSnapshot } from './index';
import { intToIp, parseCidr } from './ipv4';
import type { Instance, Snapshot } from './schema';

export const guestFormats = ['iproute2', 'netplan', 'ifupdown'] as const;
export type GuestFormat = (typeof guestFormats)[number];

/**
 * Route table of ethN: 1000 + N. Clear of the kernel's reserved tables (253 default, 254 main, 255 local) and of
 * the 10000+ range amazon-ec2-net-utils uses on Amazon Linux, so the two never overwrite each other.
 */
export const TABLE_BASE = 1000;
/** Priority of ethN's source rules: 1000 + N, ahead of the rule that sends everything to main (32766). */
export const RULE_PRIORITY_BASE = 1000;

export interface GuestInterface {
  /** eth0, eth1, … by device index (the names the kernel gives on Amazon Linux 2; Ubuntu and Debian say ens5, ens6…). */
  name: string;
  deviceIndex: number;
  eniId: string;
  eniName: string | null;
  /** Ties the name to the device: `ip -br link` shows it. */
  macAddress: string | null;
  subnetId: string;
  subnetCidr: string;
  prefix: number;
  /** The subnet's router: its network address + 1 (AWS reserves it for the VPC router). */
  gateway: string;
  table: number;
  rulePriority: number;
  primaryAddress: string;
  secondaryAddresses: string[];
}

export interface GuestConfig {
  instance: Instance;
  /** False for one ENI with one address: the distribution's default DHCP configuration is already right. */
  needed: boolean;
  /** One sentence: why the configuration is (or is not) needed. */
  summary: string;
  /** Sorted by device index. */
  interfaces: GuestInterface[];
  /** ENIs left out because their subnet is not in the snapshot (so their router is unknown). */
  skipped: { eniId: string; subnetId: string }[];
  /** Caveats for this instance, e.g. two ENIs in one subnet. */
  notes: string[];
}

/** The subnet's router: network address + 1 ("the first host address"), or null for a malformed CIDR. */
export function subnetRouter(cidr: string): string | null {
  const c = parseCidr(cidr);
  return c === null || c.prefix > 30 ? null : intToIp(c.base + 1);
}

/** The guest configuration of an instance, or null when the snapshot has no such instance. */
export function guestConfigFor(snapshot: Snapshot, instanceId: string): GuestConfig | null {
  const ix = indexSnapshot(snapshot);
  const instance = ix.instanceById.get(instanceId);
  if (!instance) return null;
  const interfaces: GuestInterface[] = [];
  const skipped: GuestConfig['skipped'] = [];
  for (const eni of ix.enisByInstance.get(instanceId) ?? []) {
    const deviceIndex = eni.attachment?.deviceIndex ?? 0;
    const subnet = ix.subnetById.get(eni.subnetId);
    const cidr = subnet ? parseCidr(subnet.cidr) : null;
    const gateway = subnet ? subnetRouter(subnet.cidr) : null;
    const primary = eni.privateIps.find((p) => p.primary) ?? eni.privateIps[0];
    if (!subnet || !cidr || !gateway || !primary) {
      skipped.push({ eniId: eni.id, subnetId: eni.subnetId });
      continue;
    }
    interfaces.push({
      name: `eth${deviceIndex}`,
      deviceIndex,
      eniId: eni.id,
      eniName: eni.name,
      macAddress: eni.macAddress,
      subnetId: subnet.id,
      subnetCidr: `${intToIp(cidr.base)}/${cidr.prefix}`,
      prefix: cidr.prefix,
      gateway,
      table: TABLE_BASE + deviceIndex,
      rulePriority: RULE_PRIORITY_BASE + deviceIndex,
      primaryAddress: primary.address,
      secondaryAddresses: eni.privateIps.filter((p) => p !== primary).map((p) => p.address),
    });
  }
  interfaces.sort((a, b) => a.deviceIndex - b.deviceIndex);
  const addressCount = interfaces.reduce((n, i) => n + 1 + i.secondaryAddresses.length, 0);
  const needed = interfaces.length > 1 || addressCount > 1;
  return {
    instance,
    needed,
    summary: summaryOf(instance, interfaces, addressCount, needed),
    interfaces,
    skipped,
    notes: notesOf(interfaces),
  };
}

/** AWS's own advice (best practices for network interfaces): ENIs sharing a subnet invite asymmetric routing. */
function notesOf(interfaces: GuestInterface[]): string[] {
  const bySubnet = new Map<string, string[]>();
  for (const i of interfaces) bySubnet.set(i.subnetId, [...(bySubnet.get(i.subnetId) ?? []), i.name]);
  return [...bySubnet.entries()]
    .filter(([, names]) => names.length > 1)
    .map(
      ([subnetId, names]) =>
        `${names.join(' and ')} are in the same subnet (${subnetId}): AWS advises a secondary IP on one ENI instead where possible; ` +
        'with both, these source rules are what keeps each reply on its own interface.',
    );
}

function summaryOf(instance: Instance, interfaces: GuestInterface[], addressCount: number, needed: boolean): string {
  const who = instance.name ? `${instance.name} (${instance.id})` : instance.id;
  if (interfaces.length === 0) return `${who} has no attached ENI in this snapshot: there is nothing to configure.`;
  if (!needed) {
    return `${who} has one ENI with one private IP: the distribution's default DHCP configuration already routes it; no extra configuration is needed.`;
  }
  if (interfaces.length === 1) {
    return `${who} has one ENI with ${addressCount} private IPv4 addresses: outside Amazon Linux the OS does not add the secondary IPs by itself; this adds them and keeps the replies from each on eth0.`;
  }
  return `${who} has ${interfaces.length} ENIs and ${addressCount} private IPv4 addresses: without a route table per interface, replies to traffic that arrives on eth1 or later follow the main table's default route out of eth0 and are dropped.`;
}

/** The DHCP default-route warning, shown with every format. */
export function dhcpWarning(config: GuestConfig): string | null {
  const secondary = config.interfaces.filter((i) => i.deviceIndex > 0).map((i) => i.name);
  if (secondary.length === 0) return null;
  return (
    `Do not bring ${secondary.join(', ')} up with plain DHCP: the DHCP client installs a second default route in the main ` +
    `table, and if it wins (a lower metric, or eth0's lease renews later) every reply to your SSH session leaves by the ` +
    `wrong interface and the session hangs. Configure ${secondary.length > 1 ? 'them' : 'it'} statically as below (no gateway in the main table), ` +
    'or keep DHCP but refuse its routes (netplan: dhcp4-overrides: {use-routes: false}; ifupdown/dhclient: a higher metric) ' +
    'and test from a second session (netplan try rolls back by itself).'
  );
}

/** The query of GET /api/instances/{id}/guest-config, checked before the snapshot is read. */
export const guestConfigRequestSchema = z.object({
  id: z.string().regex(/^i-[0-9a-f]{8}([0-9a-f]{9})?$/, 'Expected an instance id such as i-0123456789abcdef0'),
  format: z.enum(guestFormats, { error: `Expected format=${guestFormats.join(', format=')}` }),
});

/**
 * The instance whose guest OS a move changes: the one an ENI is attached to, or the one a secondary IP moves onto.
 * Null for moves that add nothing to a guest (detach, unassign, Elastic IPs: those are mapped outside the OS).
 */
export function guestConfigTargetOf(
  snapshot: Snapshot,
  move: { kind: string; toInstance?: string; toEni?: string },
): string | null {
  if (move.kind === 'move-eni') return move.toInstance ?? null;
  if ((move.kind === 'move-ip' || move.kind === 'assign-ip') && move.toEni) {
    return indexSnapshot(snapshot).eniById.get(move.toEni)?.attachment?.instanceId ?? null;
  }
  return null;
}
