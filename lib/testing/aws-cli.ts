// Test support: runs the real aws CLI (Debian's awscli, or AWS_CLI_PATH) against an endpoint, without a shell.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where `npm test` installs it (apt-get install awscli); AWS_CLI_PATH points elsewhere. */
export const AWS_CLI: string = process.env.AWS_CLI_PATH ?? '/usr/bin/aws';
export const hasAws: boolean = existsSync(AWS_CLI);
export const NO_AWS_REASON = `aws CLI tests skipped: no aws CLI at ${AWS_CLI}. Install Debian's package (sudo apt-get install -y awscli) or set AWS_CLI_PATH.`;

/** An empty HOME, so no ~/.aws/config or credentials of the machine's user can leak into a run. */
let home: string | null = null;

/** Only what the CLI needs: dummy credentials, no metadata lookups, no pager, no profile. */
function cliEnv(): NodeJS.ProcessEnv {
  home ??= mkdtempSync(join(tmpdir(), 'aws-cli-home-'));
  return {
    NODE_ENV: 'test', // required by Next's ProcessEnv typing; the CLI ignores it
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LC_ALL: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLECLITEST',
    AWS_SECRET_ACCESS_KEY: 'cli-test-secret-not-used',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  };
}

export interface CliResult {
  args: string[];
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `aws <args> --endpoint-url <endpoint> --region us-east-1 --output json`. Asynchronous on purpose: the
 * emulator answering it runs in this very process, so a synchronous spawn would wait for itself forever.
 */
export function runAws(endpoint: string, args: readonly string[]): Promise<CliResult> {
  const all = [...args, '--endpoint-url', endpoint, '--region', 'us-east-1', '--output', 'json'];
  return new Promise((resolve, reject) => {
    execFile(AWS_CLI, all, { env: cliEnv(), timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      if (err && typeof code !== 'number') return reject(err); // could not run at all (ENOENT, timeout)
      resolve({ args: all, status: typeof code === 'number' ? code : 0, stdout, stderr });
    });
  });
}

/** The parsed JSON of a successful run; a failed run throws with the CLI's own stderr. */
export async function awsJson<T = Record<string, unknown>>(endpoint: string, args: readonly string[]): Promise<T> {
  const r = await runAws(endpoint, args);
  if (r.status !== 0) throw new Error(`aws ${r.args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return (r.stdout.trim() === '' ? {} : JSON.parse(r.stdout)) as T;
}

/**
 * A command line split into argv the way a POSIX shell would for plain words and '…' / "…" quoting, but
 * refusing anything a shell would expand or act on ($, `, ;, |, &, <, >, (, ), \, globs), so no line runs
 * differently here than it would when a person pastes it.
 */
export function splitCliLine(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated ${c} quote in: ${line}`);
      const quoted = line.slice(i + 1, end);
      if (c === '"' && /[$`\\]/.test(quoted)) throw new Error(`a "…" word a shell would expand, in: ${line}`);
      word = (word ?? '') + quoted;
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (/[$`;|&<>()\\*?[\]{}~#!]/.test(c)) {
      throw new Error(`shell metacharacter ${c} in: ${line}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/**
 * JSON-comparable form of an SDK output or the CLI's JSON: timestamps (SDK Date objects, CLI
 * "2025-01-15T09:00:00+00:00" strings) become the same ISO string; undefined members disappear.
 */
export function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value))
    return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '$metadata') out[k] = comparable(v);
    return out;
  }
  return value;
}

/** Every member path in a comparable value, arrays written `[]`: `NetworkInterfaces[].Attachment.Status`. */
export function memberPaths(value: unknown, prefix: string, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) memberPaths(item, `${prefix}[]`, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(`${prefix}.${k}`);
      memberPaths(v, `${prefix}.${k}`, into);
    }
  }
  return into;
}
