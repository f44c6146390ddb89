// The probe's hostile requests against the routes of the console's changes, scopes, progress and demo controls
// (lib/cli/probe.ts runs them), and a check that a plan's `aws ec2` lines pass hostile text to the aws CLI as that
// exact text: run in bash with `aws` a function recording its argv, never a real call.
import { spawnSync } from 'node:child_process';
import type { Snapshot } from '../topology/schema';

export type Attack = [string, () => Promise<number>];
type Send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<number>;

/** What a user may type that a shell or the aws CLI would act on: file reads, shorthand, substitution, newlines. */
export const HOSTILE_TEXT = "x},{Key=Owner,Value=evil' $(touch /tmp/pwned) `id`\n\u202e file:///etc/passwd";

/** Requests each of which must be refused (4xx) by its own check: the body, the scope, the id, the mode. */
export function changeAttacks(send: Send, snapshot: Snapshot): Attack[] {
  const eni = snapshot.enis.find((e) => !e.attachment && !e.requesterManaged) ?? snapshot.enis[0];
  const eniId = eni?.id ?? 'eni-0123456789abcdef0';
  const subnetId = snapshot.subnets[0]?.id ?? 'subnet-0123456789abcdef0';
  const set = { kind: 'set-description', eni: eniId, description: 'probe' };
  const cross = { 'sec-fetch-site': 'cross-site', origin: 'http://attacker.example' };
  const plan = (name: string, body: unknown): Attack => [`/api/plan: ${name}`, () => send('POST', '/api/plan', body)];
  const apply = (name: string, body: unknown): Attack => [
    `/api/apply: ${name}`,
    () => send('POST', '/api/apply', body),
  ];
  return [
    plan('unknown change kind', { kind: 'delete-vpc', vpc: 'vpc-0123456789abcdef0' }),
    plan('created-id placeholder as the ENI to delete', { kind: 'delete-eni', eni: '$ENI_ID' }),
    plan('created-id placeholder as the address to release', { kind: 'release-eip', allocationId: '$ALLOCATION_ID' }),
    plan(
      '__proto__ and constructor keys',
      JSON.parse(`{"__proto__":{"x":1},"constructor":{},"kind":"detach-eni","eni":"${eniId}"}`),
    ),
    plan('64 addresses to assign', {
      kind: 'assign-ips',
      eni: eniId,
      addresses: Array.from({ length: 64 }, (_, i) => `10.0.200.${i}`),
    }),
    plan('2,000 tags', {
      kind: 'set-tags',
      resourceId: eniId,
      tags: Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, 'v'])),
    }),
    plan('aws: tag key', { kind: 'set-tags', resourceId: eniId, tags: { 'AWS:owner': 'x' } }),
    plan('256-character description', { kind: 'create-eni', subnetId, description: 'd'.repeat(256) }),
    plan('NUL in a description (the journal and the record refuse it)', { ...set, description: 'a\u0000b' }),
    plan('a lone surrogate in a tag value', { kind: 'set-tags', resourceId: eniId, tags: { Owner: '\ud800' } }),
    plan('an account not configured', { move: set, scope: { account: 'attacker' } }),
    plan('a scope with an extra key', { move: set, scope: { account: 'default', role: 'admin' } }),
    plan('a region not offered', { move: set, scope: { region: 'xx-east-9' } }),
    apply('a plan replayed in another region', {
      move: set,
      confirmed: {
        move: set,
        summary: 's',
        steps: [],
        sideEffects: [],
        hourlyCostDelta: 0,
        inverse: [],
        involved: [eniId],
        scope: { account: 'default', region: 'eu-west-1' },
      },
      scope: { region: 'us-east-1' },
    }),
    apply('a confirmed plan whose step was rewritten', {
      move: set,
      confirmed: {
        move: set,
        summary: 's',
        steps: [
          {
            action: 'DeleteNetworkInterface',
            input: { NetworkInterfaceId: eniId },
            cli: 'rm -rf ~',
            supportsDryRun: true,
            waitFor: null,
            description: 'x',
          },
        ],
        sideEffects: [],
        hourlyCostDelta: 0,
        inverse: [],
        involved: [eniId],
      },
    }),
    apply('a progress id that is a path', { move: set, progressId: '../../operations' }),
    ['GET /api/progress/{id}: a journal id', () => send('GET', `/api/progress/op-${'0'.repeat(36)}`)],
    [
      'GET /api/progress/{id}: from another site',
      () => send('GET', '/api/progress/progress-00000000', undefined, cross),
    ],
    ['GET /api/accounts: from another site', () => send('GET', '/api/accounts', undefined, cross)],
    ['GET /api/topology: account ../../etc', () => send('GET', '/api/topology?account=..%2F..%2Fetc')],
    ['GET /api/topology: an unknown query parameter', () => send('GET', '/api/topology?fresh=1&debug=1')],
    ['GET /api/topology: region with a newline', () => send('GET', '/api/topology?region=us-east-1%0aX')],
    ['/api/demo/reset: from another site', () => send('POST', '/api/demo/reset', { scenario: 'large' }, cross)],
    [
      '/api/demo/reset: text/plain',
      () => send('POST', '/api/demo/reset', '{"scenario":"large"}', { 'content-type': 'text/plain' }),
    ],
    ['/api/demo/reset: a scenario path', () => send('POST', '/api/demo/reset', { scenario: '../../etc/passwd' })],
    ['/api/demo/reset: a benchmark scenario', () => send('POST', '/api/demo/reset', { scenario: 'xlarge' })],
    [
      '/api/demo/fail-instance: from another site',
      () => send('POST', '/api/demo/fail-instance', { instanceId: snapshot.instances[0]?.id }, cross),
    ],
    [
      '/api/demo/fail-instance: an hour-long outage',
      () => send('POST', '/api/demo/fail-instance', { instanceId: snapshot.instances[0]?.id, stopAfterMs: 3_600_000 }),
    ],
  ];
}

/** Every argument the aws CLI receives when `line` is pasted into bash (`aws` a function that prints them). */
export function cliArgv(line: string): string[] {
  const script = `aws() { printf '%s\\0' "$@" >&2; }\n${line}`;
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    env: { NODE_ENV: 'production', PATH: process.env.PATH },
    encoding: 'utf8',
  });
  return run.stderr.split('\0').filter(Boolean);
}

function jsonOf(arg: string): string | null {
  try {
    return JSON.stringify(JSON.parse(arg) as unknown);
  } catch {
    return null;
  }
}

/**
 * The plan lines of hostile text that are not safe to paste: more than one printable-ASCII line, a value the aws CLI
 * would read from a file or URL, or the text not arriving as exactly itself in a JSON option.
 */
export function unsafeCliLines(lines: readonly string[]): string[] {
  return lines.filter((line) => {
    if (!/^[\x20-\x7e]+$/.test(line)) return true;
    const argv = cliArgv(line);
    if (argv.some((a) => /^(file|fileb|https?):\/\//i.test(a))) return true;
    const values = argv.flatMap((a) => (/^[[{]/.test(a) ? [jsonOf(a) ?? ''] : []));
    return !values.some((v) => v.includes(JSON.stringify(HOSTILE_TEXT).slice(1, -1)));
  });
}
