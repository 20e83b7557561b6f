import { NextResponse, type NextRequest } from 'next/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '@/lib/i18n/config';
import { safeReturnPath } from '@/lib/safe-return-path';

/** The language switch: a plain form post, so it works without JavaScript. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const requested = form?.get('locale');
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  // Back to the page the form was on: only its path is kept, so never another site.
  let back = '/';
  const referer = request.headers.get('referer');
  if (referer && URL.canParse(referer)) {
    const url = new URL(referer);
    back = safeReturnPath(url.pathname + url.search, '/');
  }
  // A relative Location: correct behind any reverse proxy.
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  return response;
}
