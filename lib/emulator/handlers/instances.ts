// StopInstances / StartInstances (ec2-rules §3.21): stopping→stopped and pending→running after instanceStateDelayMs.
import { Ec2Error } from '../errors';
import { type Instance, type InstanceStateName, STATE_CODES } from '../model';
import { refreshAmazonPublicIp } from '../mutations';
import type { Store } from '../store';
import type { ActionDef, Context } from './types';

function state(name: InstanceStateName) {
  return { code: STATE_CODES[name], name };
}

function resolveInstances(ctx: Context): Instance[] {
  const ids = ctx.params.list('InstanceId');
  if (ids.length === 0) throw new Ec2Error('MissingParameter', 'The request must contain the parameter InstanceId');
  return ctx.store.resolveAll('instance', ctx.store.instances, ids);
}

function transition(
  store: Store,
  inst: Instance,
  to: InstanceStateName,
  settled: InstanceStateName,
  now: number,
): void {
  const delay = store.settings.instanceStateDelayMs;
  if (delay > 0) {
    inst.state = to;
    inst.stateSettleAt = now + delay;
    store.trackInstance(inst.id);
  } else {
    inst.state = settled;
    inst.stateSettleAt = null;
  }
}

type PowerChange = {
  params: string[];
  /** States from which EC2 answers IncorrectInstanceState, and its message. */
  refusedIn: InstanceStateName[];
  refusal: (id: string) => string;
  /** The state the call acts on; from any other accepted state it succeeds and changes nothing (ec2-rules §4.4). */
  from: InstanceStateName;
  act: (store: Store, inst: Instance, now: number) => void;
};

/** StopInstances and StartInstances: refuse, then act on the instances in `from`, answering each one's states. */
function powerChange({ params, refusedIn, refusal, from, act }: PowerChange): ActionDef {
  return {
    params,
    run(ctx) {
      const list = resolveInstances(ctx);
      ctx.dryRunGate();
      for (const inst of list) {
        if (refusedIn.includes(inst.state)) throw new Ec2Error('IncorrectInstanceState', refusal(inst.id));
      }
      const changes = list.map((inst) => {
        const previous = inst.state;
        if (previous === from) act(ctx.store, inst, ctx.now);
        return { instanceId: inst.id, currentState: state(inst.state), previousState: state(previous) };
      });
      return { instancesSet: changes };
    },
  };
}

export const stopInstances = powerChange({
  params: ['InstanceId.N', 'Force', 'Hibernate', 'SkipOsShutdown', 'DryRun'],
  refusedIn: ['terminated', 'shutting-down', 'pending'],
  refusal: (id) => `This instance '${id}' is not in a state from which it can be stopped.`,
  from: 'running',
  act(store, inst, now) {
    transition(store, inst, 'stopping', 'stopped', now);
    inst.reason = `User initiated (${new Date(now).toISOString().replace('T', ' ').slice(0, 19)} GMT)`;
    // The Amazon-assigned public IPv4 is released on stop; EIPs stay (ec2-rules §3.21).
    const primary = store.enis.get(inst.primaryEniId);
    if (primary) primary.amazonPublicIp = null;
  },
});

export const startInstances = powerChange({
  params: ['InstanceId.N', 'AdditionalInfo', 'DryRun'],
  refusedIn: ['terminated', 'shutting-down', 'stopping'],
  refusal: (id) => `The instance '${id}' is not in a state from which it can be started.`,
  from: 'stopped',
  act(store, inst, now) {
    transition(store, inst, 'pending', 'running', now);
    inst.reason = '';
    inst.impairedSince = null; // a start moves it to healthy hardware: the status checks pass again
    inst.failStopAt = null;
    // A new Amazon public IPv4 only with one ENI and no EIP on the instance (ec2-rules §3.21).
    refreshAmazonPublicIp(store, inst);
  },
});
