// Client configuration: loopback detection, demo credentials, the endpoint the SDK will use; call counting.
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientInfo,
  configuredEndpoint,
  configuredRegion,
  createEc2Client,
  credentialsConfigured,
  isLoopback,
} from './client';
import { countCalls } from './call-counter';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';

const noFiles = { AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', AWS_CONFIG_FILE: '/nonexistent/config' };

describe('configuration from the environment', () => {
  it('treats localhost, 127.0.0.0/8 and ::1 as loopback, and nothing else', () => {
    expect(
      ['http://localhost:4630', 'http://127.0.0.1:4630', 'http://127.9.8.7', 'http://[::1]:4630'].map(isLoopback),
    ).toEqual([true, true, true, true]);
    expect(['https://ec2.us-east-1.amazonaws.com', 'http://10.0.0.1:4630', 'not a url'].map(isLoopback)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('sees credentials in keys, a profile, web identity or the shared files', () => {
    expect(credentialsConfigured({ ...noFiles })).toBe(false);
    expect(credentialsConfigured({ ...noFiles, AWS_ACCESS_KEY_ID: 'AKID' })).toBe(true);
    expect(credentialsConfigured({ ...noFiles, AWS_PROFILE: 'dev' })).toBe(true);
    expect(credentialsConfigured({ AWS_SHARED_CREDENTIALS_FILE: __filename, AWS_CONFIG_FILE: '/nonexistent' })).toBe(
      true,
    );
  });

  it('reads the endpoint with the SDK’s precedence and defaults the region to us-east-1', () => {
    expect(configuredEndpoint({ AWS_ENDPOINT_URL_EC2: 'http://a', AWS_ENDPOINT_URL: 'http://b' })).toBe('http://a');
    expect(configuredEndpoint({ AWS_ENDPOINT_URL: 'http://b' })).toBe('http://b');
    expect(configuredEndpoint({})).toBeNull();
    expect(configuredRegion({})).toBe('us-east-1');
    expect(configuredRegion({ AWS_REGION: 'eu-west-1' })).toBe('eu-west-1');
  });
});

describe('a client against the emulator', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator('showcase');
  });
  afterAll(async () => emu?.close());

  it('uses demo credentials on loopback when nothing is configured', async () => {
    const info = await clientInfo(emu.client);
    expect(info).toMatchObject({ endpoint: emu.url, region: 'us-east-1', demoCredentials: !credentialsConfigured() });
  });

  it('counts each EC2 request between countCalls and stop, by action', async () => {
    const counter = countCalls(emu.client);
    await emu.client.send(new DescribeVpcsCommand({}));
    await emu.client.send(new DescribeVpcsCommand({}));
    counter.stop();
    await emu.client.send(new DescribeVpcsCommand({}));
    expect(counter.count()).toBe(2);
    expect(counter.byAction()).toEqual({ DescribeVpcs: 2 });
  });

  it('never uses demo credentials for a non-loopback endpoint', async () => {
    const remote = createEc2Client({ endpoint: 'https://ec2.eu-west-1.amazonaws.com', region: 'eu-west-1' });
    expect((await clientInfo(remote)).demoCredentials).toBe(false);
    remote.destroy();
  });
});
