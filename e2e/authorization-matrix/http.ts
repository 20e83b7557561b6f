import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import frErrors from '../../lib/i18n/messages/fr/errors';

/**
 * The HTTP side of the authorization matrix (e2e/authorization-matrix.spec.ts): what the
 * code says exists (commands, route handlers, staff pages, the build's server actions),
 * how a browser posts a server action, and what an answer means.
 */

/** Who asks: nobody, each role, the author of the test's file and another technician, a member recused on it. */
export const ACTORS = ['anonymous', 'author', 'otherTechnician', 'diagnostician', 'member', 'recusedMember', 'chair', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * What came of a request: done ('ok'), sent elsewhere ('redirect'), sent to sign in,
 * refused (forbidden, not_found, invalid input, unauthenticated, a state conflict), an
 * action the page does not run ('not_run'), or a server error.
 */
export type Outcome = 'ok' | 'redirect' | 'signin' | 'forbidden' | 'not_found' | 'invalid' | 'unauthenticated' | 'conflict' | 'not_run' | 'server_error' | 'other';

// ---------------------------------------------------------------------------------------
// What exists, read from the code.

/** The names in `export const COMMANDS = { … }` (lib/workflow/index.ts): shorthand entries only, anything else fails. */
export function commandNames(source: string): string[] {
  const body = /export const COMMANDS = \{([\s\S]*?)\} as const;/.exec(source)?.[1];
  if (!body) throw new Error('COMMANDS not found in lib/workflow/index.ts');
  const entries = body
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const odd = entries.filter((e) => !/^\w+$/.test(e));
  if (odd.length) throw new Error(`COMMANDS entries this test cannot read: ${odd.join(', ')}`);
  return entries;
}

function filesNamed(dir: string, name: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => path.basename(f) === name).map((f) => f.split(path.sep).join('/'));
}

/** A folder of app/ as a URL path: route groups `(x)` are not part of it. */
const urlPath = (folder: string) => ('/' + folder.split('/').filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s)).join('/')).replace(/\/$/, '') || '/';

/** Every page under app/espace, as its path with its dynamic segments ('/espace/propositions/[id]'). */
export function staffPages(dir: string): string[] {
  return filesNamed(dir, 'page.tsx').map((f) => urlPath(`espace/${path.posix.dirname(f)}`));
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Every exported method of every route handler under app/, as 'GET /api/health'. */
export function routeHandlers(dir: string): string[] {
  const found: string[] = [];
  for (const file of filesNamed(dir, 'route.ts')) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const methods = new Set<string>();
    for (const [, m] of source.matchAll(/export\s+(?:async\s+)?(?:const|function|let)\s+(\w+)/g)) if (METHODS.includes(m!)) methods.add(m!);
    for (const [, list] of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) for (const m of list!.split(',').map((s) => s.trim())) if (METHODS.includes(m)) methods.add(m);
    for (const [, list] of source.matchAll(/export\s+\{([^}]*)\}/g)) for (const m of list!.split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!)) if (METHODS.includes(m)) methods.add(m);
    const route = urlPath(path.posix.dirname(file));
    for (const m of methods) found.push(`${m} ${route}`);
  }
  return found;
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  exportedName?: string;
}

