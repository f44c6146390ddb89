// CheckSettings from the environment, so the server's fresh check and the canvas's hover check agree on the
// behaviour EC2 has not confirmed (ec2-rules §10.5, ec2-rules §10.6); and the time budgets of applies and reads.
import 'server-only';
import { fail } from '@/lib/result';
import { type CheckSettings, defaultCheckSettings } from '@/lib/topology';
import type { Env } from './client';
import { GatewayError } from './errors';

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new GatewayError(
    fail(
      'internal',
      `The server setting ${name}="${env[name]}" is not a boolean. Set it to true or false (or unset it for the default, ${fallback}) and restart.`,
    ),
  );
}

/** ENI_CONSOLE_CROSS_VPC_ATTACH and ENI_CONSOLE_ALLOW_REASSOCIATION; both default to true. */
export function loadCheckSettings(env: Env = process.env): CheckSettings {
  return {
    allowCrossVpcAttach: flag(env, 'ENI_CONSOLE_CROSS_VPC_ATTACH', defaultCheckSettings.allowCrossVpcAttach),
    allowReassociation: flag(env, 'ENI_CONSOLE_ALLOW_REASSOCIATION', defaultCheckSettings.allowReassociation),
  };
}

function positiveMs(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new GatewayError(
      fail(
        'internal',
        `The server setting ${name}="${env[name]}" is not a positive number of milliseconds. Set it (e.g. ${fallback}) or unset it for the default, and restart.`,
      ),
    );
  }
  return n;
}

/** How long work may take: the whole of one apply, and one read of the topology. */
export type TimeSettings = { applyBudgetMs: number; readDeadlineMs: number };

/** ENI_CONSOLE_APPLY_BUDGET_MS (default 90 s) and ENI_CONSOLE_READ_DEADLINE_MS (default 30 s). */
export function loadTimeSettings(env: Env = process.env): TimeSettings {
  return {
    applyBudgetMs: positiveMs(env, 'ENI_CONSOLE_APPLY_BUDGET_MS', 90_000),
    readDeadlineMs: positiveMs(env, 'ENI_CONSOLE_READ_DEADLINE_MS', 30_000),
  };
}
