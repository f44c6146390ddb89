// Counts the EC2 requests a client sends over HTTP, retries included: the bench's and the tests' instrument.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';

/** EC2 requests actually sent over HTTP (retries included), in total and by action. */
export type CallCounter = { count(): number; byAction(): Record<string, number>; stop(): void };

type Tally = { total: number; byAction: Record<string, number> };
const tallies = new WeakMap<EC2Client, Set<Tally>>();

/** Adds (once) a middleware inside the retry loop, so every HTTP attempt counts, as the endpoint sees it. */
function attachCallCounter(client: EC2Client): Set<Tally> {
  const existing = tallies.get(client);
  if (existing) return existing;
  const active = new Set<Tally>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = context.commandName?.replace(/Command$/, '') ?? 'unknown';
      for (const tally of active) {
        tally.total += 1;
        tally.byAction[action] = (tally.byAction[action] ?? 0) + 1;
      }
      return next(args);
    },
    // finalizeRequest/low runs inside retryMiddleware (finalizeRequest/high): once per attempt.
    { step: 'finalizeRequest', priority: 'low', name: 'eniConsoleCallCounter' },
  );
  tallies.set(client, active);
  return active;
}

/** Counts the EC2 requests a client sends from now until stop() (e.g. the calls one loadSnapshot makes). */
export function countCalls(client: EC2Client): CallCounter {
  const tally: Tally = { total: 0, byAction: {} };
  const active = attachCallCounter(client);
  active.add(tally);
  return { count: () => tally.total, byAction: () => ({ ...tally.byAction }), stop: () => void active.delete(tally) };
}
