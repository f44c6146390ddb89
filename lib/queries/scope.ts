// The account and region the page shows, held in the URL (`?account=prod&region=eu-west-1`): every read and change
// of the page names them, and a copied link opens the same account and region. Absent: the server's default scope.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

export type PageScope = { account?: string; region?: string };

const accountParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);
const regionParam = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/);

/** The scope of a query string; a malformed value is dropped (the server's default takes its place). */
export function decodeScope(search: string): PageScope {
  const p = new URLSearchParams(search);
  const account = accountParam.safeParse(p.get('account'));
  const region = regionParam.safeParse(p.get('region'));
  return { ...(account.success ? { account: account.data } : {}), ...(region.success ? { region: region.data } : {}) };
}

/** `account=…&region=…` (either may be absent), first in a query string so the scope reads first in a link. */
export function encodeScope(scope: PageScope): string {
  const p = new URLSearchParams();
  if (scope.account) p.set('account', scope.account);
  if (scope.region) p.set('region', scope.region);
  return p.toString();
}

/** A query string with the scope in front of the rest (the view's own parameters). */
export function withScope(query: string, scope: PageScope): string {
  return [encodeScope(scope), query].filter(Boolean).join('&');
}

/** The page's scope (the browser's URL); none on the server. */
export function pageScope(): PageScope {
  return typeof window === 'undefined' ? {} : decodeScope(window.location.search);
}

/** `{ scope }` for a change's JSON body when the page names an account or region, else nothing (the default scope). */
export function scopeBody(scope: PageScope = pageScope()): { scope?: PageScope } {
  return scope.account || scope.region ? { scope } : {};
}

/** `?account=…&region=…` for an API read of the page's scope, or '' for the default scope. */
export function scopeSuffix(scope: PageScope = pageScope()): string {
  const q = encodeScope(scope);
  return q ? `?${q}` : '';
}

const choiceSchema = z.object({ id: z.string(), label: z.string(), regions: z.array(z.string()) });

const answerSchema = z.object({ ok: z.literal(true), accounts: z.array(choiceSchema) });

export const accountsQueryKey = ['accounts'] as const;

/** GET /api/accounts: the accounts the console offers with their regions (DescribeRegions is cached server-side). */
export function accountsQueryOptions() {
  return queryOptions({
    queryKey: accountsQueryKey,
    queryFn: async ({ signal }) => {
      const res = await fetch('/api/accounts', { signal });
      const parsed = answerSchema.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new Error(`GET /api/accounts answered ${res.status} without the account list`);
      return parsed.data.accounts;
    },
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}
