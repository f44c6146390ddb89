// The generated iproute2 script and ifupdown stanzas, applied for real inside Linux network namespaces that mirror each instance's
// ENIs and subnets (lib/testing/netns-lab.ts): each source address must leave by its own interface and router, and
// a client beyond each router must get its replies. Runs as root (npm test installs iproute2 and iputils-ping).
import { afterAll, describe, expect, it } from 'vitest';
import { addAddressesOnly, buildNetnsLab, ifupScript, netnsSupport, type NetnsLab } from '@/lib/testing/netns-lab';
import { guestConfigFor, type GuestConfig } from './guest-config';
import { renderIfupdown, renderIproute2 } from './guest-config-render';
import { buildSnapshot } from '@/lib/testing/snapshots';

const support = netnsSupport();
if (!support.ok) console.warn(`guest-config-netns: skipped — ${support.reason}`);

const snapshot = buildSnapshot({
  vpcs: [
    { id: 'vpc-1', cidr: '10.20.0.0/16' },
    { id: 'vpc-2', cidr: '172.31.0.0/16' },
  ],
  subnets: [
    { id: 'subnet-front', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.20.1.0/24' },
    { id: 'subnet-back', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.20.2.0/24' },
    { id: 'subnet-mgmt', vpc: 'vpc-2', az: 'us-east-1a', cidr: '172.31.16.0/20' },
  ],
  instances: [
    {
      id: 'i-two',
      type: 't3.medium',
      subnet: 'subnet-front',
      name: 'app',
      enis: [
        { id: 'eni-a0', ips: ['10.20.1.10'] },
        { id: 'eni-a1', ips: ['10.20.2.10'], subnet: 'subnet-back' },
      ],
    },
    {
      id: 'i-three',
      type: 'c5.xlarge',
      subnet: 'subnet-front',
      name: 'fw',
      enis: [
        { id: 'eni-f0', ips: ['10.20.1.20'] },
        { id: 'eni-f1', ips: ['10.20.2.20'], subnet: 'subnet-back' },
        { id: 'eni-f2', ips: ['172.31.20.7'], subnet: 'subnet-mgmt' },
      ],
    },
    {
      id: 'i-ips',
      type: 'm5.large',
      subnet: 'subnet-front',
      name: 'tls',
      enis: [
        { id: 'eni-t0', ips: ['10.20.1.30', '10.20.1.31', '10.20.1.32'] },
        { id: 'eni-t1', ips: ['10.20.2.30', '10.20.2.31'], subnet: 'subnet-back' },
      ],
    },
    {
      // Two ENIs in one subnet, like showcase's app-1: AWS warns of asymmetric routing here.
      id: 'i-same',
      type: 'm5.large',
      subnet: 'subnet-front',
      name: 'data',
      enis: [
        { id: 'eni-d0', ips: ['10.20.1.40'] },
        { id: 'eni-d1', ips: ['10.20.1.50', '10.20.1.51'] },
      ],
    },
  ],
});

const labs: NetnsLab[] = [];
afterAll(() => {
  for (const lab of labs.splice(0)) lab.destroy();
});

/** "via <gw> dev <if>" of `ip route get <dst> from <src>` in the instance's namespace. */
function routeOf(lab: NetnsLab, dst: string, src: string): string {
  const r = lab.exec(lab.instance, ['ip', '-4', 'route', 'get', dst, 'from', src]);
  const m = /via (\S+) dev (\S+)/.exec(r.out);
  counts.routes += 1;
  return m ? `via ${m[1]} dev ${m[2]}` : r.out.trim();
}

const counts = { routes: 0, pings: 0, refused: 0 };

function ping(lab: NetnsLab, ns: string, target: string, from?: string): boolean {
  const ok = lab.exec(ns, ['ping', '-n', '-q', '-c', '1', '-W', '2', ...(from ? ['-I', from] : []), target]).ok;
  if (ok) counts.pings += 1;
  else counts.refused += 1;
  return ok;
}

const addressesOf = (c: GuestConfig) =>
  c.interfaces.flatMap((i) => [i.primaryAddress, ...i.secondaryAddresses].map((address) => ({ i, address })));

describe.skipIf(!support.ok)(
  'generated guest configuration (iproute2 script, ifupdown stanzas) in network namespaces',
  () => {
    const cases = [
      ['iproute2', 'i-two', 'two ENIs'],
      ['iproute2', 'i-three', 'three ENIs in two VPCs'],
      ['iproute2', 'i-ips', 'two ENIs with secondary IPs'],
      ['iproute2', 'i-same', 'two ENIs in one subnet'],
      // The ifupdown stanzas carry the same commands as post-up lines: brought up as ifup would, they must hold too.
      ['ifupdown', 'i-three', 'three ENIs in two VPCs'],
      ['ifupdown', 'i-ips', 'two ENIs with secondary IPs'],
    ] as const;
    for (const [format, instanceId, what] of cases) {
      it(`${format}: answers on the interface a packet arrived on: ${what}`, () => {
        const config = guestConfigFor(snapshot, instanceId)!;
        const lab = buildNetnsLab(config, `${format[1]}${instanceId.slice(2, 5)}`);
        Object.assign(counts, { routes: 0, pings: 0, refused: 0 });
        labs.push(lab);
        const later = addressesOf(config).filter(({ i }) => i.deviceIndex > 0);

        // Control: with the addresses up but no policy routing, replies from eth1 and later leave by eth0 and die.
        addAddressesOnly(lab, config);
        for (const { i, address } of later) {
          expect(routeOf(lab, lab.remoteOf(i.subnetCidr).remoteAddress, address)).toBe(
            `via ${config.interfaces[0]!.gateway} dev eth0`,
          );
          expect(
            ping(lab, lab.remoteOf(i.subnetCidr).remote, address),
            `${address} answered without policy routing`,
          ).toBe(false);
        }

        // The control's unanswered ARP requests (strict rp_filter refuses them too) leave neighbour entries resolving;
        // start the real check from a clean cache, as an instance configured at boot would.
        for (const ns of [lab.instance, ...lab.subnets.map((s) => s.router)])
          lab.exec(ns, ['ip', 'neigh', 'flush', 'all']);

        const script = format === 'iproute2' ? renderIproute2(config) : ifupScript(renderIfupdown(config));
        const applied = lab.exec(lab.instance, ['sh', '-s'], script);
        expect(applied.out).toBe('');
        expect(applied.ok).toBe(true);
        if (format === 'iproute2') {
          // Safe to run again: the same rules, not twice as many.
          const rules = lab.exec(lab.instance, ['ip', 'rule', 'show']).out;
          expect(lab.exec(lab.instance, ['sh', '-s'], script).ok).toBe(true);
          expect(lab.exec(lab.instance, ['ip', 'rule', 'show']).out).toBe(rules);
        }

        for (const { i, address } of addressesOf(config)) {
          const own = lab.remoteOf(i.subnetCidr);
          // Every source leaves by its own interface and router, whatever the destination…
          expect(routeOf(lab, '203.0.113.9', address)).toBe(`via ${i.gateway} dev ${i.name}`);
          for (const s of lab.subnets)
            expect(routeOf(lab, s.remoteAddress, address)).toBe(`via ${i.gateway} dev ${i.name}`);
          // …the client beyond its router gets replies (its router is the only way back to it)…
          expect(ping(lab, own.remote, address), `${own.remoteAddress} → ${address}`).toBe(true);
          // …and the instance reaches it and its router from that source.
          expect(ping(lab, lab.instance, own.remoteAddress, address), `${address} → ${own.remoteAddress}`).toBe(true);
          expect(ping(lab, lab.instance, i.gateway, address), `${address} → router ${i.gateway}`).toBe(true);
        }
        // The main table still sends everything else by eth0: an SSH session to eth0 is never cut off.
        expect(
          lab
            .exec(lab.instance, ['ip', 'route', 'show', 'default'])
            .out.trim()
            .split('\n')
            .map((l) => l.trim()),
        ).toEqual([`default via ${config.interfaces[0]!.gateway} dev eth0`]);
        console.info(
          `${format} ${instanceId} (${what}): ${counts.routes} route checks, ${counts.pings} pings answered; control: ${counts.refused} pings unanswered before the configuration`,
        );
      });
    }
  },
);
