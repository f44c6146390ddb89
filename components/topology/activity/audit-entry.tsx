'use client';
// One entry of the record, compact: when, who (role), what, the outcome, the resources and EC2 request ids.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { AuditRecordView } from '@/lib/queries/audit';
import { formatUtc } from '../model/format';

const outcomeTone: Record<AuditRecordView['outcome'], BadgeTone> = {
  ok: 'ok',
  refused: 'warn',
  failed: 'danger',
  denied: 'danger',
  unknown: 'neutral',
};

const actionWords: Record<string, string> = {
  'sign-in': 'signed in',
  'sign-in-failed': 'sign-in failed',
  'sign-out': 'signed out',
  'user.add': 'added a user',
  'user.set-role': 'changed a role',
  'user.remove': 'removed a user',
  'session.revoke': 'ended sessions',
  'token.create': 'created a token',
  'token.revoke': 'revoked a token',
};

/** A one-line account of the details, for the entries whose details are small key/value sets. */
function detailLine(details: unknown): string | null {
  if (!details || typeof details !== 'object') return null;
  const d = details as Record<string, unknown>;
  if (typeof d.summary === 'string') return d.summary;
  if (typeof d.message === 'string') return d.message;
  // The account and region have their own place in the entry.
  const parts = Object.entries(d)
    .filter(([k, v]) => k !== 'account' && k !== 'region' && (typeof v === 'string' || typeof v === 'number'))
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length ? parts.join(' · ') : null;
}

function age(at: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(at)) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86_400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86_400)}d ago`;
}

export function AuditEntry({ entry, now }: { entry: AuditRecordView; now: number }) {
  const detail = detailLine(entry.details);
  return (
    <li
      className="flex flex-col gap-1 border-b border-line px-3 py-2 text-xs"
      data-testid="audit-entry"
      data-action={entry.action}
    >
      <div className="flex items-center gap-1.5">
        <span className="truncate font-medium text-fg">{entry.userName ?? 'unknown'}</span>
        {entry.role ? <span className="text-2xs text-faint">{entry.role}</span> : null}
        <Badge tone={outcomeTone[entry.outcome]} className="ml-auto">
          {entry.outcome}
        </Badge>
      </div>
      <div className="flex items-baseline gap-1.5 text-muted">
        <span className="min-w-0 truncate" title={entry.action}>
          {actionWords[entry.action] ?? entry.action}
        </span>
        {entry.account || entry.region ? (
          <span
            className="shrink-0 rounded border border-line px-1 font-mono text-2xs text-muted"
            title="Account and region acted in"
            data-testid="audit-scope"
          >
            {[entry.account, entry.region].filter(Boolean).join(' · ')}
          </span>
        ) : null}
        <time dateTime={entry.at} title={formatUtc(entry.at)} className="ml-auto shrink-0 text-2xs text-faint">
          {age(entry.at, now)}
        </time>
      </div>
      {detail ? <p className="line-clamp-2 text-muted">{detail}</p> : null}
      {entry.resourceIds.length ? (
        <p className="truncate font-mono text-2xs text-faint" title={entry.resourceIds.join(' ')}>
          {entry.resourceIds.join(' ')}
        </p>
      ) : null}
      {entry.requestIds.length ? (
        <p className="truncate font-mono text-2xs text-faint" title={`EC2 request ids: ${entry.requestIds.join(' ')}`}>
          req {entry.requestIds.join(' ')}
        </p>
      ) : null}
      {entry.sourceIp ? <p className="text-2xs text-faint">from {entry.sourceIp}</p> : null}
    </li>
  );
}
