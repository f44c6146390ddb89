// The `aws ec2 …` lines of a plan are pasted into a shell by a person: hostile descriptions, names and tag values
// (from the user, or from the account itself when an undo re-creates what was there) must reach the aws CLI as the
// exact text, one line, nothing a shell or the CLI would act on (file:// reads, shorthand splitting, $(…)).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { type StartedEmulator, startEmulator } from '@/lib/emulator';
import { hasAws, NO_AWS_REASON, runAws } from '@/lib/testing/aws-cli';
import { demoIds as d, demoSnapshot, planOf } from '@/lib/testing/snapshots';
import { checkMove, type Move } from '@/lib/topology';

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-hostile-'));
const secret = join(dir, 'secret.txt');
writeFileSync(secret, 'SECRET-FILE-CONTENT');

const HOSTILE = [
  `file://${secret}`,
  `fileb://${secret}`,
  'https://attacker.example/x',
  'x},{Key=Owner,Value=evil',
  'it\'s "quoted" $(touch /tmp/pwned) `id` ; rm -rf ~ \\',
  'two\nlines\r\tend',
  'abc\u202e\u2066evil\u2069 ☃ 😀',
  `-${'y'.repeat(200)}`,
];

/** Runs the lines in bash with `aws` a function that records its argv: what a pasted line really passes. */
function argvOf(lines: string[]): string[][] {
  const out = join(dir, `argv-${Math.random().toString(36).slice(2)}`);
  const script = `aws() { printf '%s\\0' "$@" >> "$OUT"; printf '\\1' >> "$OUT"; echo eni-0123456789abcdef0; }\n${lines.join('\n')}\n`;
  writeFileSync(out, '');
  execFileSync('bash', ['--norc', '--noprofile', '-c', script], {
    env: { NODE_ENV: 'test', PATH: process.env.PATH, OUT: out },
  });
  return readFileSync(out, 'utf8')
    .split('\x01')
    .slice(0, -1)
    .map((call) => call.split('\0').slice(0, -1));
}

const option = (argv: string[], name: string) => argv[argv.indexOf(name) + 1] as string;
const s = demoSnapshot();

describe('CLI lines of plans with hostile text', () => {
  it.each(HOSTILE)('carry %j as that exact text, one line, read by no file:// or shorthand', (text) => {
    const moves: Move[] = [
      { kind: 'create-eni', subnetId: d.subnetA, description: text, name: text },
      { kind: 'allocate-eip', name: text },
      { kind: 'set-description', eni: d.poolB, description: text },
      { kind: 'set-tags', resourceId: d.poolB, tags: { Owner: text, [text.slice(0, 127)]: 'v' } },
    ];
    for (const move of moves) {
      const plan = planOf(checkMove(s, move));
      for (const step of plan.steps) {
        expect(step.cli, 'one printable-ASCII line').toMatch(/^[\x20-\x7e]+$/);
        const [argv] = argvOf([step.cli]);
        expect(argv?.[0]).toBe('ec2');
        // No option value the aws CLI would read from a file or a URL.
        expect(argv!.filter((a) => /^(file|fileb|https?):\/\//.test(a))).toEqual([]);
        if (step.action === 'CreateNetworkInterface') {
          expect(JSON.parse(option(argv!, '--cli-input-json'))).toEqual({ Description: text });
          expect(JSON.parse(option(argv!, '--tag-specifications'))).toEqual(step.input.TagSpecifications);
        }
        if (step.action === 'AllocateAddress')
          expect(JSON.parse(option(argv!, '--tag-specifications'))).toEqual(step.input.TagSpecifications);
        if (step.action === 'ModifyNetworkInterfaceAttribute')
          expect(JSON.parse(option(argv!, '--description'))).toEqual({ Value: text });
        if (step.action === 'CreateTags' || step.action === 'DeleteTags')
          expect(JSON.parse(option(argv!, '--tags'))).toEqual(step.input.Tags);
      }
    }
    expect(readFileSync(secret, 'utf8')).toBe('SECRET-FILE-CONTENT');
  });
});

describe.skipIf(!hasAws)('a hostile create-eni line through the real aws CLI', () => {
  if (!hasAws) console.warn(NO_AWS_REASON);
  let emu: StartedEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, scenario: 'showcase', settings: { attachDelayMs: 0 } });
  });
  afterAll(() => emu?.close());

  it('creates the ENI with the typed description and Name, not a local file’s content nor an extra tag', async () => {
    const client = createEc2Client({ endpoint: emu.url, region: 'us-east-1', maxAttempts: 1 });
    const here = await loadSnapshot(client);
    client.destroy();
    const name = 'x},{Key=Owner,Value=evil';
    const description = `file://${secret}`;
    const subnetId = here.subnets[0]!.id;
    const step = planOf(checkMove(here, { kind: 'create-eni', subnetId, description, name })).steps[0]!;
    const [argv] = argvOf([step.cli]);
    // The line prints the new id (--query … --output text); the JSON answer shows what was created.
    const at = argv!.indexOf('--query');
    argv!.splice(at, 4);
    const r = await runAws(emu.url, argv!);
    expect(r.status, r.stderr).toBe(0);
    const eni = (JSON.parse(r.stdout) as { NetworkInterface: { Description: string; TagSet: unknown[] } })
      .NetworkInterface;
    expect(eni.Description).toBe(description);
    expect(eni.TagSet).toEqual([{ Key: 'Name', Value: name }]);
  });
});
