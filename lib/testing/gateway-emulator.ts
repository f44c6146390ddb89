// Test support for lib/ec2 and app/api tests: an emulator on port 0 with a gateway client; its control plane
// (reset, request log, faults, settings) is the shared EmulatorControl.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { createEc2Client } from '@/lib/ec2/client';
import { startEmulator } from '@/lib/emulator';
import { EmulatorControl } from './emulator-control';

export class TestEmulator extends EmulatorControl {
  constructor(
    url: string,
    readonly client: EC2Client,
    private readonly stop: () => Promise<void>,
    readonly controlToken: string,
  ) {
    super(url, controlToken);
  }

  async close(): Promise<void> {
    this.client.destroy();
    await this.stop();
  }
}

export async function startTestEmulator(
  scenario = 'showcase',
  settings: Record<string, unknown> = { attachDelayMs: 20 },
): Promise<TestEmulator> {
  const emu = await startEmulator({ port: 0, host: '127.0.0.1', scenario, settings });
  return new TestEmulator(
    emu.url,
    createEc2Client({ endpoint: emu.url, region: 'us-east-1' }),
    () => emu.close(),
    emu.controlToken,
  );
}
