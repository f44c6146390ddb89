// The emulator a route or server-action test reaches through the process-wide EC2 client: started once, the
// scenario, client and rate limits reset before each test, the environment put back and the emulator closed after.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { forgetDemoAccounts } from '@/lib/ec2/accounts';
import { resetEc2Client } from '@/lib/ec2/client';
import { resetRateLimits } from '@/lib/http/rate-limit';
import { keepEnv } from './env';
import { type TestEmulator, startTestEmulator } from './gateway-emulator';

export interface RouteEmulatorOptions {
  attachDelayMs: number;
  /** Demo mode (loopback emulator): requests act as the demo operator. Off: they need an account's token. */
  demo: boolean;
  /** More environment for the console while the tests run (put back after). */
  env?: Record<string, string>;
  /**
   * The console offers the emulator's accounts (a multi-account scenario in demo mode): it is handed the emulator's
   * control token, ENI_CONSOLE_ACCOUNTS is unset, and the accounts are listed afresh before each test.
   */
  emulatorAccounts?: boolean;
}

/** Registers the hooks; the returned function gives the running emulator inside tests and hooks. */
export function emulatorForRoutes(scenario: string, options: RouteEmulatorOptions): () => TestEmulator {
  let emu: TestEmulator | undefined;
  const extra = options.env ?? {};
  const accounts = options.emulatorAccounts ? ['EMULATOR_CONTROL_TOKEN', 'ENI_CONSOLE_ACCOUNTS'] : [];
  const restoreEnv = keepEnv('AWS_ENDPOINT_URL_EC2', 'ENI_CONSOLE_DEMO', ...accounts, ...Object.keys(extra));
  beforeAll(async () => {
    Object.assign(process.env, extra);
    emu = await startTestEmulator(scenario, { attachDelayMs: options.attachDelayMs });
    if (options.emulatorAccounts) {
      process.env.EMULATOR_CONTROL_TOKEN = emu.controlToken;
      delete process.env.ENI_CONSOLE_ACCOUNTS;
    }
  });
  beforeEach(async () => {
    // The routes use the process-wide client, which reads AWS_ENDPOINT_URL_EC2 like the SDK does.
    process.env.AWS_ENDPOINT_URL_EC2 = running().url;
    if (options.demo) process.env.ENI_CONSOLE_DEMO = '1';
    else delete process.env.ENI_CONSOLE_DEMO;
    resetEc2Client();
    if (options.emulatorAccounts) forgetDemoAccounts();
    await running().reset(scenario);
    resetRateLimits();
  });
  afterAll(async () => {
    restoreEnv();
    resetEc2Client();
    await emu?.close();
  });
  const running = (): TestEmulator => {
    if (!emu) throw new Error('emulatorForRoutes: the emulator is not started yet (use it inside tests and hooks)');
    return emu;
  };
  return running;
}

/** A same-origin JSON POST to a route handler, as the console's own page sends it. */
export const postJson = (handler: (r: Request) => Promise<Response>, body: unknown): Promise<Response> =>
  handler(
    new Request('http://localhost/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
