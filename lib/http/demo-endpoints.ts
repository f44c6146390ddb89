// The demo's routes at the boundary: reset to a scenario, fail an instance (permission 'change'; demo mode only).
import 'server-only';
import type { z } from 'zod';
import { demoFailSchema, demoResetSchema, failDemoInstance, resetDemo } from '@/lib/demo/control';
import { forgetDemoAccounts } from '@/lib/ec2/accounts';
import { invalidateTopology } from '@/lib/ec2/topology';
import { fail } from '@/lib/result';
import type { BoundarySpec } from './guard';
import { describeIssues } from './move-request';

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

export const demoFailEndpoint: BoundarySpec<z.infer<typeof demoFailSchema>, { done: true }> = {
  name: 'demo.fail-instance',
  permission: 'change',
  parse: parser(demoFailSchema, '{"instanceId":"i-0123456789abcdef0"}'),
  handler: async ({ instanceId, stopAfterMs }) => {
    const result = await failDemoInstance(instanceId, stopAfterMs);
    invalidateTopology();
    return result;
  },
  audit: (input) => ({
    resourceIds: [input.instanceId],
    requestIds: [],
    details: { stopAfterMs: input.stopAfterMs ?? null },
  }),
};
