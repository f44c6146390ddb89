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
};

const REASSIGN_CODES = ['InvalidParameterValue', 'Resource.AlreadyAssigned', 'InvalidIPAddress.InUse'] as const;
const ATTACH_IP_LIMIT_CODES = ['PrivateIpAddressLimitExceeded', 'InvalidInterface.IpAddressLimitExceeded'] as const;

/** Validate an untrusted partial (control plane PATCH, scenario file); returns an error text or the patch. */
export function parseSettingsPatch(input: unknown): { ok: true; patch: Partial<EmulatorSettings> } | { ok: false; error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'Send a JSON object with any of: ' + Object.keys(DEFAULT_SETTINGS).join(', ') };
  }
  const patch: Partial<EmulatorSettings> = {};
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
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
