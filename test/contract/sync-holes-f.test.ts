/**
 * Issue 11 hole f, "edits outside the pull window", over the real core, the real sync engine and
 * the real fake servers: before updating a record this pass did not list, the push reads it and
 * merges what another client changed there, so the server keeps that change AND gets the user's.
 * Kukkingu's PUT replaces the whole record: a field only the server holds (billableId) survives.
 * Judged by the server's store AND the local list, against what the user and the other client did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type Provider } from '../../shared/entry';
import { world, type World } from '../helpers/sync';
import { DAY, expectIntent, oneEntryOnAcct } from './sync-holes-kit';

let w: World | null = null;
afterEach(async () => {
  await w?.done();
  w = null;
});

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  it('hole f: outside the pull window, the server edits the description, the user the project — both kept, no false note', async () => {
    w = await world(provider);
    // Older than the 14-day pull window: only a read by id can show the other client's edit.
    const { here, intent, e } = oneEntryOnAcct(w, { start: w.clock.now() - 20 * DAY });
    await w.drain();
    expectIntent(w, intent, here);

    w.server.editRemote(w.server.held()[0]!.id, { description: 'renamed in the web app' });
    intent.edited(e.id, { description: 'renamed in the web app' });
    w.core.entries.edit(e.id, { project_id: '102' });
    intent.edited(e.id, { project_id: '102' });
    await w.drain();
    for (let i = 0; i < 2; i++) await w.sync();

    expectIntent(w, intent, here);
    // Different fields changed on each side: no conflict. The one true thing to note is that the
    // server's edit replaced the description the user had here; nothing about the project.
    const notes = w.core.history.list(e.id).map((n) => ({ fields: n.fields, note: n.note }));
    expect(notes.filter((n) => 'project_id' in n.fields || /edited here and on the server/.test(n.note)), 'a false note').toEqual([]);
    expect(notes).toEqual([{ fields: { description: 'task 1' }, note: 'replaced by an edit on the server' }]);
  });
});

describe('hole f: Kukkingu\'s PUT replaces the whole record', () => {
  it.each([
    ['inside the pull window', 0],
    ['outside the pull window', 20],
  ])('a billable set on the server survives a local edit of the description (%s)', async (_where, daysBack) => {
    w = await world('kukkingu');
    const { here, intent, e } = oneEntryOnAcct(w, daysBack ? { start: w.clock.now() - daysBack * DAY } : {});
    await w.drain();
    const id = w.server.held()[0]!.id;
    w.server.editRemote(id, { billable_ref: 'b1' });

    w.core.entries.edit(e.id, { description: 'task 1, edited' });
    intent.edited(e.id, { description: 'task 1, edited' });
    await w.drain();
    for (let i = 0; i < 2; i++) await w.sync();

    expectIntent(w, intent, here);
    expect(w.server.held().map((h) => ({ id: h.id, billable_ref: h.billable_ref }))).toEqual([{ id, billable_ref: 'b1' }]);
    expect(w.core.history.list(e.id), 'no conflict: a field we never own changed there').toEqual([]);
  });
});
