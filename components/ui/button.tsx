// Button primitive: a real <button> with variants and sizes, focus ring from the theme.
import type { ButtonHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

const variants = {
  primary: 'bg-accent text-accent-fg hover:bg-accent-hover border-transparent shadow-sm',
  secondary: 'bg-surface text-fg border-line-strong hover:bg-subtle shadow-xs',
  ghost: 'bg-transparent text-muted border-transparent hover:bg-subtle hover:text-fg',
} as const;

const sizes = {
  sm: 'h-7 px-2.5 text-xs gap-1.5',
  md: 'h-8 px-3 text-13 gap-2',
  icon: 'h-7 w-7 justify-center',
} as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
};

export function Button({ variant = 'secondary', size = 'md', className, type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        'inline-flex shrink-0 items-center rounded-md border font-medium transition-colors select-none',
        'disabled:pointer-events-none disabled:opacity-50',
        variants[variant],
        sizes[size],
        className,
      )}
      {...props}
    />
  );
}
