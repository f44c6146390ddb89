'use client';
// The Activity panel's account and region filters: the accounts and regions the console offers (GET /api/accounts),
// each "any" by default; the record is then read with account=… and region=… (the audit's own columns).
import { useQuery } from '@tanstack/react-query';
import { accountsQueryOptions } from '@/lib/queries/scope';

const selectClass = 'h-7 min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-1.5 text-xs text-fg';

type Props = {
  account: string;
  region: string;
  onAccount: (account: string) => void;
  onRegion: (region: string) => void;
};

export function ScopeFilters({ account, region, onAccount, onRegion }: Props) {
  const { data: accounts } = useQuery(accountsQueryOptions());
  const chosen = accounts?.find((a) => a.id === account);
  const regions = [...new Set((chosen ? [chosen] : (accounts ?? [])).flatMap((a) => a.regions))].sort();
  // One account in one region: every entry is of it, nothing to filter by.
  if (!accounts || (accounts.length < 2 && regions.length < 2)) return null;
  return (
    <div className="flex gap-1.5" data-testid="activity-scope-filters">
      <select
        aria-label="Filter by account"
        value={account}
        onChange={(e) => onAccount(e.target.value)}
        className={selectClass}
      >
        <option value="">any account</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id} title={a.id}>
            {a.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by region"
        value={region}
        onChange={(e) => onRegion(e.target.value)}
        className={`${selectClass} font-mono`}
      >
        <option value="">any region</option>
        {regions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </div>
  );
}
