'use client';
// Demo mode's header controls: a scenario picker with Reset, and the guided walkthroughs. Shown only
// when the console runs in demo mode; the server refuses the routes otherwise.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAccess } from '@/components/access/access-context';
import { Button } from '@/components/ui/button';
import { accountsQueryKey, encodeScope, pageScope } from '@/lib/queries/scope';
import { topologyQueryKey } from '@/lib/queries/topology';
import { DEMO_SCENARIOS } from '@/lib/demo/scenarios';
import { resetScenario } from '../failover/failover-api';
import { WalkthroughPanel } from './walkthrough-panel';
import { type Walkthrough, walkthroughs } from './walkthroughs';

export function DemoControls() {
  const access = useAccess();
  const queryClient = useQueryClient();
  const [scenario, setScenario] = useState('ha-failover');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [walk, setWalk] = useState<Walkthrough | null>(null);
  if (!access?.demo || !access.canChange) return null;

  const reset = async () => {
    setBusy(true);
    setError(null);
    const r = await resetScenario(scenario);
    if (!r.ok) setError(r.message);
    // Another scenario may bring other accounts: the page's account and region may no longer exist.
    if (r.ok && encodeScope(pageScope())) return window.location.assign(window.location.pathname);
    await queryClient.invalidateQueries({ queryKey: accountsQueryKey });
    await queryClient.refetchQueries({ queryKey: topologyQueryKey });
    setBusy(false);
  };

  return (
    <div className="flex items-center gap-1.5" data-testid="demo-controls">
      <label className="sr-only" htmlFor="demo-scenario">
        Scenario
      </label>
      <select
        id="demo-scenario"
        data-testid="demo-scenario"
        value={scenario}
        onChange={(e) => setScenario(e.target.value)}
        className="h-7 max-w-36 rounded-md border border-line-strong bg-surface px-1.5 text-xs text-fg"
      >
        {DEMO_SCENARIOS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        onClick={() => void reset()}
        disabled={busy}
        data-testid="demo-reset"
        title="Reset the emulator to this scenario"
      >
        {busy ? 'Resetting…' : 'Reset'}
      </Button>
      <label className="sr-only" htmlFor="demo-walkthrough">
        Walkthrough
      </label>
      <select
        id="demo-walkthrough"
        data-testid="demo-walkthrough"
        value=""
        onChange={(e) => {
          const w = walkthroughs.find((x) => x.id === e.target.value) ?? null;
          // The walkthrough resets to its scenario: the picker names it, so Reset starts it over.
          if (w) setScenario(w.scenario);
          setWalk(w);
        }}
        className="h-7 max-w-40 rounded-md border border-line-strong bg-surface px-1.5 text-xs text-fg"
      >
        <option value="">Walkthrough…</option>
        {walkthroughs.map((w) => (
          <option key={w.id} value={w.id}>
            {w.title}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="max-w-64 truncate text-2xs text-danger" title={error}>
          {error}
        </span>
      ) : null}
      {walk ? <WalkthroughPanel key={walk.id} walkthrough={walk} onClose={() => setWalk(null)} /> : null}
    </div>
  );
}
