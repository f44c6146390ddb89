// The operation journal: every apply is written down before its first EC2 call (user, move, plan), each step's
// outcome and request id as it happens, then the final outcome; an operation begun and never finished (a crash
// mid-move) is what `unfinished()` lists. lib/db will provide the database-backed implementation of this
// interface; MemoryJournal keeps it in this process (lost on restart).
import 'server-only';
import type { Move, Plan } from '@/lib/topology';
import type { StepReport } from '@/lib/topology/outcome';
import type { Scope } from './client';

/** How an operation ended, with the message the caller got and, when something is left to do, the command. */
export type FinalOutcome = {
  status: 'applied' | 'applied-verification-pending' | 'not-applied' | 'partial' | 'unknown';
  message: string;
  /** Where the moved resources are, when the operation did not end as planned. */
  where?: string;
  /** An `aws ec2 …` command that would put things back, when one is needed. */
  command?: string;
};

export type JournalEntry = {
  id: string;
  user: string;
  move: Move;
  plan: Plan;
  startedAt: string;
  steps: { report: StepReport; requestId: string | null; at: string }[];
  finishedAt: string | null;
  outcome: FinalOutcome | null;
  /** The account and region the operation acts in (a Finish/Restore acts there); null: the default scope. */
  scope: Scope | null;
};

/** One operation's handle: steps and the final outcome are written through it. */
export interface JournalOperation {
  readonly id: string;
  /** Records a step's outcome; a later report of the same step (its index) replaces the earlier one. */
  step(outcome: StepReport, requestId: string | null): Promise<void>;
  finish(outcome: FinalOutcome): Promise<void>;
}

export interface OperationJournal {
  begin(user: string, move: Move, plan: Plan, scope?: Scope): Promise<JournalOperation>;
  /** Operations begun and not finished, oldest first. */
  unfinished(): Promise<JournalEntry[]>;
  /** The latest operations, newest first (for the UI and tests). */
  recent(limit: number): Promise<JournalEntry[]>;
}

/** The journal of this process. */
export class MemoryJournal implements OperationJournal {
  private readonly entries: JournalEntry[] = [];
  private seq = 0;
  constructor(private readonly keep = 1_000) {}

  async begin(user: string, move: Move, plan: Plan, scope?: Scope): Promise<JournalOperation> {
    const entry: JournalEntry = {
      scope: scope ?? null,
      id: `op-${++this.seq}`,
      user,
      move,
      plan,
      startedAt: new Date().toISOString(),
      steps: [],
      finishedAt: null,
      outcome: null,
    };
    this.entries.push(entry);
    // Finished operations beyond `keep` are forgotten first; unfinished ones never are.
    if (this.entries.length > this.keep) {
      const old = this.entries.findIndex((e) => e.finishedAt !== null);
      if (old >= 0) this.entries.splice(old, 1);
    }
    return {
      id: entry.id,
      // A step reported again (accepted, then settled) replaces its earlier report: one report per step.
      step: async (report, requestId) => {
        entry.steps = [
          ...entry.steps.filter((s) => s.report.index !== report.index),
          { report, requestId, at: new Date().toISOString() },
        ];
      },
      finish: async (outcome) => {
        entry.outcome = outcome;
        entry.finishedAt = new Date().toISOString();
      },
    };
  }

  async unfinished(): Promise<JournalEntry[]> {
    return this.entries.filter((e) => e.finishedAt === null);
  }

  async recent(limit: number): Promise<JournalEntry[]> {
    return this.entries.slice(-limit).reverse();
  }
}
