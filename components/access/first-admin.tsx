// What `npm start` serves while the console has no account: exactly how to create the first admin.
import { Brand } from '@/components/topology/header-bar';

export function FirstAdmin() {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas p-6">
      <div className="w-full max-w-lg rounded-lg border border-line bg-surface p-6 shadow-sm" data-testid="first-admin">
        <Brand />
        <h2 className="mt-5 text-base font-semibold text-fg">Create the first admin</h2>
        <p className="mt-2 text-13 text-muted">
          This console has no account yet, so it shows nothing else. On the machine that runs it, in the project folder,
          run:
        </p>
        <pre className="mt-3 overflow-x-auto rounded-md border border-line bg-subtle px-3 py-2 font-mono text-13 text-fg">
          npm run user -- add NAME --role admin
        </pre>
        <p className="mt-3 text-13 text-muted">
          It prints a generated password once (or pipe one in:{' '}
          <code className="font-mono">echo &apos;…&apos; | npm run user -- add NAME --role admin</code>). With the
          embedded database, stop the console first; with <code className="font-mono">DATABASE_URL</code> it works at
          any time. Then reload this page and sign in.
        </p>
        <p className="mt-3 text-xs text-faint">
          Single sign-on instead? Set ENI_CONSOLE_OIDC_ISSUER, ENI_CONSOLE_OIDC_CLIENT_ID,
          ENI_CONSOLE_OIDC_CLIENT_SECRET and ENI_CONSOLE_OIDC_ROLE_MAP and restart.
        </p>
      </div>
    </main>
  );
}
