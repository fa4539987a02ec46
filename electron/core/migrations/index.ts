import type { Migration } from './types';
import { m001 } from './001-entries-timer-outbox';
import { m002 } from './002-accounts-settings';
import { m003 } from './003-sync';
import { m004 } from './004-catalog';
import { m005 } from './005-sync-trust';
import { m006 } from './006-click-pages';
import { m007 } from './007-attention-index';
import { m008 } from './008-outbox-without-payload';

export type { Migration } from './types';

/** Every schema step, in order. Append only: a released step is never edited. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
