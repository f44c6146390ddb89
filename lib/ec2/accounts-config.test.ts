// ENI_CONSOLE_ACCOUNTS: profiles and role ARNs, inline or from a file; each mistake named with what to send.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAccountsConfig } from './accounts-config';

const ROLE = {
  id: 'prod',
  label: 'Production',
  roleArn: 'arn:aws:iam::123456789012:role/eni-console',
  externalId: 'eni-console-7f3a',
  regions: ['us-east-1', 'eu-west-1'],
};
const PROFILE = { id: 'dev', label: 'Development', profile: 'dev' };

const parse = (value: unknown) =>
  parseAccountsConfig({ ENI_CONSOLE_ACCOUNTS: typeof value === 'string' ? value : JSON.stringify(value) });
const messageOf = (value: unknown) => {
  const result = parse(value);
  if (!result || result.ok) throw new Error('expected a failure');
  return result.message;
};

describe('ENI_CONSOLE_ACCOUNTS', () => {
  it('is null when unset: the one default account', () => {
    expect(parseAccountsConfig({})).toBeNull();
  });

  it('reads role and profile accounts from inline JSON', () => {
    expect(parse([ROLE, PROFILE])).toEqual({ ok: true, accounts: [ROLE, PROFILE] });
  });

  it('reads the same list from a file path', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.json');
    writeFileSync(file, JSON.stringify([PROFILE]));
    expect(parse(file)).toEqual({ ok: true, accounts: [PROFILE] });
  });

  it('says what is wrong, where, and shows an example', () => {
    expect(messageOf('[{"id":')).toContain('is not valid JSON');
    expect(messageOf('/nowhere/accounts.json')).toContain('neither a JSON array nor a readable file');
    expect(messageOf([])).toContain('non-empty JSON array');
    expect(messageOf([{ id: 'x', label: 'X' }])).toContain('account [0] names no credentials');
    expect(messageOf([{ ...ROLE, externalId: undefined }])).toContain('account [0].externalId');
    expect(messageOf([{ ...ROLE, roleArn: 'eni-console' }])).toContain('Expected a role ARN');
    expect(messageOf([{ ...PROFILE, regions: ['Frankfurt'] }])).toContain('account [0].regions.0');
    expect(messageOf([PROFILE, { ...ROLE, id: 'dev' }])).toContain('two accounts have the id "dev"');
    expect(messageOf([{ ...PROFILE, roleArn: ROLE.roleArn }])).toContain('externalId');
    expect(messageOf([PROFILE, { ...PROFILE, id: 'Prod' }])).toContain('lower-case');
    expect(messageOf([])).toContain('"roleArn":"arn:aws:iam::123456789012:role/eni-console"');
  });
});
