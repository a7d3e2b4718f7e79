// A small stroke icon set (16px grid) so the UI needs no icon font or remote assets.
import type { ReactNode } from 'react';

const PATHS = {
  dashboard: 'M2 2h5v6H2zM9 2h5v3H9zM9 7h5v7H9zM2 10h5v4H2z',
  yarn: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM3 6c3 0 7 1 10 4M2.5 9.5c3-.5 6 .5 8.5 3.5M5 2.8c2 1.2 5 4.2 6 9.9',
  demand: 'M2 14V9M6 14V5M10 14V7M14 14V2M1 14h14',
  purchasing: 'M1.5 2h2l1.6 8h8l1.4-5.5H4.2M6 13.5a.8.8 0 1 0 0 .1M12 13.5a.8.8 0 1 0 0 .1',
  capacity: 'M2 13a6 6 0 1 1 12 0M8 13l3-5M1 13h14',
  schedule: 'M2 3h12v11H2zM2 6h12M5 1.5v3M11 1.5v3M4.5 8.5h4M6.5 11h5',
  forecast: 'M1.5 13l4-5 3 2.5L14 4M10.5 4H14v3.5',
  scenarios: 'M3 2v12M3 5.5c4 0 4 3 8 3M11 8.5h2.5M3 10.5c3 0 4 2 8 2h2.5M11.5 6.5l2 2-2 2M11.5 10.5l2 2-2 2',
  imports: 'M8 1.5v8.5M4.5 6.5L8 10l3.5-3.5M2 11v3h12v-3',
  settings: 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M3 13l1.4-1.4M11.6 4.4L13 3',
  diagnostics: 'M1 8.5h3l2-5 3.5 9 2-4H15',
  search: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM10.3 10.3L14 14',
  copy: 'M5 5h8v9H5zM3 11V2h8',
  download: 'M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 13.5h11',
  columns: 'M2 2.5h12v11H2zM6 2.5v11M10 2.5v11',
  sun: 'M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1',
  moon: 'M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7z',
  close: 'M3.5 3.5l9 9M12.5 3.5l-9 9',
  refresh: 'M13.5 3v3.5H10M13 6.5A5.5 5.5 0 1 0 13.5 10',
  play: 'M4 2.5l9 5.5-9 5.5z',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4',
  check: 'M2.5 8.5l3.5 3.5 7.5-8',
  alert: 'M8 1.5l7 12.5H1zM8 6v3.5M8 11.5v.5',
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 7v4.5M8 4.5v.5',
  folder: 'M1.5 3h5l1.5 2h6.5v8.5h-13z',
  file: 'M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3',
  compare: 'M5 2v12M11 2v12M2 5l3-3 3 3M8 11l3 3 3-3',
  undo: 'M5 3L2 6l3 3M2 6h7.5a4 4 0 0 1 0 8H6',
  chevronDown: 'M4 6l4 4 4-4',
  chevronRight: 'M6 4l4 4-4 4',
  print: 'M4 6V1.5h8V6M4 12H2V6h12v6h-2M4 9.5h8v5H4z',
  pin: 'M6 1.5h4l-.5 4 2.5 2.5H4l2.5-2.5zM8 8v6.5',
  plus: 'M8 2.5v11M2.5 8h11',
  edit: 'M10.5 2.5l3 3-8 8H2.5v-3zM9 4l3 3',
  external: 'M9 2.5h4.5V7M13.5 2.5L7 9M11.5 9.5v4h-9v-9h4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }): ReactNode {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
