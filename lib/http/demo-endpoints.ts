// The demo's routes at the boundary: reset to a scenario, fail an instance (permission 'change'; demo mode only).
import 'server-only';
import type { z } from 'zod';
import { demoFailSchema, demoResetSchema, failDemoInstance, resetDemo } from '@/lib/demo/control';
import { forgetDemoAccounts } from '@/lib/ec2/accounts';
import { invalidateTopology } from '@/lib/ec2/topology';
import { fail } from '@/lib/result';
import type { BoundarySpec } from './guard';
import { describeIssues, scopeSchema } from './move-request';
import { resolveRequestScope, scopeDetails } from './scope-request';

function parser<S extends z.ZodType>(schema: S, example: string) {
  return (body: unknown) => {
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true as const, value: parsed.data as z.infer<S> }
      : fail('invalid-input', `${describeIssues(parsed.error)}. Send for example ${example}.`);
  };
}

export const demoResetEndpoint: BoundarySpec<z.infer<typeof demoResetSchema>, { done: true }> = {
  name: 'demo.reset',
  permission: 'change',
  parse: parser(demoResetSchema, '{"scenario":"ha-failover"}'),
  handler: async ({ scenario }) => {
    const result = await resetDemo(scenario);
    invalidateTopology();
    forgetDemoAccounts();
    return result;
  },
  audit: (input) => ({ resourceIds: [], requestIds: [], details: { scenario: input.scenario } }),
};

/** The instance to fail and, optionally, the account and region it is in (the page's scope). */
const demoFailRequestSchema = demoFailSchema.extend({ scope: scopeSchema.optional() });
type DemoFailRequest = z.infer<typeof demoFailRequestSchema>;

export const demoFailEndpoint: BoundarySpec<DemoFailRequest, { done: true }> = {
  name: 'demo.fail-instance',
  permission: 'change',
  parse: parser(
    demoFailRequestSchema,
    '{"instanceId":"i-0123456789abcdef0","scope":{"account":"staging","region":"eu-west-1"}}',
  ),
  handler: async (input) => {
    // Checked as a move's scope: an unknown account or region is refused, never failed elsewhere.
    const where = await resolveRequestScope(input.scope);
    if (!where.ok) return where;
    if (where.scope) input.scope = where.scope;
    const result = await failDemoInstance(input.instanceId, input.stopAfterMs, where.scope);
    invalidateTopology();
    return result;
  },
  audit: (input) => ({
    resourceIds: [input.instanceId],
    requestIds: [],
    details: { stopAfterMs: input.stopAfterMs ?? null, ...scopeDetails(input.scope) },
  }),
};
