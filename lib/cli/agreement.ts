// `npm run agreement`: checkMove vs the emulator over AGREEMENT_CASES random cases (default 20,000); prints the
// agreement rate, counts per move kind and rule, cases/s and every disagreement; exits 1 below 100%.
import { runTopology, startAgreementEnv } from '../agreement/harness';
import { formatDisagreement, Tally } from '../agreement/tally';

const CASES = Number(process.env.AGREEMENT_CASES ?? 20_000);
const MOVES = Number(process.env.AGREEMENT_MOVES_PER_TOPOLOGY ?? 5);
/** The first topology seed; topologies use consecutive seeds, so any case replays from its seed. */
const FIRST_SEED = Number(process.env.AGREEMENT_SEED ?? 1);
const SHOW = Number(process.env.AGREEMENT_SHOW ?? 20);

async function main(): Promise<void> {
  if (!Number.isInteger(CASES) || CASES < 1 || !Number.isInteger(MOVES) || MOVES < 1) {
    throw new Error('AGREEMENT_CASES and AGREEMENT_MOVES_PER_TOPOLOGY must be positive integers');
  }
  const env = await startAgreementEnv();
  const tally = new Tally();
  const started = performance.now();
  const step = Math.max(1, Math.round(CASES / 20));
  let nextReport = step;
  try {
    for (let seed = FIRST_SEED; tally.cases < CASES; seed++) {
      const run = await runTopology(env, seed, Math.min(MOVES, CASES - tally.cases));
      tally.add(run.results, run.disagreements);
      if (tally.cases >= nextReport || tally.cases >= CASES) {
        const secs = (performance.now() - started) / 1000;
        console.log(
          `  ${tally.cases}/${CASES} cases, ${tally.outcomes.disagreement} disagreements, ${(tally.cases / secs).toFixed(0)} cases/s`,
        );
        nextReport += step;
      }
    }
  } finally {
    await env.close();
  }
  const secs = (performance.now() - started) / 1000;
  console.log('');
  console.log(tally.summary());
  console.log(
    `time ${secs.toFixed(1)} s, ${(tally.cases / secs).toFixed(0)} cases/s (seeds ${FIRST_SEED}…, ${MOVES} moves per topology)`,
  );
  for (const d of tally.disagreements.slice(0, SHOW)) console.log(`\n${formatDisagreement(d)}`);
  if (tally.disagreements.length > SHOW)
    console.log(`\n… and ${tally.disagreements.length - SHOW} more (AGREEMENT_SHOW=n to see more)`);
  console.log(`\nagreement rate: ${tally.rate().toFixed(2)}%`);
  process.exitCode = tally.rate() < 100 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
