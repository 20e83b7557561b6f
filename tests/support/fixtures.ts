import { eq } from 'drizzle-orm';
import { agendaItems, sites, userRoles, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/db/client';
import { COMMANDS, runCommand, type CommandResult } from '@/lib/workflow';
import { type DecisionCondition, type Role } from '@/lib/domain/vocabulary';
import { dateToParisLocal } from '@/lib/domain/paris-time';

let counter = 0;
// Hashing is the slow part: one hash serves every fixture user.
let sharedHash: Promise<string> | undefined;
export const FIXTURE_PASSWORD = 'fixture-password-2026';

export async function makeUser(db: Database, roles: Role[], overrides: { email?: string; active?: boolean; name?: string } = {}) {
  sharedHash ??= hashPassword(FIXTURE_PASSWORD);
  counter += 1;
  const [user] = await db
    .insert(users)
    .values({
      name: overrides.name ?? `Person ${counter}`,
      email: overrides.email ?? `person${counter}-${Date.now()}@example.test`,
      passwordHash: await sharedHash,
      active: overrides.active ?? true,
    })
    .returning();
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId: user!.id, role })));
  return user!;
}

export async function makeSite(db: Database, overrides: Partial<typeof sites.$inferInsert> = {}) {
  const [site] = await db
    .insert(sites)
    .values({ name: 'Résidence Test', address: '1 rue du Test, 92800 Puteaux', landlord: 'Bailleur Test', dwellings: 80, latitude: 48.8846, longitude: 2.2385, ...overrides })
    .returning();
  return site!;
}

/** A proposal that satisfies every rule: tests break one thing at a time. */
export function validProposal(siteId: string) {
  return {
    siteId,
    title: 'Entrée du bâtiment B',
    cameras: [
      {
        latitude: 48.8847,
        longitude: 2.2386,
        placement: 'outdoor' as const,
        regime: 'open_to_public' as const,
        filmsPublicRoad: false,
        type: 'dome' as const,
        mount: 'Façade, 3 m',
        directionDegrees: 180,
        angleDegrees: 90,
        openingsInView: ['building_entrance' as const],
        maskingPlanned: true,
        maskingDescription: 'Masque dynamique sur la porte du hall',
      },
    ],
    purposes: ['assault_theft_drug_trafficking_prevention'],
    retentionDays: 15,
    retentionJustification: '',
    viewers: 'Centre de supervision urbain (2 opérateurs habilités)',
    signage: {
      pictogram: true,
      controller: 'Ville de Puteaux',
      telephone: '01 46 92 92 92',
      purposes: 'Prévention des atteintes aux biens',
      rights: 'Droit d’accès auprès du délégué à la protection des données',
      contact: 'dpo@ville.test',
      retention: '15 jours',
      complaint: 'Réclamation auprès de la CNIL, 3 place de Fontenoy, 75007 Paris',
    },
    investmentEuros: 12000,
    yearlyCostEuros: 1500,
    justification: 'Dégradations répétées du hall depuis 2024.',
  };
}

/** A diagnostic with every section of DOMAIN.md rule 5 filled in. */
export function completeDiagnostic() {
  return {
    delinquencyFacts: [
      { type: 'vandalism' as const, year: 2024, count: 14 },
      { type: 'drug_trafficking' as const, year: 2025, count: 3 },
    ],
    siteDescription: 'Deux bâtiments de 6 étages, hall traversant.',
    actorsConsulted: { landlord: 'Réunion du 3 mars avec le bailleur.', tenants: 'Amicale des locataires consultée le 10 mars.', police: 'Avis du référent sûreté du 12 mars.' },
    alternatives: {
      lighting: 'Éclairage renforcé en 2024, insuffisant seul.',
      mediation: 'Médiateurs présents deux soirs par semaine.',
      nightCorrespondents: 'Correspondants de nuit déjà actifs.',
      accessControl: 'Digicode posé, régulièrement dégradé.',
      layout: 'Réaménagement du hall prévu en 2027.',
    },
    proportionality: 'Une caméra, champ limité au hall.',
    privacyRisks: 'Vue sur la porte : masquage dynamique.',
    expectedEffect: 'Baisse des dégradations du hall.',
    costAssessment: '12 000 € puis 1 500 € par an.',
    // No impact assessment required, with its reasons: the file can be filed at the prefecture (lib/domain/dpia.ts).
    dpiaStatus: 'not_required' as const,
    dpiaNotRequiredReason: 'Une caméra de hall sans vue sur la voie publique ; avis du délégué à la protection des données : pas de risque élevé.',
    publicSummary: 'Une caméra au hall du bâtiment B, après échec de l’éclairage et du digicode.',
    conclusion: 'opportune_with_conditions' as const,
    conditions: 'Bilan après un an.',
  };
}

