'use client';
// Tabs of the side rail: pools and the activity record, and on narrower screens the details too, in one column.
import { cn } from '@/lib/cn';

export type RailTab = 'pools' | 'details' | 'activity';

type Props = { tab: RailTab; onTab: (t: RailTab) => void; hasSelection: boolean; withDetails: boolean };

export function RailTabs({ tab, onTab, hasSelection, withDetails }: Props) {
  const tabs: { id: RailTab; label: string }[] = [
    { id: 'pools', label: 'Pools' },
    ...(withDetails ? [{ id: 'details' as const, label: hasSelection ? 'Details' : 'Details (none)' }] : []),
    { id: 'activity', label: 'Activity' },
  ];
  return (
    <div
      role="tablist"
      aria-label="Side panel"
      className="flex shrink-0 gap-1 border-b border-line bg-surface px-2 pt-1.5"
    >
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
