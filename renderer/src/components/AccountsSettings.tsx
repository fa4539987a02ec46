/**
 * Accounts: where entries sync to. The token is typed here and handed to main once; main keeps it
 * in the system's encrypted store and never sends it back, so the form never shows it again.
 */
import { useState } from 'react';
import type { ConnectionResult } from '../../../shared/catalog';
import { PROVIDERS, type Provider } from '../../../shared/entry';
import { ValidationError, type FieldIssue } from '../../../shared/errors';
import { REQUIRED_CONTEXT, type AccountForm } from '../../../shared/schemas';
import { issueFor } from '../format';
import type { AppActions, AppState } from '../store';

const CONTEXT_FIELDS: Record<Provider, { key: 'org' | 'tenant' | 'administration' | 'user'; label: string }[]> = {
  voltasis: [{ key: 'org', label: 'Organisation id (optional)' }],
  kantata: [],
  kukkingu: [{ key: 'tenant', label: 'Tenant id' }],
  expensicat: [],
  moneybird: [{ key: 'administration', label: 'Administration id' }, { key: 'user', label: 'User id' }],
};

const EMPTY = { name: '', provider: 'voltasis' as Provider, base_url: '', org: '', tenant: '', administration: '', user: '', token: '' };

export function AccountsSettings({ s }: { s: AppState & AppActions }) {
  const [f, setF] = useState(EMPTY);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const [result, setResult] = useState<Record<string, ConnectionResult | string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [refused, setRefused] = useState<Record<string, boolean>>({});
  const [removed, setRemoved] = useState<string | null>(null);

  const form = () => {
    const out: Record<string, string> = { name: f.name, provider: f.provider, base_url: f.base_url };
    for (const c of CONTEXT_FIELDS[f.provider]) if (f[c.key].trim()) out[c.key] = f[c.key];
    if (f.token) out.token = f.token;
    return out;
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
  async function test(key: string, target: Record<string, string>) {
    const r = await run(key, () => s.bridge.accounts.test(target));
    if (r) setResult({ ...result, [key]: r });
  }
  async function add() {
    const a = await run('new', () => s.bridge.accounts.add(form() as unknown as AccountForm));
    if (a) {
      setF(EMPTY);
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
  const field = (name: keyof typeof EMPTY, label: string, type = 'text') => {
    const problem = issueFor(issues, name);
    return (
      <label className="field" key={name}>
        <span>{label}</span>
        <input aria-label={`Account ${label}`} type={type} value={f[name]} autoComplete="off" aria-invalid={problem ? true : undefined}
          onChange={(e) => setF({ ...f, [name]: e.target.value })} />
        {problem && <span role="alert" className="error" data-field={name}>{problem}</span>}
      </label>
    );
  };

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
          <select aria-label="Account service" value={f.provider} onChange={(e) => setF({ ...f, provider: e.target.value as Provider })}>
            {PROVIDERS.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        {field('name', 'Name')}
        {field('base_url', 'Base URL')}
        {CONTEXT_FIELDS[f.provider].map((c) => field(c.key, c.label + (REQUIRED_CONTEXT[f.provider].includes(c.key) ? ' (required)' : '')))}
        {field('token', 'API token', 'password')}
        <p className="muted hint">
          {s.secretStorage === 'encrypted' ? 'The token is stored encrypted by your system’s keychain and never shown again.'
            : 'This browser host keeps typed tokens in memory only, until it stops; the desktop app stores them encrypted.'}
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
