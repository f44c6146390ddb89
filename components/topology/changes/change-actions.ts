// Which console changes apply to a resource (instance, ENI, IP, Elastic IP, subnet, the idle-EIP pool), for its
// context menu and toolbar. Pure: the forms check each change with the same rules as the server.
import type { Snapshot } from '@/lib/topology';

export type ChangeTarget =
  | { kind: 'instance'; id: string }
  | { kind: 'subnet'; id: string }
  | { kind: 'eni'; id: string }
  | { kind: 'ip'; eniId: string; address: string }
  | { kind: 'eip'; id: string }
  | { kind: 'eip-pool' };

export type ChangeAction =
  | 'create-eni'
  | 'create-attach-eni'
  | 'delete-eni'
  | 'assign-ips'
  | 'unassign-ips'
  | 'unassign-ip'
  | 'allocate-eip'
  | 'release-eip'
  | 'source-dest-check'
  | 'set-description'
  | 'set-tags'
  | 'set-security-groups'
  | 'stop-instance'
  | 'start-instance';

export const actionLabels: Record<ChangeAction, string> = {
  'create-eni': 'Create ENI…',
  'create-attach-eni': 'Create and attach ENI…',
  'delete-eni': 'Delete ENI…',
  'assign-ips': 'Assign private IPs…',
  'unassign-ips': 'Unassign private IPs…',
  'unassign-ip': 'Unassign this IP…',
  'allocate-eip': 'Allocate Elastic IP…',
  'release-eip': 'Release Elastic IP…',
  'source-dest-check': 'Source/dest check…',
  'set-description': 'Edit description…',
  'set-tags': 'Edit tags…',
  'set-security-groups': 'Security groups…',
  'stop-instance': 'Stop instance…',
  'start-instance': 'Start instance…',
};

/** The changes offered on a resource; refused ones stay offered: their form says which rule refuses them. */
export function actionsFor(snapshot: Snapshot, target: ChangeTarget): ChangeAction[] {
  switch (target.kind) {
    case 'instance': {
      // Stop where it runs, Start where it is stopped; in between both, and their forms say why EC2 would refuse.
      const state = snapshot.instances.find((i) => i.id === target.id)?.state;
      const power: ChangeAction[] =
        state === 'running'
          ? ['stop-instance']
          : state === 'stopped'
            ? ['start-instance']
            : ['stop-instance', 'start-instance'];
      return ['create-attach-eni', ...power, 'set-tags'];
    }
    case 'subnet':
      return ['create-eni'];
    case 'eni': {
      const eni = snapshot.enis.find((e) => e.id === target.id);
      const secondaries = eni?.privateIps.some((p) => !p.primary) ?? false;
      return [
        'assign-ips',
        ...(secondaries ? (['unassign-ips'] as const) : []),
        'source-dest-check',
        'set-security-groups',
        'set-description',
        'set-tags',
        'delete-eni',
      ];
    }
    case 'ip': {
      const eni = snapshot.enis.find((e) => e.id === target.eniId);
      const primary = eni?.privateIps.find((p) => p.address === target.address)?.primary ?? true;
      return primary ? ['assign-ips'] : ['unassign-ip', 'assign-ips'];
    }
    case 'eip':
      return ['release-eip', 'set-tags', 'allocate-eip'];
    case 'eip-pool':
      return ['allocate-eip'];
  }
}

/** The resource a DOM element shows, from the ids the view gives them (eni-…, ip-…, eip-…, instance-…, subnet-row-…). */
export function targetOfDomId(snapshot: Snapshot, domId: string): ChangeTarget | null {
  if (domId === 'pool-eips') return { kind: 'eip-pool' };
  if (domId.startsWith('subnet-row-')) return { kind: 'subnet', id: domId.slice('subnet-row-'.length) };
  if (/^instance-i-/.test(domId)) return { kind: 'instance', id: domId.slice('instance-'.length) };
  if (/^eni-eni-/.test(domId)) return { kind: 'eni', id: domId.slice('eni-'.length) };
  if (/^eip-eipalloc-/.test(domId)) return { kind: 'eip', id: domId.slice('eip-'.length) };
  const ip = /^ip-(\d+\.\d+\.\d+\.\d+)$/.exec(domId)?.[1];
  if (ip) {
    const holder = snapshot.enis.find((e) => e.privateIps.some((p) => p.address === ip));
    return holder ? { kind: 'ip', eniId: holder.id, address: ip } : null;
  }
  return null;
}
