/**
 * The window's few icons, drawn as strokes on a 24-unit grid so they take the text colour. Always
 * decorative (aria-hidden): the words go beside them, in a title, or in visually hidden text.
 */
const PATHS = {
  play: 'M7 4.5v15l12-7.5z',
  stop: 'M6 6h12v12H6z',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  history: 'M3.5 12a8.5 8.5 0 1 0 2.5-6M3.5 4v4h4M12 7.5V12l3 2',
  trash: 'M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 12.5h9l1-12.5M10 11v5M14 11v5',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  local: 'M3.5 5h17v10.5h-17zM8.5 19.5h7M12 15.5v4',
  pending: 'M12 17V7M7.5 11.5 12 7l4.5 4.5M6 20h12',
  attention: 'M12 3.5 21.5 20h-19zM12 10v4.5M12 17v.5',
  billable: 'M12 3v18M16.5 7.5C16.5 6 14.5 5 12 5S7.5 6 7.5 8s2.2 2.6 4.5 3.2 4.5 1.3 4.5 3.3-2 3-4.5 3-4.5-1-4.5-2.5',
  sync: 'M19.5 10A8 8 0 0 0 5.6 6.6L4 8.5M4 4v4.5h4.5M4.5 14a8 8 0 0 0 13.9 3.4l1.6-1.9M20 20v-4.5h-4.5',
  options: 'M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4',
  offline: 'M3 3l18 18M8.5 8.6A5 5 0 0 0 6.5 18h10M17.5 12.5a4 4 0 0 1 2.5 5.3M10.5 6.3A6 6 0 0 1 17.6 10',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon-svg${className ? ` ${className}` : ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false"
      fill={name === 'play' || name === 'stop' ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
