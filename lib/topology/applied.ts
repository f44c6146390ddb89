// What an applied move answers (POST /api/apply, the apply server action): one type for the server that builds it
// (lib/ec2/execute.ts) and the browser that reads it (the apply mutation and its cache edits). Types only.
import type { Plan } from './move';
import type { Eip, Eni, Instance } from './schema';
import type { StepReport, Verification } from './outcome';

/** What EC2 reported after a move, for the resources it involved: replaces them in the view's cache. */
export type Verified = { enis: Eni[]; instances: Instance[]; eips: Eip[] };

/**
 * Every call of the plan was made. `verification` is 'verified' when the read-back matches the plan, 'pending'
 * when it did not yet (EC2's describes lag, or were throttled) by the end of the verification window; `pending`
 * then says so in words.
 */
export type Applied = {
  plan: Plan;
  requestIds: string[];
  verified: Verified;
  verification: Verification;
  steps: StepReport[];
  pending?: string;
};
