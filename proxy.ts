import NextAuth from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authConfig } from './auth.config';
import { cachedPageHit, cachedPageResponse, isCacheablePageRequest } from './lib/page-cache';
import { contentSecurityPolicy, isCrossSiteWrite, newNonce, securityHeaders } from './lib/security-headers';

const { auth } = NextAuth(authConfig);

const production = process.env.NODE_ENV === 'production';
const SECURITY_HEADERS = securityHeaders(production);
// The SSO provider: the sign-in form's answer sends the browser there (form-action).
const issuer = process.env.AUTH_OIDC_ISSUER;
const SSO_ORIGIN = issuer && URL.canParse(issuer) ? new URL(issuer).origin : null;
// next-auth's OIDC callback (auth.ts names the provider "ville"): a provider answering with
// form_post posts it from its own origin; next-auth checks its state and PKCE cookies.
const OIDC_CALLBACK = '/api/auth/callback/ville';
// Staff routes that answer script in JSON and check the session themselves (runCommand):
// a signed-out caller gets their 401, not the sign-in page, and the vote, sent by twenty
// members at once, skips a second decoding and re-signing of the session cookie here.
const JSON_ROUTES = new Set(['/espace/seances/vote']);
// Next refuses a server action's body over 1 MB (its default) with a bare 500: a form
// post that announces more is answered here, before it is read, with a 413.
const MAX_BODY_BYTES = 1024 * 1024;

function decodable(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * next-auth's query values are addresses and tokens: each must decode. Next hands the proxy
 * a malformed escape ("%E0") re-encoded ("%25E0"), so it shows in the decoded value, while
 * next-auth reads the raw address (U+FFFD) and fails on it with an "error=Configuration" detour.
 */
function malformedQuery(url: URL): boolean {
  return [...url.searchParams.values()].some((value) => !decodable(value) || value.includes('\uFFFD'));
}

/** The request as Next renders it: the policy in its headers is where Next finds the nonce for its scripts. */
function nextWithPolicy(req: NextRequest, policy: string): NextResponse {
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', policy);
  return NextResponse.next({ request: { headers } });
}

/**
 * Only a convenience: sends anonymous visitors of the staff area to the sign-in page.
 * It is not the security boundary; every page and command checks the user itself.
 */
const staffArea = (policy: string) =>
  auth((req) => {
    if (!req.auth?.user?.id) {
      const url = new URL('/connexion', req.nextUrl);
      url.searchParams.set('retour', req.nextUrl.pathname + req.nextUrl.search);
      return NextResponse.redirect(url);
    }
    return nextWithPolicy(req, policy);
  });

function refuse(status: number, api: boolean, fr: string, en: string): Response {
  // No page here: nothing was rendered for this request, so the answer names both languages.
  return api ? NextResponse.json({ error: en, message: fr }, { status }) : new NextResponse(`${fr}\n${en}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

async function route(req: NextRequest, nonce: string, policy: string): Promise<Response> {
  const { pathname } = req.nextUrl;
  const api = pathname.startsWith('/api/');
  // A form or a script of another site cannot make a signed-in browser change anything here.
  if (isCrossSiteWrite(req.method, req.headers) && !(pathname === OIDC_CALLBACK && req.method === 'POST')) {
    return refuse(403, api, 'Requête refusée : elle vient d’un autre site.', 'Request refused: it comes from another site.');
  }
  const length = Number(req.headers.get('content-length') ?? 0);
  if (req.method === 'POST' && length > MAX_BODY_BYTES) {
    return refuse(413, api, 'Envoi trop volumineux : 1 Mo au plus.', 'Request too large: 1 MB at most.');
  }
  // An address Next cannot decode (a stray "%"): pages get the public "page not found" (404),
  // which names nothing; the target matches no route (an `_` folder never does), so nothing
  // decodes the address again. Checked before next-auth, which would fail on it.
  if (!decodable(pathname) || (pathname.startsWith('/api/auth/') && malformedQuery(req.nextUrl))) {
    if (api) return refuse(400, true, 'Adresse mal formée.', 'Malformed address.');
    const headers = new Headers(req.headers);
    headers.set('content-security-policy', policy);
    return NextResponse.rewrite(new URL('/_introuvable', req.nextUrl), { request: { headers } });
  }
  // next-auth's wrapper passes its second argument on to the callback above, which needs none.
  if ((pathname === '/espace' || pathname.startsWith('/espace/')) && !JSON_ROUTES.has(pathname)) return (await staffArea(policy)(req, { params: Promise.resolve({}) })) ?? nextWithPolicy(req, policy);
  // Public pages never go through next-auth here: a resident gets no cookie for reading.
  // Residents' reads of the register: from the page cache when it can answer.
  if (isCacheablePageRequest(req)) {
    const cached = await cachedPageResponse(req, nonce);
    if (cached) return cached;
  }
  return nextWithPolicy(req, policy);
}

function policyFor(req: NextRequest, nonce: string): string {
  return contentSecurityPolicy({
    nonce,
    pathname: req.nextUrl.pathname,
    development: !production,
    formTargets: SSO_ORIGIN && req.nextUrl.pathname === '/connexion' ? [SSO_ORIGIN] : [],
  });
}

function withHeaders(response: Response, policy: string): Response {
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of SECURITY_HEADERS) response.headers.set(name, value);
  return response;
}

/**
 * Every request but the static files': a fresh nonce and its Content-Security-Policy, the
 * security headers on whatever answers (a page, an error, a redirect, this proxy's own
 * refusals), and the Origin check of requests that change state.
 */
export default async function proxy(req: NextRequest) {
  const nonce = newNonce();
  const policy = policyFor(req, nonce);
  return withHeaders(await route(req, nonce, policy), policy);
}

/**
 * The page cache's hits, answered before Next routes the request: the production server
 * (scripts/standalone-server.mjs) asks this first for each GET, and gets exactly what
 * route() above would answer from the cache (same page, its own nonce, same headers)
 * without the cost of Next's router and proxy adapter, which made a kept page several
 * times slower to serve than a static file. Anything else (not cacheable, not kept at the
 * current version) is null and goes through Next and this proxy as usual. Only GET
 * requests reach it, so none of route()'s checks of writes applies; the cache holds only
 * addresses that went through route() once.
 */
async function pageCacheFastPath(url: string, headers: Headers): Promise<Response | null> {
  const req = new NextRequest(url, { headers, method: 'GET' });
  if (!isCacheablePageRequest(req)) return null;
  const nonce = newNonce();
  const hit = await cachedPageHit(req, nonce);
  return hit ? withHeaders(hit, policyFor(req, nonce)) : null;
}
(globalThis as { vigiePageCacheFastPath?: typeof pageCacheFastPath }).vigiePageCacheFastPath = pageCacheFastPath;

// Everything but the build's static files and the icon, which next.config.mjs's headers cover.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)'] };
