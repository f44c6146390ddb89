// Chaos: random sequences of moves on every scenario under random EC2 faults, each answer checked against the
// account read afterwards. Counts misreports (an answer the account contradicts), lost resources (a private
// IP, ENI or Elastic IP gone without a move meaning it), and operations left unfinished in the journal.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { stateDiff } from '@/lib/agreement/compare';
import { randomMove } from '@/lib/agreement/move-gen';
import { Rng } from '@/lib/agreement/prng';
import { createEc2Client } from '@/lib/ec2/client';
import { applyPlannedMove } from '@/lib/ec2/execute';
import { MemoryJournal } from '@/lib/ec2/journal';
import { InProcessLocks } from '@/lib/ec2/locks';
import { stepShows } from '@/lib/ec2/observe';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { controlHeaders, type StartedEmulator, startEmulator } from '@/lib/emulator';
import { applyMove, type Created, type Move, checkMove, ec2ActionSchema, type Snapshot } from '@/lib/topology';
import type { StepReport } from '@/lib/topology/outcome';
import { candidateMoves } from '@/lib/testing/moves';

/** Every scenario but `large` (2,000 instances: a reset and a read take a second, too slow for thousands of sequences). */
export const CHAOS_SCENARIOS = [
  'showcase',
  'tls-sites',
  'management-network',
  'nat-appliance',
  'dual-homed-tiers',
  'multi-vpc',
  'ha-failover',
] as const;

// Every call a plan can make (the domain's list), the two describes a verification reads, or any action.
const ACTIONS = [...ec2ActionSchema.options, 'DescribeNetworkInterfaces', 'DescribeAddresses', '*'] as const;
const MODES = ['reset-after-commit', '5xx-after-commit', '5xx', 'reset', 'throttle', 'refuse'] as const;

export type FaultSpec = {
  action: (typeof ACTIONS)[number];
  mode: (typeof MODES)[number];
  times: number;
  dryRun: boolean;
};
export type StepSpec = { pick: number; random: boolean; faults: FaultSpec[] };
export type SequenceSpec = { scenario: (typeof CHAOS_SCENARIOS)[number]; lagMs: number; steps: StepSpec[] };

export const faultArb: fc.Arbitrary<FaultSpec> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  mode: fc.constantFrom(...MODES),
  times: fc.integer({ min: 1, max: 3 }),
  dryRun: fc.boolean(),
});

export const sequenceArb: fc.Arbitrary<SequenceSpec> = fc.record({
  scenario: fc.constantFrom(...CHAOS_SCENARIOS),
  lagMs: fc.constantFrom(0, 0, 0, 15),
  steps: fc.array(fc.record({ pick: fc.nat(), random: fc.boolean(), faults: fc.array(faultArb, { maxLength: 2 }) }), {
    minLength: 1,
    maxLength: 2,
  }),
});

function faultBody(f: FaultSpec): Record<string, unknown> {
  const base = { action: f.action, times: f.times, dryRun: f.dryRun };
  switch (f.mode) {
    case 'reset-after-commit':
      return { ...base, kind: 'reset', when: 'after-commit' };
    case '5xx-after-commit':
      return { ...base, code: 'InternalError', status: 500, when: 'after-commit' };
    case '5xx':
      return { ...base, code: 'InternalError', status: 500 };
    case 'reset':
      return { ...base, kind: 'reset' };
    case 'throttle':
      return { ...base, code: 'RequestLimitExceeded', status: 503 };
    case 'refuse':
      return { ...base, code: 'InvalidParameterValue', status: 400, message: 'injected refusal' };
  }
}

/** `initial` caches each scenario's state after a reset (a reset gives the same ids every time). */
export type ChaosEnv = {
  emu: StartedEmulator;
  client: EC2Client;
  initial: Map<string, Snapshot>;
  close(): Promise<void>;
};

/**
 * A fresh client for each sequence: the adaptive retry's rate limiter remembers throttling, and one sequence's
 * throttling burst must not slow the next ones down.
 */
function freshClient(env: ChaosEnv): void {
  env.client.destroy();
  env.client = chaosClient(env.emu.url);
}

/** The console's client, with its retry backoff shortened fifty-fold so thousands of throttles stay quick. */
const chaosClient = (url: string) =>
  createEc2Client({ endpoint: url, region: 'us-east-1', retry: { mode: 'standard', delayScale: 0.02 } });

export async function startChaosEnv(): Promise<ChaosEnv> {
  const emu = await startEmulator({
    port: 0,
    scenario: 'showcase',
    settings: { attachDelayMs: 0, instanceStateDelayMs: 0 },
  });
  const client = chaosClient(emu.url);
  const env: ChaosEnv = {
    emu,
    client,
    initial: new Map(),
    close: async () => (env.client.destroy(), await emu.close()),
  };
  return env;
}

