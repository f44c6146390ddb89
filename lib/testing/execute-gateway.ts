// Test support for the gateway's plan/apply tests (lib/ec2/execute*.test.ts): one showcase emulator per test file,
// reset with an empty request log before each test, and the ExecuteOptions that reach it with short waits.
import 'server-only';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ExecuteOptions } from '@/lib/ec2/execute';
import { type TestEmulator, startTestEmulator } from './gateway-emulator';

export interface ExecuteGateway {
  readonly emu: TestEmulator;
  readonly opts: ExecuteOptions;
}

/** Registers the file's hooks; read `emu` and `opts` inside tests (they exist once beforeAll has run). */
export function useExecuteGateway(): ExecuteGateway {
  let started: { emu: TestEmulator; opts: ExecuteOptions } | undefined;
  const gateway: ExecuteGateway = {
    get emu() {
      if (!started) throw new Error('The test emulator is not started: read emu inside a test, not at load time.');
      return started.emu;
    },
    get opts() {
      if (!started) throw new Error('The test emulator is not started: read opts inside a test, not at load time.');
      return started.opts;
    },
  };
  beforeAll(async () => {
    const emu = await startTestEmulator('showcase', { attachDelayMs: 20 });
    started = {
      emu,
      opts: {
        client: emu.client,
        // Cross-VPC attach and reassociation allowed so every move kind of the showcase can be applied.
        settings: { allowCrossVpcAttach: true, allowReassociation: true },
        wait: { firstDelayMs: 10, timeoutMs: 5_000 },
      },
    };
  });
  afterAll(async () => started?.emu.close());
  beforeEach(async () => {
    await gateway.emu.reset('showcase');
    await gateway.emu.clearRequests();
  });
  return gateway;
}