/** The value of a command that must succeed; anything else fails the test with the refusal. */
export async function ok<R>(promise: Promise<CommandResult<R>>): Promise<R> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

/**
 * How a test wants the diagnostic concluded: `diagnostic` replaces fields of
 * completeDiagnostic() (another impact assessment status…); `beforeConclusion` runs on the
 * draft first (attaching the assessment's document…).
 */
export interface DiagnosticChoice {
  diagnostic?: Record<string, unknown>;
  beforeConclusion?: (diagnosticId: string) => Promise<unknown>;
}

/** A file taken through submission and a signed diagnostic onto the committee's review, by these people. */
export async function fileUnderReview(
  db: Database,
  people: { technician: { id: string }; officer: { id: string }; chair: { id: string } },
  siteId: string,
  choice: DiagnosticChoice = {},
): Promise<string> {
  const { technician, officer, chair } = people;
  const { id } = await ok(runCommand(db, COMMANDS.createProposal, technician.id, validProposal(siteId)));
  await ok(runCommand(db, COMMANDS.submitProposal, technician.id, { ...validProposal(siteId), proposalId: id, revision: 1 }));
  const started = await ok(runCommand(db, COMMANDS.startDiagnostic, officer.id, { proposalId: id }));
  await choice.beforeConclusion?.(started.id);
  await ok(runCommand(db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), ...choice.diagnostic, diagnosticId: started.id, revision: 1, confirmed: true }));
  await ok(runCommand(db, COMMANDS.scheduleReview, chair.id, { proposalId: id, confirmed: true }));
  return id;
}

type Person = { id: string };

/** The people a register test needs: a chair (also a member), two members, a technician and a prevention officer. */
export async function committeePeople(db: Database): Promise<{ technician: Person; officer: Person; chair: Person; members: Person[] }> {
  return {
    chair: await makeUser(db, ['chair', 'member']),
    members: [await makeUser(db, ['member']), await makeUser(db, ['member'])],
    technician: await makeUser(db, ['technician']),
    officer: await makeUser(db, ['diagnostician']),
  };
}

/**
 * A decision voted and signed by the committee on a new file of this site: one session
 * held an hour ago, everyone present, every member voting `choice`. `votedAt` dates the
 * vote earlier (as if the session had been held then), for tests that record later steps
 * in the past: the prefecture filing cannot precede the vote. Returns the ids a register
 * test needs.
 */
export async function signedDecision(
  db: Database,
  people: { technician: Person; officer: Person; chair: Person; members: Person[] },
  siteId: string,
  wording: { choice?: 'for' | 'against'; reasons?: string; publicSummary?: string; conditions?: DecisionCondition[]; votedAt?: Date } & DiagnosticChoice = {},
): Promise<{ proposalId: string; decisionId: string }> {
  const { chair, members } = people;
  const proposalId = await fileUnderReview(db, people, siteId, wording);
  const session = await ok(runCommand(db, COMMANDS.planSession, chair.id, { scheduledAt: dateToParisLocal(new Date(Date.now() - 3_600_000)), place: 'Salle du conseil' }));
  const { id: itemId } = await ok(runCommand(db, COMMANDS.addToAgenda, chair.id, { sessionId: session.id, proposalId }));
  // Conditions put to the vote make a favourable vote a favourable opinion with conditions.
  if (wording.conditions?.length) await ok(runCommand(db, COMMANDS.proposeConditions, chair.id, { itemId, revision: 1, conditions: wording.conditions }));
  await ok(runCommand(db, COMMANDS.conveneSession, chair.id, { sessionId: session.id, reason: 'Séance extraordinaire' }));
  const voters = [chair, ...members];
  await ok(runCommand(db, COMMANDS.holdSession, chair.id, { sessionId: session.id, attendance: voters.map((m) => ({ memberId: m.id, status: 'present' })) }));
  await ok(runCommand(db, COMMANDS.openItemVote, chair.id, { itemId }));
  for (const m of voters) await ok(runCommand(db, COMMANDS.castVote, m.id, { itemId, choice: wording.choice ?? 'for' }));
  const closed = await ok(runCommand(db, COMMANDS.closeItemVote, chair.id, { itemId, confirmed: true }));
  if (wording.votedAt) await db.update(agendaItems).set({ voteOpenedAt: wording.votedAt, voteClosedAt: wording.votedAt }).where(eq(agendaItems.id, itemId));
  await ok(
    runCommand(db, COMMANDS.signDecision, chair.id, {
      decisionId: closed.decisionId,
      revision: 1,
      conditions: wording.conditions ?? [],
      reasons: wording.reasons ?? 'Diagnostic probant, atteinte à la vie privée maîtrisée par le masquage.',
      publicSummary: wording.publicSummary ?? 'Avis rendu après examen du diagnostic.',
    }),
  );
  return { proposalId, decisionId: closed.decisionId };
}
