'use client';
// The header's account corner: who is signed in and with which role ("Demo" in demo mode), and sign-out.
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useAccess } from './access-context';

const roleTone = { viewer: 'neutral', operator: 'accent', admin: 'warn' } as const;

export function AccountMenu() {
  const access = useAccess();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!access) return null;

  const signOut = async () => {
    setLeaving(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/sign-out', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      window.location.assign('/sign-in');
    } catch (err) {
      setLeaving(false);
      setError(`Sign-out failed (${err instanceof Error ? err.message : String(err)}). Retry.`);
    }
  };

  return (
    <div className="flex items-center gap-2 border-l border-line pl-3" data-testid="account">
      {access.demo ? (
        <Badge tone="warn" title="Demo mode: no sign-in, every visitor acts as the demo operator">
          Demo
        </Badge>
      ) : null}
      <span className="text-xs font-medium text-fg" data-testid="account-name">
        {access.name}
      </span>
      <Badge tone={roleTone[access.role]} data-testid="account-role" title={roleTitle[access.role]}>
        {access.role}
      </Badge>
      {access.demo ? null : (
        <Button
          size="sm"
          variant="ghost"
          onClick={signOut}
          disabled={leaving}
          data-testid="sign-out"
          title={error ?? undefined}
        >
          {leaving ? <Spinner /> : null}
          Sign out
        </Button>
      )}
      {error ? (
        <span role="alert" className="sr-only">
          {error}
        </span>
      ) : null}
    </div>
  );
}

const roleTitle = {
  viewer: 'Viewer: reads everything, changes nothing',
  operator: 'Operator: plans and applies changes',
  admin: 'Admin: changes, accounts and tokens',
} as const;

/** A line under the header when the UI offers no change, saying why. */
export function ReadOnlyNotice() {
  const access = useAccess();
  if (!access || access.canChange) return null;
  const text = access.readOnly
    ? 'This deployment is read-only: nothing can be changed from it, whatever your role.'
    : `You are signed in as a ${access.role}: you can see everything and change nothing. An admin can give you the operator role.`;
  return (
    <div
      role="status"
      data-testid="read-only-notice"
      className="border-b border-line bg-subtle px-4 py-1.5 text-xs text-muted"
    >
      {text}
    </div>
  );
}
