// Each EC2 call of an apply with its observed outcome — done, not done, unknown — and how that is known.
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { StepOutcome, StepReport } from '@/lib/topology/outcome';

const badge: Record<StepOutcome, { tone: BadgeTone; label: string }> = {
  done: { tone: 'ok', label: 'done' },
  'not-done': { tone: 'neutral', label: 'not done' },
  unknown: { tone: 'warn', label: 'unknown' },
};

export function StepOutcomes({ steps }: { steps: StepReport[] }) {
  return (
    <ol
      aria-label="EC2 calls"
      data-testid="step-outcomes"
      className="mt-1 flex flex-col gap-1 border-t border-line pt-1.5"
    >
      {steps.map((s) => (
        <li key={`${s.index}-${s.restore}`} data-outcome={s.outcome} className="flex items-start gap-2 text-xs">
          <Badge tone={badge[s.outcome].tone} className="mt-px shrink-0 font-mono text-2xs">
            {badge[s.outcome].label}
          </Badge>
          <span className="min-w-0 break-words">
            <span className="text-fg">
              {s.restore ? 'Restore: ' : ''}
              {s.description}
            </span>
            {s.note ? <span className="block text-faint">{s.note}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
