// What happened to each EC2 call of an applied plan, as observed (issue 7): done, not done, or unknown. Shared by
// the server's answer, the journal and the UI, so every one of them says the same thing per step.
import { z } from 'zod';

export const stepOutcomeSchema = z.enum(['done', 'not-done', 'unknown']);
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

export const stepReportSchema = z.object({
  /** 1-based position in the plan; restore calls come after the plan's steps. */
  index: z.number().int(),
  action: z.string(),
  description: z.string(),
  cli: z.string(),
  outcome: stepOutcomeSchema,
  /** EC2's request id, when its answer arrived. */
  requestId: z.string().nullable(),
  /** How the outcome is known, e.g. "EC2's answer was lost (ECONNRESET); a describe shows the change made". */
  note: z.string().nullable(),
  /** A call the console added to put things back after a failure (the re-attach of an ENI). */
  restore: z.boolean(),
});
export type StepReport = z.infer<typeof stepReportSchema>;

/** One step as observed while it ran, for the progress the UI polls and the timings an answer carries. */
export type StepTiming = {
  index: number;
  action: string;
  description: string;
  outcome: StepReport['outcome'];
  restore: boolean;
  ms: number;
};

/** How an apply ended: verified; every call succeeded but the read-back is not there yet; or failed. */
export const verificationSchema = z.enum(['verified', 'pending']);
export type Verification = z.infer<typeof verificationSchema>;
