// Rules and plans for Elastic IP lifecycle: allocate-eip (billed from the first hour) and release-eip (only idle).
import { allocateEipStep, releaseEipStep } from './change-steps';
import { eipLabel } from './labels';
import { formatCost, PUBLIC_IPV4_HOURLY_USD } from './pricing';
import type { Move, Verdict } from './move';
import type { SnapshotIndex } from './snapshot-index';
import { gone } from './rules-shared';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

export function checkAllocateEip(move: MoveOf<'allocate-eip'>): Verdict {
  return {
    ok: true,
    plan: {
      move,
      summary: `Allocate a new Elastic IP${move.name ? ` named "${move.name}"` : ''}.`,
      steps: [allocateEipStep(move.name, `Allocate an Elastic IP${move.name ? ` tagged Name=${move.name}` : ''}.`)],
      sideEffects: [
        `Billed ${formatCost(PUBLIC_IPV4_HOURLY_USD)} from now on, idle or in use, until released.`,
        'It arrives idle: drag it onto a private IP to associate it. Undo releases it (its id is known once EC2 allocates it).',
      ],
      hourlyCostDelta: PUBLIC_IPV4_HOURLY_USD,
      inverse: [],
      involved: [],
    },
  };
}

export function checkReleaseEip(ix: SnapshotIndex, move: MoveOf<'release-eip'>): Verdict {
  const eip = ix.eipByAllocation.get(move.allocationId);
  if (!eip) return gone(move.allocationId);
  if (eip.associationId !== null || eip.eniId !== null)
    return {
      ok: false,
      reasons: [
        {
          rule: 'eip-idle',
          message: `${eipLabel(eip)} is associated with ${eip.privateIp ?? '?'} on ${eip.eniId ?? '?'}; EC2 releases only idle addresses. Disassociate it first (drag it to the idle addresses), then release it.`,
        },
      ],
    };
  return {
    ok: true,
    plan: {
      move,
      summary: `Release ${eipLabel(eip)}.`,
      steps: [releaseEipStep(eip.allocationId, `Release ${eip.allocationId} (${eip.publicIp}).`)],
      sideEffects: [
        `${eip.publicIp} goes back to AWS: it cannot be undone, and the same address cannot be allocated again.`,
        `Saves ${formatCost(PUBLIC_IPV4_HOURLY_USD)}.`,
      ],
      hourlyCostDelta: -PUBLIC_IPV4_HOURLY_USD,
      inverse: [],
      involved: [eip.allocationId],
    },
  };
}
