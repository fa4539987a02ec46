/** The bridge contract over the browser host's HTTP calls and Server-Sent Events. */
import { createBridge, type ChangeEvent, type Envelope, type TimetrayBridge } from '../../shared/bridge';

export function httpBridge(): TimetrayBridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="timetray-host-token"]')?.content ?? '';
  const listeners = new Set<(e: ChangeEvent) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      const e = JSON.parse(m.data as string) as ChangeEvent;
      for (const l of listeners) l(e);
    };
  };
  return createBridge(
    async (method, args) => {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Timetray-Token': token },
        body: JSON.stringify({ method, args }),
      });
      if (!res.ok) return { ok: false, error: { name: 'HostError', message: `the host answered ${res.status}` } };
      return (await res.json()) as Envelope;
    },
    (listener) => {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  );
}
