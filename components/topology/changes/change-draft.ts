// A change form's fields → the move it asks for, and the verdict of the same pure rules the server applies:
// schema errors first (what to type), then the checker's reasons with their rule ids.
import {
  checkMove,
  moveSchema,
  type CheckSettings,
  type Move,
  type Plan,
  type Reason,
  type Snapshot,
} from '@/lib/topology';
import type { ChangeAction, ChangeTarget } from './change-actions';

export type Fields = {
  subnetId: string;
  name: string;
  description: string;
  privateIp: string;
  secondaryCount: string;
  groupIds: string[];
  attach: boolean;
  instanceId: string;
  mode: 'count' | 'addresses';
  count: string;
  addresses: string;
  selected: string[];
  enabled: boolean;
  /** The whole tag list as edited, one `key=value` per line. */
  tagLines: string;
};

export type DraftVerdict =
  { state: 'invalid'; problems: string[] } | { state: 'refused'; reasons: Reason[] } | { state: 'ok'; plan: Plan };

const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** The current tags of the ENI, Elastic IP or instance a set-tags edits. */
function tagsOf(snapshot: Snapshot, target: ChangeTarget): Record<string, string> {
  if (target.kind === 'eni') return snapshot.enis.find((e) => e.id === target.id)?.tags ?? {};
  if (target.kind === 'eip') return snapshot.eips.find((e) => e.allocationId === target.id)?.tags ?? {};
  if (target.kind === 'instance') return snapshot.instances.find((i) => i.id === target.id)?.tags ?? {};
  return {};
}

/** `key=value` lines → tags; a line without `=` is a key with an empty value, as EC2 allows. */
function parseTagLines(text: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    tags[key] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  return tags;
}

export function initialFields(snapshot: Snapshot, action: ChangeAction, target: ChangeTarget): Fields {
  const eniId = target.kind === 'eni' ? target.id : target.kind === 'ip' ? target.eniId : '';
  const eni = snapshot.enis.find((e) => e.id === eniId);
  const instance = target.kind === 'instance' ? snapshot.instances.find((i) => i.id === target.id) : undefined;
  return {
    subnetId: target.kind === 'subnet' ? target.id : (instance?.subnetId ?? snapshot.subnets[0]?.id ?? ''),
    name: '',
    // Editing a description starts from the current one.
    description: action === 'set-description' ? (eni?.description ?? '') : '',
    privateIp: '',
    secondaryCount: '0',
    groupIds: action === 'set-security-groups' ? (eni?.groups.map((g) => g.id) ?? []) : [],
    attach: action === 'create-attach-eni',
    instanceId: instance?.id ?? '',
    mode: 'count',
    count: '1',
    addresses: '',
    selected: target.kind === 'ip' ? [target.address] : [],
    enabled: eni ? !eni.sourceDestCheck : false,
    tagLines: Object.entries(tagsOf(snapshot, target))
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  };
}

/** The move the fields describe (not yet validated). */
export function draftMove(
  action: ChangeAction,
  target: ChangeTarget,
  f: Fields,
  snapshot: Snapshot,
): Record<string, unknown> {
  const eni = target.kind === 'eni' ? target.id : target.kind === 'ip' ? target.eniId : '';
  switch (action) {
    case 'create-eni':
    case 'create-attach-eni':
      return {
        kind: 'create-eni',
        subnetId: f.subnetId,
        ...(f.name.trim() ? { name: f.name.trim() } : {}),
        ...(f.description ? { description: f.description } : {}),
        ...(f.privateIp.trim() ? { privateIp: f.privateIp.trim() } : {}),
        ...(f.secondaryCount.trim() && f.secondaryCount.trim() !== '0'
          ? { secondaryCount: Number(f.secondaryCount) }
          : {}),
        ...(f.groupIds.length ? { securityGroupIds: f.groupIds } : {}),
        ...(f.attach && f.instanceId ? { attachTo: { instanceId: f.instanceId } } : {}),
      };
    case 'assign-ips':
      return f.mode === 'count'
        ? { kind: 'assign-ips', eni, count: Number(f.count) }
        : { kind: 'assign-ips', eni, addresses: words(f.addresses) };
    case 'unassign-ips':
    case 'unassign-ip':
      return { kind: 'unassign-ips', eni, addresses: f.selected };
    case 'delete-eni':
      return { kind: 'delete-eni', eni };
    case 'allocate-eip':
      return { kind: 'allocate-eip', ...(f.name.trim() ? { name: f.name.trim() } : {}) };
    case 'release-eip':
      return { kind: 'release-eip', allocationId: target.kind === 'eip' ? target.id : '' };
    case 'source-dest-check':
      return { kind: 'set-source-dest-check', eni, enabled: f.enabled };
    case 'set-description':
      return { kind: 'set-description', eni, description: f.description };
    case 'set-security-groups':
      return { kind: 'set-security-groups', eni, groupIds: f.groupIds };
    case 'set-tags': {
      // The edited list against the current one: what differs is set, what is gone is removed.
      const before = tagsOf(snapshot, target);
      const after = parseTagLines(f.tagLines);
      const remove = Object.keys(before).filter((k) => !(k in after));
      return {
        kind: 'set-tags',
        resourceId: target.kind === 'eip' || target.kind === 'instance' ? target.id : eni,
        tags: Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v)),
        ...(remove.length > 0 ? { remove } : {}),
      };
    }
    case 'stop-instance':
    case 'start-instance':
      return { kind: action, instance: target.kind === 'instance' ? target.id : '' };
  }
}

export function judgeDraft(snapshot: Snapshot, settings: CheckSettings, draft: Record<string, unknown>): DraftVerdict {
  const parsed = moveSchema.safeParse(draft);
  if (!parsed.success)
    return {
      state: 'invalid',
      problems: parsed.error.issues.map((i) => {
        const field = i.path.filter((p) => typeof p !== 'number').join(' ');
        return field ? `${field}: ${i.message}` : i.message;
      }),
    };
  const verdict = checkMove(snapshot, parsed.data as Move, settings);
  return verdict.ok ? { state: 'ok', plan: verdict.plan } : { state: 'refused', reasons: verdict.reasons };
}
