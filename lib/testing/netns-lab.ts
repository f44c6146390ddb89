// Test support: a small VPC made of Linux network namespaces, to prove the generated guest configuration for real.
// One namespace for the instance (an interface eth<N> per ENI), one per subnet router (holding the subnet's .1 on
// a port per ENI, like the VPC router), and one "remote" client beyond each router. Needs root and iproute2.
import { execFileSync, spawnSync } from 'node:child_process';
import type { GuestConfig } from '@/lib/topology/guest-config';

export type NetnsSupport = { ok: true } | { ok: false; reason: string };

/** Whether this machine can build namespaces (root, iproute2, ping, and a kernel that allows `ip netns add`). */
export function netnsSupport(): NetnsSupport {
  if (process.platform !== 'linux') return { ok: false, reason: 'network namespaces need Linux' };
  if (process.getuid?.() !== 0)
    return { ok: false, reason: 'network namespaces need root (npm test runs it as root in CI)' };
  for (const [tool, pkg] of [
    ['ip', 'iproute2'],
    ['ping', 'iputils-ping'],
  ] as const) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      return { ok: false, reason: `${tool} is missing (apt-get install -y ${pkg})` };
  }
  const probe = `gcprobe-${process.pid}`;
  const add = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (add.status !== 0) return { ok: false, reason: `ip netns add is not allowed here: ${add.stderr.trim()}` };
  spawnSync('ip', ['netns', 'del', probe]);
  return { ok: true };
}

/** The address of the remote client beyond the router of the k-th subnet (198.18.0.0/15 is for testing). */
export const remoteAddress = (k: number) => `198.18.${k}.2`;

export interface NetnsLab {
  instance: string;
  /** One per distinct subnet CIDR, in the order the interfaces first use them. */
  subnets: { cidr: string; gateway: string; router: string; remote: string; remoteAddress: string }[];
  /** Runs a command in a namespace; returns { ok, out } instead of throwing (a failed ping is an answer). */
  exec(ns: string, args: string[], input?: string): { ok: boolean; out: string };
  /** The remote namespace reached through the router of the interface's subnet. */
  remoteOf(cidr: string): { remote: string; remoteAddress: string };
  destroy(): void;
}

