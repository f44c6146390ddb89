// `npm run emulator`: the EC2 emulator on loopback (EMULATOR_PORT, default 4599; EMULATOR_SCENARIO, default showcase).
import { listScenarios, startEmulator } from '../emulator';

async function main(): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT ?? 4599);
  const scenario = process.env.EMULATOR_SCENARIO ?? 'showcase';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`EMULATOR_PORT must be a port number, got '${process.env.EMULATOR_PORT ?? ''}'`);
    process.exit(2);
  }
  const names = listScenarios().map((s) => s.name);
  if (!names.includes(scenario)) {
    console.error(`Unknown EMULATOR_SCENARIO '${scenario}'. Known: ${names.join(', ')}`);
    process.exit(2);
  }
  let emulator;
  try {
    emulator = await startEmulator({ port, scenario });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${port} is already in use. Stop whatever holds it or set EMULATOR_PORT to another port.`);
      process.exit(1);
    }
    throw err;
  }
  console.log(`EC2 emulator listening on ${emulator.url} (scenario: ${scenario})`);
  console.log(`  AWS_ENDPOINT_URL_EC2=${emulator.url}  control plane: ${emulator.url}/_emulator/scenarios`);
  console.log(
    `  EMULATOR_CONTROL_TOKEN=${emulator.controlToken}  (send Authorization: Bearer <token> to /_emulator/*)`,
  );
  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the emulator`);
    emulator
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
