/**
 * Names for ids (shared/catalog-names.ts, the same rules the reports use), each project's colour
 * and the order of recent use. Pure: the hook that feeds them from the store lives in use-names.ts.
 */
import type { UsedWith } from '../../shared/catalog-names';

export { labelOf, nameIndex, type NameIndex, type UsedWith } from '../../shared/catalog-names';

/**
 * Hues spread round the wheel, skipping the muddy yellow-greens; the stylesheet turns each into a
 * background and text colour per theme (see project-pill.css), so one hue reads in light and dark.
 */
export const PILL_HUES = [4, 24, 42, 140, 168, 190, 208, 226, 250, 272, 296, 322] as const;

/** FNV-1a over the UTF-16 code units: stable across runs and machines, unlike Map order. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A project's place in the palette: the same account and project id always get the same colour. */
export function pillIndex(account: string | null, project: string): number {
  return fnv1a(`${account ?? ''}\u0000${project}`) % PILL_HUES.length;
}

export function pillHue(account: string | null, project: string): number {
  return PILL_HUES[pillIndex(account, project)]!;
}

/**
 * Project ids an account used, most recent first (by entry start; the running timer counts as
 * now). `account` null means the local-only entries.
 */
export function recentProjects(entries: readonly UsedWith[], account: string | null): string[] {
  const last = new Map<string, string>();
  for (const e of entries) {
    if (e.account !== account || !e.project_id) continue;
    const had = last.get(e.project_id);
    if (!had || e.start > had) last.set(e.project_id, e.start);
  }
  return [...last.entries()].sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0)).map(([id]) => id);
}
