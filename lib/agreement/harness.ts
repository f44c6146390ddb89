// One agreement run: load a generated topology into the emulator, then for each random move compare
// checkMove's verdict with what the emulator does when the same calls go through the SDK.
import type { EC2Client } from '@aws-sdk/client-ec2';
import { createEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { startEmulator, type StartedEmulator } from '@/lib/emulator';
import {
  applyMove,
  indexSnapshot,
  instanceOf,
  type Move,
  type MoveKind,
  type RuleId,
  type Verdict,
  checkMove,
  type Snapshot,
} from '@/lib/topology';
import { errorMatchesRules } from '@/lib/topology/rule-predictions';
import { blindSteps, type CallRecord, createdBy, sendSteps } from './calls';
import { stateDiff } from './compare';
import { randomMove } from './move-gen';
import { Rng } from './prng';
import { type GeneratedScenario, randomScenario } from './scenario-gen';
import { unsettle } from './unsettle';

/** Rules EC2 has no check for: a refusal citing only these may see every call succeed. */
const CONSOLE_SIDE_RULES: readonly RuleId[] = ['instance-type-known', 'cross-vpc-allowed'];

/**
 * Plus, for move-ip, instance-state when only the SOURCE instance is unsettled: the checker refuses that on
 * purpose (the undo must stay possible); AssignPrivateIpAddresses only looks at the target's instance.
 */
function consoleSideRules(s: Snapshot, move: Move): ReadonlySet<RuleId> {
  const rules = new Set(CONSOLE_SIDE_RULES);
  if (move.kind === 'move-ip') {
    const ix = indexSnapshot(s);
    const target = ix.eniById.get(move.toEni);
    const state = target ? instanceOf(ix, target)?.state : undefined;
    if (state === undefined || state === 'running' || state === 'stopped') rules.add('instance-state');
  }
  return rules;
}
/**
 * Console settings that mirror an emulator setting (ec2-rules §10): with both switched the same way,
 * the emulator answers this code where the console cites the setting's rule.
 */
const SETTING_CODES: Partial<Record<RuleId, readonly string[]>> = {
  'cross-vpc-allowed': ['InvalidParameterCombination'],
};

export type Outcome = 'allowed' | 'refused' | 'console-side' | 'disagreement';

export interface CaseResult {
  seed: number;
  /** Position of the move in its topology's sequence (the moves before it were applied first). */
  index: number;
  move: Move;
  kind: MoveKind;
  rules: RuleId[];
  outcome: Outcome;
  calls: CallRecord[];
  /** Why a case disagrees (or why it counts as console-side). */
  detail: string[];
}

export interface Disagreement extends CaseResult {
  scenario: GeneratedScenario;
  verdict: Verdict;
  history: Move[];
  /** Transitions started after loading the scenario, before the first move (see unsettle.ts). */
  setup: string[];
}

export interface AgreementEnv {
  emu: StartedEmulator;
  client: EC2Client;
  close(): Promise<void>;
}

export async function startAgreementEnv(): Promise<AgreementEnv> {
  const emu = await startEmulator({
    port: 0,
    scenario: 'showcase',
    settings: { attachDelayMs: 0, instanceStateDelayMs: 0 },
  });
  const client = createEc2Client({ endpoint: emu.url, region: 'us-east-1', maxAttempts: 1 });
  return {
    emu,
    client,
    close: async () => {
      client.destroy();
      await emu.close();
    },
  };
}

function refusalAgrees(code: string, rules: readonly RuleId[]): boolean {
  return errorMatchesRules(code, rules) || rules.some((r) => SETTING_CODES[r]?.includes(code));
}

interface Judged {
  outcome: Outcome;
  calls: CallRecord[];
  detail: string[];
  /** The state after the move, when it may have changed (else the caller keeps its snapshot). */
  after: Snapshot | null;
}

async function judge(
  env: AgreementEnv,
  before: Snapshot,
  move: Move,
  verdict: Verdict,
  gen: GeneratedScenario,
): Promise<Judged> {
  if (verdict.ok) {
    const calls = await sendSteps(env.client, verdict.plan.steps, before);
    const failed = calls.find((c) => !c.ok);
    const after = await loadSnapshot(env.client);
    if (failed)
      return {
        outcome: 'disagreement',
        calls,
        after,
        detail: [`allowed, but ${failed.action} failed: ${failed.code}: ${failed.message}`],
      };
    const diff = stateDiff(applyMove(before, verdict.plan.move, createdBy(calls)), after);
    if (diff.length > 0)
      return {
        outcome: 'disagreement',
        calls,
        after,
        detail: ['allowed and EC2 succeeded, but the state differs from applyMove (- expected, + emulator):', ...diff],
      };
    return { outcome: 'allowed', calls, after, detail: [] };
  }
  const rules = verdict.reasons.map((r) => r.rule);
  const steps = blindSteps(before, move, gen.checkSettings);
  if (!steps) return { outcome: 'console-side', calls: [], after: null, detail: ['no EC2 call expresses this move'] };
  const calls = await sendSteps(env.client, steps, before);
  const failed = calls.find((c) => !c.ok);
  const changed = calls.some((c) => c.ok);
  const after = changed ? await loadSnapshot(env.client) : null;
  if (failed) {
    if (refusalAgrees(failed.code ?? '', rules)) return { outcome: 'refused', calls, after, detail: [] };
    return {
      outcome: 'disagreement',
      calls,
      after,
      detail: [
        `refused (${rules.join(', ')}), but EC2 failed with ${failed.code}, which none of those rules predicts: ${failed.message}`,
      ],
    };
  }
  const noOp = after !== null && stateDiff(before, after).length === 0;
  const consoleSide = consoleSideRules(before, move);
  if (rules.every((r) => consoleSide.has(r)))
    return { outcome: 'console-side', calls, after, detail: ['only console-side rules'] };
  if (rules.includes('target-is-different') && noOp)
    return { outcome: 'console-side', calls, after, detail: ['a no-op: EC2 accepts it and nothing changes'] };
  return {
    outcome: 'disagreement',
    calls,
    after,
    detail: [`refused (${rules.join(', ')}), but EC2 accepted every call`, ...(after ? stateDiff(before, after) : [])],
  };
}

export interface TopologyRun {
  results: CaseResult[];
  disagreements: Disagreement[];
}

/** Loads the topology of `seed` and plays `moves` random moves on it (each applied before the next). */
export async function runTopology(env: AgreementEnv, seed: number, moves: number): Promise<TopologyRun> {
  const rng = new Rng(seed);
  const gen = randomScenario(rng, seed);
  Object.assign(env.emu.settings, gen.emulatorSettings);
  env.emu.reset(gen.definition);
  let snapshot = await loadSnapshot(env.client);
  const setup = rng.chance(0.3) ? await unsettle(env, rng, snapshot, gen.checkSettings) : [];
  if (setup.length > 0) snapshot = await loadSnapshot(env.client);
  const run: TopologyRun = { results: [], disagreements: [] };
  const history: Move[] = [];
  for (let index = 0; index < moves; index++) {
    const move = randomMove(rng, snapshot);
    const verdict = checkMove(snapshot, move, gen.checkSettings);
    const judged = await judge(env, snapshot, move, verdict, gen);
    const rules = verdict.ok ? [] : verdict.reasons.map((r) => r.rule);
    const result: CaseResult = {
      seed,
      index,
      move,
      kind: move.kind,
      rules,
      outcome: judged.outcome,
      calls: judged.calls,
      detail: judged.detail,
    };
    run.results.push(result);
    if (judged.outcome === 'disagreement')
      run.disagreements.push({ ...result, scenario: gen, verdict, history: [...history], setup });
    history.push(move);
    if (judged.after) snapshot = judged.after;
  }
  return run;
}
