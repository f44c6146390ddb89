// `npm test`: the whole suite — typecheck, unit and integration tests (Vitest, against the emulator over HTTP, some
// through Debian's aws CLI), the production build, and the end-to-end tests (Playwright in Debian's Chromium).
// Prints every runner's own summary, then one closing line "N passed, N failed" over all of them. Exits non-zero
// if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startTestPostgres } from './test-postgres';

const root = path.resolve(__dirname, '../..');
const reports = path.join(root, 'e2e/artifacts');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failedStages: string[] = [];

function run(stage: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${stage}: ${[path.basename(cmd), ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedStages.push(stage);
  return ok;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function ensureChromium(): boolean {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return true;
  if (process.getuid?.() === 0) {
    console.log("\n▶ Chromium is missing: installing Debian's chromium package (apt-get)…");
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (existsSync(chromium)) return true;
  console.error(
    `\nNo Chromium at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  failedStages.push('chromium');
  return false;
}

/** The aws CLI the CLI-compatibility tests run; without it they are skipped (and counted as skipped), not failed. */
function ensureAwsCli(): void {
  const aws = process.env.AWS_CLI_PATH ?? '/usr/bin/aws';
  if (existsSync(aws)) return;
  if (process.getuid?.() === 0) {
    console.log("\n▶ The aws CLI is missing: installing Debian's awscli package (apt-get)…");
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'awscli'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!existsSync(aws))
    console.warn(
      `\nNo aws CLI at ${aws}: the aws CLI tests will be skipped. Install Debian's package (sudo apt-get install -y awscli) or set AWS_CLI_PATH.`,
    );
}

/** ip and ping for the guest-configuration test in network namespaces; without them it is skipped with the reason. */
function ensureNetnsTools(): void {
  const missing = [
    ['ip', 'iproute2'],
    ['ping', 'iputils-ping'],
  ]
    .filter(([tool]) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
    .map(([, pkg]) => pkg!);
  if (missing.length === 0 || process.getuid?.() !== 0) return;
  console.log(`\n▶ Installing Debian's ${missing.join(' and ')} for the network-namespace test (apt-get)…`);
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

mkdirSync(reports, { recursive: true });

// Lint first: ESLint (TypeScript and react-hooks rules), knip (dead files, exports and dependencies), Prettier --check.
run('lint', 'npm', ['run', '--silent', 'lint']);

run('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);

ensureAwsCli();
ensureNetnsTools();
const vitestJson = path.join(reports, 'vitest.json');
rmSync(vitestJson, { force: true });
// The database tests run against PGlite always, and against a Postgres server (a throwaway one when none is named).
const postgres = process.env.TEST_DATABASE_URL ? null : startTestPostgres();
run(
  'unit and integration tests',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  postgres ? { TEST_DATABASE_URL: postgres.url } : {},
);
const v = readJson(vitestJson) as {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
} | null;
if (v) {
  total.passed += v.numPassedTests ?? 0;
  total.failed += v.numFailedTests ?? 0;
  total.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}

/**
 * `next build`, its output printed as usual, and failed when it warns: a warning people learn to ignore hides the
 * next one (Turbopack's "tracing of the whole project" went unnoticed that way).
 */
function build(): boolean {
  const stage = 'production build';
  console.log(`\n▶ ${stage}: next build`);
  const result = spawnSync(bin('next'), ['build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  // Colour codes stripped before matching.
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  // "No build cache found" is Next's note to CI machines (CI=true) about caching .next/cache, not about the code.
  const warnings = output
    .split('\n')
    .filter((line) => /^\s*⚠|\bencountered \d+ warnings?\b|^\s*Warning:/i.test(line))
    .filter((line) => !/No build cache found/.test(line));
  if (result.status !== 0) {
    failedStages.push(stage);
    return false;
  }
  if (warnings.length > 0) {
    console.error(
      `\nThe build printed ${warnings.length} warning line(s); fix them (the build must be warning-free):\n${warnings.join('\n')}`,
    );
    failedStages.push(`${stage} (warnings)`);
  }
  return true;
}

if (build() && ensureChromium()) {
  const pwJson = path.join(reports, 'playwright.json');
  rmSync(pwJson, { force: true });
  // The same Postgres for e2e/crash-and-race.spec.ts (two console processes sharing one database).
  run('end-to-end tests', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    ...(postgres ? { TEST_DATABASE_URL: postgres.url } : {}),
  });
  const p = readJson(pwJson) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  } | null;
  if (p?.stats) {
    total.passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
    total.failed += p.stats.unexpected ?? 0;
    total.skipped += p.stats.skipped ?? 0;
  }
}

postgres?.stop();

console.log('');
if (failedStages.length) console.log(`Failed stages: ${failedStages.join(', ')}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStages.length ? 1 : 0);
