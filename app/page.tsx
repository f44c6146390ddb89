// The console's page: the topology of the configured region, for a signed-in person (or the demo operator).
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { preload } from 'react-dom';
import { AccessProvider } from '@/components/access/access-context';
import { FirstAdmin } from '@/components/access/first-admin';
import { TopologyConsole } from '@/components/topology/topology-console';
import { pageAccess } from '@/lib/auth/access';
import { decodeScope, scopeSuffix } from '@/lib/queries/scope';

export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const access = await pageAccess(await headers());
  if (access.kind === 'setup') return <FirstAdmin />;
  if (access.kind === 'sign-in') redirect('/sign-in');
  // Start reading the snapshot while the JS bundle loads and hydrates; the query's fetch reuses this response.
  // The same URL the query fetches: the account and region of the page's URL.
  const query = Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []));
  preload(`/api/topology${scopeSuffix(decodeScope(new URLSearchParams(query).toString()))}`, {
    as: 'fetch',
    crossOrigin: 'anonymous',
  });
  return (
    <AccessProvider access={access.access}>
      <TopologyConsole />
    </AccessProvider>
  );
}
