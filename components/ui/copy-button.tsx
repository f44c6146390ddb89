'use client';
// Copies a value (an id, an address) to the clipboard and confirms with a check mark.
import { useEffect, useState } from 'react';
import { cn } from '@/lib/cn';
import { CheckIcon, CopyIcon } from './icons';

export function CopyButton({ value, label, className }: { value: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1200);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <button
      type="button"
      aria-label={label ?? `Copy ${value}`}
      title={copied ? 'Copied' : 'Copy'}
      onClick={(e) => {
        e.stopPropagation();
        void navigator.clipboard?.writeText(value).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
      className={cn(
        'inline-flex size-5 shrink-0 items-center justify-center rounded transition-colors hover:bg-subtle',
        copied ? 'text-ok' : 'text-faint hover:text-fg',
        className,
      )}
    >
      {copied ? <CheckIcon className="size-3" /> : <CopyIcon className="size-3" />}
    </button>
  );
}
