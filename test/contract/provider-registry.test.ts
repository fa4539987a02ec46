/**
 * The registry is the only list of providers: every descriptor has a fake server to be tested
 * against, the README's provider table names each (and nothing else) with its default base URL
 * and context flags, and two providers that share a context key share its flag.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_FIELDS, PROVIDER_DESCRIPTORS, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { FAKE_PROVIDERS } from '../providers';

/** The rows of the table under "Providers and what each can carry": its cells, split on unescaped |. */
function readmeRows(): string[][] {
  const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = text.indexOf('| `--provider` |');
  if (start < 0) throw new Error('README: no provider table (a header row starting "| `--provider` |")');
  const lines = text.slice(start).split('\n');
  const table = lines.slice(2, lines.findIndex((l, i) => i > 0 && !l.startsWith('|')));
  return table.map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

const names = (cell: string) => [...cell.replace(/\(.*?\)/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe('provider registry', () => {
  it('ids and aliases are unique, lower case, and usable as --provider values', () => {
    const all = PROVIDER_DESCRIPTORS.flatMap((d) => [d.id, ...(d.aliases ?? [])]);
    expect(new Set(all).size).toBe(all.length);
    for (const n of all) expect(n).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('every descriptor has a fake server, and every fake a descriptor', () => {
    expect(Object.keys(FAKE_PROVIDERS).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it('a context key means one flag, one rule: providers sharing a key share its field', () => {
    for (const d of PROVIDER_DESCRIPTORS) {
      for (const f of d.context) {
        const first = CONTEXT_FIELDS.find((c) => c.key === f.key)!;
        expect(f.flag, `${d.id}: ${f.key}`).toBe(first.flag);
        expect(f.flag).toMatch(new RegExp(`^--${f.key} <[a-z]+>$`));
      }
    }
  });

  it("the README's provider table names every descriptor, its aliases, base URL and context flags, and nothing else", () => {
    const rows = readmeRows();
    const inTable = rows.map((r) => names(r[0]!));
    expect(inTable.map((n) => n[0]).sort()).toEqual([...PROVIDER_IDS].sort());
    for (const d of PROVIDER_DESCRIPTORS) {
      const row = rows[inTable.findIndex((n) => n[0] === d.id)]!;
      expect(names(row[0]!), `${d.id}: names`).toEqual([d.id, ...(d.aliases ?? [])]);
      expect(row[1], `${d.id}: base URL`).toBe(`\`${d.defaultBaseUrl}\``);
      const flags = [...row[2]!.matchAll(/`(--[a-z-]+)`/g)].map((m) => m[1]);
      expect(flags, `${d.id}: context flags`).toEqual(d.context.map((f) => f.flag.split(' ')[0]));
    }
  });
});
