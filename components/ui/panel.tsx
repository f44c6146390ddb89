// Panel primitive: a bordered surface with an optional titled header.
import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from '@/lib/cn';

export function Panel({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('rounded-lg border border-line bg-surface', className)} {...props} />;
}

export function PanelHeader({ title, actions, className, id }: { title: ReactNode; actions?: ReactNode; className?: string; id?: string }) {
  return (
    <div className={cn('flex items-center justify-between gap-2 border-b border-line px-3 py-2', className)}>
      <h2 id={id} className="text-xs font-semibold tracking-wide text-muted uppercase">
        {title}
      </h2>
      {actions}
    </div>
  );
}
