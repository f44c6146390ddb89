// The checker with delegated prefixes, IPv6, special interface types and network cards (ec2-rules §2.7).
import { describe, expect, it } from 'vitest';
import { checkMove } from './rules';
import { snapshotSchema } from './schema';
import { ipSlots } from './slots';
import {
  demoIds as d,
  demoSnapshot,
  onNetworkCard,
  patchSnapshot,
  planOf,
  rulesOf,
  twoCardSnapshot,
} from '@/lib/testing/snapshots';

const prefixes = (n: number, third = 1) => Array.from({ length: n }, (_, i) => `10.0.${third}.${112 + i * 16}/28`);
/** web-1 eth0 (m5.large: 10 IPv4 slots) holds 4 addresses; `n` prefixes take n more slots. */
const withWebPrefixes = (n: number) =>
  patchSnapshot(demoSnapshot(), { enis: { [d.webEth0]: { ipv4Prefixes: prefixes(n) } } });

describe('delegated prefixes take IPv4 slots', () => {
  it('refuses moving an IP onto an ENI that prefixes fill, and says the prefixes fill it', () => {
    const v = checkMove(withWebPrefixes(6), { kind: 'move-ip', ip: '10.0.1.51', toEni: d.webEth0 });
    expect(rulesOf(v)).toEqual(['ip-slot-free']);
    const message = v.ok ? '' : (v.reasons[0]?.message ?? '');
    expect(message).toContain('4 private IPv4 addresses and 6 delegated /28 prefixes');
    expect(message).toContain('each prefix takes one address slot');
    expect(message).toContain('10 of the 10 IPv4 slots allowed per ENI on m5.large');
  });

  it('allows the move while a slot is left', () => {
    const plan = planOf(checkMove(withWebPrefixes(5), { kind: 'move-ip', ip: '10.0.1.51', toEni: d.webEth0 }));
    expect(plan.steps[0]?.action).toBe('AssignPrivateIpAddresses');
  });

  it('shows no free IP slot on an ENI that prefixes fill, and one per slot left otherwise', () => {
    const free = (n: number) => ipSlots(withWebPrefixes(n), d.webEth0).filter((s) => s.ip === null).length;
    expect(free(6)).toBe(0);
    expect(free(4)).toBe(2);
    expect(free(0)).toBe(6);
  });

  it('refuses assigning an address inside a delegated prefix', () => {
    const v = checkMove(withWebPrefixes(1), { kind: 'assign-ip', ip: '10.0.1.120', toEni: d.poolA });
    expect(rulesOf(v)).toEqual(['ip-free-in-subnet']);
    expect(v.ok ? '' : v.reasons[0]?.message).toContain('inside an IPv4 prefix delegated to web-1-eth0');
  });

  it('refuses attaching an ENI whose addresses and prefixes exceed the target type', () => {
    const s = patchSnapshot(demoSnapshot(), { enis: { [d.poolA]: { ipv4Prefixes: prefixes(9) } } });
    const v = checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.web });
    expect(rulesOf(v)).toEqual(['eni-ips-fit-type']);
    expect(v.ok ? '' : v.reasons[0]?.message).toMatch(
      /2 private IPv4 addresses and 9 delegated \/28 prefixes.*allows 10/,
    );
  });
});

describe('interface types', () => {
  it.each(['trunk', 'branch', 'efa'])('does not move a %s ENI, and says what it is for', (type) => {
    const s = patchSnapshot(demoSnapshot(), { enis: { [d.webEth1]: { interfaceType: type } } });
    const detach = checkMove(s, { kind: 'detach-eni', eni: d.webEth1 });
    expect(rulesOf(detach)).toEqual(['eni-type-movable']);
    expect(detach.ok ? '' : detach.reasons[0]?.message).toContain(`is a ${type} interface`);
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.webEth1, toInstance: d.batch }))).toContain(
      'eni-type-movable',
    );
  });
});

describe('network cards', () => {
  it('checks the card-0 limit of a multi-card type when DescribeInstanceTypes lists the cards', () => {
    const s = twoCardSnapshot();
    const v = checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.web });
    expect(rulesOf(v)).toEqual(['eni-slot-free']);
    expect(v.ok ? '' : v.reasons[0]?.message).toContain('2 of the 2 ENIs network card 0 of m5.large takes');
    // With one ENI moved to card 1, card 0 has room.
    const onCard1 = onNetworkCard(s, d.webEth1, 1);
    expect(checkMove(onCard1, { kind: 'move-eni', eni: d.poolA, toInstance: d.web }).ok).toBe(true);
  });
});

describe('schema', () => {
  it('parses snapshots with and without prefixes, IPv6 addresses, cards and subnet IPv6', () => {
    const old = demoSnapshot();
    expect(snapshotSchema.safeParse(old).success).toBe(true);
    const s = patchSnapshot(withWebPrefixes(2), {
      enis: { [d.webEth1]: { ipv6Addresses: ['2600:1f18:4a3:6e00::10'] } },
    });
    const parsed = snapshotSchema.parse({
      ...s,
      subnets: s.subnets.map((x) => ({ ...x, ipv6Cidr: '2600:1f18:4a3:6e00::/64' })),
    });
    expect(parsed.enis.find((e) => e.id === d.webEth0)?.ipv4Prefixes).toHaveLength(2);
    expect(parsed.enis.find((e) => e.id === d.webEth1)?.ipv6Addresses).toEqual(['2600:1f18:4a3:6e00::10']);
  });
});
