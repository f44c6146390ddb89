// Puts a few resources of a freshly loaded topology in transitional states (stopping/pending instances,
// attaching/detaching ENIs) that never settle, so the state rules (instance-state, eni-settled) get tested.
import { StartInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { sendStep } from '@/lib/ec2/send-step';
import { type CheckSettings, checkMove, type Snapshot } from '@/lib/topology';
import type { AgreementEnv } from './harness';
import type { Rng } from './prng';

/** Longer than any run: a transition started with this delay never completes during the test. */
const FOREVER_MS = 24 * 3_600_000;

type Transition = 'stop' | 'start' | 'detach' | 'attach';

/** Starts 1–2 never-ending transitions; returns the calls made, for the report. */
export async function unsettle(env: AgreementEnv, rng: Rng, s: Snapshot, settings: CheckSettings): Promise<string[]> {
  const done: string[] = [];
  const before = {
    attachDelayMs: env.emu.settings.attachDelayMs,
    instanceStateDelayMs: env.emu.settings.instanceStateDelayMs,
  };
  Object.assign(env.emu.settings, { attachDelayMs: FOREVER_MS, instanceStateDelayMs: FOREVER_MS });
  try {
    for (let n = rng.between(1, 2); n > 0; n--) {
      try {
        const line = await startTransition(
          env,
          rng,
          s,
          settings,
          rng.weighted<Transition>({ stop: 3, start: 3, detach: 2, attach: 2 }),
        );
        if (line) done.push(line);
      } catch {
        // The first transition already took the picked resource (the same ENI twice): nothing to add.
      }
    }
  } finally {
    Object.assign(env.emu.settings, before);
  }
  return done;
}

async function startTransition(
  env: AgreementEnv,
  rng: Rng,
  s: Snapshot,
  settings: CheckSettings,
  what: Transition,
): Promise<string | null> {
  if (what === 'stop' || what === 'start') {
    const candidates = s.instances.filter((i) => i.state === (what === 'stop' ? 'running' : 'stopped'));
    if (candidates.length === 0) return null;
    const InstanceIds = [rng.pick(candidates).id];
    await env.client.send(
      what === 'stop' ? new StopInstancesCommand({ InstanceIds }) : new StartInstancesCommand({ InstanceIds }),
    );
    return `${what === 'stop' ? 'StopInstances' : 'StartInstances'} ${InstanceIds[0]}`;
  }
  // Only moves the checker allows, so the call is sure to start the transition.
  const moves =
    what === 'detach'
      ? s.enis.map((e) => ({ kind: 'detach-eni' as const, eni: e.id }))
      : s.enis
          .filter((e) => e.attachment === null)
          .flatMap((e) => s.instances.map((i) => ({ kind: 'move-eni' as const, eni: e.id, toInstance: i.id })));
  const plans = moves.map((m) => checkMove(s, m, settings)).flatMap((v) => (v.ok ? [v.plan] : []));
  if (plans.length === 0) return null;
  const step = rng.pick(plans).steps[0]!;
  await sendStep(env.client, step);
  return `${step.action} ${JSON.stringify(step.input)}`;
}
