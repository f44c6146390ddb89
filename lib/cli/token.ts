// `npm run token -- create --user NAME [--expires 30d] | list | revoke ID`: API tokens for scripts, shown once and
// kept only as a hash; a script sends `Authorization: Bearer <token>` and acts with its user's role.
import { createApiToken, expiryFrom, revokeApiToken, tokens } from '../auth/accounts';
import { failed, runCommand, table, UsageError } from './accounts-cli';

const usage = [
  'Usage:',
  '  npm run token -- create --user NAME [--expires 30d]   (prints the token once; e.g. --expires 12h or 90d)',
  '  npm run token -- list',
  '  npm run token -- revoke ID',
].join('\n');

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(usage);
    if (command === undefined) process.exitCode = 2;
    return;
  }
  const parse = () => {
    if (command === 'create') {
      const user = option(rest, '--user');
      const expires = option(rest, '--expires');
      const known = new Set(['--user', '--expires']);
      const stray = rest.filter((a, i) => !known.has(a) && !known.has(rest[i - 1] ?? ''));
      if (user === undefined || stray.length > 0 || (rest.includes('--expires') && expires === undefined)) {
        throw new UsageError('create needs --user NAME (and optionally --expires DURATION).');
      }
      let expiresAt: Date | null = null;
      if (expires !== undefined) {
        const parsed = expiryFrom(expires);
        if (!parsed.ok) throw new UsageError(parsed.message);
        expiresAt = parsed.expiresAt;
      }
      return { user, expiresAt, id: '' };
    }
    if (command === 'list') {
      if (rest.length !== 0) throw new UsageError('list takes no arguments.');
      return { user: '', expiresAt: null, id: '' };
    }
    if (command === 'revoke') {
      if (rest.length !== 1) throw new UsageError('revoke needs a token ID (npm run token -- list shows them).');
      return { user: '', expiresAt: null, id: rest[0]! };
    }
    throw new UsageError(`Unknown command "${command}".`);
  };
  await runCommand(usage, parse, async (deps, { user, expiresAt, id }) => {
    switch (command) {
      case 'create': {
        const result = await createApiToken(deps, user, expiresAt);
        if (!result.ok) return failed(result);
        console.log(
          `Token ${result.id} for ${result.user.name} (${result.user.role})${expiresAt ? `, expires ${expiresAt.toISOString()}` : ', no expiry'}.`,
        );
        console.log('Shown once — store it now; send it as: Authorization: Bearer <token>');
        console.log(result.token);
        return;
      }
      case 'list': {
        const all = await tokens(deps);
        if (all.length === 0) return console.log('No tokens.');
        const state = (t: (typeof all)[number]) =>
          t.revokedAt ? 'revoked' : t.expiresAt && new Date(t.expiresAt) <= new Date() ? 'expired' : 'live';
        console.log(
          table([
            ['ID', 'USER', 'STATE', 'CREATED', 'EXPIRES', 'LAST USED'],
            ...all.map((t) => [
              t.id,
              t.userName,
              state(t),
              t.createdAt,
              t.expiresAt ?? 'never',
              t.lastUsedAt ?? 'never',
            ]),
          ]),
        );
        return;
      }
      case 'revoke': {
        const result = await revokeApiToken(deps, id);
        if (!result.ok) return failed(result);
        console.log(`Revoked ${result.id}.`);
        return;
      }
    }
  });
}

void main(process.argv.slice(2));
