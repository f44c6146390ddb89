'use client';
// What the user sees when the topology cannot be read: the server's message, what to do, and a retry.
import { Button } from '@/components/ui/button';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { hintFor, TopologyLoadError } from '@/lib/queries/topology';
import { cn } from '@/lib/cn';

function describe(error: unknown): { code: string; message: string; hint: string } {
  if (error instanceof TopologyLoadError)
    return { code: error.code, message: error.message, hint: hintFor(error.code) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, hint: hintFor('internal') };
}

/** Renders `backticked` parts of a hint as code. */
function withCode(text: string) {
  return text.split('`').map((part, i) =>
    i % 2 ? (
      <code key={i} className="rounded bg-subtle px-1 py-px font-mono text-2xs">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

type Props = { error: unknown; onRetry: () => void; retrying: boolean; compact?: boolean };

export function LoadError({ error, onRetry, retrying, compact = false }: Props) {
  const { code, message, hint } = describe(error);
  return (
    <div
      role="alert"
      data-testid="load-error"
      data-code={code}
      className={cn(
        'flex gap-3 rounded-lg border border-danger/30 bg-surface',
        compact ? 'items-center px-3 py-2' : 'w-full max-w-xl flex-col p-5 shadow-sm',
      )}
    >
      <div className="flex min-w-0 flex-1 gap-3">
        <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-danger-soft text-danger">
          <AlertIcon />
        </span>
        <div className="min-w-0">
          <p className="text-13 font-semibold text-fg">
            {compact ? 'Refresh failed — showing the previous snapshot' : 'Could not read the topology'}
            <span className="ml-2 rounded bg-subtle px-1.5 py-0.5 font-mono text-2xs font-normal text-muted">
              {code}
            </span>
          </p>
          <p className="mt-1 text-xs break-words text-muted">{message}</p>
          <p className="mt-1 text-xs text-fg">{withCode(hint)}</p>
        </div>
      </div>
      <div className={compact ? '' : 'flex justify-end'}>
        <Button variant={compact ? 'secondary' : 'primary'} size="sm" onClick={onRetry} disabled={retrying}>
          {retrying ? <Spinner /> : <RefreshIcon />}
          Retry
        </Button>
      </div>
    </div>
  );
}
