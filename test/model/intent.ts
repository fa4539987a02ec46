/**
 * What the user meant, and nothing else: the entries they keep with the fields they last gave
 * them. The model knows no outbox, no refs, no server: the sync suite judges the real servers and
 * the real local list against it (check.ts).
 */
export interface Fields {
  description: string;
  /** Epoch ms, whole seconds (the core keeps seconds). */
  start: number;
  end: number;
  project_id: string;
}

export interface Kept extends Fields {
  id: string;
}

export class Intent {
  /** Live entries by local id, in creation order. */
  readonly live = new Map<string, Fields>();
  /** Deleted entries, newest last, with what Undo would bring back. */
  readonly deleted: Kept[] = [];
  /** The running timer's fields (no end yet), if one runs. */
  timer: Omit<Fields, 'end'> | null = null;
  /** Entries another client edited on the server: a history note about it is expected there. */
  readonly remoteTouched = new Set<string>();
  /** Entries the user chose to keep here only after they were deleted on the server. */
  readonly localOnly = new Set<string>();

  ids(): string[] {
    return [...this.live.keys()];
  }

  /** The n-th live entry (wrapping), for commands that pick one by index. */
  pick(n: number): Kept | null {
    const ids = this.ids();
    if (!ids.length) return null;
    const id = ids[n % ids.length]!;
    return { id, ...this.live.get(id)! };
  }

  add(id: string, f: Fields): void {
    this.live.set(id, { ...f });
  }

  edit(id: string, patch: Partial<Fields>): void {
    const cur = this.live.get(id);
    if (cur) this.live.set(id, { ...cur, ...patch });
  }

  remove(id: string): void {
    const cur = this.live.get(id);
    if (!cur) return;
    this.live.delete(id);
    this.deleted.push({ id, ...cur });
  }

  /** Gone for good: deleted through a way out that Undo does not reverse. */
  forget(id: string): void {
    this.live.delete(id);
  }

  /** Undo brings back the most recently deleted entry, as it was. */
  undo(): Kept | null {
    const e = this.deleted.pop() ?? null;
    if (e) this.live.set(e.id, { description: e.description, start: e.start, end: e.end, project_id: e.project_id });
    return e;
  }
}
