/**
 * The pagination kinds a fake declares, shared: page/per_page (with a Link header where the API
 * pages by links), an opaque cursor with a limit, or none. Every list a fake serves (entries and
 * the pickers' catalogs) pages the same way, so a client's page loop meets one behaviour per API.
 */
import type { ApiRequest, ApiResponse } from './server';

export type Paging =
  /** `page` from 1 and `per_page` from 1 to `max`; `link`: a Link header names the next and previous pages. */
  | { kind: 'page'; per: number; max: number; link?: boolean }
  /** `cursor` (opaque; base64url of an offset) and `limit` from 1 to `max`. */
  | { kind: 'cursor'; limit: number; max: number }
  | { kind: 'none' };

export type PageInfo =
  | { kind: 'page'; page: number; per: number; total: number; pages: number }
  | { kind: 'cursor'; next: string | null }
  | { kind: 'none'; total: number };

export type Paged<T> =
  | { ok: true; items: T[]; info: PageInfo; headers?: Record<string, string> }
  | { ok: false; res: ApiResponse };

/** A query parameter that breaks its rule, in the API's own words. */
export type QueryRefusal = (param: string, words: string) => ApiResponse;

export function pageOf<T>(p: Paging, all: T[], req: ApiRequest, refuse: QueryRefusal): Paged<T> {
  if (p.kind === 'none') return { ok: true, items: all, info: { kind: 'none', total: all.length } };
  if (p.kind === 'cursor') {
    const limit = Number(req.query.get('limit') ?? p.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > p.max) return { ok: false, res: refuse('limit', `must be between 1 and ${p.max}`) };
    const cursor = req.query.get('cursor');
    const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) return { ok: false, res: refuse('cursor', 'is invalid') };
    const next = offset + limit < all.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
    return { ok: true, items: all.slice(offset, offset + limit), info: { kind: 'cursor', next } };
  }
  const page = Number(req.query.get('page') ?? 1);
  const per = Number(req.query.get('per_page') ?? p.per);
  if (!Number.isInteger(page) || page < 1) return { ok: false, res: refuse('page', 'must be a positive integer') };
  if (!Number.isInteger(per) || per < 1 || per > p.max) return { ok: false, res: refuse('per_page', `must be 1..${p.max}`) };
  const info: PageInfo = { kind: 'page', page, per, total: all.length, pages: Math.max(1, Math.ceil(all.length / per)) };
  const items = all.slice((page - 1) * per, page * per);
  if (!p.link) return { ok: true, items, info };
  const at = (n: number) => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(n));
    return `<http://${req.headers.host}${req.path}?${q}>`;
  };
  const links = [...(page * per < all.length ? [`${at(page + 1)}; rel="next"`] : []), ...(page > 1 ? [`${at(page - 1)}; rel="prev"`] : [])];
  return { ok: true, items, info, ...(links.length && { headers: { Link: links.join(', ') } }) };
}
