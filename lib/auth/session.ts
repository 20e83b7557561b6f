import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { loadActor, type Actor } from './actor';
import { can, type Permission } from './permissions';

/** The signed-in, active person on this request, re-read from the database (once per request). */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return loadActor(getDb(), session?.user?.id);
});

/** For pages: anonymous (or deactivated) visitors go to the sign-in page. */
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

/** For server actions and route handlers: the id to hand to runCommand, which re-checks everything. */
export async function sessionUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}
