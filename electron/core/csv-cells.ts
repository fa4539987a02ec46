/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return, which some strip
 * first; or their full-width forms, which Numbers normalises) as a formula. Text from servers and
 * other people ends up in our CSVs, so such a text cell is written with a leading apostrophe, which
 * spreadsheets show as text. A cell that already starts with an apostrophe gets one too, so
 * `importText` can take exactly one off and give back what was typed. Numbers are never touched: a
 * negative number is not text someone could have planted.
 */
const TRIGGERS = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEUTRALISED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20']/;

export function neutraliseCell(text: string): string {
  return TRIGGERS.test(text) || text.startsWith("'") ? `'${text}` : text;
}

/** The inverse, for our own exports; a hand-made "'tis" (apostrophe before ordinary text) is left alone. */
export function restoreCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** For csv-stringify: applied to string cells only, so numbers keep their sign. */
export const NEUTRALISING_CAST = { string: neutraliseCell } as const;
