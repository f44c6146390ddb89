// Every branch of the error mapping, with real SDK exceptions parsed from EC2 error envelopes over HTTP.
import { type AddressInfo, createServer, type Server } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { DescribeVpcsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEc2Client } from './client';
import { Ec2CallError, GatewayError, requiredIamPermissions, tagged, toFailure } from './errors';
import { fail } from '@/lib/result';

// A stand-in endpoint answering every request with the EC2 error envelope of ec2-rules §1.3.
let reply = { status: 400, code: 'InvalidParameterValue', message: 'bad' };
const server = createHttpServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(reply.status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'req-1' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${reply.code}</Code><Message>${reply.message}</Message></Error></Errors><RequestID>req-1</RequestID></Response>`,
    );
  });
});
let client: EC2Client;
let endpoint: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createEc2Client({ endpoint, region: 'us-east-1', maxAttempts: 1 });
});
afterAll(() => {
  client.destroy();
  server.close();
});

/** The failure a real SDK call gets when the endpoint answers with this EC2 error. */
async function failureFor(
  code: string,
  status = 400,
  message = `message for ${code}`,
  action = 'AttachNetworkInterface',
) {
  reply = { status, code, message };
  try {
    await tagged(action, client.send(new DescribeVpcsCommand({})));
  } catch (err) {
    return toFailure(err, { endpoint });
  }
  throw new Error('expected the call to fail');
}

describe('toFailure with EC2 error envelopes', () => {
  it('names the IAM permission the action needs on UnauthorizedOperation', async () => {
    const f = await failureFor(
      'UnauthorizedOperation',
      403,
      'You are not authorized to perform this operation. Encoded authorization failure message: abc',
    );
    expect(f.code).toBe('unauthorized');
    expect(f.message).toContain('ec2:AttachNetworkInterface');
    expect(f.message).toContain('decode-authorization-message');
    expect(f.details).toMatchObject({
      ec2Code: 'UnauthorizedOperation',
      permission: 'ec2:AttachNetworkInterface',
      requestId: 'req-1',
    });
  });

  it('tells how to configure credentials on AuthFailure', async () => {
    const f = await failureFor('AuthFailure', 401);
    expect(f.code).toBe('auth-failure');
    expect(f.message).toMatch(/AWS_PROFILE/);
    expect(f.message).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(f.message).toMatch(/sso login/);
  });

  it('maps RequestLimitExceeded to throttled', async () => {
    expect((await failureFor('RequestLimitExceeded', 503, 'Request limit exceeded.')).code).toBe('throttled');
  });

  it.each([
    ['InvalidNetworkInterfaceID.NotFound', 'not-found'],
    ['InvalidAllocationID.NotFound', 'not-found'],
    ['AttachmentLimitExceeded', 'limit-exceeded'],
    ['PrivateIpAddressLimitExceeded', 'limit-exceeded'],
    ['AddressLimitExceeded', 'limit-exceeded'],
    ['InsufficientFreeAddressesInSubnet', 'limit-exceeded'],
    ['InvalidNetworkInterface.InUse', 'conflict'],
    ['InvalidIPAddress.InUse', 'conflict'],
    ['IncorrectInstanceState', 'conflict'],
    ['OperationNotPermitted', 'conflict'],
    ['InvalidParameterCombination', 'conflict'],
    ['Resource.AlreadyAssociated', 'conflict'],
    ['Gateway.NotAttached', 'ec2-error'],
    ['InvalidParameterValue', 'ec2-error'],
  ])('maps %s to %s and keeps the EC2 code', async (ec2Code, expected) => {
    const f = await failureFor(ec2Code);
    expect(f.code).toBe(expected);
    expect(f.details).toMatchObject({ ec2Code, action: 'AttachNetworkInterface' });
  });

  it("carries EC2's own code and message for any other error", async () => {
    const f = await failureFor('Gateway.NotAttached', 400, 'Network vpc-1 is not attached to any internet gateway');
    expect(f.message).toContain('Gateway.NotAttached');
    expect(f.message).toContain('Network vpc-1 is not attached to any internet gateway');
  });
});

describe('toFailure without an EC2 answer', () => {
  it('reports a refused connection as endpoint-unreachable naming the endpoint', async () => {
    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadEndpoint = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dead = createEc2Client({ endpoint: deadEndpoint, maxAttempts: 1 });
    try {
      await dead.send(new DescribeVpcsCommand({}));
      throw new Error('expected ECONNREFUSED');
    } catch (err) {
      const f = toFailure(err, { endpoint: deadEndpoint });
      expect(f.code).toBe('endpoint-unreachable');
      expect(f.message).toContain(deadEndpoint);
      expect(f.message).toContain('ECONNREFUSED');
      expect(f.message).toContain('npm run emulator');
    } finally {
      dead.destroy();
    }
  });

  it('reports an unknown host as endpoint-unreachable', () => {
    const err = Object.assign(new Error('getaddrinfo ENOTFOUND ec2.nowhere.invalid'), { code: 'ENOTFOUND' });
    expect(toFailure(new Ec2CallError('DescribeVpcs', err)).code).toBe('endpoint-unreachable');
  });

  it('reports missing credentials as auth-failure with how to configure them', () => {
    const err = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const f = toFailure(err);
    expect(f.code).toBe('auth-failure');
    expect(f.message).toMatch(/AWS_PROFILE/);
  });

  it('hides a non-AWS exception behind a generic internal message and logs it', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = toFailure(new TypeError('secret detail'));
    expect(f).toMatchObject({ code: 'internal' });
    expect(f.message).not.toContain('secret detail');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('passes a GatewayError failure through unchanged', () => {
    const failure = fail('malformed-response', 'x');
    expect(toFailure(new GatewayError(failure))).toBe(failure);
  });
});

describe('helpers', () => {
  it('lists every IAM action the console calls', () => {
    expect(requiredIamPermissions).toContain('ec2:AttachNetworkInterface');
    expect(requiredIamPermissions).toContain('ec2:DescribeInternetGateways');
  });
});
