// GET /api/progress/{progressId}: the live steps of an apply (a move or a failover) the caller follows by the
// progress id it sent with the apply; the journal operations it wrote are named in it (GET /api/operations/{id}).
import 'server-only';
import { type Progress, processProgress } from '@/lib/ec2/step-timings';
import { fail } from '@/lib/result';
import type { BoundarySpec, QueryInput } from './guard';
import { progressIdSchema } from './move-request';

export const progressEndpoint: BoundarySpec<{ id: string }, { progress: Progress }> = {
  name: 'progress.read',
  permission: 'read',
  parse: (input) => {
    const parsed = progressIdSchema.safeParse((input as QueryInput).params.id);
    return parsed.success
      ? { ok: true, value: { id: parsed.data } }
      : fail('invalid-input', `The progress id in the path: ${parsed.error.issues[0]?.message}.`);
  },
  handler: async ({ id }) => {
    const progress = processProgress.get(id);
    return progress
      ? { ok: true, progress }
      : fail(
          'not-found',
          `No apply followed as ${id} is known to this console process (it may not have started yet, or the server restarted). Its journal operations are listed at GET /api/operations.`,
        );
  },
};
