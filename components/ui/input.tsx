// Text input primitive with the theme's border and focus ring.
import type { InputHTMLAttributes, Ref } from 'react';
import { cn } from '@/lib/cn';

export function Input({
  className,
  ref,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <input
      ref={ref}
      className={cn(
        'h-8 w-full rounded-md border border-line-strong bg-surface px-2.5 text-13 text-fg placeholder:text-faint',
        'focus-visible:border-accent focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-accent/20',
        className,
      )}
      {...props}
    />
  );
}
