// The chaos property (issue 7): random move sequences on every scenario (but `large`) under random EC2 faults;
// every answer matches the account read afterwards, nothing disappears unless a move meant it, and no operation
// is left unfinished in the journal. CHAOS_SUITE_RUNS sequences (default 2,000), drawn by fast-check from a
// fixed seed and run four at a time on four emulators; a finding prints the sequence to replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTally, runPool, sequenceArb } from './harness';

const RUNS = Number(process.env.CHAOS_SUITE_RUNS ?? 2_000);

describe('chaos', () => {
  it(`${RUNS} random move sequences under random faults: no misreport, no lost resource, nothing unfinished`, async () => {
    const tally = newTally();
    const started = Date.now();
    await runPool(fc.sample(sequenceArb, { numRuns: RUNS, seed: 7 }), 4, tally);
    console.log(
      `chaos suite: ${tally.sequences} sequences, ${tally.applies} applies, ${tally.faultsInjected} faults injected, ` +
        `${tally.misreports} misreports, ${tally.lostResources} lost resources, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const f of tally.findings.slice(0, 10))
      console.log(`${f.kind}: ${JSON.stringify(f.move)}: ${f.detail}\n  replay: ${JSON.stringify(f.sequence)}`);
    expect(tally.sequences).toBe(RUNS);
    expect({ misreports: tally.misreports, lostResources: tally.lostResources }).toEqual({
      misreports: 0,
      lostResources: 0,
    });
  }, 3_600_000);
});
