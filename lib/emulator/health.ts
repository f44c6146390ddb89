// Instance health: the status checks DescribeInstanceStatus reports, and the simulated failure behind the control
// plane's POST /_emulator/fail-instance (status checks fail → impaired, then optionally the instance stops).
import type { Instance } from './model';
import type { Store } from './store';
import type { XmlObject } from './xml';

export type CheckStatus = 'ok' | 'impaired' | 'not-applicable';

/** Both checks of a running instance pass; a failed one fails both (a host failure takes the instance's reachability too). */
export function checkStatus(inst: Instance): CheckStatus {
  if (inst.state !== 'running') return 'not-applicable';
  return inst.impairedSince ? 'impaired' : 'ok';
}

/** InstanceStatusSummary: a status, and the reachability detail while the instance runs. */
export function renderSummary(inst: Instance): XmlObject {
  const status = checkStatus(inst);
  if (status === 'not-applicable') return { status };
  const detail: XmlObject = { name: 'reachability', status: status === 'ok' ? 'passed' : 'failed' };
  if (inst.impairedSince) detail.impairedSince = inst.impairedSince;
  return { status, details: [detail] };
}

/**
 * Marks a running instance impaired now; with stopAfterMs it then stops by itself (stopping → stopped after
 * instanceStateDelayMs, like StopInstances). Answers an error sentence instead when the instance cannot fail.
 */
export function failInstance(store: Store, instanceId: string, now: number, stopAfterMs?: number): string | null {
  const inst = store.instances.get(instanceId);
  if (!inst) return `There is no instance ${instanceId}.`;
  if (inst.state !== 'running')
    return `Instance ${instanceId} is ${inst.state}: only a running instance can fail its status checks.`;
  inst.impairedSince = new Date(now);
  if (stopAfterMs !== undefined) {
    inst.failStopAt = now + stopAfterMs;
    if (stopAfterMs === 0) stopFailedInstance(store, inst, now);
    else {
      inst.stateSettleAt = inst.failStopAt;
      store.trackInstance(inst.id);
    }
  }
  return null;
}

/** The failed instance stops: as StopInstances does, with a reason that says it was the simulated failure. */
export function stopFailedInstance(store: Store, inst: Instance, now: number): void {
  inst.failStopAt = null;
  const delay = store.settings.instanceStateDelayMs;
  inst.state = delay > 0 ? 'stopping' : 'stopped';
  inst.stateSettleAt = delay > 0 ? now + delay : null;
  if (delay > 0) store.trackInstance(inst.id);
  inst.reason = `Simulated failure: status checks failed, instance stopped (${new Date(now).toISOString().replace('T', ' ').slice(0, 19)} GMT)`;
  // The Amazon-assigned public IPv4 goes with the stop; EIPs stay (ec2-rules §3.21).
  const primary = store.enis.get(inst.primaryEniId);
  if (primary) primary.amazonPublicIp = null;
}
