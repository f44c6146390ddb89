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

export const stopInstances: ActionDef = {
  params: ['InstanceId.N', 'Force', 'Hibernate', 'SkipOsShutdown', 'DryRun'],
  run(ctx) {
    const { store } = ctx;
    const list = resolveInstances(ctx);
    ctx.dryRunGate();
    for (const inst of list) {
      if (inst.state === 'terminated' || inst.state === 'shutting-down' || inst.state === 'pending') {
        throw new Ec2Error(
          'IncorrectInstanceState',
          `This instance '${inst.id}' is not in a state from which it can be stopped.`,
        );
      }
    }
    const changes = list.map((inst) => {
      const previous = inst.state;
      if (previous === 'running') {
        transition(store, inst, 'stopping', 'stopped', ctx.now);
        inst.reason = `User initiated (${new Date(ctx.now).toISOString().replace('T', ' ').slice(0, 19)} GMT)`;
        // The Amazon-assigned public IPv4 is released on stop; EIPs stay (ec2-rules §3.21).
        const primary = store.enis.get(inst.primaryEniId);
        if (primary) primary.amazonPublicIp = null;
      }
      // Stopping a stopped/stopping instance succeeds and reports the current state (ec2-rules §4.4).
      return { instanceId: inst.id, currentState: state(inst.state), previousState: state(previous) };
    });
    return { instancesSet: changes };
  },
};

export const startInstances: ActionDef = {
  params: ['InstanceId.N', 'AdditionalInfo', 'DryRun'],
  run(ctx) {
    const { store } = ctx;
    const list = resolveInstances(ctx);
    ctx.dryRunGate();
    for (const inst of list) {
      if (inst.state === 'terminated' || inst.state === 'shutting-down' || inst.state === 'stopping') {
        throw new Ec2Error(
          'IncorrectInstanceState',
          `The instance '${inst.id}' is not in a state from which it can be started.`,
        );
      }
    }
    const changes = list.map((inst) => {
      const previous = inst.state;
      if (previous === 'stopped') {
        transition(store, inst, 'pending', 'running', ctx.now);
        inst.reason = '';
        inst.impairedSince = null; // a start moves it to healthy hardware: the status checks pass again
        inst.failStopAt = null;
        // A new Amazon public IPv4 only with one ENI and no EIP on the instance (ec2-rules §3.21).
        refreshAmazonPublicIp(store, inst);
      }
      return { instanceId: inst.id, currentState: state(inst.state), previousState: state(previous) };
    });
    return { instancesSet: changes };
  },
};