/** The build's server actions by exported name, and a staff page that renders each (its ids filled in). */
export function actionIdsByName(manifestPath: string) {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { node: Record<string, ManifestEntry> };
  const byName = new Map<string, { id: string; workers: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.exportedName) throw new Error(`server action ${id} has no exported name in the manifest`);
    byName.set(entry.exportedName, { id, workers: Object.keys(entry.workers) });
  }
  return {
    get: (name: string) => byName.get(name)?.id,
    keys: () => byName.keys(),
    /** The first staff page the action is rendered on, e.g. 'app/espace/seances/[id]/page' → '/espace/seances/<session id>'. */
    pageOf(name: string, ids: { proposal: string; site: string; user: string; session: string; reference: string }): string {
      const workers = byName.get(name)?.workers.filter((w) => w.startsWith('app/espace/')) ?? [];
      const worker = workers.sort((a, b) => a.length - b.length)[0];
      if (!worker) throw new Error(`server action ${name} is rendered on no staff page`);
      const byFolder: Record<string, string> = { propositions: ids.proposal, seances: ids.session, comptes: ids.user, sites: ids.site };
      const segments = urlPath(worker.replace(/^app\//, '').replace(/\/page$/, '')).split('/');
      return segments.map((s, i) => (s === '[id]' ? byFolder[segments[i - 1]!]! : s === '[reference]' ? ids.reference : s)).join('/');
    },
  };
}

/** A datetime-local value in Paris time ("2026-11-26T14:05"), as the chair types it. */
export function parisLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

// ---------------------------------------------------------------------------------------
// Posting a server action as a browser does.

/** A one-button form without JavaScript: a multipart post to the page with `$ACTION_ID_<id>`. */
export function postButtonAction(context: APIRequestContext, url: string, id: string, fields: Record<string, string>): Promise<APIResponse> {
  return context.post(url, { multipart: { [`$ACTION_ID_${id}`]: '', ...fields }, maxRedirects: 0 });
}

/**
 * A useActionState form with JavaScript: React encodes the arguments (previous state,
 * form data) as multipart, the form’s fields under the prefix `_1_`, the `Next-Action`
 * header naming the action.
 */
export function postFormAction(context: APIRequestContext, url: string, id: string, fields: Record<string, string>): Promise<APIResponse> {
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  // The root last, as React sends it: the server reads the fields it refers to as they arrive.
  multipart.append('0', '[{},"$K1"]');
  return context.post(url, { multipart, headers: { 'Next-Action': id, Accept: 'text/x-component' }, maxRedirects: 0 });
}

/** A client form posting its values (the proposal and diagnostic forms): the arguments as JSON. */
export function postValuesAction(context: APIRequestContext, url: string, id: string, values: unknown): Promise<APIResponse> {
  return context.post(url, {
    data: JSON.stringify([values]),
    headers: { 'Next-Action': id, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    maxRedirects: 0,
  });
}

// ---------------------------------------------------------------------------------------
// What an answer means.

const CODE_BY_MESSAGE = new Map(Object.entries(frErrors.errors).map(([code, message]) => [message, code]));

function outcomeOfCode(code: string): Outcome {
  if (code === 'forbidden' || code === 'not_found' || code === 'invalid' || code === 'unauthenticated') return code;
  if (code.startsWith('conflict:')) return 'conflict';
  if (code === 'invalid:query') return 'invalid';
  if (code === 'internal') return 'server_error';
  return 'other';
}

const toSignIn = (location: string) => /^\/connexion(\?|$)/.test(new URL(location, 'http://app').pathname + new URL(location, 'http://app').search);

/** A page's or a route handler's answer. */
export function classifyResponse(response: APIResponse): { outcome: Outcome; detail: string } {
  const status = response.status();
  const location = response.headers()['location'];
  const detail = `${status}${location ? ` → ${location}` : ''}`;
  if (status >= 500) return { outcome: 'server_error', detail };
  if (status >= 300 && status < 400) return { outcome: location && toSignIn(location) ? 'signin' : 'redirect', detail };
  if (status >= 200 && status < 300) return { outcome: 'ok', detail };
  const byStatus: Record<number, Outcome> = { 400: 'invalid', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'invalid' };
  return { outcome: byStatus[status] ?? 'other', detail };
}

/** The value the action returned, from the flight answer: row 0 names the row that holds it (`"a":"$@<row>"`). */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const root = JSON.parse(rows.get('0') ?? 'null') as { a?: string } | null;
  const ref = /^\$@([0-9a-f]+)$/.exec(root?.a ?? '')?.[1];
  return ref === undefined ? undefined : JSON.parse(rows.get(ref) ?? 'null');
}

/** A server action's answer: a redirect (with `?ok=` or `?erreur=<code>`), or the state it returned with its translated message. */
export function classifyAction(response: APIResponse, body: string): { outcome: Outcome; detail: string; location?: string } {
  const status = response.status();
  const headers = response.headers();
  const location = headers['x-action-redirect']?.replace(/;(push|replace)$/, '') ?? headers['location'];
  if (status >= 500) return { outcome: 'server_error', detail: `${status} ${body.slice(0, 200)}` };
  if (location) {
    if (toSignIn(location)) return { outcome: 'signin', detail: `${status} → ${location}`, location };
    const error = new URL(location, 'http://app').searchParams.get('erreur');
    return error ? { outcome: outcomeOfCode(error), detail: `→ ${location}`, location } : { outcome: 'ok', detail: `→ ${location}`, location };
  }
  const type = headers['content-type'] ?? '';
  // An action posted to a page that does not render it: without JavaScript, Next says it has no such action
  // here; with it, Next forwards the post to a page that has it, behind the staff area's sign-in, and gets nothing back.
  if (headers['x-nextjs-action-not-found'] === '1') return { outcome: 'not_run', detail: `${status} ${body.slice(0, 100)}` };
  if (type.startsWith('application/json') && body.trim() === '{}') return { outcome: 'not_run', detail: `${status} {}` };
  if (type.startsWith('text/x-component')) {
    const result = actionResult(body) as { ok?: boolean; message?: string } | undefined;
    if (result?.ok === true) return { outcome: 'ok', detail: result.message ?? 'ok' };
    const code = result?.message ? CODE_BY_MESSAGE.get(result.message) : undefined;
    return { outcome: code ? outcomeOfCode(code) : 'other', detail: JSON.stringify(result ?? body).slice(0, 600) };
  }
  return { outcome: classifyResponse(response).outcome, detail: `${status} ${type}` };
}
