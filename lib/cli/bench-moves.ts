// Bench figures for moves: time from drop (the apply request) to verified state for each move kind, on the
// emulator's default delays (attach/detach settle after about a second, like EC2). Prints; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createEc2Client } from '../ec2/client';
import { applyPlannedMove } from '../ec2/execute';
import { loadSnapshot } from '../ec2/snapshot';
import type { Move, MoveKind } from '../topology/move';
import { EmulatorControl } from '../testing/emulator-control';
import { candidateMoves } from '../testing/moves';
import { checkMove } from '../topology/rules';
import { controlHeaders } from '../emulator';

const root = path.resolve(__dirname, '../..');
/** The spawned emulator's control-plane token. */
const BENCH_CONTROL_TOKEN = randomBytes(18).toString('base64url');

/** The emulator in a process of its own, as EC2 is remote: its work does not share the bench's thread. */
export async function spawnEmulator(scenario: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'lib/cli/emulator.ts')], {
    cwd: root,
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      EMULATOR_SCENARIO: scenario,
      EMULATOR_CONTROL_TOKEN: BENCH_CONTROL_TOKEN,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null)
      throw new Error(`the emulator exited with code ${child.exitCode} (is port ${port} free?)`);
    try {
      if ((await fetch(`${url}/_emulator/health`, { headers: controlHeaders(BENCH_CONTROL_TOKEN) })).ok)
        return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the emulator did not start on ${url}`);
}

const kinds: MoveKind[] = ['move-ip', 'unassign-ip', 'move-eni', 'detach-eni', 'move-eip', 'disassociate-eip'];

async function dropToVerified(port = 4791): Promise<void> {
  const { url, child } = await spawnEmulator('showcase', port);
  const control = new EmulatorControl(url, BENCH_CONTROL_TOKEN);
  const client = createEc2Client({ endpoint: url, region: 'us-east-1' });
  try {
    console.log(
      'drop → verified state, per move kind (showcase, emulator default delays: attach/detach settle after 1 s)',
    );
    for (const kind of kinds) {
      await control.reset('showcase');
      const snapshot = await loadSnapshot(client);
      // The first allowed move of this kind; a move-eni between two instances when there is one (detach, wait, attach).
      const allowed = candidateMoves(snapshot).filter((m) => m.kind === kind && checkMove(snapshot, m).ok);
      const move: Move | undefined =
        kind === 'move-eni'
          ? (allowed.find((m) => m.kind === 'move-eni' && snapshot.enis.find((e) => e.id === m.eni)?.attachment) ??
            allowed[0])
          : allowed[0];
      if (!move) {
        console.log(`  ${kind.padEnd(17)} no allowed move in the scenario`);
        continue;
      }
      const t0 = performance.now();
      const result = await applyPlannedMove(move, undefined, { client });
      const ms = performance.now() - t0;
      const steps = result.ok
        ? result.plan.steps.map((s) => s.action).join(' → ')
        : `failed: ${result.code} ${result.message}`;
      console.log(`  ${kind.padEnd(17)} ${ms.toFixed(0).padStart(5)} ms   ${steps}`);
    }
  } finally {
    client.destroy();
    child.kill('SIGTERM');
  }
}

export const benchMoves = { dropToVerified };
