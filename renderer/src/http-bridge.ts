/** The bridge contract over the browser host's HTTP calls and its Server-Sent Events stream. */
import { createBridge, type ChangeEvent, type Envelope, type TimetrayBridge } from '../../shared/bridge';

const KEY = 'timetray-host-token';

/**
 * The host's secret arrives in the URL fragment (never sent to the server, so GET / grants nothing).
 * It leaves the address bar at once, so it is not bookmarked or shown; this tab keeps it for reloads.
 */
function takeToken(): string {
  const fromHash = decodeURIComponent(location.hash.slice(1));
  if (fromHash) {
    sessionStorage.setItem(KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY) ?? '';
}

/** Reads an event stream with fetch, since EventSource cannot send the secret in a header. */
async function stream(token: string, onEvent: (e: ChangeEvent) => void): Promise<void> {
  const res = await fetch('/api/events', { headers: { 'X-Timetray-Token': token }, cache: 'no-store' });
  if (!res.ok || !res.body) throw new Error(`the host answered ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      if (data) onEvent(JSON.parse(data) as ChangeEvent);
    }
  }
}

export function httpBridge(): TimetrayBridge {
  const token = takeToken();
  const listeners = new Set<(e: ChangeEvent) => void>();
  let connected = false;
  const connect = () => {
    connected = true;
    const emit = (e: ChangeEvent) => {
      for (const l of listeners) l(e);
    };
    // Like EventSource: a dropped stream is opened again after a pause.
    const again = () => setTimeout(connect, 2000);
    stream(token, emit).then(again, again);
  };
  return createBridge(
    async (method, args) => {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Timetray-Token': token },
        body: JSON.stringify({ method, args }),
      });
      if (res.status === 403) {
        return { ok: false, error: { name: 'HostError', message: 'the host refused this window: open the address it printed, with its #secret' } };
      }
      if (!res.ok) return { ok: false, error: { name: 'HostError', message: `the host answered ${res.status}` } };
      return (await res.json()) as Envelope;
    },
    (listener) => {
      listeners.add(listener);
      if (!connected) connect();
      return () => listeners.delete(listener);
    },
  );
}
