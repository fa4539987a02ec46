/**
 * Names for ids (shared/catalog-names.ts, the same rules the reports use), each project's colour
 * and the order of recent use. Pure: the hook that feeds them from the store lives in use-names.ts.
 */
import type { CatalogEntry } from '../../shared/catalog';
import { labelOf, type NameIndex, type UsedWith } from '../../shared/catalog-names';

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

/** One choice in a picker, under its group's heading. */
export interface PickerOption {
  id: string;
  name: string;
  /** The heading it is listed under ("Recent", a client's name, "No client", "Projects", "Tasks"). */
  group: string;
  /** Words after the name (a client) to tell apart projects of the same name. */
  detail?: string;
}

const RECENT = 5;

/**
 * What the pickers offer for one account: projects recently used first (at most five, with their
 * client), then every project under its client's name (clients A–Z, "No client" last, or all under
 * "Projects" when none has a client); the chosen project's tasks before tasks of no project; clients.
 */
export function pickerOptions(catalog: readonly CatalogEntry[], account: string | null, names: NameIndex, used: readonly UsedWith[], project: string) {
  const mine = catalog.filter((c) => c.account === account);
  const projects = mine.filter((c) => c.kind === 'project').map((c): PickerOption => {
    const cl = names.clientOf(account, c.id);
    return { id: c.id, name: c.name, group: cl ? labelOf(names, 'client', account, cl) : 'No client' };
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  const recent = recentProjects(used, account).slice(0, RECENT).map((id): PickerOption => {
    const p = byId.get(id);
    return { id, name: p?.name ?? names.name('project', account, id) ?? id, group: 'Recent', ...(p && p.group !== 'No client' && { detail: p.group }) };
  });
  const anyClient = projects.some((p) => p.group !== 'No client');
  const grouped = [...projects]
    .sort((a, b) => (a.group === 'No client' ? 1 : 0) - (b.group === 'No client' ? 1 : 0) || a.group.localeCompare(b.group))
    .map((p) => (anyClient ? p : { ...p, group: 'Projects' }));
  const tasks = mine.filter((c) => c.kind === 'task' && (!c.parent_id || c.parent_id === project))
    .map((c): PickerOption => ({ id: c.id, name: c.name, group: c.parent_id ? 'Tasks of this project' : 'Tasks' }))
    .sort((a, b) => (a.group < b.group ? 1 : a.group > b.group ? -1 : 0));
  const clients = mine.filter((c) => c.kind === 'client').map((c): PickerOption => ({ id: c.id, name: c.name, group: 'Clients' }));
  return { project: [...recent, ...grouped], task: tasks, client: clients };
}
