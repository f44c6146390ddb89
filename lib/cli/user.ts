// `npm run user -- add NAME --role ROLE | list | set-role NAME ROLE | remove NAME | sessions [NAME] | sign-out NAME`:
// local accounts, on the embedded database (while the console is stopped) or on Postgres (any time).
import { addUser, generatePassword, remove, sessions, setRole, signOutUser, users } from '../auth/accounts';
import { failed, pipedInput, runCommand, table, UsageError } from './accounts-cli';

const usage = [
  'Usage:',
  '  npm run user -- add NAME --role viewer|operator|admin   (password from stdin when piped, else generated and printed once)',
  '  npm run user -- list',
  '  npm run user -- set-role NAME viewer|operator|admin',
  '  npm run user -- remove NAME',
  '  npm run user -- sessions [NAME]',
  '  npm run user -- sign-out NAME                           (ends every session of NAME now)',
].join('\n');

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(usage);
    if (command === undefined) process.exitCode = 2;
    return;
  }
  const parse = () => {
    const arity: Record<string, [number, number, string]> = {
      list: [0, 0, 'list takes no arguments.'],
      'set-role': [2, 2, 'set-role needs a NAME and a ROLE.'],
      remove: [1, 1, 'remove needs a NAME.'],
      sessions: [0, 1, 'sessions takes at most a NAME.'],
      'sign-out': [1, 1, 'sign-out needs a NAME.'],
    };
    if (command === 'add') {
      const roleAt = rest.indexOf('--role');
      const role = roleAt >= 0 ? rest[roleAt + 1] : undefined;
      const names = rest.filter((_, i) => i !== roleAt && i !== roleAt + 1);
      if (names.length !== 1 || role === undefined) throw new UsageError('add needs a NAME and --role ROLE.');
      return { name: names[0]!, role };
    }
    const expected = arity[command];
    if (!expected) throw new UsageError(`Unknown command "${command}".`);
    if (rest.length < expected[0] || rest.length > expected[1]) throw new UsageError(expected[2]);
    return { name: '', role: '' };
  };
  await runCommand(usage, parse, async (deps, { name, role }) => {
    switch (command) {
      case 'add': {
        const piped = (await pipedInput())?.replace(/\r?\n$/, '') ?? '';
        const password = piped !== '' ? piped : generatePassword();
        const result = await addUser(deps, name, role, password);
        if (!result.ok) return failed(result);
        console.log(`Added ${result.user.name} (${result.user.role}).`);
        if (piped === '') console.log(`Password (shown once): ${password}`);
        return;
      }
      case 'list': {
        const all = await users(deps);
        if (all.length === 0)
          return console.log('No users yet. Create the first admin: npm run user -- add NAME --role admin');
        console.log(
          table([
            ['NAME', 'ROLE', 'SIGN-IN', 'CREATED'],
            ...all.map((u) => [u.name, u.role, u.sso ? 'sso' : 'password', u.createdAt]),
          ]),
        );
        return;
      }
      case 'set-role': {
        const result = await setRole(deps, rest[0]!, rest[1]!);
        if (!result.ok) return failed(result);
        console.log(`${result.user.name}: ${result.previous} → ${result.user.role}.`);
        return;
      }
      case 'remove': {
        const result = await remove(deps, rest[0]!);
        if (!result.ok) return failed(result);
        console.log(`Removed ${result.user.name}, with their sessions and tokens.`);
        return;
      }
      case 'sessions': {
        const result = await sessions(deps, rest[0]);
        if (!result.ok) return failed(result);
        if (result.sessions.length === 0) return console.log('No live sessions.');
        console.log(
          table([
            ['ID', 'USER', 'FROM', 'SINCE', 'EXPIRES'],
            ...result.sessions.map((s) => [s.id, s.userName, s.ipAddress ?? '', s.createdAt, s.expiresAt]),
          ]),
        );
        return;
      }
      case 'sign-out': {
        const result = await signOutUser(deps, rest[0]!);
        if (!result.ok) return failed(result);
        console.log(`Ended ${result.ended} session${result.ended === 1 ? '' : 's'} of ${rest[0]}.`);
        return;
      }
    }
  });
}

void main(process.argv.slice(2));
