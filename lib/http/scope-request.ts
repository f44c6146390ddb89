// The one way a request's account and region are checked at the boundary: the scope it names (body or query) and,
// for a confirmed plan, the scope the plan was made in, resolved against the configured accounts and their regions.
// Plan, apply, failover, the guest OS configuration and the demo's failure all go through it.
import 'server-only';
import { resolveScope, type ScopeInput } from '@/lib/ec2/accounts';
import type { Scope } from '@/lib/ec2/client';
import { fail, type Result } from '@/lib/result';

/**
 * The scope a request names (or its confirmed plan was made in), checked; undefined (the environment's client) when
 * it names none. A plan made in one account and region is never applied in another, where the same ids mean other
 * things: that is a clear `invalid-input`, as is an account or region the console does not offer. `confirmed`: the
 * request carries a confirmed plan (one without a scope mark was made in the default scope).
 */
export async function resolveRequestScope(
  named: ScopeInput | undefined,
  planned?: ScopeInput,
  confirmed = false,
): Promise<Result<{ scope: Scope | undefined }>> {
  if (!named && !planned) return { ok: true, scope: undefined };
  const resolved = await resolveScope(named ?? planned);
  if (!resolved.ok) return resolved;
  const { account, region } = resolved.scope;
  // A confirmed plan without a scope was made in the default one (the first account and region): an allocation or
  // a create names no resource that would tell another account apart, so its scope is checked like a marked one's.
  // A mark that names only an account or a region means the default's other half, as in a request.
  let madeIn: Scope | undefined;
  if (planned || confirmed) {
    const made = await resolveScope(planned ?? {});
    if (!made.ok) return made;
    madeIn = made.scope;
  }
  if (madeIn && (madeIn.account !== account || madeIn.region !== region))
    return fail(
      'invalid-input',
      `This plan was made for account ${madeIn.account} in ${madeIn.region}; it cannot be applied to account ${account} in ${region}. Plan the move again in the account and region where it should happen.`,
    );
  return { ok: true, scope: resolved.scope };
}

/** What an audit row's details name of the scope (the audit table copies them into its columns). */
export function scopeDetails(scope: ScopeInput | undefined): { account?: string; region?: string } {
  return scope?.account && scope.region ? { account: scope.account, region: scope.region } : {};
}
