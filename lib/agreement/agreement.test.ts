// checkMove and the emulator agree on random topologies and moves. The suite's seeds are fixed so
// CI is repeatable; `npm run agreement` explores 20,000 more (AGREEMENT_SEED picks another range).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeKinds } from '@/lib/topology';
import { stateDiff } from './compare';
import { type AgreementEnv, runTopology, startAgreementEnv } from './harness';
import { Rng } from './prng';
import { randomScenario } from './scenario-gen';
import { formatDisagreement, Tally } from './tally';

const TOPOLOGIES = 400;
const MOVES = 5; // 2,000 cases

let env: AgreementEnv;
beforeAll(async () => {
  env = await startAgreementEnv();
});
afterAll(() => env.close());

describe('checkMove agrees with the emulator', () => {
  it('generates topologies with delegated /28 prefixes (they take IPv4 slots on both sides, ec2-rules §2.7)', () => {
    const withPrefixes = Array.from({ length: 100 }, (_, i) => randomScenario(new Rng(i + 1), i + 1)).filter((g) =>
      [...g.definition.networkInterfaces, ...g.definition.instances.flatMap((i) => i.enis ?? [])].some(
        (e) => (e.ipv4Prefixes ?? 0) > 0,
      ),
    );
    expect(withPrefixes.length).toBeGreaterThan(20);
  });

  it(`on ${TOPOLOGIES * MOVES} random cases: allowed ↔ succeeds (state as applyMove says), refused ↔ the predicted error`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const run = await runTopology(env, seed, MOVES);
        tally.add(run.results, run.disagreements);
        if (run.disagreements.length > 0) throw new Error(run.disagreements.map(formatDisagreement).join('\n\n'));
      }),
      // Shrinking a seed teaches nothing: the report already names the seed and the move.
      { numRuns: TOPOLOGIES, endOnFailure: true, seed: Number(process.env.AGREEMENT_TEST_SEED ?? 20261121) },
    );
    expect(tally.cases).toBe(TOPOLOGIES * MOVES);
    expect(tally.rate()).toBe(100);
    // The run must reach both sides of the comparison, and the rules that matter most.
    expect(tally.outcomes.allowed).toBeGreaterThan(TOPOLOGIES * MOVES * 0.15);
    expect(tally.outcomes.refused).toBeGreaterThan(TOPOLOGIES * MOVES * 0.3);
    for (const rule of [
      'same-az',
      'eni-slot-free',
      'ip-slot-free',
      'eni-not-primary',
      'internet-gateway',
      'instance-state',
      'same-subnet',
      'eni-available',
      'eip-idle',
      'subnet-has-free-addresses',
    ]) {
      expect(tally.byRule.get(rule)?.refused ?? 0, rule).toBeGreaterThan(0);
    }
    // Every console change is reached on both sides: applied and verified, and refused with the predicted error.
    for (const kind of changeKinds) {
      expect(tally.byKind.get(kind)?.allowed ?? 0, `${kind} allowed`).toBeGreaterThan(0);
      // Allocating an address has no rule to break (the quota is not in the snapshot; move-gen stays under it).
      if (kind !== 'allocate-eip') expect(tally.byKind.get(kind)?.refused ?? 0, `${kind} refused`).toBeGreaterThan(0);
    }
  }, 120_000);

  it('replays a seed exactly (ids, moves and outcomes)', async () => {
    const first = await runTopology(env, 4242, 4);
    const again = await runTopology(env, 4242, 4);
    expect(again.results).toEqual(first.results);
  });
});

describe('stateDiff', () => {
  it('ignores generated ids but sees a moved address', async () => {
    const { loadSnapshot } = await import('@/lib/ec2/snapshot');
    await runTopology(env, 7, 0);
    const s = await loadSnapshot(env.client);
    const renamed = {
      ...s,
      enis: s.enis.map((e) => (e.attachment ? { ...e, attachment: { ...e.attachment, id: 'eni-attach-other' } } : e)),
    };
    expect(stateDiff(s, renamed)).toEqual([]);
    const [first] = s.enis;
    const moved = {
      ...s,
      enis: s.enis.map((e) =>
        e === first
          ? { ...e, privateIps: [...e.privateIps, { ...e.privateIps[0]!, address: '10.99.0.9', primary: false }] }
          : e,
      ),
    };
    expect(stateDiff(s, moved)).toHaveLength(2);
  });
});
