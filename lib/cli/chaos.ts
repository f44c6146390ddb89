// `npm run chaos`: CHAOS_SEQUENCES (default 20,000) random move sequences on every scenario but `large`, under
// random EC2 faults (lib/chaos/harness.ts); prints faults injected, sequences, misreports and lost resources
// (targets 0 and 0) and every finding; exits 1 when there is any.
import fc from 'fast-check';
import { newTally, runPool, sequenceArb } from '../chaos/harness';

const SEQUENCES = Number(process.env.CHAOS_SEQUENCES ?? 20_000);
const SEED = Number(process.env.CHAOS_SEED ?? 1);
const SHOW = Number(process.env.CHAOS_SHOW ?? 20);
/** Sequences run at once, each on its own emulator: most of a sequence is waiting. */
const PARALLEL = Number(process.env.CHAOS_PARALLEL ?? 4);

async function main(): Promise<void> {
  if (!Number.isInteger(SEQUENCES) || SEQUENCES < 1) throw new Error('CHAOS_SEQUENCES must be a positive integer');
  const tally = newTally();
  const started = performance.now();
  const every = Math.max(1, Math.round(SEQUENCES / 40));
  // fc.sample draws the sequences from the same arbitrary as the suite, reproducibly from the seed.
  await runPool(fc.sample(sequenceArb, { numRuns: SEQUENCES, seed: SEED }), PARALLEL, tally, () => {
    if (tally.sequences % every !== 0) return;
    const secs = (performance.now() - started) / 1000;
    console.log(
      `  ${tally.sequences}/${SEQUENCES} sequences, ${tally.faultsInjected} faults, ${tally.misreports} misreports, ${tally.lostResources} lost, ${(tally.sequences / secs).toFixed(1)} seq/s`,
    );
  });
  const secs = (performance.now() - started) / 1000;
  for (const f of tally.findings.slice(0, SHOW))
    console.log(
      `\n${f.kind}: ${JSON.stringify(f.move)} on ${f.sequence.scenario}\n  ${f.detail}\n  replay: ${JSON.stringify(f.sequence)}`,
    );
  console.log('');
  console.log(`faults injected:  ${tally.faultsInjected}`);
  console.log(`sequences:        ${tally.sequences} (${tally.applies} applies; seed ${SEED}, ${PARALLEL} at a time)`);
  console.log(`misreports:       ${tally.misreports}`);
  console.log(`lost resources:   ${tally.lostResources}`);
  console.log(`time:             ${secs.toFixed(0)} s (${(tally.sequences / secs).toFixed(1)} sequences/s)`);
  process.exitCode = tally.misreports + tally.lostResources > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
