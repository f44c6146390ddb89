// Each rule's predicted EC2 error codes (lib/topology/rule-predictions.ts).
import { describe, expect, it } from 'vitest';
import { errorMatchesRules, predictedErrorCodes, ruleEc2Errors } from './rule-predictions';
import { ruleIds } from './move';

describe('rule predictions', () => {
  it('predicts an error code for every rule EC2 itself enforces', () => {
    expect(Object.keys(ruleEc2Errors).sort()).toEqual([...ruleIds].sort());
    const consoleOnly = ruleIds.filter((r) => predictedErrorCodes(r).length === 0);
    expect(consoleOnly.sort()).toEqual(['cross-vpc-allowed', 'eni-type-movable', 'instance-type-known']);
  });

  it('maps the documented cases to their EC2 codes', () => {
    expect(predictedErrorCodes('same-az')).toEqual(['InvalidParameterCombination']);
    expect(predictedErrorCodes('eni-slot-free')).toEqual(['AttachmentLimitExceeded']);
    expect(predictedErrorCodes('eni-not-primary')).toEqual(['OperationNotPermitted']);
    expect(predictedErrorCodes('ip-slot-free')).toEqual(['PrivateIpAddressLimitExceeded']);
    expect(predictedErrorCodes('internet-gateway')).toEqual(['Gateway.NotAttached']);
    expect(predictedErrorCodes('instance-state')).toEqual(['IncorrectInstanceState']);
    expect(errorMatchesRules('InvalidParameterValue', ['device-index-free'])).toBe(true);
    // Detaching an attachment that is still attaching/detaching (found by lib/agreement; undocumented code).
    expect(errorMatchesRules('IncorrectState', ['eni-settled'])).toBe(true);
    expect(errorMatchesRules('IncorrectState', ['eni-not-primary'])).toBe(false);
    expect(errorMatchesRules('AttachmentLimitExceeded', ['same-az', 'same-subnet'])).toBe(false);
  });
});
