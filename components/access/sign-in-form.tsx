'use client';
// The sign-in form: a local account's name and password, and "Sign in with SSO" when single sign-on is configured.
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';

async function errorMessage(res: Response): Promise<string> {
  if (res.status === 401) return 'Wrong user name or password.';
  if (res.status === 429) return 'Too many attempts. Wait a minute and try again.';
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  return body?.message
    ? `${body.message}.`
    : `The server answered ${res.status}. Try again; if it persists, the server log says why.`;
}

/** Demo mode only: a stale session cookie (an earlier sign-in on this host) stands between the browser and the demo. */
export function LeaveStaleSession() {
  const [busy, setBusy] = useState(false);
  const leave = async () => {
    setBusy(true);
    // Sign-out clears the cookie whether or not its session still exists.
    await fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => null);
    window.location.assign('/');
  };
  return (
    <div className="flex flex-col gap-3 text-13 text-muted" data-testid="stale-session">
      <p>
        This is the demo, which needs no sign-in, but your browser still sends a session from an earlier sign-in on this
        address that the demo does not accept.
      </p>
      <Button variant="primary" onClick={leave} disabled={busy} className="justify-center">
        {busy ? <Spinner /> : null}
        Drop it and continue as the demo operator
      </Button>
    </div>
  );
}

export function SignInForm({ sso, initialError }: { sso: boolean; initialError: string | null }) {
  const [busy, setBusy] = useState<'password' | 'sso' | null>(null);
  const [error, setError] = useState<string | null>(initialError);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy('password');
    setError(null);
    try {
      const res = await fetch('/api/auth/sign-in/username', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: String(form.get('username') ?? '').trim(),
          password: String(form.get('password') ?? ''),
        }),
      });
      if (!res.ok) {
        setError(await errorMessage(res));
        setBusy(null);
        return;
      }
      window.location.assign('/');
    } catch {
      setError('The console server did not answer. Is it running?');
      setBusy(null);
    }
  };

  const signInWithSso = async () => {
    setBusy('sso');
    setError(null);
    try {
      const res = await fetch('/api/auth/sign-in/social', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/sign-in' }),
      });
      const body = (await res.json().catch(() => null)) as { url?: string } | null;
      if (!res.ok || !body?.url) {
        setError(
          res.ok ? 'Single sign-on did not start: the identity provider gave no address.' : await errorMessage(res),
        );
        setBusy(null);
        return;
      }
      window.location.assign(body.url);
    } catch {
      setError('The console server did not answer. Is it running?');
      setBusy(null);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Sign in">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          User name
          <Input name="username" autoComplete="username" required autoFocus data-testid="sign-in-username" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Password
          <Input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            data-testid="sign-in-password"
          />
        </label>
        <Button
          type="submit"
          variant="primary"
          disabled={busy !== null}
          data-testid="sign-in-submit"
          className="justify-center"
        >
          {busy === 'password' ? <Spinner /> : null}
          Sign in
        </Button>
      </form>
      {sso ? (
        <>
          <div className="flex items-center gap-2 text-2xs text-faint uppercase">
            <span className="h-px flex-1 bg-line" />
            or
            <span className="h-px flex-1 bg-line" />
          </div>
          <Button onClick={signInWithSso} disabled={busy !== null} data-testid="sign-in-sso" className="justify-center">
            {busy === 'sso' ? <Spinner /> : null}
            Sign in with SSO
          </Button>
        </>
      ) : null}
      {error ? (
        <p
          role="alert"
          data-testid="sign-in-error"
          className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-xs text-danger"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
