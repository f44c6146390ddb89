// What changed between two reads of the account: instances launched, stopped or gone, ENIs created, deleted,
// attached or detached, private IPs assigned, moved or unassigned, Elastic IPs allocated, released or
// re-associated, Name tags renamed. Pure: the auto-refresh diffs the view it showed against EC2's next answer.
import type { Eip, Eni, Instance, Snapshot } from '@/lib/topology';
import type { Selection } from './selection';
import { selectionDomId } from '../dom-ids';

export type ChangeKind = 'added' | 'removed' | 'changed';

export type Change = {
  /** Stable within one diff: for React keys and tests. */
  key: string;
  kind: ChangeKind;
  /** What to select and highlight; null when the resource is gone. */
  selection: Selection | null;
  /** The element that shows it (highlighted briefly), or null when gone. */
  domId: string | null;
  text: string;
};

type Names = { instance: (id: string | null) => string; eniPlace: (eni: Eni | undefined) => string };

function namesOf(s: Snapshot): Names {
  const instances = new Map(s.instances.map((i) => [i.id, i]));
  const instance = (id: string | null) => (id ? (instances.get(id)?.name ?? id) : '?');
  const eniPlace = (eni: Eni | undefined) => {
    if (!eni) return 'an ENI that is gone';
    const a = eni.attachment;
    if (a?.instanceId) return `eth${a.deviceIndex} of ${instance(a.instanceId)}`;
    return a ? `${eni.name ?? eni.id} (service-managed)` : `${eni.name ?? eni.id} (unattached)`;
  };
  return { instance, eniPlace };
}

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));

function instanceChanges(before: Snapshot, after: Snapshot, out: Change[]): void {
  const old = byId(before.instances);
  const label = (i: Instance) => (i.name ? `${i.name} (${i.id})` : i.id);
  for (const i of after.instances) {
    const sel: Selection = { kind: 'instance', id: i.id };
    const was = old.get(i.id);
    if (!was) {
      out.push(change('added', sel, `Instance ${label(i)} appeared (${i.type}, ${i.state}).`));
      continue;
    }
    if (was.state !== i.state) out.push(change('changed', sel, `Instance ${label(i)}: ${was.state} → ${i.state}.`));
    if (was.type !== i.type) out.push(change('changed', sel, `Instance ${label(i)}: type ${was.type} → ${i.type}.`));
    if (was.name !== i.name)
      out.push(
        change('changed', sel, `Instance ${i.id} renamed: ${was.name ?? '(no Name)'} → ${i.name ?? '(no Name)'}.`),
      );
  }
  const now = byId(after.instances);
  for (const i of before.instances)
    if (!now.has(i.id)) out.push(change('removed', null, `Instance ${label(i)} is gone (terminated).`, i.id));
}

function eniChanges(before: Snapshot, after: Snapshot, out: Change[]): void {
  const [nb, na] = [namesOf(before), namesOf(after)];
  const old = byId(before.enis);
  for (const e of after.enis) {
    const sel: Selection = { kind: 'eni', id: e.id };
    const was = old.get(e.id);
    if (!was) {
      out.push(change('added', sel, `ENI ${e.id} created: ${na.eniPlace(e)}.`));
      continue;
    }
    const from = was.attachment?.instanceId ?? null;
    const to = e.attachment?.instanceId ?? null;
    if (from !== to || (from && was.attachment?.deviceIndex !== e.attachment?.deviceIndex)) {
      const text = !from
        ? `ENI ${e.id} attached: ${na.eniPlace(e)}.`
        : !to
          ? `ENI ${e.id} detached from ${nb.eniPlace(was)}.`
          : `ENI ${e.id} moved: ${nb.eniPlace(was)} → ${na.eniPlace(e)}.`;
      out.push(change('changed', sel, text));
    }
    const groups = (x: Eni) =>
      x.groups
        .map((g) => g.id)
        .sort()
        .join(',');
    if (groups(was) !== groups(e))
      out.push(
        change('changed', sel, `ENI ${e.id}: security groups now ${e.groups.map((g) => g.name).join(', ') || 'none'}.`),
      );
    if (was.sourceDestCheck !== e.sourceDestCheck)
      out.push(change('changed', sel, `ENI ${e.id}: source/destination check ${e.sourceDestCheck ? 'on' : 'off'}.`));
  }
  const now = byId(after.enis);
  for (const e of before.enis)
    if (!now.has(e.id)) out.push(change('removed', null, `ENI ${e.id} deleted (was ${nb.eniPlace(e)}).`, e.id));
}

