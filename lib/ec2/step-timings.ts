// How long each EC2 step took, as observed: a journal wrapper that stamps every step report as it arrives (so the
// executor itself is untouched), running averages per action for a rehearsal's expected duration, and the live
// progress of a multi-step operation for the UI to poll.
import 'server-only';
import type { Move, Plan } from '@/lib/topology';
import type { StepTiming } from '@/lib/topology/outcome';
import type { Scope } from './client';
import type { JournalOperation, OperationJournal } from './journal';
import { ACCEPTED_NOTE } from './run-steps';

/** Running averages of the last observed durations per action (a call plus its wait for the ENI transition). */
export class StepDurations {
  private readonly samples = new Map<string, number[]>();
  constructor(private readonly keep = 20) {}

  record(action: string, ms: number): void {
    const list = this.samples.get(action) ?? [];
    list.push(ms);
    if (list.length > this.keep) list.shift();
    this.samples.set(action, list);
  }

  /** The average of the recent samples and how many there are; null when none was observed yet. */
  expected(action: string): { ms: number; samples: number } | null {
    const list = this.samples.get(action);
    if (!list || list.length === 0) return null;
    return { ms: Math.round(list.reduce((a, b) => a + b, 0) / list.length), samples: list.length };
  }
}

/**
 * Where a running apply (a move, or a failover's parts) is: the steps so far and the one under way. Polled by the UI
 * at GET /api/progress/{id}, by the progress id the caller chose; `operations` lists the journal operations (op-…,
 * GET /api/operations/{id}) the apply wrote, one per move, as each begins.
 */
export type Progress = {
  id: string;
  operations: string[];
  startedAt: number;
  steps: StepTiming[];
  /** What is being done now, in words ("Detaching eni-… and waiting until it is available"), or null when finished. */
  current: string | null;
  finished: boolean;
};

export class ProgressBoard {
  private readonly ops = new Map<string, Progress>();
  /** Who started each (the user's name): another user's apply cannot take an id over (and show its steps as theirs). */
  private readonly owners = new Map<string, string>();
  start(id: string, current: string | null, owner?: string): Progress {
    const p: Progress = { id, operations: [], startedAt: Date.now(), steps: [], current, finished: false };
    this.ops.set(id, p);
    if (owner === undefined) this.owners.delete(id);
    else this.owners.set(id, owner);
    // A finished operation is kept for a while for late polls; the board never grows without bound.
    if (this.ops.size > 200) {
      const oldest = this.ops.keys().next().value as string;
      this.ops.delete(oldest);
      this.owners.delete(oldest);
    }
    return p;
  }
  get(id: string): Progress | undefined {
    return this.ops.get(id);
  }
  /** Whether `user` may start an apply under this id: an unused one, or one they started themselves. */
  mayUse(id: string, user: string): boolean {
    const owner = this.owners.get(id);
    return owner === undefined ? !this.ops.has(id) : owner === user;
  }
}

const shared = globalThis as typeof globalThis & {
  __eniConsoleDurations?: StepDurations;
  __eniConsoleProgress?: ProgressBoard;
};
export const processDurations: StepDurations = (shared.__eniConsoleDurations ??= new StepDurations());
export const processProgress: ProgressBoard = (shared.__eniConsoleProgress ??= new ProgressBoard());

/** What a step is doing while it runs, for the progress display. */
export function doingWords(action: string, description: string): string {
  switch (action) {
    case 'DetachNetworkInterface':
      return `Detaching… (${description})`;
    case 'AttachNetworkInterface':
      return `Attaching… (${description})`;
    default:
      return `${description}`;
  }
}

/**
 * Wraps a journal: every step report is passed on unchanged, and also timed (from the previous step, or from the
 * operation's start), recorded in `timings`, fed to `durations` (steps done, not restores), and shown on `progress`.
 */
export function timingJournal(
  inner: OperationJournal,
  sink: { timings: StepTiming[]; offset: number; progress?: Progress; durations?: StepDurations },
): OperationJournal {
  return {
    unfinished: () => inner.unfinished(),
    recent: (limit) => inner.recent(limit),
    async begin(user: string, move: Move, plan: Plan, scope?: Scope): Promise<JournalOperation> {
      const op = await inner.begin(user, move, plan, scope);
      sink.progress?.operations.push(op.id);
      let last = Date.now();
      const say = (i: number) => {
        const next = plan.steps[i];
        if (sink.progress) sink.progress.current = next ? doingWords(next.action, next.description) : null;
      };
      say(0);
      return {
        id: op.id,
        async step(report, requestId) {
          // An interim report (EC2 accepted the call, the wait goes on) is journaled, not timed: the settled
          // report of the same step follows and carries the step's whole duration.
          if (report.note?.endsWith(ACCEPTED_NOTE)) return op.step(report, requestId);
          const now = Date.now();
          const timing: StepTiming = {
            index: sink.offset + report.index,
            action: report.action,
            description: report.description,
            outcome: report.outcome,
            restore: report.restore,
            ms: now - last,
          };
          last = now;
          sink.timings.push(timing);
          sink.progress?.steps.push(timing);
          if (report.outcome === 'done' && !report.restore && report.note !== 'Not sent.')
            sink.durations?.record(report.action, timing.ms);
          say(report.index);
          await op.step(report, requestId);
        },
        finish: (outcome) => op.finish(outcome),
      };
    },
  };
}

/**
 * The journal a single move's apply writes through when the caller follows it by progress id: its steps show on
 * the progress board as they happen (and feed the observed durations); `end` marks it finished.
 */
export function progressJournal(
  inner: OperationJournal,
  progressId: string,
  owner: string,
): { journal: OperationJournal; end: () => void } {
  const progress = processProgress.start(progressId, 'Checking the move on fresh state…', owner);
  const journal = timingJournal(inner, { timings: [], offset: 0, progress, durations: processDurations });
  return {
    journal,
    end: () => {
      progress.current = null;
      progress.finished = true;
    },
  };
}
