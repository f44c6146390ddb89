// What "the same state" means when comparing the emulator with applyMove: ids EC2 generates (attachment,
// association) and Amazon-assigned public IPv4s are left out; everything a move changes is kept.
import type { Snapshot } from '@/lib/topology';

/** One line per fact, so a difference reads as the lines only one side has. */
export function stateLines(s: Snapshot): string[] {
  const lines: string[] = [];
  for (const i of s.instances) lines.push(`${i.id} ${i.state}`);
  for (const sub of s.subnets) lines.push(`${sub.id} free=${sub.availableIpCount}`);
  for (const e of s.enis) {
    const a = e.attachment;
    const where = a ? `${a.instanceId ?? 'service'}#${a.deviceIndex}/${a.status}` : 'pool';
    const ips = e.privateIps
      .map(
        (p) =>
          `${p.primary ? '*' : ''}${p.address}${p.association?.allocationId ? `=${p.association.allocationId}` : ''}`,
      )
      .sort((x, y) => (x.startsWith('*') ? -1 : y.startsWith('*') ? 1 : x.localeCompare(y)));
    lines.push(`${e.id} ${e.status} ${where} [${ips.join(' ')}]${e.sourceDestCheck ? '' : ' no-source-dest-check'}`);
  }
  for (const eip of s.eips) {
    const at = eip.eniId ? `${eip.eniId}/${eip.privateIp} instance=${eip.instanceId ?? '-'}` : 'idle';
    lines.push(`${eip.allocationId} ${eip.associationId ? 'associated' : 'no-association'} ${at}`);
  }
  return lines.sort();
}

/** The lines only `expected` has (prefixed "- ") and only `actual` has ("+ "); empty when equal. */
export function stateDiff(expected: Snapshot, actual: Snapshot): string[] {
  const want = new Set(stateLines(expected));
  const got = new Set(stateLines(actual));
  return [
    ...[...want].filter((l) => !got.has(l)).map((l) => `- ${l}`),
    ...[...got].filter((l) => !want.has(l)).map((l) => `+ ${l}`),
  ];
}
