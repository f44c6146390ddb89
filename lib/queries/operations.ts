// The operations a crash left unfinished, as the browser reads them (GET /api/operations?unfinished=1), and the
// resolve call (POST /api/operations/{id}/resolve), validated at the boundary.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

const stepSchema = z.object({
  report: z.object({
    index: z.number(),
    action: z.string(),
    description: z.string(),
    outcome: z.string(),
    requestId: z.string().nullable(),
    note: z.string().nullable(),
  }),
  at: z.string(),
});

export const operationViewSchema = z.object({
  id: z.string(),
  user: z.string(),
  startedAt: z.string(),
  plan: z.object({ summary: z.string(), steps: z.array(z.object({ description: z.string(), cli: z.string() })) }),
  steps: z.array(stepSchema),
  observed: z.array(z.object({ resource: z.string(), state: z.string() })).nullable(),
  observedError: z.string().nullable(),
  /** Where the operation started (its Finish/Restore acts there); null: the console's default account and region. */
  scope: z.object({ account: z.string(), region: z.string() }).nullable().default(null),
});
export type OperationViewData = z.infer<typeof operationViewSchema>;

const listSchema = z.object({ ok: z.literal(true), operations: z.array(operationViewSchema) });
const failureSchema = z.object({ ok: z.literal(false), message: z.string() });

export const unfinishedOperationsKey = ['operations', 'unfinished'] as const;

async function answer<T>(res: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  const failure = failureSchema.safeParse(body);
  if (failure.success) throw new Error(failure.data.message);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`The console answered ${res.status} with an unexpected body.`);
  return parsed.data;
}

export function unfinishedOperationsOptions() {
  return queryOptions({
    queryKey: unfinishedOperationsKey,
    queryFn: async ({ signal }) =>
      (await answer(await fetch('/api/operations?unfinished=1', { signal }), listSchema)).operations,
    refetchInterval: 30_000,
  });
}

const resolvedSchema = z.object({ ok: z.literal(true), outcome: z.object({ message: z.string() }) });

/** Finishes or restores one operation; the answer's message says what was done. */
export async function resolveOperation(id: string, action: 'finish' | 'restore'): Promise<string> {
  const res = await fetch(`/api/operations/${encodeURIComponent(id)}/resolve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action }),
  });
  return (await answer(res, resolvedSchema)).outcome.message;
}
