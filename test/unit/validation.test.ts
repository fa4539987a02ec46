/** Every entry rule, through the core as the CLI and the app call it: an error names the field and the rule, and nothing changes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors';
import type { EntryInput } from '../../shared/schemas';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-01-15T12:00:00Z' });
});
afterEach(() => t.done());

const base: EntryInput = { description: 'work', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z' };

function issuesOf(fn: () => unknown): { field: string; rule: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

function expectRefused(input: EntryInput, field: string, rule: RegExp) {
  const before = t.core.db.prepare('SELECT count(*) AS n FROM entries').get();
  const issues = issuesOf(() => t.core.entries.create(input));
  expect(issues).toContainEqual({ field, rule: expect.stringMatching(rule) });
  expect(t.core.db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual(before);
}

describe('entry validation', () => {
  it('accepts a plain entry and normalises it', () => {
    const e = t.core.entries.create({ ...base, description: '  work  ', tags: [' a', 'b', 'a'], start: '2026-01-15T10:00:00.750+01:00' });
    expect(e.description).toBe('work');
    expect(e.tags).toEqual(['a', 'b']);
    expect(e.start).toBe('2026-01-15T09:00:00.000Z');
    expect(e.duration_seconds).toBe(3600);
  });
  it('end must be after start', () => expectRefused({ ...base, end: '2026-01-15T08:00:00Z' }, 'end', /after start/));
  it('duration must be > 0', () => expectRefused({ ...base, end: base.start }, 'end', /duration must be > 0/));
  it('duration within a second is zero', () => expectRefused({ ...base, end: '2026-01-15T09:00:00.900Z' }, 'end', /> 0/));
  it('a week at most', () => expectRefused({ ...base, end: '2026-01-23T09:00:00Z' }, 'end', /at most 168h/));
  it('description at most 1024 characters', () => {
    expectRefused({ ...base, description: 'x'.repeat(1025) }, 'description', /at most 1024/);
    expect(t.core.entries.create({ ...base, description: '€'.repeat(1024) }).description).toHaveLength(1024);
  });
  it('description without control characters', () => expectRefused({ ...base, description: 'a\u0007b' }, 'description', /control/));
  it('at most 32 tags', () => {
    expectRefused({ ...base, tags: Array.from({ length: 33 }, (_, i) => `t${i}`) }, 'tags', /at most 32/);
    expect(t.core.entries.create({ ...base, tags: Array.from({ length: 32 }, (_, i) => `t${i}`) }).tags).toHaveLength(32);
  });
  it('tags at most 64 characters, not empty, no comma', () => {
    expectRefused({ ...base, tags: ['x'.repeat(65)] }, 'tags.0', /at most 64/);
    expectRefused({ ...base, tags: ['ok', '  '] }, 'tags.1', /not be empty/);
    expectRefused({ ...base, tags: ['a,b'] }, 'tags.0', /comma/);
  });
  it('sane dates: ISO with offset, in 2000–2099, not far in the future', () => {
    expectRefused({ ...base, start: '2026-01-15T09:00:00' }, 'start', /ISO 8601/);
    expectRefused({ ...base, start: '2026-02-30T09:00:00Z' }, 'start', /ISO 8601/);
    expectRefused({ ...base, start: '1999-12-31T09:00:00Z' }, 'start', /2000 and 2099/);
    expectRefused({ ...base, start: '2026-01-17T09:00:00Z', end: '2026-01-17T10:00:00Z' }, 'start', /future/);
  });
  it('ids are text up to 255 characters; empty clears', () => {
    expectRefused({ ...base, project_id: 'p'.repeat(256) }, 'project_id', /at most 255/);
    expect(t.core.entries.create({ ...base, project_id: '' }).project_id).toBeNull();
  });
  it('unknown fields and wrong types are named', () => {
    expectRefused({ ...base, billable: 'yes' as unknown as boolean }, 'billable', /true or false/);
    expectRefused({ ...base, colour: 'red' } as EntryInput, 'input', /unknown field\(s\): colour/);
  });
  it('an unknown account is named', () => expectRefused({ ...base, account: 'nope' }, 'account', /no account named "nope"/));
  it('reports every broken rule at once', () => {
    const issues = issuesOf(() => t.core.entries.create({ ...base, description: 'x'.repeat(2000), tags: ['a,b'] }));
    expect(issues.map((i) => i.field).sort()).toEqual(['description', 'tags.0']);
  });
  it('an edit that breaks a rule changes nothing', () => {
    const e = t.core.entries.create(base);
    expect(() => t.core.entries.edit(e.id, { end: '2026-01-15T08:00:00Z', description: 'changed' })).toThrow(/end: must be after start/);
    expect(t.core.entries.get(e.id)).toEqual(e);
  });
});

describe('account validation', () => {
  it('needs the provider context the API needs', () => {
    expect(issuesOf(() => t.core.accounts.add({ name: 'k', provider: 'kukkingu', base_url: 'https://x.test' })))
      .toEqual([{ field: 'context.tenant', rule: 'is required for Kukkingu' }]);
    expect(issuesOf(() => t.core.accounts.add({ name: 'm', provider: 'moneybird', base_url: 'https://x.test' })).map((i) => i.field))
      .toEqual(['context.administration', 'context.user']);
  });
  it('refuses bad names, URLs and providers, and duplicates', () => {
    expect(issuesOf(() => t.core.accounts.add({ name: 'a b', provider: 'voltasis', base_url: 'https://x.test' }))[0]!.field).toBe('name');
    expect(issuesOf(() => t.core.accounts.add({ name: 'a', provider: 'voltasis', base_url: 'ftp://x.test' }))[0]!.field).toBe('base_url');
    expect(issuesOf(() => t.core.accounts.add({ name: 'a', provider: 'harvest', base_url: 'https://x.test' }))[0]!.field).toBe('provider');
    t.core.accounts.add({ name: 'a', provider: 'orgapi', base_url: 'https://x.test/api/' });
    expect(t.core.accounts.byName('a')).toMatchObject({ provider: 'expensicat', base_url: 'https://x.test/api', is_default: true });
    expect(issuesOf(() => t.core.accounts.add({ name: 'a', provider: 'voltasis', base_url: 'https://x.test' }))[0]!.rule).toMatch(/already exists/);
  });
  it('keeps exactly one default', () => {
    t.core.accounts.add({ name: 'a', provider: 'voltasis', base_url: 'https://x.test' });
    t.core.accounts.add({ name: 'b', provider: 'voltasis', base_url: 'https://x.test', is_default: true });
    expect(t.core.accounts.list().filter((a) => a.is_default).map((a) => a.name)).toEqual(['b']);
  });
});

describe('settings', () => {
  it('validates the time zone setting', () => {
    expect(() => t.core.settings.set('timezone', 'Mars/Olympus')).toThrow(/timezone: must be an IANA time zone/);
    t.core.settings.set('timezone', 'Asia/Tokyo');
    expect(t.core.settings.get('timezone')).toBe('Asia/Tokyo');
  });
});
