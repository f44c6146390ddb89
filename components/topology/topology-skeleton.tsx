// Placeholder layout shown while the first snapshot loads: the shape of the console, without data.
import { Brand } from './header-bar';

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-subtle ${className}`} />;
}

export function TopologySkeleton({ label = 'Reading the topology…' }: { label?: string }) {
  return (
    <div className="flex h-dvh flex-col" aria-busy="true" aria-live="polite">
      <header className="flex items-center gap-4 border-b border-line bg-surface px-4 py-2">
        <Brand />
        <Bar className="h-8 max-w-md flex-1" />
        <span className="ml-auto text-xs text-faint">{label}</span>
      </header>
      <div className="flex min-h-0 flex-1">
        <div className="hidden w-80 shrink-0 flex-col gap-2 border-r border-line p-3 lg:flex xl:w-72">
          <Bar className="h-4 w-32" />
          <Bar className="h-20 w-full" />
          <Bar className="h-20 w-full" />
        </div>
        <div className="flex flex-1 flex-col gap-3 p-4">
          <Bar className="h-12 w-full" />
          <Bar className="ml-8 h-8 w-1/2" />
          <Bar className="ml-14 h-40" />
          <Bar className="ml-14 h-40" />
        </div>
      </div>
    </div>
  );
}
