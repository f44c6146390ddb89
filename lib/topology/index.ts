// The domain's front door: what code outside lib/topology uses — the model, moves as data, checkMove, the
// optimistic applyMove, slots and the snapshot index. Import `@/lib/topology`, not its files; export here what
// outside code starts to use (knip reports what nothing uses).
export { applyMove, applyMoves } from './apply';
export type { Applied, Verified } from './applied';
export {
  checkSettingsSchema,
  defaultCheckSettings,
  ec2ActionSchema,
  moveSchema,
  planSchema,
  type CheckSettings,
  type Move,
  type MoveKind,
  type Plan,
  type Reason,
  type RuleId,
  type Step,
  type Verdict,
} from './move';
export { checkMove } from './rules';
export {
  snapshotSchema,
  type Eip,
  type Eni,
  type Instance,
  type InstanceState,
  type InstanceTypeLimits,
  type PrivateIp,
  type SecurityGroup,
  type Snapshot,
  type Subnet,
  type Vpc,
} from './schema';
export { eniSlots, ipSlots, listedCards } from './slots';
export { formatCost, PUBLIC_IPV4_HOURLY_USD } from './pricing';
export { eniName, eniPlace, instanceShort, serviceOwner, shortId } from './labels';
export { eipAt, eniIpKey, holderOf, indexSnapshot, instanceOf, push, type SnapshotIndex } from './snapshot-index';
export { compareIp, usableAddresses } from './ipv4';
export { diffLayout, type LayoutScope } from './layout';
export { planSequence, undoMoves } from './plan-sequence';
export { ipv4SlotsUsed } from './rules-shared';
export {
  checkFailover,
  failoverCandidates,
  failoverPlanSchema,
  failoverSchema,
  type Failover,
  type FailoverPlan,
} from './failover';
export { bindCreated, CREATED, type Created, namesCreated } from './change';
export { changeKinds, type ChangeKind, inverseWithCreated } from './apply-change';
