// The check settings: EC2 behaviour that is not confirmed, read from the environment with its recommended default.
import { describe, expect, it } from 'vitest';
import { loadCheckSettings } from './settings';

describe('check settings', () => {
  it('reads the check settings, defaulting to true, and rejects a value that is not a boolean', () => {
    expect(loadCheckSettings({})).toEqual({ allowCrossVpcAttach: true, allowReassociation: true });
    expect(loadCheckSettings({ ENI_CONSOLE_CROSS_VPC_ATTACH: 'false', ENI_CONSOLE_ALLOW_REASSOCIATION: '0' })).toEqual({
      allowCrossVpcAttach: false,
      allowReassociation: false,
    });
    expect(() => loadCheckSettings({ ENI_CONSOLE_CROSS_VPC_ATTACH: 'maybe' })).toThrow(
      /ENI_CONSOLE_CROSS_VPC_ATTACH="maybe".*true or false/,
    );
  });
});