const sh = (args: string[], input?: string) =>
  execFileSync(args[0]!, args.slice(1), { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

/**
 * Builds the lab for `config` in the state a booted instance is in: eth0 up with its primary address and the main
 * table's default route via its router (what DHCP gives), the other interfaces present but unconfigured.
 * `tag` keeps the names of parallel labs apart; names carry the pid so concurrent runs never collide.
 */
export function buildNetnsLab(config: GuestConfig, tag: string): NetnsLab {
  const base = `gc${process.pid}${tag}`;
  const created: string[] = [];
  const addNs = (name: string) => {
    sh(['ip', 'netns', 'add', name]);
    created.push(name);
    sh(['ip', '-n', name, 'link', 'set', 'lo', 'up']);
    return name;
  };
  const sysctl = (ns: string, ...settings: string[]) =>
    sh(['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', ...settings]);
  const lab: NetnsLab = {
    instance: '',
    subnets: [],
    exec(ns, args, input) {
      const r = spawnSync('ip', ['netns', 'exec', ns, ...args], { input, encoding: 'utf8', timeout: 20_000 });
      return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
    },
    remoteOf(cidr) {
      const s = lab.subnets.find((x) => x.cidr === cidr);
      if (!s) throw new Error(`no subnet ${cidr} in the lab`);
      return s;
    },
    destroy() {
      // Deleting a namespace deletes its veth ends, and with them their peers.
      for (const ns of created.splice(0).reverse()) spawnSync('ip', ['netns', 'del', ns]);
    },
  };
  try {
    lab.instance = addNs(`${base}-inst`);
    // Strict reverse-path filtering, as a hardened guest has it: the source rules must satisfy it too.
    // arp_ignore=1: only the interface that holds an address answers ARP for it, as the VPC does.
    sysctl(
      lab.instance,
      'net.ipv4.conf.all.rp_filter=1',
      'net.ipv4.conf.default.rp_filter=1',
      'net.ipv4.conf.all.arp_ignore=1',
      'net.ipv4.conf.default.arp_ignore=1',
    );
    for (const iface of config.interfaces) {
      let subnet = lab.subnets.find((s) => s.cidr === iface.subnetCidr);
      if (!subnet) {
        const k = lab.subnets.length;
        const router = addNs(`${base}-r${k}`);
        const remote = addNs(`${base}-x${k}`);
        // The router forwards only between its subnet and its remote, with strict reverse-path filtering: a packet
        // must arrive on the port of the ENI that holds its source address, or it is dropped (the VPC's
        // source/destination check), and a packet from another subnet has no route back at all.
        sysctl(router, 'net.ipv4.ip_forward=1', 'net.ipv4.conf.all.rp_filter=1', 'net.ipv4.conf.default.rp_filter=1');
        sh(['ip', '-n', router, 'link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', remote]);
        sh(['ip', '-n', router, 'addr', 'add', `198.18.${k}.1/24`, 'dev', 'up0']);
        sh(['ip', '-n', router, 'link', 'set', 'up0', 'up']);
        sh(['ip', '-n', remote, 'addr', 'add', `${remoteAddress(k)}/24`, 'dev', 'eth0']);
        sh(['ip', '-n', remote, 'link', 'set', 'eth0', 'up']);
        sh(['ip', '-n', remote, 'route', 'add', 'default', 'via', `198.18.${k}.1`]);
        subnet = { cidr: iface.subnetCidr, gateway: iface.gateway, router, remote, remoteAddress: remoteAddress(k) };
        lab.subnets.push(subnet);
      }
      // One router port per ENI, each holding the router's address, and a host route per address the ENI holds:
      // the router knows which ENI owns which address, as the VPC does (two ENIs in one subnet stay apart).
      const port = `p${iface.deviceIndex}`;
      sh([
        'ip',
        '-n',
        lab.instance,
        'link',
        'add',
        iface.name,
        'type',
        'veth',
        'peer',
        'name',
        port,
        'netns',
        subnet.router,
      ]);
      sh(['ip', '-n', subnet.router, 'addr', 'add', `${iface.gateway}/${iface.prefix}`, 'dev', port, 'noprefixroute']);
      sh(['ip', '-n', subnet.router, 'link', 'set', port, 'up']);
      for (const a of [iface.primaryAddress, ...iface.secondaryAddresses])
        sh(['ip', '-n', subnet.router, 'route', 'add', `${a}/32`, 'dev', port]);
      if (iface.deviceIndex === 0) {
        sh(['ip', '-n', lab.instance, 'addr', 'add', `${iface.primaryAddress}/${iface.prefix}`, 'dev', iface.name]);
        sh(['ip', '-n', lab.instance, 'link', 'set', iface.name, 'up']);
        sh(['ip', '-n', lab.instance, 'route', 'add', 'default', 'via', iface.gateway, 'dev', iface.name]);
      }
    }
    return lab;
  } catch (err) {
    lab.destroy();
    throw err;
  }
}

/**
 * What a guest without policy routing has once every address is up: each address on its interface, eth0's
 * default route only. Used as the control: replies from eth1 and later must fail here.
 */
export function addAddressesOnly(lab: NetnsLab, config: GuestConfig): void {
  for (const i of config.interfaces) {
    for (const a of i.deviceIndex === 0 ? i.secondaryAddresses : [i.primaryAddress, ...i.secondaryAddresses]) {
      sh(['ip', '-n', lab.instance, 'addr', 'add', `${a}/${i.prefix}`, 'dev', i.name]);
    }
    sh(['ip', '-n', lab.instance, 'link', 'set', i.name, 'up']);
  }
}

/**
 * What ifup does with the generated /etc/network/interfaces stanzas, as a shell script: for a static stanza the
 * address and link up, then every post-up line in order (a dhcp stanza's address is already there: the lab gave
 * eth0 its address as DHCP would). Only the stanza keywords the generator writes are understood.
 */
export function ifupScript(stanzas: string): string {
  const out: string[] = ['set -e'];
  let iface: string | null = null;
  for (const raw of stanzas.split('\n')) {
    const line = raw.trim();
    if (
      line === '' ||
      line.startsWith('#') ||
      line.startsWith('auto ') ||
      line.startsWith('allow-hotplug ') ||
      line.startsWith('pre-down ')
    )
      continue;
    const stanza = /^iface (\S+) inet (static|dhcp)$/.exec(line);
    if (stanza) {
      iface = stanza[1]!;
      out.push(`ip link set dev ${iface} up`);
      continue;
    }
    const address = /^address (\S+)$/.exec(line);
    if (address && iface) {
      out.push(`ip addr replace ${address[1]} dev ${iface}`);
      continue;
    }
    const postUp = /^post-up (.+)$/.exec(line);
    if (postUp) {
      out.push(postUp[1]!);
      continue;
    }
    throw new Error(`ifupScript: a line ifup would need but this lab does not understand: ${line}`);
  }
  return `${out.join('\n')}\n`;
}
