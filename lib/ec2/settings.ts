// CheckSettings from the environment, so the server's fresh check and the canvas's hover check agree on the
// behaviour EC2 has not confirmed (ec2-rules §10.5, ec2-rules §10.6).
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
    fail('internal', `The server setting ${name}="${env[name]}" is not a boolean. Set it to true or false (or unset it for the default, ${fallback}) and restart.`),
  );
}

/** ENI_CONSOLE_CROSS_VPC_ATTACH and ENI_CONSOLE_ALLOW_REASSOCIATION; both default to true. */
export function loadCheckSettings(env: Env = process.env): CheckSettings {
  return {
    allowCrossVpcAttach: flag(env, 'ENI_CONSOLE_CROSS_VPC_ATTACH', defaultCheckSettings.allowCrossVpcAttach),
    allowReassociation: flag(env, 'ENI_CONSOLE_ALLOW_REASSOCIATION', defaultCheckSettings.allowReassociation),
  };
}
