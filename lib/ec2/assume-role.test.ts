// A role account's credentials: AssumeRole with the external id and the console user as the session name (within
// STS's rules), cached until shortly before expiry, one STS call however many requests ask at once.
import type { AssumeRoleCommand, AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { RENEW_BEFORE_MS, roleCredentials, sessionNameFor, type StsSender } from './assume-role';

const ROLE = { roleArn: 'arn:aws:iam::123456789012:role/eni-console', externalId: 'eni-console-7f3a' };

/** An STS client that records each AssumeRole's input and answers credentials valid for an hour from `now`. */
function mockSts(now: () => number): StsSender & { inputs: AssumeRoleCommandInput[] } {
  const inputs: AssumeRoleCommandInput[] = [];
  return {
    inputs,
    send: async (command: AssumeRoleCommand) => {
      inputs.push(command.input);
      return {
        $metadata: {},
        Credentials: {
          AccessKeyId: `ASIA${inputs.length}`,
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: new Date(now() + 3_600_000),
        },
      };
    },
  };
}

describe('sessionNameFor', () => {
  it('keeps a user name STS accepts as it is', () => {
    expect(sessionNameFor('alice@example.com')).toBe('alice@example.com');
  });

  it('replaces characters STS refuses, cuts at 64 and pads to 2', () => {
    expect(sessionNameFor('Zoë O’Brien (ops)')).toBe('Zo--O-Brien--ops-');
    expect(sessionNameFor('x'.repeat(80))).toHaveLength(64);
    expect(sessionNameFor('a')).toBe('a-');
    expect(sessionNameFor('a')).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});

describe('roleCredentials', () => {
  it('assumes the role with its external id and the user as the session name', async () => {
    const sts = mockSts(Date.now);
    const creds = await roleCredentials(ROLE, 'Zoë O’Brien', sts)();
    expect(sts.inputs).toEqual([
      {
        RoleArn: ROLE.roleArn,
        ExternalId: ROLE.externalId,
        RoleSessionName: 'Zo--O-Brien',
        DurationSeconds: 3600,
      },
    ]);
    expect(creds).toMatchObject({ accessKeyId: 'ASIA1', sessionToken: 'token' });
  });

  it('reuses the credentials until shortly before they expire, then assumes the role again', async () => {
    let now = 1_000_000;
    const sts = mockSts(() => now);
    const provider = roleCredentials(ROLE, 'alice', sts, () => now);
    await Promise.all([provider(), provider(), provider()]);
    expect(sts.inputs).toHaveLength(1);
    now += 3_600_000 - RENEW_BEFORE_MS - 1_000;
    expect((await provider()).accessKeyId).toBe('ASIA1');
    now += 2_000;
    expect((await provider()).accessKeyId).toBe('ASIA2');
    expect(sts.inputs).toHaveLength(2);
  });
});
