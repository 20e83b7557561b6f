import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { loadActor, type Actor, type SessionRef } from './actor';
import { can, type Permission } from './permissions';
import { clientAddress } from './sign-in';

/** This request's session as the JWT names it, with the client address; null when signed out. */
const sessionRef = cache(async (): Promise<SessionRef | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return { userId: session.user.id, sessionId: session.sessionId, address: clientAddress(await headers(), env().TRUSTED_PROXY_HOPS) };
});

/** The signed-in, active person on this request, re-read from the database (once per request). */
export const currentActor = cache(async (): Promise<Actor | null> => loadActor(getDb(), await sessionRef()));

/** For pages: anonymous (or deactivated, or signed-out) visitors go to the sign-in page. */
export async function requireUser(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/connexion');
  return actor;
}

/** For pages: a signed-in person without the role gets the 403 page. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireUser();
  if (!can(actor.roles, permission)) forbidden();
  return actor;
}

/**
 * For server actions and route handlers: who to hand to runCommand, which re-checks
 * everything, the session included.
 */
export async function requestActorRef(): Promise<SessionRef | null> {
  return sessionRef();
}
