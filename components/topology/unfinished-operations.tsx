'use client';
// The banner of operations a stopped console left unfinished (a crash mid-move): which change, who, when, each
// step's outcome, where the resources are now, and the two ways out — finish or restore — for those who may change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanChange } from '@/components/access/access-context';
import { Button } from '@/components/ui/button';
import { AlertIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import {
  type OperationViewData,
  resolveOperation,
  unfinishedOperationsKey,
  unfinishedOperationsOptions,
} from '@/lib/queries/operations';
import { accountsQueryOptions, pageScope } from '@/lib/queries/scope';
import { topologyQueryKey } from '@/lib/queries/topology';

const outcomeWords: Record<string, string> = { done: 'done', 'not-done': 'not done', unknown: 'unknown' };

/**
 * The account and region the operation started in (where Finish and Restore act, whatever the page shows), and
 * whether that is another scope than the one viewed.
 */
function OperationScope({ scope }: { scope: OperationViewData['scope'] }) {
  const { data: accounts } = useQuery(accountsQueryOptions());
  const viewed = pageScope();
  const home = accounts?.[0];
  const account = scope?.account ?? home?.id;
  const region = scope?.region ?? home?.regions[0];
  const label = accounts?.find((a) => a.id === account)?.label;
  const elsewhere =
    account !== undefined &&
    region !== undefined &&
    (account !== (viewed.account ?? home?.id) || region !== (viewed.region ?? home?.regions[0]));
  return (
    <p className="mt-0.5 text-muted" data-testid="operation-scope">
      In account{' '}
      <span className="font-medium text-fg">
        {label ? `${label} (${account})` : (account ?? 'the console’s default')}
      </span>
      , region <span className="font-mono text-fg">{region ?? 'default'}</span>
      {elsewhere ? (
        <span className="text-warn"> — not the one you are viewing: Finish and Restore act there.</span>
      ) : null}
    </p>
  );
}

function Operation({ op, canChange }: { op: OperationViewData; canChange: boolean }) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const mutation = useMutation({
    mutationFn: (action: 'finish' | 'restore') => resolveOperation(op.id, action),
    onSuccess: (text) => setMessage({ tone: 'ok', text }),
    onError: (err) => setMessage({ tone: 'error', text: err instanceof Error ? err.message : String(err) }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: unfinishedOperationsKey });
      void client.invalidateQueries({ queryKey: topologyQueryKey });
    },
  });
  return (
    <li
      className="rounded-md border border-line bg-surface p-3 text-xs"
      data-testid="unfinished-operation"
      data-operation={op.id}
    >
      <p className="font-semibold text-fg">{op.plan.summary}</p>
      <p className="mt-0.5 text-muted">
        Started by {op.user} at {new Date(op.startedAt).toLocaleString()} and never finished.
      </p>
      <OperationScope scope={op.scope} />
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <div>
          <p className="font-medium text-fg">Steps</p>
          <ol className="mt-1 space-y-0.5">
            {op.plan.steps.map((step, i) => {
              const ran = op.steps.filter((s) => s.report.index === i + 1).at(-1);
              return (
                <li key={i}>
                  <span className="font-mono">{i + 1}.</span> {step.description.replace(/\.$/, '')}:{' '}
                  <span className={ran?.report.outcome === 'done' ? 'text-fg' : 'text-warn'}>
                    {ran ? (outcomeWords[ran.report.outcome] ?? ran.report.outcome) : 'not sent'}
                  </span>
                  {ran?.report.requestId ? (
                    <span className="ml-1 font-mono text-2xs text-muted">{ran.report.requestId}</span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
        <div>
          <p className="font-medium text-fg">Observed now</p>
          {op.observed ? (
            <ul className="mt-1 space-y-0.5">
              {op.observed.map((o) => (
                <li key={o.resource}>
                  <span className="font-mono">{o.resource}</span>: {o.state}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-danger">The account could not be read: {op.observedError}</p>
          )}
        </div>
      </div>
      {canChange ? (
        <div className="mt-3 flex items-center gap-2">
          <Button size="sm" variant="primary" disabled={mutation.isPending} onClick={() => mutation.mutate('finish')}>
            Finish the move
          </Button>
          <Button size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate('restore')}>
            Restore as before
          </Button>
          {mutation.isPending ? <Spinner /> : null}
          <span className="text-muted">Each is planned on the current state and checked like any move.</span>
        </div>
      ) : null}
      {message ? (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={message.tone === 'error' ? 'mt-2 text-danger' : 'mt-2 text-fg'}
        >
          {message.text}
        </p>
      ) : null}
    </li>
  );
}

export function UnfinishedOperations() {
  const query = useQuery(unfinishedOperationsOptions());
  const canChange = useCanChange();
  const operations = query.data ?? [];
  if (operations.length === 0) return null;
  return (
    <section
      aria-label="Unfinished operations"
      data-testid="unfinished-operations"
      className="max-h-[40vh] overflow-y-auto border-b border-warn/30 bg-warn-soft px-4 py-2"
    >
      <p className="mb-2 flex items-center gap-2 text-13 font-semibold text-warn">
        <AlertIcon />
        {operations.length === 1 ? 'A change was interrupted' : `${operations.length} changes were interrupted`} (the
        console stopped mid-move): finish or restore
      </p>
      <ul className="space-y-2">
        {operations.map((op) => (
          <Operation key={op.id} op={op} canChange={canChange} />
        ))}
      </ul>
    </section>
  );
}