/** Private IPs keyed by VPC and address (an address is unique within a VPC), with the ENI holding each. */
function ipHolders(s: Snapshot): Map<string, Eni> {
  const m = new Map<string, Eni>();
  for (const e of s.enis) for (const p of e.privateIps) if (!p.primary) m.set(`${e.vpcId}|${p.address}`, e);
  return m;
}

function ipChanges(before: Snapshot, after: Snapshot, out: Change[]): void {
  const [nb, na] = [namesOf(before), namesOf(after)];
  const [old, now] = [ipHolders(before), ipHolders(after)];
  for (const [key, eni] of now) {
    const address = key.slice(key.indexOf('|') + 1);
    const sel: Selection = { kind: 'ip', eniId: eni.id, address };
    const was = old.get(key);
    // An ENI created or deleted with its IPs is one change, said once (by eniChanges).
    if (!was) {
      if (before.enis.some((e) => e.id === eni.id))
        out.push(change('added', sel, `Secondary IP ${address} assigned to ${na.eniPlace(eni)}.`));
    } else if (was.id !== eni.id)
      out.push(change('changed', sel, `Secondary IP ${address} moved: ${nb.eniPlace(was)} → ${na.eniPlace(eni)}.`));
  }
  const enisNow = new Set(after.enis.map((e) => e.id));
  for (const [key, eni] of old) {
    if (now.has(key) || !enisNow.has(eni.id)) continue;
    const address = key.slice(key.indexOf('|') + 1);
    out.push(change('removed', null, `Secondary IP ${address} unassigned from ${nb.eniPlace(eni)}.`, key));
  }
}

function eipChanges(before: Snapshot, after: Snapshot, out: Change[]): void {
  const [nb, na] = [namesOf(before), namesOf(after)];
  const [enisBefore, enisAfter] = [byId(before.enis), byId(after.enis)];
  const old = new Map(before.eips.map((e) => [e.allocationId, e]));
  const where = (n: Names, enis: Map<string, Eni>, e: Eip) =>
    e.eniId ? `${e.privateIp} on ${n.eniPlace(enis.get(e.eniId))}` : 'unassociated';
  for (const e of after.eips) {
    const sel: Selection = { kind: 'eip', id: e.allocationId };
    const label = `Elastic IP ${e.publicIp}${e.name ? ` (${e.name})` : ''}`;
    const was = old.get(e.allocationId);
    if (!was) {
      out.push(change('added', sel, `${label} allocated: ${where(na, enisAfter, e)}.`));
      continue;
    }
    if (was.eniId !== e.eniId || was.privateIp !== e.privateIp) {
      const text = !e.eniId
        ? `${label} disassociated from ${where(nb, enisBefore, was)}.`
        : !was.eniId
          ? `${label} associated with ${where(na, enisAfter, e)}.`
          : `${label} moved: ${where(nb, enisBefore, was)} → ${where(na, enisAfter, e)}.`;
      out.push(change('changed', sel, text));
    }
  }
  const now = new Set(after.eips.map((e) => e.allocationId));
  for (const e of before.eips)
    if (!now.has(e.allocationId))
      out.push(change('removed', null, `Elastic IP ${e.publicIp} released.`, e.allocationId));
}

function change(kind: ChangeKind, selection: Selection | null, text: string, goneKey?: string): Change {
  const key = selection ? `${kind}:${selectionDomId(selection)}:${text}` : `${kind}:${goneKey}:${text}`;
  return { key, kind, selection, domId: selection ? selectionDomId(selection) : null, text };
}

/** Every difference a person would notice between two snapshots of the same region, in a stable order. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Change[] {
  if (before.region !== after.region) return [];
  const out: Change[] = [];
  instanceChanges(before, after, out);
  eniChanges(before, after, out);
  ipChanges(before, after, out);
  eipChanges(before, after, out);
  return out;
}
