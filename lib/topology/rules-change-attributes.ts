// Rules and plans for attributes: an ENI's description and security groups (ModifyNetworkInterfaceAttribute), the
// tags of an ENI, an Elastic IP or an instance (CreateTags / DeleteTags).
import { createTagsStep, deleteTagsStep, descriptionStep, securityGroupsStep } from './change-steps';
import { eipLabel, eniLabel, instanceLabel } from './labels';
import type { Move, Step, Verdict } from './move';
import { checkNotRequesterManaged, checkSecurityGroups, gone, Reasons, uniqueIds } from './rules-shared';
import { instanceOf, type SnapshotIndex } from './snapshot-index';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

export function checkSetDescription(ix: SnapshotIndex, move: MoveOf<'set-description'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  if (!eni) return gone(move.eni);
  // Requester-managed ENIs are changed through their service only (ec2-rules §3.19).
  checkNotRequesterManaged(reasons, eni);
  if (eni.description === move.description)
    reasons.add(
      'target-is-different',
      move.description === ''
        ? `${eniLabel(eni, ix)} has no description already.`
        : `${eniLabel(eni, ix)} already has the description "${move.description}".`,
    );
  if (!reasons.empty) return { ok: false, reasons: reasons.list };
  const quote = (text: string) => (text === '' ? 'no description' : `"${text}"`);
  return {
    ok: true,
    plan: {
      move,
      summary:
        move.description === ''
          ? `Clear the description of ${eniLabel(eni, ix)}.`
          : `Set the description of ${eniLabel(eni, ix)} to "${move.description}".`,
      steps: [descriptionStep(eni.id, move.description, `Set Description=${quote(move.description)} on ${eni.id}.`)],
      sideEffects: [`The description was ${quote(eni.description)}; nothing else changes (routing, addresses, cost).`],
      hourlyCostDelta: 0,
      inverse: [{ kind: 'set-description', eni: eni.id, description: eni.description }],
      involved: uniqueIds([eni.id, instanceOf(ix, eni)?.id]),
    },
  };
}

/** EC2 keeps at most 50 tags per resource (ec2-rules §3.20). */
const MAX_TAGS = 50;
const tagWords = (tags: Readonly<Record<string, string>>) =>
  Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

export function checkSetTags(ix: SnapshotIndex, move: MoveOf<'set-tags'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.resourceId);
  const eip = ix.eipByAllocation.get(move.resourceId);
  const instance = ix.instanceById.get(move.resourceId);
  const holder = eni ?? eip ?? instance;
  if (!holder) return gone(move.resourceId);
  const label = eni ? eniLabel(eni, ix) : eip ? eipLabel(eip) : instanceLabel(instance!);
  const before = holder.tags;
  const remove = (move.remove ?? []).filter((k) => k in before);
  const changed = Object.keys(move.tags).filter((k) => before[k] !== move.tags[k]);
  if (changed.length === 0 && remove.length === 0)
    reasons.add(
      'target-is-different',
      `${label} already has these tags${move.remove?.length ? ' and not the removed ones' : ''}.`,
    );
  // EC2 counts before deleting: CreateTags is the first step (ec2-rules §3.20).
  const count = new Set([...Object.keys(before), ...Object.keys(move.tags)]).size;
  if (count > MAX_TAGS)
    reasons.add(
      'tag-limit',
      `${label} would have ${count} tags; EC2 keeps at most ${MAX_TAGS} per resource. Remove some first.`,
    );
  if (!reasons.empty) return { ok: false, reasons: reasons.list };
  const steps: Step[] = [];
  if (Object.keys(move.tags).length > 0)
    steps.push(createTagsStep(move.resourceId, move.tags, `Tag ${move.resourceId} with ${tagWords(move.tags)}.`));
  if (remove.length > 0)
    steps.push(
      deleteTagsStep(move.resourceId, remove, `Remove the tags ${remove.join(', ')} from ${move.resourceId}.`),
    );
  // The undo sets back the previous values and removes the keys that were new.
  const restore = Object.fromEntries([...changed, ...remove].filter((k) => k in before).map((k) => [k, before[k]!]));
  const added = changed.filter((k) => !(k in before));
  return {
    ok: true,
    plan: {
      move,
      summary: [
        Object.keys(move.tags).length > 0 ? `Tag ${label} with ${tagWords(move.tags)}` : '',
        remove.length > 0 ? `remove its tags ${remove.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')
        .replace(/^r/, 'R')
        .concat('.'),
      steps,
      sideEffects:
        'Name' in move.tags || remove.includes('Name')
          ? [`The Name tag is what the console and the EC2 console show as ${move.resourceId}'s name.`]
          : [],
      hourlyCostDelta: 0,
      inverse: [
        {
          kind: 'set-tags',
          resourceId: move.resourceId,
          tags: restore,
          ...(added.length > 0 ? { remove: added } : {}),
        },
      ],
      involved: uniqueIds([move.resourceId, eni ? instanceOf(ix, eni)?.id : eip?.eniId]),
    },
  };
}

export function checkSetSecurityGroups(ix: SnapshotIndex, move: MoveOf<'set-security-groups'>): Verdict {
  const reasons = new Reasons();
  const eni = ix.eniById.get(move.eni);
  if (!eni) return gone(move.eni);
  checkNotRequesterManaged(reasons, eni);
  checkSecurityGroups(ix, reasons, move.groupIds, eni.vpcId, eniLabel(eni, ix));
  const was = eni.groups.map((g) => g.id);
  // The set replaces the whole set: the same groups in another order change nothing.
  if (was.length === move.groupIds.length && move.groupIds.every((id) => was.includes(id)))
    reasons.add('target-is-different', `${eniLabel(eni, ix)} already has exactly these security groups.`);
  if (!reasons.empty) return { ok: false, reasons: reasons.list };
  const named = (ids: readonly string[]) =>
    ids.map((id) => {
      const name = ix.snapshot.securityGroups.find((g) => g.id === id)?.name;
      return name && name !== id ? `${name} (${id})` : id;
    });
  const dropped = was.filter((id) => !move.groupIds.includes(id));
  return {
    ok: true,
    plan: {
      move,
      summary: `Set the security groups of ${eniLabel(eni, ix)} to ${named(move.groupIds).join(', ')}.`,
      steps: [securityGroupsStep(eni.id, move.groupIds, `Set Groups=${move.groupIds.join(',')} on ${eni.id}.`)],
      sideEffects: [
        `The new rules apply at once to ${eni.id}'s traffic${dropped.length > 0 ? `; connections allowed only by ${named(dropped).join(', ')} may be cut` : ''}.`,
      ],
      hourlyCostDelta: 0,
      inverse: [{ kind: 'set-security-groups', eni: eni.id, groupIds: was }],
      involved: uniqueIds([eni.id, instanceOf(ix, eni)?.id]),
    },
  };
}
