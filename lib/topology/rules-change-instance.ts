// Rules and plans for stopping and starting an instance (StopInstances / StartInstances, ec2-rules §3.21): which
// states EC2 accepts, what a user loses (reachability, the Amazon-assigned public IPv4), and the undo.
import { startInstanceStep, stopInstanceStep } from './change-steps';
import { instanceLabel } from './labels';
import type { Move, Verdict } from './move';
import { formatCost, PUBLIC_IPV4_HOURLY_USD } from './pricing';
import { gone, Reasons } from './rules-shared';
import type { Instance, InstanceState } from './schema';
import type { SnapshotIndex } from './snapshot-index';

type MoveOf<K extends Move['kind']> = Extract<Move, { kind: K }>;

/** The public IPv4s on an instance's ENIs: Amazon-assigned ones (released on stop) and Elastic IPs (kept). */
export function publicIpv4sOf(ix: SnapshotIndex, instance: Instance): { amazon: string[]; elastic: string[] } {
  const ips = (ix.enisByInstance.get(instance.id) ?? []).flatMap((e) => e.privateIps);
  const owned = ips.flatMap((p) => (p.association ? [p.association] : []));
  return {
    amazon: owned.filter((a) => a.allocationId === null).map((a) => a.publicIp),
    elastic: owned.filter((a) => a.allocationId !== null).map((a) => a.publicIp),
  };
}

/**
 * The state rule of a stop or start: `noOps` are states EC2 accepts without change (refused as no-ops), `from` the one
 * state it acts on; any other → IncorrectInstanceState. Null when the state allows it.
 */
function refusedState(
  instance: Instance,
  verb: 'stop' | 'start',
  from: InstanceState,
  noOps: readonly InstanceState[],
): Verdict | null {
  const label = instanceLabel(instance);
  const reasons = new Reasons();
  if (noOps.includes(instance.state))
    reasons.add('target-is-different', `${label} is already ${instance.state}; there is nothing to ${verb}.`);
  else if (instance.state === 'pending' || instance.state === 'stopping')
    reasons.add(
      'instance-state',
      `${label} is ${instance.state}; EC2 can ${verb} only a ${from} instance. Wait until it is ${instance.state === 'pending' ? 'running' : 'stopped'}.`,
    );
  else if (instance.state !== from)
    reasons.add(
      'instance-state',
      `${label} is ${instance.state === 'terminated' ? 'terminated' : 'shutting down (terminating)'}; a terminated instance can never be stopped or started again.`,
    );
  return reasons.empty ? null : { ok: false, reasons: reasons.list };
}

/**
 * Stop: running only. Stopped or stopping is a no-op EC2 accepts (ec2-rules §4.4), refused here as every other
 * change refuses a no-op (target-is-different); pending, shutting-down and terminated → IncorrectInstanceState.
 */
export function checkStopInstance(ix: SnapshotIndex, move: MoveOf<'stop-instance'>): Verdict {
  const instance = ix.instanceById.get(move.instance);
  if (!instance) return gone(move.instance);
  const refused = refusedState(instance, 'stop', 'running', ['stopped', 'stopping']);
  if (refused) return refused;
  const label = instanceLabel(instance);
  const { amazon, elastic } = publicIpv4sOf(ix, instance);
  const sideEffects = [
    `${label} shuts down: everything running on it stops and it is unreachable until started again. Its ENIs stay attached with their private IPs; data on instance-store volumes is lost, EBS volumes are kept.`,
  ];
  if (amazon.length > 0)
    sideEffects.push(
      `Its Amazon-assigned public IPv4 ${amazon.join(', ')} is released for good: a start gives a new address (or none), so DNS records and allow-lists naming it break. Saves ${formatCost(PUBLIC_IPV4_HOURLY_USD * amazon.length)}.`,
    );
  if (elastic.length > 0)
    sideEffects.push(
      `Its Elastic IP${elastic.length > 1 ? 's' : ''} ${elastic.join(', ')} stay${elastic.length > 1 ? '' : 's'} associated and billed (${formatCost(PUBLIC_IPV4_HOURLY_USD)} each) while it is stopped.`,
    );
  return {
    ok: true,
    plan: {
      move,
      summary: `Stop ${label}.`,
      steps: [stopInstanceStep(instance.id, `Stop ${instance.id} and wait until it is stopped.`)],
      sideEffects,
      hourlyCostDelta: amazon.length > 0 ? -PUBLIC_IPV4_HOURLY_USD * amazon.length : 0,
      inverse: [{ kind: 'start-instance', instance: instance.id }],
      involved: [instance.id],
    },
  };
}

/**
 * Start: stopped only. Running or pending is a no-op EC2 accepts (ec2-rules §4.4), refused like other no-ops;
 * stopping, shutting-down and terminated → IncorrectInstanceState.
 */
export function checkStartInstance(ix: SnapshotIndex, move: MoveOf<'start-instance'>): Verdict {
  const instance = ix.instanceById.get(move.instance);
  if (!instance) return gone(move.instance);
  const refused = refusedState(instance, 'start', 'stopped', ['running', 'pending']);
  if (refused) return refused;
  const label = instanceLabel(instance);
  const { elastic } = publicIpv4sOf(ix, instance);
  const enis = ix.enisByInstance.get(instance.id)?.length ?? 0;
  const publicIp =
    enis > 1 || elastic.length > 0
      ? `It gets no Amazon-assigned public IPv4 (${elastic.length > 0 ? `it has the Elastic IP ${elastic.join(', ')}` : 'it has several ENIs'}).`
      : `If its subnet or launch asked for one, it gets a new Amazon-assigned public IPv4 (billed ${formatCost(PUBLIC_IPV4_HOURLY_USD)}), never the one it had before.`;
  return {
    ok: true,
    plan: {
      move,
      summary: `Start ${label}.`,
      steps: [startInstanceStep(instance.id, `Start ${instance.id} and wait until it is running.`)],
      sideEffects: [
        `${label} boots: it is reachable again once its operating system is up; instance hours are billed from now.`,
        publicIp,
      ],
      hourlyCostDelta: 0,
      inverse: [{ kind: 'stop-instance', instance: instance.id }],
      involved: [instance.id],
    },
  };
}
