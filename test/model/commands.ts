/**
 * The user's actions and the world's accidents as fast-check commands. Each command does the
 * thing to the real system and records, in the model, only what the user meant by it.
 */
import fc from 'fast-check';
import type { Entry } from '../../shared/entry';
import type { Fault } from '../providers/server';
import type { Fields, Intent } from './intent';
import type { Cut, System } from './system';

export interface Model {
  intent: Intent;
}

export interface Real {
  sys: System;
  /** What Undo restores: the entries as they were when deleted, newest last. */
  undo: Entry[];
  /** The sequence's "today": entries are placed in the days before it. */
  base: number;
  /** The command running now (what a hang names). */
  last: string;
}

type Cmd = fc.AsyncCommand<Model, Real>;

const DESCRIPTIONS = ['design', 'review', 'design', 'call with Ana', 'fix: tz'];
const PROJECTS = ['101', '202'];
const MIN_SECONDS = 120;
const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** The rules the model itself enforces on what it asks for: a valid entry the server can take. */
function valid(f: Fields, now: number): boolean {
  const s = (f.end - f.start) / 1000;
  return s >= MIN_SECONDS && s <= 72 * 3600 && f.end <= now;
}

class Add implements Cmd {
  constructor(readonly day: number, readonly second: number, readonly seconds: number, readonly d: number, readonly p: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const start = r.base - this.day * DAY + this.second * 1000;
    const f: Fields = { description: DESCRIPTIONS[this.d]!, start, end: start + this.seconds * 1000, project_id: PROJECTS[this.p]! };
    if (!valid(f, r.sys.clock.now())) return;
    const e = r.sys.core.entries.create({ description: f.description, start: iso(f.start), end: iso(f.end), project_id: f.project_id });
    m.intent.add(e.id, f);
  }
  toString = () => `add(day-${this.day} +${this.second}s, ${this.seconds}s, ${DESCRIPTIONS[this.d]}, ${PROJECTS[this.p]})`;
}

class Edit implements Cmd {
  constructor(readonly n: number, readonly patch: { d?: number; p?: number; startShift?: number; endShift?: number; days?: number }) {}
  check = (m: Readonly<Model>) => m.intent.live.size > 0;
  async run(m: Model, r: Real) {
    const cur = m.intent.pick(this.n)!;
    const shift = (this.patch.days ?? 0) * DAY;
    const next: Fields = {
      description: this.patch.d === undefined ? cur.description : DESCRIPTIONS[this.patch.d]!,
      project_id: this.patch.p === undefined ? cur.project_id : PROJECTS[this.patch.p]!,
      start: cur.start + shift + (this.patch.startShift ?? 0) * 1000,
      end: cur.end + shift + (this.patch.endShift ?? 0) * 1000,
    };
    if (!valid(next, r.sys.clock.now())) return;
    r.sys.core.entries.edit(cur.id, { description: next.description, project_id: next.project_id, start: iso(next.start), end: iso(next.end) });
    m.intent.edit(cur.id, next);
  }
  toString = () => `edit(#${this.n}, ${JSON.stringify(this.patch)})`;
}

class Delete implements Cmd {
  constructor(readonly n: number) {}
  check = (m: Readonly<Model>) => m.intent.live.size > 0;
  async run(m: Model, r: Real) {
    const cur = m.intent.pick(this.n)!;
    r.undo.push(r.sys.core.entries.get(cur.id));
    r.sys.core.entries.remove(cur.id);
    m.intent.remove(cur.id);
  }
  toString = () => `delete(#${this.n})`;
}

class Undo implements Cmd {
  check = (m: Readonly<Model>) => m.intent.deleted.length > 0;
  async run(m: Model, r: Real) {
    m.intent.undo();
    r.sys.core.entries.restore(r.undo.pop()!);
  }
  toString = () => 'undo-delete';
}

