// The demo's hold on the emulator: reset to a scenario and fail an instance through the emulator's
// control plane, with the bearer token `npm run demo` hands to the console (EMULATOR_CONTROL_TOKEN). Demo mode only.
import 'server-only';
import { z } from 'zod';
import { isDemoMode } from '@/lib/auth/mode';
import { fail, type Result } from '@/lib/result';
import { DEMO_SCENARIOS } from './scenarios';

export const demoResetSchema = z.object({ scenario: z.enum(DEMO_SCENARIOS) }).strict();
export const demoFailSchema = z
  .object({
    instanceId: z
      .string()
      .regex(/^i-[0-9a-f]{8}([0-9a-f]{9})?$/, 'Expected an instance id such as i-0123456789abcdef0'),
    stopAfterMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict();

async function control(path: string, body: unknown): Promise<Result<{ done: true }>> {
  if (!isDemoMode())
    return fail(
      'forbidden',
      'Scenarios and simulated failures exist only in demo mode (npm run demo), against the embedded emulator.',
    );
  const endpoint = process.env.AWS_ENDPOINT_URL_EC2 ?? '';
  const token = process.env.EMULATOR_CONTROL_TOKEN;
  if (!token)
    return fail(
      'forbidden',
      'EMULATOR_CONTROL_TOKEN is not set for the console process; start it with npm run demo, which hands the token over.',
    );
  try {
    const res = await fetch(`${endpoint.replace(/\/$/, '')}/_emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok)
      return fail(
        'ec2-error',
        `The emulator's control plane answered ${res.status} to ${path}: ${(await res.text()).slice(0, 300)}`,
      );
    return { ok: true, done: true };
  } catch (err) {
    return fail(
      'endpoint-unreachable',
      `The emulator's control plane did not answer (${(err as Error).message}). Is npm run demo still running?`,
    );
  }
}

export const resetDemo = (scenario: string) => control('reset', { scenario });
/** Fails an instance of the account and region named (a multi-account scenario), else of the default store. */
export const failDemoInstance = (
  instanceId: string,
  stopAfterMs?: number,
  scope?: { account: string; region: string },
) =>
  control('fail-instance', {
    instanceId,
    ...(stopAfterMs === undefined ? {} : { stopAfterMs }),
    ...(scope ? { account: scope.account, region: scope.region } : {}),
  });

const demoAccountsSchema = z.object({
  accounts: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        accessKeyId: z.string(),
        regions: z.array(z.string()).min(1),
      }),
    )
    .min(1),
});
export type DemoAccount = z.infer<typeof demoAccountsSchema>['accounts'][number];

/** The emulator's accounts (GET /_emulator/accounts): one, or two with a multi-account scenario. Demo mode only. */
export async function listDemoAccounts(): Promise<Result<{ accounts: DemoAccount[] }>> {
  const endpoint = process.env.AWS_ENDPOINT_URL_EC2 ?? '';
  const token = process.env.EMULATOR_CONTROL_TOKEN;
  if (!isDemoMode() || !token) return fail('forbidden', 'The emulator lists its accounts only to a demo console.');
  try {
    const res = await fetch(`${endpoint.replace(/\/$/, '')}/_emulator/accounts`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const parsed = demoAccountsSchema.safeParse(await res.json());
    if (!parsed.success)
      return fail('malformed-response', `The emulator's account list is not understood (${res.status}).`);
    return { ok: true, accounts: parsed.data.accounts };
  } catch (err) {
    return fail('endpoint-unreachable', `The emulator's control plane did not answer (${(err as Error).message}).`);
  }
}
