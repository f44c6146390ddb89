// Inline stroke icons (16px grid, currentColor); decorative unless given a label.
import type { ReactNode, SVGProps } from 'react';
import { cn } from '@/lib/cn';

type IconProps = SVGProps<SVGSVGElement> & { label?: string };

function icon(paths: ReactNode, name: string) {
  function Icon({ label, className, ...props }: IconProps) {
    return (
      <svg
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinecap="round"
        strokeLinejoin="round"
        className={cn('size-3.5 shrink-0', className)}
        role={label ? 'img' : undefined}
        aria-label={label}
        aria-hidden={label ? undefined : true}
        {...props}
      >
        {paths}
      </svg>
    );
  }
  Icon.displayName = name;
  return Icon;
}

export const LockIcon = icon(
  <>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1.5" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </>,
  'LockIcon',
);
export const RefreshIcon = icon(
  <>
    <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9" />
    <path d="M13.5 2.5v3h-3" />
  </>,
  'RefreshIcon',
);
export const SearchIcon = icon(
  <>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </>,
  'SearchIcon',
);
export const ChevronIcon = icon(<path d="m6 4 4 4-4 4" />, 'ChevronIcon');
export const CopyIcon = icon(
  <>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 5.5V4A1.5 1.5 0 0 0 9 2.5H4A1.5 1.5 0 0 0 2.5 4v5A1.5 1.5 0 0 0 4 10.5h1.5" />
  </>,
  'CopyIcon',
);
export const CheckIcon = icon(<path d="m3.5 8.5 3 3 6-7" />, 'CheckIcon');
export const CloseIcon = icon(<path d="m4 4 8 8M12 4l-8 8" />, 'CloseIcon');
export const GlobeIcon = icon(
  <>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M2.5 8h11M8 2.5c1.6 1.6 2.3 3.5 2.3 5.5S9.6 11.9 8 13.5C6.4 11.9 5.7 10 5.7 8S6.4 4.1 8 2.5z" />
  </>,
  'GlobeIcon',
);
export const AlertIcon = icon(
  <>
    <path d="M8 2.5 14 13H2z" />
    <path d="M8 6.5v3M8 11h.01" />
  </>,
  'AlertIcon',
);
export const BanIcon = icon(
  <>
    <circle cx="8" cy="8" r="5.5" />
    <path d="m4.1 11.9 7.8-7.8" />
  </>,
  'BanIcon',
);
export const UndoIcon = icon(
  <>
    <path d="M5.5 3 2.5 6l3 3" />
    <path d="M2.5 6h7a4 4 0 0 1 0 8H7" />
  </>,
  'UndoIcon',
);
export const GripIcon = icon(
  <>
    <path d="M6 4h.01M10 4h.01M6 8h.01M10 8h.01M6 12h.01M10 12h.01" strokeWidth={2.2} />
  </>,
  'GripIcon',
);
export const FilterIcon = icon(<path d="M2.5 3.5h11l-4.25 5v4l-2.5 1.25V8.5z" />, 'FilterIcon');