async function control(env: ChaosEnv, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${env.emu.url}/_emulator/${path}`, {
    method,
    headers: controlHeaders(env.emu.controlToken, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A move the checker accepts (most of the time) or any random one (refusals are answers too). */
function chooseMove(s: Snapshot, spec: StepSpec): Move {
  if (spec.random) return randomMove(new Rng(spec.pick), s);
  const all = candidateMoves(s);
  for (let i = 0; i < 40; i++) {
    const move = all[(spec.pick + i * 7919) % all.length] as Move;
    if (checkMove(s, move).ok) return move;
  }
  return randomMove(new Rng(spec.pick), s);
}

export type Finding = { kind: 'misreport' | 'lost' | 'journal'; sequence: SequenceSpec; move: Move; detail: string };
export type ChaosTally = {
  sequences: number;
  applies: number;
  faultsInjected: number;
  misreports: number;
  lostResources: number;
  unfinished: number;
  findings: Finding[];
};

export const newTally = (): ChaosTally => ({
  sequences: 0,
  applies: 0,
  faultsInjected: 0,
  misreports: 0,
  lostResources: 0,
  unfinished: 0,
  findings: [],
});

const inventory = (s: Snapshot) => ({
  enis: new Set(s.enis.map((e) => e.id)),
  eips: new Set(s.eips.map((e) => e.allocationId)),
  ips: new Set(s.enis.flatMap((e) => e.privateIps.map((p) => p.address))),
});

/** The ids an applied plan names that the account did not have before: what its create step made. */
function createdIn(involved: readonly string[], before: Snapshot): Created {
  const known = new Set([...before.enis.map((e) => e.id), ...before.eips.map((e) => e.allocationId)]);
  const eni = involved.find((id) => id.startsWith('eni-') && !known.has(id));
  const eip = involved.find((id) => id.startsWith('eipalloc-') && !known.has(id));
  return { ...(eni ? { eni } : {}), ...(eip ? { eip } : {}) };
}

/** What a move means to remove (an unassigned address, a deleted ENI with its addresses, a released EIP): not lost. */
function removedBy(move: Move, before: Snapshot): Set<string> {
  switch (move.kind) {
    case 'unassign-ip':
      return new Set([move.ip]);
    case 'unassign-ips':
      return new Set(move.addresses);
    case 'delete-eni': {
      const eni = before.enis.find((e) => e.id === move.eni);
      return new Set([move.eni, ...(eni?.privateIps.map((p) => p.address) ?? [])]);
    }
    case 'release-eip':
      return new Set([move.allocationId]);
    default:
      return new Set();
  }
}

/** What the answer claims, checked against `after` (the account read once every fault is gone). */
function misreports(
  move: Move,
  before: Snapshot,
  after: Snapshot,
  result: Awaited<ReturnType<typeof applyPlannedMove>>,
): string[] {
  if (result.ok) {
    const expected = applyMove(before, result.plan.move, createdIn(result.plan.involved, before));
    const diff = stateDiff(expected, after);
    return diff.length
      ? [`answered ok (${result.verification}), but the account differs from the move's result: ${diff.join('; ')}`]
      : [];
  }
  const steps = ((result.details as { steps?: StepReport[] } | undefined)?.steps ?? []) as StepReport[];
  const changed = steps.some((r) => r.outcome !== 'not-done');
  if (!changed) {
    const diff = stateDiff(before, after);
    return diff.length
      ? [`answered ${result.code} "${result.message}" with no step made, but the account changed: ${diff.join('; ')}`]
      : [];
  }
  const verdict = checkMove(before, move);
  if (!verdict.ok) return [`answered ${result.code} with steps made for a move the checker refuses`];
  const out: string[] = [];
  for (const r of steps) {
    if (r.outcome === 'unknown') continue;
    if (r.restore) {
      const restored = (result.details as { restored?: boolean }).restored;
      if ((r.outcome === 'done') !== restored)
        out.push(`restore reported ${r.outcome} but details.restored is ${restored}`);
      continue;
    }
    const step = verdict.plan.steps[r.index - 1];
    if (!step) continue;
    // A created resource has no id before EC2's answer: a done create names it in its note, and it must exist.
    const made = step.creates ? /Created ((?:eni|eipalloc)-[0-9a-f]+)/.exec(r.note ?? '')?.[1] : undefined;
    const shows = step.creates
      ? made !== undefined && (after.enis.some((e) => e.id === made) || after.eips.some((e) => e.allocationId === made))
      : stepShows(step, before, after);
    if (shows !== (r.outcome === 'done'))
      out.push(
        `step ${r.index} (${r.action}) reported ${r.outcome}, but the account ${shows ? 'shows' : 'does not show'} it`,
      );
  }
  return out;
}

