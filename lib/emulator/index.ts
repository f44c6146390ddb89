// Public API of the EC2 emulator: start it on loopback with a scenario, list scenarios.
import { controlTokenFrom } from './access';
import { Emulator } from './emulator';
import { createEmulatorServer, listen } from './server';
import type { ScenarioDefinition } from './scenario-schema';
import type { EmulatorSettings } from './settings';

export type { EmulatorSettings } from './settings';
export type { ScenarioDefinition } from './scenario-schema';
export { DEFAULT_SETTINGS } from './settings';
import { listMultiScenarios } from './accounts';
import { listScenarios as listSingleScenarios } from './scenarios';

/** Every scenario a reset or EMULATOR_SCENARIO may name: the single-account ones, then the multi-account ones. */
export function listScenarios(): { name: string; title: string; description: string }[] {
  return [...listSingleScenarios(), ...listMultiScenarios()];
}
export { controlHeaders } from './access';

export interface StartedEmulator {
  url: string;
  port: number;
  /** What /_emulator/* requires as `Authorization: Bearer <controlToken>`. */
  controlToken: string;
  close(): Promise<void>;
  /** A named scenario, or an inline definition in the scenario format (validated; throws when invalid). */
  reset(scenario: string | ScenarioDefinition): void;
  settings: EmulatorSettings;
}

export async function startEmulator(
  opts: {
    port?: number;
    host?: string;
    scenario?: string;
    settings?: Partial<EmulatorSettings>;
    controlToken?: string;
  } = {},
): Promise<StartedEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const emu = new Emulator(opts.scenario ?? 'showcase', opts.settings);
  // The option, else EMULATOR_CONTROL_TOKEN, else a fresh random token (read it from the result).
  const controlToken = opts.controlToken ?? controlTokenFrom();
  const server = createEmulatorServer(emu, controlToken);
  const port = await listen(server, opts.port ?? 0, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    controlToken,
    settings: emu.settings,
    reset: (scenario: string | ScenarioDefinition) => emu.reset(scenario),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
