// The chaos property (issue 7): random move sequences on every scenario (but `large`) under random EC2 faults;
// every answer matches the account read afterwards, nothing disappears unless a move meant it, and no operation
// is left unfinished in the journal. CHAOS_SUITE_RUNS sequences (default 2,000) with a fixed seed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChaosEnv, newTally, runSequence, sequenceArb, startChaosEnv } from './harness';

const RUNS = Number(process.env.CHAOS_SUITE_RUNS ?? 2_000);

let env: ChaosEnv;
beforeAll(async () => {
  env = await startChaosEnv();
});
afterAll(async () => env?.close());

describe('chaos', () => {
  it(`${RUNS} random move sequences under random faults: no misreport, no lost resource, nothing unfinished`, async () => {
    const tally = newTally();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(sequenceArb, async (spec) => {
        const findings = await runSequence(env, spec, tally);
        if (findings.length > 0) throw new Error(findings.map((f) => `${f.kind}: ${JSON.stringify(f.move)}: ${f.detail}`).join('\n'));
      }),
      { numRuns: RUNS, seed: 7, endOnFailure: true },
    );
    console.log(
      `chaos suite: ${tally.sequences} sequences, ${tally.applies} applies, ${tally.faultsInjected} faults injected, ` +
        `${tally.misreports} misreports, ${tally.lostResources} lost resources, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(tally.misreports + tally.lostResources).toBe(0);
  }, 1_800_000);
});
