/**
 * Accounts: where entries sync to. The token is typed here and handed to main once; main keeps it
 * in the system's encrypted store and never sends it back, so the form never shows it again.
 */
import { useEffect, useState } from 'react';
import type { ConnectionResult } from '../../../shared/catalog';
import type { ProviderInfo } from '../../../shared/entry';
import { ValidationError, type FieldIssue } from '../../../shared/errors';
import type { AccountForm } from '../../../shared/schemas';
import { issueFor } from '../format';
import type { AppActions, AppState } from '../store';
import { tokenStorageHint } from '../token-storage';

// The services and the ids each needs come from core's connector registry (providers.list).
const EMPTY = { name: '', provider: '', base_url: '', token: '', context: {} as Record<string, string> };
type Text = 'name' | 'base_url' | 'token';

export function AccountsSettings({ s }: { s: AppState & AppActions }) {
  const [f, setF] = useState(EMPTY);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const [result, setResult] = useState<Record<string, ConnectionResult | string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [refused, setRefused] = useState<Record<string, boolean>>({});
  const [removed, setRemoved] = useState<string | null>(null);
  const [providers, setProviders] = useState<ProviderInfo[]>([]);
  const chosen = providers.find((p) => p.id === f.provider);

  useEffect(() => {
    void s.bridge.providers.list().then((list) => {
      setProviders(list);
      setF((now) => (now.provider || !list[0] ? now : { ...now, provider: list[0].id, base_url: now.base_url || list[0].default_base_url }));
    });
  }, [s.bridge]);

  /** Another service: its default base URL replaces the field unless the user typed one of their own. */
  const choose = (id: string) => {
    const next = providers.find((p) => p.id === id);
    const untouched = !f.base_url || f.base_url === chosen?.default_base_url;
    setF({ ...f, provider: id, base_url: untouched && next ? next.default_base_url : f.base_url });
  };

  const form = () => {
    const context: Record<string, string> = {};
    for (const c of chosen?.context ?? []) if (f.context[c.key]?.trim()) context[c.key] = f.context[c.key]!;
    return { name: f.name, provider: f.provider, base_url: f.base_url, context, ...(f.token && { token: f.token }) };
  };
  async function run<T>(key: string, fn: () => Promise<T>): Promise<T | null> {
    setBusy(key);
    try {
      const v = await fn();
      setIssues(null);
      return v;
    } catch (e) {
      if (e instanceof ValidationError) setIssues(e.issues);
      else setResult({ ...result, [key]: e instanceof Error ? e.message : String(e) });
      return null;
    } finally {
      setBusy(null);
    }
  }
  /** Refused while changes wait: the refusal is shown with the way out, removing it but keeping its entries here. */
  async function remove(name: string, keepLocal: boolean) {
    setBusy(name);
    try {
      const r = await s.bridge.accounts.remove(name, { keep_local: keepLocal });
      setRefused({ ...refused, [name]: false });
      setResult({ ...result, [name]: '' });
      await s.loadAccounts();
      await s.refresh();
      const kept = r ? `${r.kept_local} entr${r.kept_local === 1 ? 'y stays' : 'ies stay'} on this computer` : 'its entries stay on this computer';
      setRemoved(`Removed ${name}: ${kept}${r?.dropped_changes ? `; ${r.dropped_changes} unsent change${r.dropped_changes === 1 ? '' : 's'} dropped` : ''}.`);
    } catch (e) {
      const message = e instanceof ValidationError ? e.issues.map((i) => i.rule).join('; ') : e instanceof Error ? e.message : String(e);
      setRefused({ ...refused, [name]: e instanceof ValidationError });
      setResult({ ...result, [name]: `Not removed: ${name} ${message}` });
    } finally {
      setBusy(null);
    }
  }
  async function test(key: string, target: Parameters<typeof s.bridge.accounts.test>[0]) {
    const r = await run(key, () => s.bridge.accounts.test(target));
    if (r) setResult({ ...result, [key]: r });
  }
  async function add() {
    const a = await run('new', () => s.bridge.accounts.add(form() satisfies AccountForm));
    if (a) {
      setF({ ...EMPTY, provider: f.provider, base_url: chosen?.default_base_url ?? '' });
      setResult({});
      await s.loadAccounts();
    }
  }

  const shownResult = (key: string) => {
    const r = result[key];
    if (!r) return null;
    if (typeof r === 'string') return <span role="status" className="error">{r}</span>;
    return <span role="status" className={r.ok ? 'ok' : 'error'} data-testid={`connection-${key}`}>{r.message}{r.ms ? ` (${Math.round(r.ms)} ms)` : ''}</span>;
  };
  const input = (name: string, label: string, value: string, set: (v: string) => void, type = 'text', help?: string) => {
    const problem = issueFor(issues, name);
    return (
      <label className="field" key={name}>
        <span>{label}</span>
        <input aria-label={`Account ${label}`} type={type} value={value} autoComplete="off" aria-invalid={problem ? true : undefined}
          aria-describedby={help ? `hint-${name}` : undefined} onChange={(e) => set(e.target.value)} />
        {help && <span className="muted hint" id={`hint-${name}`}>{help}</span>}
        {problem && <span role="alert" className="error" data-field={name}>{problem}</span>}
      </label>
    );
  };
  const field = (name: Text, label: string, type = 'text') => input(name, label, f[name], (v) => setF({ ...f, [name]: v }), type);

  return (
    <section className="accounts" aria-label="Accounts">
      <h2>Accounts</h2>
      {s.accounts.length === 0 && <p className="muted">No accounts yet: entries stay on this computer.</p>}
      {removed && <p role="status" data-testid="account-removed">{removed}</p>}
      <ul className="account-list">
        {s.accounts.map((a) => {
          const projects = s.catalog.filter((c) => c.account === a.name && c.kind === 'project').length;
          return (
            <li key={a.id} data-testid="account-row">
              <strong>{a.name}</strong> <span className="chip">{a.provider}</span> <span className="muted">{a.base_url}</span>
              {a.is_default && <span className="chip">default</span>}
              <span className="muted">{a.has_stored_secret ? 'token stored' : a.token_env ? `token from $${a.token_env}` : 'no token'}</span>
              <span className="muted">{projects} project{projects === 1 ? '' : 's'} known</span>
              <button type="button" className="quiet" disabled={busy !== null} onClick={() => void test(a.name, { name: a.name })}>Test connection</button>
              <button type="button" className="quiet" disabled={busy !== null} onClick={() => void run(a.name, async () => {
                const r = await s.bridge.catalog.refresh(a.name);
                setResult({ ...result, [a.name]: r.ok ? { ok: true, status: null, message: `Found ${r.count} projects, tasks and clients`, ms: 0 } : r.error ?? 'failed' });
                await s.loadAccounts();
              })}>Refresh projects</button>
              <button type="button" className="quiet" disabled={busy !== null} onClick={() => void remove(a.name, false)}>Remove</button>
              {refused[a.name] && (
                <button type="button" className="quiet" disabled={busy !== null} onClick={() => void remove(a.name, true)}>Remove, keep entries locally</button>
              )}
              {shownResult(a.name)}
            </li>
          );
        })}
      </ul>
      <form className="account-form" aria-label="Add an account" onSubmit={(e) => { e.preventDefault(); void add(); }} noValidate>
        <h3>Add an account</h3>
        <label className="field"><span>Service</span>
          <select aria-label="Account service" value={f.provider} onChange={(e) => choose(e.target.value)}>
            {providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        {field('name', 'Name')}
        {field('base_url', 'Base URL')}
        {chosen?.context.map((c) => input(`context.${c.key}`, `${c.label} (${c.required ? 'required' : 'optional'})`, f.context[c.key] ?? '',
          (v) => setF({ ...f, context: { ...f.context, [c.key]: v } }), 'text', c.help))}
        {field('token', 'API token', 'password')}
        <p className="muted hint">
          {tokenStorageHint(s.secretStorage, s.host)}
        </p>
        <div className="row">
          <button type="button" className="quiet" disabled={busy !== null} onClick={() => { const { name: _unsaved, ...target } = form(); void test('new', target); }}>Test connection</button>
          <button type="submit" disabled={busy !== null}>Save account</button>
          {busy === 'new' && <span className="muted">Working…</span>}
          {shownResult('new')}
        </div>
      </form>
    </section>
  );
}