export class TimerStart implements Cmd {
  constructor(readonly d: number, readonly p: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const c = r.sys.clock;
    if (m.intent.timer && c.now() - m.intent.timer.start < MIN_SECONDS * 1000) c.set(m.intent.timer.start + MIN_SECONDS * 1000);
    const res = r.sys.core.timer.start({ description: DESCRIPTIONS[this.d]!, project_id: PROJECTS[this.p]! });
    // What the user started and when, by the clock: never what start answered. A timer covers the
    // whole seconds it ran (it starts at the second the click falls in); a switch ends the old
    // timer where the new one begins. Only the id is the core's to give.
    const at = Math.floor(c.now() / 1000) * 1000;
    if (m.intent.timer) {
      if (!res.stopped) throw new Error('a timer ran, yet starting another stopped none');
      m.intent.add(res.stopped.id, { ...m.intent.timer, end: at });
    }
    m.intent.timer = { description: DESCRIPTIONS[this.d]!, project_id: PROJECTS[this.p]!, start: at };
  }
  toString = () => `timer-start(${DESCRIPTIONS[this.d]}, ${PROJECTS[this.p]})`;
}

class TimerStop implements Cmd {
  check = (m: Readonly<Model>) => m.intent.timer !== null;
  async run(m: Model, r: Real) {
    const c = r.sys.clock;
    if (c.now() - m.intent.timer!.start < MIN_SECONDS * 1000) c.set(m.intent.timer!.start + MIN_SECONDS * 1000);
    const e = r.sys.core.timer.stop();
    // A stop ends at the end of the second the click falls in, so the entry covers all the work.
    m.intent.add(e.id, { ...m.intent.timer!, end: Math.ceil(c.now() / 1000) * 1000 });
    m.intent.timer = null;
  }
  toString = () => 'timer-stop';
}

class Clock implements Cmd {
  constructor(readonly seconds: number) {}
  // A clock set back while a timer runs is Stop's own case (tested beside timer.ts).
  check = (m: Readonly<Model>) => this.seconds > 0 || m.intent.timer === null;
  async run(_m: Model, r: Real) {
    r.sys.clock.advance(this.seconds * 1000);
  }
  toString = () => `clock(${this.seconds > 0 ? '+' : ''}${this.seconds}s)`;
}

const REMOTE_TEXT = ['edited in the web app', 'review'];

/** An entry fully synced right now (nothing owed): what another client may have in front of it. */
function syncedPick(m: Readonly<Model>, r: Real, n: number): { id: string; remoteIds: string[] } | null {
  const ids = m.intent.ids().filter((id) => !m.intent.localOnly.has(id));
  for (let i = 0; i < ids.length; i++) {
    const id = ids[(n + i) % ids.length]!;
    const e = r.sys.core.entries.get(id);
    if (e.sync.state === 'synced' && e.sync.remote_id) return { id, remoteIds: e.sync.remote_id.split(',') };
  }
  return null;
}

/** Clean passes (past any Retry-After hold) until the entry shows `done` (bounded). */
async function passUntil(r: Real, done: () => boolean): Promise<void> {
  for (let i = 0; i < 4 && !done(); i++) {
    r.sys.server.clearFaults();
    await r.sys.sync(0);
    if (!done()) r.sys.clock.advance(16 * 60_000);
  }
}

/** Another client edits the description or project of a synced record; Timetray then pulls it. */
class RemoteEdit implements Cmd {
  constructor(readonly n: number, readonly what: { description?: number; project?: number }) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.last = this.toString();
    const hit = syncedPick(m, r, this.n);
    if (!hit) return;
    const patch: Partial<Fields> = {};
    if (this.what.description !== undefined) patch.description = REMOTE_TEXT[this.what.description]!;
    if (this.what.project !== undefined) patch.project_id = PROJECTS[this.what.project]!;
    const cur = m.intent.live.get(hit.id)!;
    if (Object.entries(patch).every(([k, v]) => cur[k as keyof Fields] === v)) return;
    r.sys.server.editRemote(hit.remoteIds[0]!, { ...(patch.description && { description: patch.description }), ...(patch.project_id && { project_id: patch.project_id }) });
    // Nothing was owed for it, so the server's values are the newest word: the user now has them.
    m.intent.edit(hit.id, patch);
    m.intent.remoteTouched.add(hit.id);
    r.sys.stats.remoteEdits++;
    await passUntil(r, () => {
      const e = r.sys.core.entries.get(hit.id);
      return e.description === m.intent.live.get(hit.id)!.description && (e.project_id ?? '') === m.intent.live.get(hit.id)!.project_id;
    });
  }
  toString = () => `remote-edit(#${this.n}, ${JSON.stringify(this.what)})`;
}

