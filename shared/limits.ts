/** Validation limits, shared by the core, the CLI and the renderer's inline messages. */
export const DESCRIPTION_MAX = 1024;
export const TAGS_MAX = 32;
export const TAG_LENGTH_MAX = 64;
export const ID_LENGTH_MAX = 255;
/** Instants outside this window are typos (a year 0206, a year 20260), not work. */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
export const LATEST_INSTANT = Date.UTC(2100, 0, 1);
/** A longer single entry is a forgotten timer: the user must give its real end. */
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;
/** How far ahead of now an entry may start (clock skew, a planned block later today). */
export const MAX_FUTURE_SECONDS = 24 * 3600;
