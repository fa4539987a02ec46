/** Times the sync bar says in words: "just now", "2 min ago", "3 h ago", "on 28 Nov"; a clock time "14:05". */
export function agoText(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 45) return 'just now';
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  return `on ${new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(Date.parse(iso))}`;
}

export function clockText(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));
}

export const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
