// The browser's calls for a failover and the demo: /api/plan, /api/apply (same routes as every move), the progress
// of a running apply (/api/progress/{id}), and the demo's control routes. Answers are the routes' JSON ({ ok, … } or a failure).
import { noteConsoleChange } from '../topology/auto-refresh/account-replaced';
import { scopeBody } from '@/lib/queries/scope';
import type { Failover, FailoverPlan, Move } from '@/lib/topology';
import type { StepReport, StepTiming } from '@/lib/topology/outcome';

export type Timings = { totalMs: number; steps: StepTiming[] };
export type Failed = {
  ok: false;
  code: string;
  message: string;
  details?: { steps?: StepReport[]; timings?: Timings; rolledBack?: boolean };
};
export type Planned = { ok: true; plan: FailoverPlan };
export type Rehearsed = {
  ok: true;
  plan: FailoverPlan;
  rehearsal: {
    dryRuns: { action: string; cli: string }[];
    noDryRun: { action: string; cli: string }[];
    expectedMs: number | null;
  };
};
export type Applied = {
  ok: true;
  plan: FailoverPlan;
  steps: StepReport[];
  timings: Timings;
  verification: 'verified' | 'pending';
  pending?: string;
};
export type Progress = { steps: StepTiming[]; current: string | null; finished: boolean; startedAt: number };

async function call<T>(path: string, body?: unknown): Promise<T | Failed> {
  try {
    const res = await fetch(
      path,
      body === undefined
        ? { cache: 'no-store' }
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    return (await res.json()) as T | Failed;
  } catch (err) {
    return {
      ok: false,
      code: 'network',
      message: `The console server did not answer (${(err as Error).message}). Nothing is known to have changed; refresh to see EC2's state.`,
    };
  }
}

// Each names the page's account and region (the server refuses a plan applied in another).
export const planFailover = (f: Failover) => call<Planned>('/api/plan', { ...f, ...scopeBody() });
export const rehearseFailover = (f: Failover) =>
  call<Rehearsed>('/api/apply', { ...f, rehearse: true, ...scopeBody() });
/** The failover's steps are the console's own: "Changed since …" does not list them as done outside it. */
export async function applyFailover(f: Failover, confirmed: FailoverPlan, progressId: string) {
  const result = await call<Applied>('/api/apply', { move: f, confirmed, progressId, ...scopeBody() });
  noteConsoleChange();
  return result;
}
export const readProgress = (progressId: string) =>
  call<{ ok: true; progress: Progress }>(`/api/progress/${progressId}`);
/** Resets the demo account to a scenario; the changes panel then starts over (the console replaced the account). */
export async function resetScenario(scenario: string) {
  const result = await call<{ ok: true }>('/api/demo/reset', { scenario });
  if (result.ok) noteConsoleChange();
  return result;
}
export const failInstance = (instanceId: string) =>
  call<{ ok: true }>('/api/demo/fail-instance', { instanceId, ...scopeBody() });

/** A plain move through the canvas's routes: planned on fresh state, then applied as the confirmed plan. */
export async function planAndApply(move: Move): Promise<{ ok: true } | Failed> {
  const planned = await call<{ ok: true; plan: unknown }>('/api/plan', { move, ...scopeBody() });
  if (!planned.ok) return planned;
  const applied = await call<{ ok: true }>('/api/apply', { move, confirmed: planned.plan, ...scopeBody() });
  noteConsoleChange();
  return applied.ok ? { ok: true } : applied;
}

/** A progress id, chosen here so the steps can be polled while the apply runs (not a journal operation id). */
export const newProgressId = () => `progress-${crypto.randomUUID()}`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
