// `npm run bench:profile`: a CPU profile of the server snapshot of `large` (issue 11), for the README's notes on
// what the load spends its time on. Loads the region a few times in this process against an emulator in its own
// process, writes the .cpuprofile (open it in Chrome DevTools) and prints the top functions by self time.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { createEc2Client } from '../ec2/client';
import { useXmlReader } from '../ec2/fast-xml';
import { loadSnapshot } from '../ec2/snapshot';
import { spawnEmulator } from './bench-moves';
import { topFrames, type Profile } from './profile-frames';

async function main(): Promise<void> {
  const scenario = process.env.BENCH_SCENARIO ?? 'large';
  // BENCH_XML=sdk profiles the SDK's own XML reader (the figure before fast-xml.ts).
  const reader = process.env.BENCH_XML === 'sdk' ? 'sdk' : 'fast';
  const emulator = await spawnEmulator(scenario, Number(process.env.BENCH_EMULATOR_PORT ?? 4795));
  const client = createEc2Client({ endpoint: emulator.url, region: 'us-east-1' });
  try {
    await loadSnapshot(client); // warms up the SDK and the JIT
    useXmlReader(reader);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const runs = 3;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await loadSnapshot(client);
    const ms = (performance.now() - t0) / runs;
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();
    const file = path.resolve(process.env.BENCH_PROFILE_OUT ?? `snapshot-${scenario}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(
      `server snapshot of ${scenario} (${reader} XML reader): ${ms.toFixed(0)} ms per load over ${runs} loads; profile in ${file}`,
    );
    console.log('top functions by self time (all loads):');
    for (const line of topFrames(profile, Number(process.env.BENCH_TOP ?? 25))) console.log(`  ${line}`);
  } finally {
    client.destroy();
    emulator.child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