/** Runs one sequence: reset, then each move under its faults, checking every answer. */
export async function runSequence(env: ChaosEnv, spec: SequenceSpec, tally: ChaosTally): Promise<Finding[]> {
  const findings: Finding[] = [];
  const journal = new MemoryJournal();
  const locks = new InProcessLocks();
  freshClient(env);
  await control(env, 'POST', 'reset', { scenario: spec.scenario });
  await control(env, 'DELETE', 'faults');
  await control(env, 'PATCH', 'settings', { describeLagMs: 0, latencyMs: {}, detachDelayMs: null, attachDelayMs: 0 });
  let before = env.initial.get(spec.scenario) ?? (await loadSnapshot(env.client));
  env.initial.set(spec.scenario, before);
  for (const step of spec.steps) {
    const move = chooseMove(before, step);
    await control(env, 'PATCH', 'settings', { describeLagMs: spec.lagMs });
    for (const f of step.faults) await control(env, 'POST', 'faults', faultBody(f));
    const result = await applyPlannedMove(move, undefined, {
      client: env.client,
      locks,
      journal,
      user: 'chaos',
      budgetMs: 6_000,
      verifyMs: 1_000,
      observeMs: spec.lagMs + 40,
      backoffMs: 5,
      wait: { firstDelayMs: 5 },
    });
    tally.applies++;
    const fired = (await control(env, 'GET', 'faults')).fired as Record<string, number>;
    tally.faultsInjected += Object.values(fired).reduce((a, b) => a + b, 0);
    await control(env, 'DELETE', 'faults');
    await control(env, 'PATCH', 'settings', { describeLagMs: 0 });
    const after = await loadSnapshot(env.client);

    for (const detail of misreports(move, before, after, result))
      findings.push({ kind: 'misreport', sequence: spec, move, detail });
    const was = inventory(before);
    const now = inventory(after);
    const intended = removedBy(move, before);
    const lost = [
      ...[...was.enis].filter((id) => !now.enis.has(id)),
      ...[...was.eips].filter((id) => !now.eips.has(id)),
      ...[...was.ips].filter((ip) => !now.ips.has(ip)),
    ].filter((id) => !intended.has(id));
    for (const id of lost)
      findings.push({
        kind: 'lost',
        sequence: spec,
        move,
        detail: `${id} disappeared (answer: ${result.ok ? 'ok' : `${result.code}: ${result.message}`})`,
      });
    const unfinished = await journal.unfinished();
    if (unfinished.length)
      findings.push({
        kind: 'journal',
        sequence: spec,
        move,
        detail: `${unfinished.length} operation(s) left unfinished in the journal`,
      });
    const [entry] = await journal.recent(1);
    const answered = result.ok ? result.steps : ((result.details as { steps?: StepReport[] } | undefined)?.steps ?? []);
    if (
      entry &&
      answered.length &&
      JSON.stringify(entry.steps.map((s) => s.report.outcome)) !== JSON.stringify(answered.map((s) => s.outcome))
    ) {
      findings.push({
        kind: 'journal',
        sequence: spec,
        move,
        detail: 'the journal’s step outcomes differ from the answer’s',
      });
    }
    before = after;
  }
  tally.sequences++;
  tally.misreports += findings.filter((f) => f.kind === 'misreport' || f.kind === 'journal').length;
  tally.lostResources += findings.filter((f) => f.kind === 'lost').length;
  tally.unfinished += findings.filter((f) => f.kind === 'journal').length;
  tally.findings.push(...findings);
  return findings;
}

/**
 * Runs the sequences on `parallel` emulators at once (each with its own client): much of a sequence is waiting
 * (backoff, lagging describes, transitions), so several overlap well. Calls `progress` after each sequence.
 */
export async function runPool(
  specs: readonly SequenceSpec[],
  parallel: number,
  tally: ChaosTally,
  progress?: () => void,
): Promise<void> {
  const envs = await Promise.all(Array.from({ length: Math.max(1, parallel) }, () => startChaosEnv()));
  let next = 0;
  try {
    await Promise.all(
      envs.map(async (env) => {
        while (next < specs.length) {
          const spec = specs[next++] as SequenceSpec;
          await runSequence(env, spec, tally);
          progress?.();
        }
      }),
    );
  } finally {
    await Promise.all(envs.map((env) => env.close()));
  }
}
