// Emulator knobs for the unconfirmed EC2 behaviours of ec2-rules §10, with defaults and validation.

export interface EmulatorSettings {
  attachDelayMs: number; // attaching→attached, detaching→(gone), default 1000
  instanceStateDelayMs: number; // stopping→stopped, pending→running, default 1000
  reassignErrorCode: 'InvalidParameterValue' | 'Resource.AlreadyAssigned' | 'InvalidIPAddress.InUse'; // ec2-rules §10.1
  allowReassociationDefault: boolean; // ec2-rules §3.17, ec2-rules §10.5
  allowCrossVpcAttach: boolean; // ec2-rules §3.11 rule 4
  attachIpLimitErrorCode: 'PrivateIpAddressLimitExceeded' | 'InvalidInterface.IpAddressLimitExceeded'; // ec2-rules §3.11 rule 7, ec2-rules §10.4
  unattachedEniIpv4Cap: number; // IPv4 cap of an ENI with no instance type, default 64 (ec2-rules §3.9 rule 7, ec2-rules §10.4)
  eipQuota: number; // default 5 (ec2-rules §2.4); a scenario may raise it
  region: string;
  // EC2's failure modes (issue 7), all off by default:
  detachDelayMs: number | null; // detaching→available when set (e.g. 35000 for a detach slower than 30 s); null: attachDelayMs
  latencyMs: Record<string, number>; // delay before answering, per action name ('*' for every action)
  describeLagMs: number; // eventual consistency: Describe* answers show the account as it was this long ago
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  attachDelayMs: 1000,
  instanceStateDelayMs: 1000,
  reassignErrorCode: 'InvalidParameterValue',
  allowReassociationDefault: true,
  allowCrossVpcAttach: true,
  attachIpLimitErrorCode: 'PrivateIpAddressLimitExceeded',
  unattachedEniIpv4Cap: 64,
  eipQuota: 5,
  region: 'us-east-1',
  detachDelayMs: null,
  latencyMs: {},
  describeLagMs: 0,
};

const REASSIGN_CODES = ['InvalidParameterValue', 'Resource.AlreadyAssigned', 'InvalidIPAddress.InUse'] as const;
const ATTACH_IP_LIMIT_CODES = ['PrivateIpAddressLimitExceeded', 'InvalidInterface.IpAddressLimitExceeded'] as const;

/** Validate an untrusted partial (control plane PATCH, scenario file); returns an error text or the patch. */
export function parseSettingsPatch(
  input: unknown,
): { ok: true; patch: Partial<EmulatorSettings> } | { ok: false; error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'Send a JSON object with any of: ' + Object.keys(DEFAULT_SETTINGS).join(', ') };
  }
  const patch: Partial<EmulatorSettings> = {};
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'detachDelayMs':
        if (value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) {
          return { ok: false, error: 'detachDelayMs must be a non-negative integer, or null to follow attachDelayMs' };
        }
        patch.detachDelayMs = value as number | null;
        break;
      case 'latencyMs': {
        const bad =
          'latencyMs must be an object of action name (or "*") to a non-negative integer of milliseconds, e.g. {"DescribeVpcs":600000}';
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: bad };
        const entries = Object.entries(value as Record<string, unknown>);
        if (
          entries.some(
            ([k, v]) => !/^(\*|[A-Z][A-Za-z0-9]*)$/.test(k) || typeof v !== 'number' || !Number.isInteger(v) || v < 0,
          )
        )
          return { ok: false, error: bad };
        patch.latencyMs = Object.fromEntries(entries) as Record<string, number>;
        break;
      }
      case 'describeLagMs':
      case 'attachDelayMs':
      case 'instanceStateDelayMs':
      case 'eipQuota':
      case 'unattachedEniIpv4Cap':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          return { ok: false, error: `${key} must be a non-negative integer` };
        }
        patch[key] = value;
        break;
      case 'allowReassociationDefault':
      case 'allowCrossVpcAttach':
        if (typeof value !== 'boolean') return { ok: false, error: `${key} must be true or false` };
        patch[key] = value;
        break;
      case 'reassignErrorCode':
        if (!REASSIGN_CODES.includes(value as never)) {
          return { ok: false, error: `reassignErrorCode must be one of ${REASSIGN_CODES.join(', ')}` };
        }
        patch.reassignErrorCode = value as EmulatorSettings['reassignErrorCode'];
        break;
      case 'attachIpLimitErrorCode':
        if (!ATTACH_IP_LIMIT_CODES.includes(value as never)) {
          return { ok: false, error: `attachIpLimitErrorCode must be one of ${ATTACH_IP_LIMIT_CODES.join(', ')}` };
        }
        patch.attachIpLimitErrorCode = value as EmulatorSettings['attachIpLimitErrorCode'];
        break;
      case 'region':
        if (typeof value !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(value)) {
          return { ok: false, error: 'region must look like us-east-1' };
        }
        patch.region = value;
        break;
      default:
        return { ok: false, error: `Unknown setting '${key}'. Known: ${Object.keys(DEFAULT_SETTINGS).join(', ')}` };
    }
  }
  return { ok: true, patch };
}