/** Another client deletes a synced record; Timetray marks the entry and the user answers. */
class RemoteDelete implements Cmd {
  constructor(readonly n: number, readonly answer: 'keep-local' | 'send-again' | 'delete') {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.last = this.toString();
    const hit = syncedPick(m, r, this.n);
    if (!hit) return;
    r.sys.server.deleteRemote(hit.remoteIds[0]!);
    r.sys.stats.remoteDeletes++;
    await passUntil(r, () => r.sys.core.entries.get(hit.id).sync.state === 'attention');
    const e = r.sys.core.entries.get(hit.id);
    if (e.sync.state !== 'attention') throw new Error(`a record deleted on the server left ${hit.id} ${e.sync.state}: ${e.sync.error ?? ''}`);
    if (this.answer === 'keep-local') {
      r.sys.core.entries.setAccount([hit.id], null);
      m.intent.localOnly.add(hit.id);
    } else if (this.answer === 'send-again') {
      r.sys.core.entries.resend([hit.id]);
    } else {
      r.sys.core.entries.remove(hit.id);
      m.intent.forget(hit.id);
    }
  }
  toString = () => `remote-delete(#${this.n}, then ${this.answer})`;
}

/** What the user does while a request is on the wire: one of the commands above, run mid-pass. */
export interface Meanwhile {
  after: number;
  cmd: Delete | Edit | Add | Undo;
}

class Sync implements Cmd {
  constructor(readonly lane: number, readonly faults: { method?: string; fault: Fault; times: number }[], readonly cut: Cut | null,
    readonly meanwhile: Meanwhile | null = null) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.last = this.toString();
    for (const f of this.faults) {
      r.sys.server.inject(f);
      r.sys.stats.faults += f.times;
    }
    const mw = this.meanwhile;
    // The command runs synchronously inside the pass, between two of its requests.
    const during = mw && { after: mw.after, act: () => void (mw.cmd.check(m) && mw.cmd.run(m, r)) };
    await r.sys.sync(this.lane, this.cut ?? undefined, during ?? undefined);
    r.sys.server.clearFaults();
  }
  toString = () => `sync(${this.lane ? 'cli' : 'app'}${this.faults.length ? `, faults ${JSON.stringify(this.faults)}` : ''}${this.cut ? `, killed after ${this.cut.after} (${this.cut.how})` : ''}${this.meanwhile ? `, before request ${this.meanwhile.after}: ${this.meanwhile.cmd.toString()}` : ''})`;
}

export class Overtake implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    r.last = this.toString();
    await r.sys.overtake(this.ms);
  }
  toString = () => `overtake(cli pass slowed ${this.ms} ms outlives its lease; the app takes over)`;
}

class SyncBoth implements Cmd {
  check = () => true;
  async run(_m: Model, r: Real) {
    r.last = this.toString();
    await r.sys.syncBoth();
  }
  toString = () => 'sync(app and cli at once)';
}

