/**
 * What a terminal shows it also obeys: an ESC sequence from a server's error text or a pulled
 * description could clear the screen, retitle the window or (OSC 52) fill the clipboard with a
 * command. Every human line the CLI prints passes through here; `--json` and exports do not (JSON
 * escapes C0 itself, and an export is the user's data, not terminal output).
 */

// OSC, DCS, SOS, PM and APC carry a payload up to BEL or ST (ESC \); unterminated, to the end.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const STRING_SEQUENCE = /\x1b[\]PX^_][\s\S]*?(?:\x07|\x1b\\|$)/g;
// CSI: parameters, intermediates, one final byte.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]?/g;
// Any other ESC with the one byte after it (ESC c resets the terminal).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const OTHER_ESCAPE = /\x1b[\s\S]?/g;
// C0 but newline and tab, DEL, and C1 (U+0080–U+009F: 0x9B is CSI on 8-bit terminals).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function terminalText(text: string): string {
  return text.replace(STRING_SEQUENCE, '').replace(CSI, '').replace(OTHER_ESCAPE, '').replace(CONTROL, '');
}
