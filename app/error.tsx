'use client';
// Route error boundary: a throw is a bug (expected failures are returned), so say so and offer a retry.
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';

export default function Error({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && 'digest' in error ? String((error as { digest?: unknown }).digest ?? '') : '';
  return (
    <main className="flex h-dvh items-center justify-center p-6">
      <div role="alert" className="w-full max-w-lg rounded-lg border border-line bg-surface p-6 shadow-sm">
        <div className="flex items-center gap-3">
          <span className="flex size-8 items-center justify-center rounded-full bg-danger-soft text-danger">
            <AlertIcon />
          </span>
          <h1 className="text-sm font-semibold">The console hit a bug</h1>
        </div>
        <p className="mt-3 text-xs text-muted">
          Something failed that should not have. Your account was not changed by this page. Retry, and if it happens
          again the server log has the details{digest ? ` (reference ${digest})` : ''}.
        </p>
        <div className="mt-4 flex justify-end">
          <Button variant="primary" size="sm" onClick={() => retry()}>
            <RefreshIcon />
            Retry
          </Button>
        </div>
      </div>
    </main>
  );
}
