import { writeSync } from 'node:fs';

/**
 * Writes straight to a file descriptor, falling back to `stream` for good at the first error
 * (EAGAIN on a non-blocking pipe, EPIPE, anything): that stream then sees exactly what it saw
 * before. Touching process.stdout builds a stream (for a terminal, the whole net/tty stack)
 * that a one-line answer does not need: ~5 ms of a `timetray status` (profiled). On Linux the
 * stream writes files, pipes and terminals synchronously too, so the order is the same.
 */
export function directOut(fd: number, stream: () => NodeJS.WritableStream): (text: string) => void {
  let direct = true;
  return (text) => {
    if (!direct) {
      stream().write(text);
      return;
    }
    const buf = Buffer.from(text, 'utf8');
    let at = 0;
    try {
      while (at < buf.length) at += writeSync(fd, buf, at);
    } catch {
      direct = false;
      stream().write(buf.subarray(at));
    }
  };
}