const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'] as const;
const fault: fc.Arbitrary<{ method?: string; fault: Fault; times: number }> = fc.record({
  method: fc.option(fc.constantFrom(...METHODS), { nil: undefined }),
  fault: fc.oneof(
    fc.constant<Fault>({ kind: 'reset' }),
    fc.constant<Fault>({ kind: 'timeout' }),
    fc.integer({ min: 1, max: 40 }).map((ms): Fault => ({ kind: 'latency', ms })),
    fc.constantFrom(500, 503).map((status): Fault => ({ kind: 'status', status })),
    fc.integer({ min: 1, max: 900 }).map((s): Fault => ({ kind: 'status', status: 429, retryAfter: String(s) })),
  ),
  times: fc.integer({ min: 1, max: 3 }),
}, { requiredKeys: ['fault', 'times'] });

const cut: fc.Arbitrary<Cut | null> = fc.option(
  fc.record({ after: fc.integer({ min: 0, max: 4 }), how: fc.constantFrom<Cut['how']>('lost', 'unsent') }), { nil: null, freq: 2 });

export function commands(o: { dateOnly: boolean }): fc.Arbitrary<Iterable<Cmd>> {
  const d = fc.integer({ min: 0, max: DESCRIPTIONS.length - 1 });
  const p = fc.integer({ min: 0, max: PROJECTS.length - 1 });
  const seconds = fc.oneof(fc.integer({ min: MIN_SECONDS, max: 3 * 3600 }), fc.constantFrom(5430, 3600, 120, 181));
  // Around 23:00–01:00 often, so date-only providers get entries across local midnight.
  const second = fc.oneof(fc.integer({ min: 0, max: 86_399 }), fc.integer({ min: 82_000, max: 86_399 }));
  const edit = fc.tuple(fc.nat(), fc.record({
    d: d, p: p,
    startShift: fc.integer({ min: -3600, max: 3600 }), endShift: fc.integer({ min: -3600, max: 3600 }),
    days: o.dateOnly ? fc.constantFrom(-1, 1) : fc.constant(0),
  }, { requiredKeys: [] })).map(([n, patch]) => new Edit(n, patch));
  const add = fc.tuple(fc.integer({ min: 1, max: 4 }), second, seconds, d, p).map(([a, b, c, e, f]) => new Add(a, b, c, e, f));
  // Slow answers make "while the request is on the wire" real: the user acts before request n.
  const meanwhile: fc.Arbitrary<Meanwhile | null> = fc.option(fc.record({
    after: fc.integer({ min: 0, max: 2 }),
    cmd: fc.oneof(fc.nat().map((n) => new Delete(n)), edit, add, fc.constant(new Undo())),
  }), { nil: null, freq: 2 });
  // Twice each: they need an entry already synced, which short sequences often lack.
  const remoteEdit = fc.tuple(fc.nat(), fc.record({ description: fc.integer({ min: 0, max: 1 }), project: p }, { requiredKeys: [] })).map(([n, w]) => new RemoteEdit(n, w));
  const remoteDelete = fc.tuple(fc.nat(), fc.constantFrom<RemoteDelete['answer']>('keep-local', 'send-again', 'delete')).map(([n, a]) => new RemoteDelete(n, a));
  return fc.commands([
    add,
    edit,
    fc.nat().map((n) => new Delete(n)),
    fc.constant(new Undo()),
    fc.tuple(d, p).map(([a, b]) => new TimerStart(a, b)),
    fc.constant(new TimerStop()),
    fc.oneof(fc.integer({ min: 1, max: 7200 }), fc.integer({ min: -900, max: -1 })).map((s) => new Clock(s)),
    fc.tuple(fc.constantFrom(0, 0, 1), fc.array(fault, { maxLength: 3 }), cut).map(([l, f, c]) => new Sync(l, f, c)),
    fc.tuple(fc.constantFrom(0, 0, 1), fc.array(fault, { maxLength: 3 }), cut, meanwhile).map(([l, f, c, w]) => new Sync(l, f, c, w)),
    fc.constant(new SyncBoth()),
    fc.integer({ min: 20, max: 60 }).map((ms) => new Overtake(ms)),
    remoteEdit,
    remoteEdit,
    remoteDelete,
    remoteDelete,
  ], { maxCommands: 24, replayPath: process.env.TIMETRAY_MODEL_REPLAY || undefined });
}
