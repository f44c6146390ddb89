'use client';
// The header's account switcher and region selector. Switching opens the other account or region as a new page
// (its own snapshot; the view's filters and selection name resources of the old one, so they are left behind);
// the URL then holds the scope, so a copied link opens the same account and region.
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { accountsQueryOptions, encodeScope, pageScope, type PageScope } from '@/lib/queries/scope';

const selectClass = 'h-7 rounded-md border border-line-strong bg-surface px-1.5 text-xs text-fg';

function open(scope: Required<PageScope>): void {
  window.location.assign(`${window.location.pathname}?${encodeScope(scope)}`);
}

/** region: the snapshot's region (what the page shows, whatever the URL said). */
export function ScopePicker({ region }: { region: string }) {
  const { data: accounts } = useQuery(accountsQueryOptions());
  const wanted = pageScope();
  const current = accounts?.find((a) => a.id === wanted.account) ?? accounts?.[0];
  const regionBadge = (
    <Badge tone="outline" className="font-mono" data-testid="region-badge">
      {region}
    </Badge>
  );
  // One account in one region (or the list not read yet): nothing to choose, the region is only named.
  if (!accounts || !current || (accounts.length < 2 && current.regions.length < 2)) return regionBadge;
  const regions = current.regions.includes(region) ? current.regions : [region, ...current.regions];
  return (
    <div className="flex items-center gap-1.5" data-testid="scope-picker">
      {accounts.length > 1 ? (
        <>
          <label className="sr-only" htmlFor="scope-account">
            Account
          </label>
          <select
            id="scope-account"
            data-testid="account-switcher"
            value={current.id}
            title="AWS account"
            onChange={(e) => {
              const next = accounts.find((a) => a.id === e.target.value);
              // The same region in the other account when it has it, else that account's first region.
              if (next) open({ account: next.id, region: next.regions.includes(region) ? region : next.regions[0]! });
            }}
            className={`${selectClass} max-w-40 font-medium`}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {regions.length > 1 ? (
        <>
          <label className="sr-only" htmlFor="scope-region">
            Region
          </label>
          <select
            id="scope-region"
            data-testid="region-selector"
            value={region}
            title="AWS region"
            onChange={(e) => open({ account: current.id, region: e.target.value })}
            className={`${selectClass} font-mono`}
          >
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </>
      ) : (
        regionBadge
      )}
    </div>
  );
}
