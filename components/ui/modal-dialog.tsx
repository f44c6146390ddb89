'use client';
// The frame of every modal dialog of the console (plan, change, Move to…, guest OS, failover): a native <dialog>
// shown modal when it mounts (focus stays inside, the page behind is inert), Escape asks onCancel instead of
// closing on its own, and one look: rounded card, header border, dimmed backdrop. Each dialog gives its size.
import { useEffect, useRef, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { CloseIcon } from './icons';

type Props = {
  testId: string;
  /** The id of the dialog's title (aria-labelledby). */
  labelledBy: string;
  /** Escape pressed: the dialog decides whether and how it closes. */
  onCancel: () => void;
  /** showModal focuses the first focusable element (a Close button); a dialog may start elsewhere. */
  initialFocus?: (dialog: HTMLDialogElement) => HTMLElement | null | undefined;
  /** Size and placement, e.g. `w-[min(40rem,calc(100vw-2rem))] max-h-[76vh]`. */
  className: string;
  children: ReactNode;
};

export function ModalDialog({ testId, labelledBy, onCancel, initialFocus, className, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // The first focus is decided once, when the dialog opens.
  const focusFirst = useRef(initialFocus);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    focusFirst.current?.(dialog)?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className={cn(
        'm-auto flex flex-col overflow-hidden rounded-xl border border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/40',
        className,
      )}
    >
      {children}
    </dialog>
  );
}

/** The ✕ that ends every dialog's header: one look, one label (Close, or Cancel where closing cancels a plan). */
export function DialogCloseButton({
  onClick,
  label = 'Close',
  disabled,
}: {
  onClick: () => void;
  label?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
      className="-mr-1 flex size-7 items-center justify-center rounded-md text-faint hover:bg-subtle hover:text-fg"
    >
      <CloseIcon />
    </button>
  );
}
