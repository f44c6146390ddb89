// The page's account and region in the URL: read forgivingly, written first and in a fixed order.
import { describe, expect, it } from 'vitest';
import { decodeScope, scopeSuffix, withScope } from './scope';

describe('the scope in the URL', () => {
  it('reads account and region, dropping malformed values', () => {
    expect(decodeScope('?account=staging&region=eu-west-1&q=web')).toEqual({
      account: 'staging',
      region: 'eu-west-1',
    });
    expect(decodeScope('?account=Prod%20!&region=Frankfurt')).toEqual({});
  });

  it('puts the scope before the view’s own parameters, and nothing for the default scope', () => {
    expect(withScope('q=web&sel=eni%3Aeni-1', { region: 'eu-west-1', account: 'prod' })).toBe(
      'account=prod&region=eu-west-1&q=web&sel=eni%3Aeni-1',
    );
    expect(withScope('q=web', {})).toBe('q=web');
    expect(scopeSuffix({})).toBe('');
    expect(scopeSuffix({ account: 'prod' })).toBe('?account=prod');
  });
});
