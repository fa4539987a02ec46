/** Names for ids, project colours and recent use: what the pills and pickers show. */
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../shared/catalog';
import { labelOf, nameIndex, PILL_HUES, pickerOptions, pillHue, pillIndex, recentProjects } from '../../renderer/src/names';

const c = (account: string, kind: CatalogEntry['kind'], id: string, name: string, source: CatalogEntry['source'] = 'remote', parent_id: string | null = null): CatalogEntry =>
  ({ account, kind, id, name, source, parent_id });
const catalog = [
  c('work', 'project', '7003', 'Initech support'), c('work', 'client', '12', 'Initech'), c('work', 'task', '88', 'Triage', 'remote', '7003'),
  c('home', 'project', '7003', 'Garden'), c('work', 'project', '9', '9', 'seen'),
];
const used = (account: string | null, project_id: string | null, client_id: string | null, start: string) => ({ account, project_id, client_id, start });

describe('name index', () => {
  it('names each id per account; an unknown id, or a seen one, stays its id', () => {
    const ix = nameIndex(catalog);
    expect(ix.name('project', 'work', '7003')).toBe('Initech support');
    expect(ix.name('project', 'home', '7003')).toBe('Garden');
    expect(ix.name('task', 'work', '88')).toBe('Triage');
    expect(ix.name('client', 'work', '12')).toBe('Initech');
    expect(ix.name('project', 'other', '7003')).toBeNull();
    expect(ix.name('project', null, '7003')).toBeNull();
    expect(labelOf(ix, 'project', 'work', '404')).toBe('404');
    expect(labelOf(ix, 'project', 'work', '9')).toBe('9');
  });

  it("a project's client comes from the entries that used both, the latest winning", () => {
    const ix = nameIndex(catalog, [
      used('work', '7003', '11', '2026-11-01T09:00:00.000Z'), used('work', '7003', '12', '2026-11-20T09:00:00.000Z'),
      used('work', '7003', null, '2026-11-30T09:00:00.000Z'), used('home', '7003', '5', '2026-11-01T09:00:00.000Z'),
    ]);
    expect(ix.clientOf('work', '7003')).toBe('12');
    expect(ix.clientOf('home', '7003')).toBe('5');
    expect(ix.clientOf('work', '9')).toBeNull();
  });

  it('a catalog that links a project to its client wins over the entries', () => {
    const ix = nameIndex([c('work', 'project', '1', 'P', 'remote', '12')], [used('work', '1', '13', '2026-11-01T09:00:00.000Z')]);
    expect(ix.clientOf('work', '1')).toBe('12');
  });
});

describe('project colours', () => {
  it('the same account and project always get the same hue; accounts differ', () => {
    expect(pillHue('work', '7003')).toBe(pillHue('work', '7003'));
    expect(PILL_HUES).toContain(pillHue('work', '7003'));
    // Fixed values: a change of hash would recolour every project the user knows.
    expect([pillIndex('work', '7003'), pillIndex('home', '7003'), pillIndex(null, '7003')]).toEqual([10, 8, 9]);
  });

  it('spreads 200 projects over the whole palette, none taking more than a fifth', () => {
    const counts = new Array(PILL_HUES.length).fill(0);
    for (let i = 0; i < 200; i++) counts[pillIndex('work', String(7000 + i))]++;
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(Math.max(...counts)).toBeLessThan(40);
  });
});

describe('recent projects', () => {
  it('per account, most recently used first, each once', () => {
    const entries = [
      used('work', 'a', null, '2026-11-01T09:00:00.000Z'), used('work', 'b', null, '2026-11-03T09:00:00.000Z'),
      used('work', 'a', null, '2026-11-02T09:00:00.000Z'), used('home', 'z', null, '2026-11-09T09:00:00.000Z'),
      used(null, 'l', null, '2026-11-09T09:00:00.000Z'), used('work', null, null, '2026-11-10T09:00:00.000Z'),
    ];
    expect(recentProjects(entries, 'work')).toEqual(['b', 'a']);
    expect(recentProjects(entries, 'home')).toEqual(['z']);
    expect(recentProjects(entries, null)).toEqual(['l']);
  });
});

describe('picker options', () => {
  const cat = [
    c('work', 'project', '1', 'Website'), c('work', 'project', '2', 'Audit'), c('work', 'project', '3', 'Support'), c('work', 'project', '4', 'Internal'),
    c('work', 'client', '12', 'Initech'), c('work', 'client', '13', 'Acme'),
    c('work', 'task', '81', 'Design', 'remote', '1'), c('work', 'task', '82', 'Fieldwork', 'remote', '2'), c('work', 'task', '83', 'Admin', 'remote', null),
    c('home', 'project', '9', 'Garden'),
  ];
  const used = [
    used_('work', '3', '12', '2026-11-20T09:00:00.000Z'), used_('work', '1', '13', '2026-11-10T09:00:00.000Z'),
    used_('work', '2', '12', '2026-11-01T09:00:00.000Z'), used_('work', '404', null, '2026-11-21T09:00:00.000Z'),
  ];
  function used_(account: string, project_id: string, client_id: string | null, start: string) { return { account, project_id, client_id, start }; }

  it('recent first (with the client), then by client A–Z, no client last; only this account', () => {
    const o = pickerOptions(cat, 'work', nameIndex(cat, used), used, '');
    expect(o.project.map((p) => [p.group, p.name, p.detail ?? ''])).toEqual([
      ['Recent', '404', ''], ['Recent', 'Support', 'Initech'], ['Recent', 'Website', 'Acme'], ['Recent', 'Audit', 'Initech'],
      ['Acme', 'Website', ''], ['Initech', 'Audit', ''], ['Initech', 'Support', ''], ['No client', 'Internal', ''],
    ]);
    expect(o.client.map((x) => x.name)).toEqual(['Initech', 'Acme']);
    expect(pickerOptions(cat, 'home', nameIndex(cat, used), used, '').project.map((p) => [p.group, p.name])).toEqual([['Projects', 'Garden']]);
  });

  it("a project's own tasks, then tasks of no project; none of another project's", () => {
    const o = pickerOptions(cat, 'work', nameIndex(cat), [], '1');
    expect(o.task.map((t) => [t.group, t.name])).toEqual([['Tasks of this project', 'Design'], ['Tasks', 'Admin']]);
    expect(pickerOptions(cat, 'work', nameIndex(cat), [], '').task.map((t) => t.name)).toEqual(['Admin']);
  });
});
