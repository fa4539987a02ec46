import { monotonicFactory } from 'ulid';

/** Sortable local ids (ULID): creation order survives export, import and sync. */
export const newId: () => string = monotonicFactory();
