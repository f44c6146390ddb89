'use client';
// Tabs of the side rail on narrower screens, where pools and details take turns in one column.
import { cn } from '@/lib/cn';

export type RailTab = 'pools' | 'details';

export function RailTabs({ tab, onTab, hasSelection }: { tab: RailTab; onTab: (t: RailTab) => void; hasSelection: boolean }) {
  const tabs: { id: RailTab; label: string }[] = [
    { id: 'pools', label: 'Pools' },
    { id: 'details', label: hasSelection ? 'Details' : 'Details (none)' },
  ];
  return (
    <div role="tablist" aria-label="Side panel" className="flex shrink-0 gap-1 border-b border-line bg-surface px-2 pt-1.5">
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          onClick={() => onTab(t.id)}
          className={cn(
            '-mb-px border-b-2 px-2.5 pb-1.5 text-xs font-medium',
            tab === t.id ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
          )}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
