// checkMove: the single entry point that turns a move into a plan or the reasons EC2 would refuse it.
import { indexSnapshot } from './snapshot-index';
import { defaultCheckSettings, type CheckSettings, type Move, type Verdict } from './move';
import type { Snapshot } from './schema';
import { checkDisassociateEip, checkMoveEip } from './rules-eip';
import { checkDetachEni, checkMoveEni } from './rules-eni';
import { checkAssignIp, checkMoveIp, checkUnassignIp } from './rules-ip';
import { checkAllocateEip, checkReleaseEip } from './rules-change-eip';
import { checkCreateEni, checkDeleteEni, checkSourceDestCheck } from './rules-change-eni';
import { checkAssignIps, checkUnassignIps } from './rules-change-ips';
import { checkSetDescription, checkSetSecurityGroups, checkSetTags } from './rules-change-attributes';
import { checkStartInstance, checkStopInstance } from './rules-change-instance';

/**
 * Pure and cheap (lookups come from the memoized index), so the canvas can call it on every hover.
 * A refusal lists every rule that applies, not just the first. For move-eni the plan's move carries the
 * resolved device index (the lowest free one ≥ 1 when the drop did not name one).
 */
export function checkMove(snapshot: Snapshot, move: Move, settings: CheckSettings = defaultCheckSettings): Verdict {
  const ix = indexSnapshot(snapshot);
  switch (move.kind) {
    case 'move-ip':
      return checkMoveIp(ix, move);
    case 'unassign-ip':
      return checkUnassignIp(ix, move);
    case 'assign-ip':
      return checkAssignIp(ix, move);
    case 'move-eni':
      return checkMoveEni(ix, move, settings);
    case 'detach-eni':
      return checkDetachEni(ix, move);
    case 'move-eip':
      return checkMoveEip(ix, move, settings);
    case 'disassociate-eip':
      return checkDisassociateEip(ix, move);
    case 'create-eni':
      return checkCreateEni(ix, move, settings);
    case 'delete-eni':
      return checkDeleteEni(ix, move);
    case 'assign-ips':
      return checkAssignIps(ix, move);
    case 'unassign-ips':
      return checkUnassignIps(ix, move);
    case 'allocate-eip':
      return checkAllocateEip(move);
    case 'release-eip':
      return checkReleaseEip(ix, move);
    case 'set-source-dest-check':
      return checkSourceDestCheck(ix, move);
    case 'set-description':
      return checkSetDescription(ix, move);
    case 'set-tags':
      return checkSetTags(ix, move);
    case 'set-security-groups':
      return checkSetSecurityGroups(ix, move);
    case 'stop-instance':
      return checkStopInstance(ix, move);
    case 'start-instance':
      return checkStartInstance(ix, move);
  }
}
