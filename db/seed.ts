import { count } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from './client';
import { sites, userRoles, users, type Role } from './schema';

export const DEMO_PASSWORD = 'demo-vigie-2026';

/** Fictional people; the emails are the ones the README and the e2e tests use. */
export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'technicien@demo.vigie.test', name: 'Karim Benali', roles: ['technician'] },
  { email: 'prevention@demo.vigie.test', name: 'Claire Dumoulin', roles: ['diagnostician'] },
  { email: 'presidence@demo.vigie.test', name: 'Hélène Marchand', roles: ['chair', 'member'] },
  { email: 'admin@demo.vigie.test', name: 'Sophie Lefèvre', roles: ['admin'] },
  { email: 'membre1@demo.vigie.test', name: 'Jean-Pierre Roussel', roles: ['member'] },
  { email: 'membre2@demo.vigie.test', name: 'Aminata Diallo', roles: ['member'] },
  { email: 'membre3@demo.vigie.test', name: 'Thomas Garnier', roles: ['member'] },
  { email: 'membre4@demo.vigie.test', name: 'Nadia Belkacem', roles: ['member'] },
  { email: 'membre5@demo.vigie.test', name: 'Marc Olivier', roles: ['member'] },
];

/** Fictional social-housing sites placed in real Puteaux streets. */
export const DEMO_SITES = [
  { name: 'Résidence des Bergères', address: '12 rue des Bergères, 92800 Puteaux', landlord: 'Puteaux Habitat (OPH)', dwellings: 214, latitude: 48.8794, longitude: 2.2308 },
  { name: 'Cité Lorilleux', address: '45 rue Lorilleux, 92800 Puteaux', landlord: 'Seine-Ouest Logement', dwellings: 96, latitude: 48.8836, longitude: 2.2389 },
  { name: 'Les Terrasses du Marché', address: '8 rue Eichenberger, 92800 Puteaux', landlord: 'Puteaux Habitat (OPH)', dwellings: 132, latitude: 48.8857, longitude: 2.2402 },
  { name: 'Résidence Voltaire', address: '3 boulevard Richard-Wallace, 92800 Puteaux', landlord: 'Hauts-de-Seine Habitat', dwellings: 58, latitude: 48.8761, longitude: 2.2387 },
];

/**
 * Fills an empty database with the demo setting. Returns false (and changes nothing)
 * when there is already at least one account. Refused in production.
 */
export async function seedDemo(db: Database): Promise<boolean> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The demo seed is refused when NODE_ENV=production.');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) return false;
    const created = await tx
      .insert(users)
      .values(DEMO_USERS.map(({ email, name }) => ({ email, name, passwordHash })))
      .returning({ id: users.id, email: users.email });
    const idByEmail = new Map(created.map((u) => [u.email, u.id]));
    await tx.insert(userRoles).values(
      DEMO_USERS.flatMap((u) => u.roles.map((role) => ({ userId: idByEmail.get(u.email)!, role }))),
    );
    await tx.insert(sites).values(DEMO_SITES);
    return true;
  });
}
