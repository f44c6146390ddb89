// /sign-in: a local account or single sign-on. Already signed in (or demo mode) goes to the console.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { FirstAdmin } from '@/components/access/first-admin';
import { LeaveStaleSession, SignInForm } from '@/components/access/sign-in-form';
import { Brand } from '@/components/topology/header-bar';
import { pageAccess } from '@/lib/auth/access';
import { ssoEnabled } from '@/lib/auth/auth';
import { isDemoMode } from '@/lib/auth/mode';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in · ENI Console' };

const errors: Record<string, string> = {
  no_role: 'Your single sign-on account is in no group that this console maps to a role. Ask an administrator.',
  unable_to_create_session:
    'Your single sign-on account is in no group that this console maps to a role. Ask an administrator.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await pageAccess(await headers());
  if (access.kind === 'setup') return <FirstAdmin />;
  if (access.kind === 'ok') redirect('/');
  const code = (await searchParams).error;
  const initialError =
    typeof code === 'string'
      ? (errors[code] ?? `Single sign-on failed (${code}). Try again, or ask an administrator.`)
      : null;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas p-6">
      <div className="w-full max-w-sm rounded-lg border border-line bg-surface p-6 shadow-sm">
        <Brand />
        <h2 className="mt-5 mb-4 text-base font-semibold text-fg">{isDemoMode() ? 'Demo' : 'Sign in'}</h2>
        {isDemoMode() ? <LeaveStaleSession /> : <SignInForm sso={ssoEnabled()} initialError={initialError} />}
      </div>
    </main>
  );
}
