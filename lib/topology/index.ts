// The domain's front door: what code outside lib/topology uses — the model, moves as data, checkMove, the
// optimistic applyMove, slots, labels and the snapshot index. Import `@/lib/topology`, not its files.
export { applyMove, applyMoves } from './apply';
export { eniLabel, instanceLabel, instanceName, subnetLabel, vpcLabel, eipLabel, listWords, PUBLIC_IPV4_HOURLY_USD } from './labels';
export {
  checkSettingsSchema,
  defaultCheckSettings,
  moveSchema,
  planSchema,
  reasonSchema,
  ruleIds,
  stepSchema,
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
  type Snapshot,
  type Subnet,
  type Vpc,
} from './schema';
export { eniSlots, ipSlots, type EniSlot, type IpSlot } from './slots';
export { eipAt, eniIpKey, holderOf, indexSnapshot, instanceOf, type SnapshotIndex } from './snapshot-index';
