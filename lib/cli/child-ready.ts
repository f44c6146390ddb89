// Waiting for a process the bench spawned to answer: until its probe succeeds, it exits, or a deadline passes.
import type { ChildProcess } from 'node:child_process';

/**
 * Resolves once `probe` answers true; throws when the child exits first (say, the port is taken) or when
 * `timeoutMs` passes. `what` names it in the error ("next start", "the emulator").
 */
export async function untilAnswering(
  child: ChildProcess,
  what: string,
  url: string,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${what} exited with code ${child.exitCode} (is the port of ${url} free?)`);
    const answered = await probe().catch(() => false); // not listening yet
    if (answered) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start on ${url} within ${timeoutMs / 1000} s`);
}
