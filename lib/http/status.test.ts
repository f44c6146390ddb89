// The code→status table of the HTTP boundary.
import { describe, expect, it } from 'vitest';
import { errorCodes, fail } from '@/lib/result';
import { httpStatusFor } from './status';

describe('httpStatusFor', () => {
  it('gives gateway problems a 5xx status and request problems a 4xx one', () => {
    expect(httpStatusFor(fail('endpoint-unreachable', ''))).toBe(502);
    expect(httpStatusFor(fail('invalid-input', ''))).toBe(400);
    expect(httpStatusFor(fail('refused', ''))).toBe(409);
    expect(httpStatusFor(fail('busy', ''))).toBe(423);
  });

  it('has a status between 400 and 599 for every error code', () => {
    for (const code of errorCodes) expect(httpStatusFor(fail(code, '')), code).toBeGreaterThanOrEqual(400);
    for (const code of errorCodes) expect(httpStatusFor(fail(code, '')), code).toBeLessThan(600);
  });
});
