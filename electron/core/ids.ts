import { monotonicFactory } from 'ulid';

/** Sortable local ids (ULID): creation order survives export, import and sync. */
export const newId: () => string = monotonicFactory();

/** What newId makes; an entry id from outside (an undo, an import) must look like one. */
export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
