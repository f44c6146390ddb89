import { describe, expect, it } from 'vitest';
import { dhcpWarning, guestConfigFor, guestConfigTargetOf, subnetRouter } from './guest-config';
import {
  renderAmazonLinuxNote,
  renderGuestConfig,
  renderIfupdown,
  renderIproute2,
  renderNetplan,
} from './guest-config-render';
import { buildSnapshot } from '@/lib/testing/snapshots';

const snapshot = buildSnapshot({
  vpcs: [
    { id: 'vpc-1', cidr: '10.0.0.0/16' },
    { id: 'vpc-2', cidr: '172.31.0.0/16' },
  ],
  subnets: [
    { id: 'subnet-a', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24' },
    { id: 'subnet-b', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.2.0/24' },
    { id: 'subnet-wide', vpc: 'vpc-2', az: 'us-east-1a', cidr: '172.31.16.0/20' },
  ],
  instances: [
    { id: 'i-single', type: 't3.medium', subnet: 'subnet-a', enis: [{ id: 'eni-s0', ips: ['10.0.1.5'] }] },
    {
      id: 'i-ips',
      type: 't3.medium',
      subnet: 'subnet-a',
      name: 'tls',
      enis: [{ id: 'eni-t0', ips: ['10.0.1.10', '10.0.1.11', '10.0.1.12'] }],
    },
    {
      id: 'i-three',
      type: 'c5.xlarge',
      subnet: 'subnet-a',
      name: 'fw',
      enis: [
        { id: 'eni-f0', ips: ['10.0.1.20'] },
        // listed out of order, device index 2 before 1: names and tables follow the device index
        { id: 'eni-f2', ips: ['172.31.20.7'], subnet: 'subnet-wide', deviceIndex: 2 },
        { id: 'eni-f1', ips: ['10.0.2.20', '10.0.2.21'], subnet: 'subnet-b', deviceIndex: 1, name: 'fw-inside' },
      ],
    },
  ],
});

describe('guestConfigFor', () => {
  it('answers null for an instance the snapshot does not have', () => {
    expect(guestConfigFor(snapshot, 'i-missing')).toBeNull();
  });

  it('says no configuration is needed for one ENI with one address', () => {
    const c = guestConfigFor(snapshot, 'i-single')!;
    expect(c.needed).toBe(false);
    expect(c.summary).toMatch(/no extra configuration is needed/);
    expect(renderGuestConfig(c, 'iproute2')).toMatch(/^# .*no extra configuration is needed/);
    expect(dhcpWarning(c)).toBeNull();
  });

  it('needs configuration for secondary IPs on the primary ENI alone, without the DHCP warning', () => {
    const c = guestConfigFor(snapshot, 'i-ips')!;
    expect(c.needed).toBe(true);
    expect(c.interfaces.map((i) => [i.name, i.primaryAddress, i.secondaryAddresses])).toEqual([
      ['eth0', '10.0.1.10', ['10.0.1.11', '10.0.1.12']],
    ]);
    expect(dhcpWarning(c)).toBeNull();
  });

  it('names interfaces by device index and gives each a table, a rule priority and its subnet router (network + 1)', () => {
    const c = guestConfigFor(snapshot, 'i-three')!;
    expect(c.interfaces.map((i) => [i.name, i.eniId, i.table, i.rulePriority, i.subnetCidr, i.gateway])).toEqual([
      ['eth0', 'eni-f0', 1000, 1000, '10.0.1.0/24', '10.0.1.1'],
      ['eth1', 'eni-f1', 1001, 1001, '10.0.2.0/24', '10.0.2.1'],
      ['eth2', 'eni-f2', 1002, 1002, '172.31.16.0/20', '172.31.16.1'],
    ]);
    expect(dhcpWarning(c)).toMatch(/eth1, eth2 up with plain DHCP/);
  });

  it('leaves out an ENI whose subnet is not in the snapshot, and says so', () => {
    const partial = { ...snapshot, subnets: snapshot.subnets.filter((s) => s.id !== 'subnet-wide') };
    const c = guestConfigFor(partial, 'i-three')!;
    expect(c.interfaces.map((i) => i.name)).toEqual(['eth0', 'eth1']);
    expect(c.skipped).toEqual([{ eniId: 'eni-f2', subnetId: 'subnet-wide' }]);
    expect(renderIproute2(c)).toContain('# Left out: eni-f2 (its subnet subnet-wide is not in the snapshot');
  });
});

describe('notes', () => {
  it('warns when two ENIs of the instance share a subnet, and not otherwise', () => {
    const same = buildSnapshot({
      vpcs: [{ id: 'vpc-1', cidr: '10.0.0.0/16' }],
      subnets: [{ id: 'subnet-a', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24' }],
      instances: [
        {
          id: 'i-1',
          type: 'm5.large',
          subnet: 'subnet-a',
          enis: [
            { id: 'eni-1', ips: ['10.0.1.10'] },
            { id: 'eni-2', ips: ['10.0.1.11'] },
          ],
        },
      ],
    });
    const c = guestConfigFor(same, 'i-1')!;
    expect(c.notes).toEqual([
      expect.stringMatching(/^eth0 and eth1 are in the same subnet \(subnet-a\): AWS advises a secondary IP/),
    ]);
    expect(renderIproute2(c)).toContain('# Note: eth0 and eth1 are in the same subnet');
    expect(guestConfigFor(snapshot, 'i-three')!.notes).toEqual([]);
  });
});

describe('subnetRouter', () => {
  it('is the network address + 1, whatever address of the subnet the CIDR is written with', () => {
    expect(subnetRouter('10.0.1.0/24')).toBe('10.0.1.1');
    expect(subnetRouter('172.31.16.0/20')).toBe('172.31.16.1');
    expect(subnetRouter('10.0.1.77/28')).toBe('10.0.1.65');
    expect(subnetRouter('not-a-cidr')).toBeNull();
  });
});

describe('renderers', () => {
  const c = guestConfigFor(snapshot, 'i-three')!;

  it('iproute2: a table per ENI with its default route, a source rule per address, secondary addresses added', () => {
    const lines = renderIproute2(c).split('\n');
    for (const expected of [
      'ip addr replace 10.0.2.20/24 dev eth1',
      'ip addr replace 10.0.2.21/24 dev eth1',
      'ip route replace 10.0.2.0/24 dev eth1 src 10.0.2.20 table 1001',
      'ip route replace default via 10.0.2.1 dev eth1 table 1001',
      'ip rule add from 10.0.2.20 table 1001 priority 1001',
      'ip rule add from 10.0.2.21 table 1001 priority 1001',
      'ip route replace default via 172.31.16.1 dev eth2 table 1002',
      'ip rule add from 172.31.20.7 table 1002 priority 1002',
      'ip route replace default via 10.0.1.1 dev eth0 table 1000',
      'ip rule add from 10.0.1.20 table 1000 priority 1000',
    ]) {
      expect(lines).toContain(expected);
    }
    // eth0's primary address and main default route belong to DHCP: the script never touches them
    expect(lines).not.toContain('ip addr replace 10.0.1.20/24 dev eth0');
    expect(lines.filter((l) => l.startsWith('ip route del default'))).toEqual([
      'ip route del default dev eth1 2>/dev/null || true  # no default route via eth1 in the main table (DHCP)',
      'ip route del default dev eth2 2>/dev/null || true  # no default route via eth2 in the main table (DHCP)',
    ]);
  });

  it('netplan: eth0 keeps DHCP, later interfaces are static with table routes and a routing-policy entry per address', () => {
    const yaml = renderNetplan(c);
    expect(yaml).toContain('network:\n  version: 2\n  ethernets:\n');
    const eth1 = yaml.slice(yaml.indexOf('    eth1:'), yaml.indexOf('    # eth2'));
    expect(eth1).toContain('dhcp4: false');
    expect(eth1).toContain('      addresses:\n        - 10.0.2.20/24\n        - 10.0.2.21/24\n');
    expect(eth1).toContain('        - to: default\n          via: 10.0.2.1\n          table: 1001\n');
    expect(eth1).toContain('        - from: 10.0.2.21/32\n          table: 1001\n          priority: 1001\n');
    expect(eth1).not.toMatch(/gateway4|dhcp4: true/);
    const eth0 = yaml.slice(yaml.indexOf('    eth0:'), yaml.indexOf('    # eth1'));
    expect(eth0).toContain('dhcp4: true\n      dhcp4-overrides:\n        route-metric: 100');
    expect(eth0).not.toContain('addresses:');
  });

  it('netplan matches each interface by MAC when the snapshot has it', () => {
    const withMac = {
      ...snapshot,
      enis: snapshot.enis.map((e) => (e.id === 'eni-f1' ? { ...e, macAddress: '0a:11:22:33:44:55' } : e)),
    };
    const yaml = renderNetplan(guestConfigFor(withMac, 'i-three')!);
    expect(yaml).toContain('    eth1:\n      match:\n        macaddress: "0a:11:22:33:44:55"\n      set-name: eth1\n');
  });

  it('ifupdown: post-up routes and rules, no gateway line on the secondary interfaces, rules removed on pre-down', () => {
    const text = renderIfupdown(c);
    expect(text).toContain('auto eth0\niface eth0 inet dhcp\n');
    expect(text).toContain('allow-hotplug eth1\niface eth1 inet static\n    address 10.0.2.20/24\n');
    expect(text).toContain('    post-up ip addr replace 10.0.2.21/24 dev eth1\n');
    expect(text).toContain('    post-up ip route replace default via 10.0.2.1 dev eth1 table 1001\n');
    expect(text).toContain('    pre-down ip rule del from 10.0.2.21 table 1001 priority 1001 || true\n');
    expect(text).not.toMatch(/^\s*gateway /m);
  });

  it('every format carries the DHCP warning; the Amazon Linux note says there is nothing to do and what to check', () => {
    for (const format of ['iproute2', 'netplan', 'ifupdown'] as const)
      expect(renderGuestConfig(c, format)).toContain('# Warning: do not bring eth1, eth2 up');
    const note = renderAmazonLinuxNote(c);
    expect(note).toMatch(/nothing to do/);
    expect(note).toContain('amazon-ec2-net-utils');
    expect(note).toContain('eth1 (fw-inside (eni-f1)): 10.0.2.20, 10.0.2.21 via 10.0.2.1');
  });
});

describe('guestConfigTargetOf', () => {
  it('names the instance an ENI attaches to, or the instance of the ENI a secondary IP moves onto', () => {
    expect(guestConfigTargetOf(snapshot, { kind: 'move-eni', toInstance: 'i-single' })).toBe('i-single');
    expect(guestConfigTargetOf(snapshot, { kind: 'move-ip', toEni: 'eni-f1' })).toBe('i-three');
  });

  it('names none for moves that change nothing in a guest', () => {
    expect(guestConfigTargetOf(snapshot, { kind: 'detach-eni' })).toBeNull();
    expect(guestConfigTargetOf(snapshot, { kind: 'move-eip', toEni: 'eni-f1' })).toBeNull();
  });
});
