// Rules and plans for an ENI's descriptive attributes: set-description (ModifyNetworkInterfaceAttribute).
import { descriptionStep } from './change-steps';
import { eniLabel } from './labels';
import type { Move, Verdict } from './move';
import { checkNotRequesterManaged, gone, Reasons, uniqueIds } from './rules-shared';
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
