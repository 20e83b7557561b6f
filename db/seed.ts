import { and, count, eq, ne } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { dateToParisLocal } from '@/lib/domain/paris-time';
import { COMMANDS, runCommand } from '@/lib/workflow';
import type { Database } from './client';
import { notices, proposals, sites, userRoles, users } from './schema';
import { type Role } from '@/lib/domain/vocabulary';

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
  const seeded = await db.transaction(async (tx) => {
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
  if (seeded) {
    await seedProposals(db);
    await seedCommittee(db);
    await markTakenUpRead(db);
  }
  return seeded;
}

const SIGNAGE = {
  controller: 'Ville de Puteaux, direction de la prévention',
  purposes: 'Prévention des atteintes aux personnes et aux biens',
  rights: 'Droit d’accès aux images vous concernant (RGPD, art. 15)',
  contact: 'dpo@demo.vigie.test – Hôtel de ville, 131 rue de la République',
  retention: '15 jours',
};

/** A complete diagnostic (DOMAIN.md rule 5), concluded "opportune with conditions". */
const CONCLUDED_DIAGNOSTIC = {
  delinquencyFacts: [
    { type: 'drug_trafficking', year: 2024, count: 12 },
    { type: 'drug_trafficking', year: 2025, count: 19 },
    { type: 'vandalism', year: 2025, count: 7 },
  ],
  siteDescription: 'Résidence de 58 logements, une entrée principale sur le boulevard, hall vitré.',
  actorsConsulted: {
    landlord: 'Hauts-de-Seine Habitat, réunion sur site le 4 février 2026 : favorable.',
    tenants: 'Amicale des locataires, réunion du 11 février 2026 : favorable, demande un bilan.',
    police: 'Référent sûreté du commissariat, avis écrit du 18 février 2026.',
  },
  alternatives: {
    lighting: 'Éclairage renforcé en 2025 : effet constaté la nuit seulement.',
    mediation: 'Médiateurs de la ville deux soirs par semaine depuis 2024 : insuffisant en journée.',
    nightCorrespondents: 'Non présents sur ce secteur ; demande transmise.',
    accessControl: 'Porte à badge posée en 2025, bloquée ouverte à plusieurs reprises.',
    layout: 'Déplacement des bancs réalisé ; réaménagement du parvis non financé.',
  },
  proportionality: 'Une seule caméra, orientée vers le parvis ; les fenêtres et la porte du hall sont masquées.',
  privacyRisks: 'Vue possible sur les fenêtres du rez-de-chaussée : masque fixe, vérifié à la mise en service.',
  expectedEffect: 'Réduction du trafic devant l’entrée ; bilan à un an avec l’amicale.',
  costAssessment: '14 500 € d’investissement et 1 800 € par an, sur le budget prévention.',
  dpiaStatus: 'completed',
  publicSummary: 'Une caméra à l’entrée de la résidence Voltaire, après l’échec de l’éclairage et du contrôle d’accès. Fenêtres et porte masquées.',
  conclusion: 'opportune_with_conditions',
  conditions: 'Bilan contradictoire après un an avec l’amicale des locataires.',
};

const camera = (latitude: number, longitude: number, direction: number, extra: Record<string, unknown> = {}) => ({
  latitude,
  longitude,
  placement: 'outdoor',
  filmsPublicRoad: false,
  type: 'dome',
  mount: 'Façade, 3 m',
  directionDegrees: direction,
  angleDegrees: 90,
  openingsInView: [],
  maskingPlanned: false,
  maskingDescription: '',
  ...extra,
});

/**
 * Proposals in each state of the first half of the lifecycle, made through the same
 * commands the app runs, so their history and the gate are real.
 */
/** What every seeding step needs: the people and sites by name, and `run` (a command that must succeed). */
async function seedContext(db: Database) {
  const [byEmail, bySite] = await Promise.all([
    db.select({ id: users.id, email: users.email }).from(users),
    db.select({ id: sites.id, name: sites.name }).from(sites),
  ]);
  const user = (email: string) => byEmail.find((u) => u.email === email)!.id;
  const site = (name: string) => bySite.find((s) => s.name === name)!.id;
  const run = async <T>(command: Parameters<typeof runCommand>[1], actor: string, input: unknown): Promise<T> => {
    const result = await runCommand(db, command, actor, input);
    if (!result.ok) throw new Error(`seed: ${command.name} failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
    return result.value as T;
  };
  const complete = (siteName: string, title: string, cameras: unknown[], justification: string) => ({
    siteId: site(siteName),
    title,
    cameras,
    purposes: ['assault_theft_drug_trafficking_prevention'],
    retentionDays: 15,
    viewers: 'Opérateurs habilités du centre de supervision urbain (3 personnes)',
    signage: SIGNAGE,
    investmentEuros: 14500,
    yearlyCostEuros: 1800,
    justification,
  });
  return { user, site, run, complete, technician: user('technicien@demo.vigie.test'), officer: user('prevention@demo.vigie.test') };
}

async function seedProposals(db: Database): Promise<void> {
  const { site, run, complete, technician, officer } = await seedContext(db);

  // 1. A draft, still incomplete.
  await run(COMMANDS.createProposal, technician, {
    siteId: site('Cité Lorilleux'),
    title: 'Accès au parking souterrain',
    cameras: [camera(48.8835, 2.2391, 90, { placement: 'indoor', type: 'fixed', mount: 'Plafond de la rampe' })],
    purposes: ['assault_theft_drug_trafficking_prevention'],
    retentionDays: 20,
    justification: 'Vols dans les véhicules signalés par le bailleur.',
  });

  // 2. Submitted: waits for the diagnostic.
  const submitted = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site('Résidence des Bergères'), title: 'Hall du bâtiment A' });
  await run(COMMANDS.submitProposal, technician, {
    ...complete('Résidence des Bergères', 'Hall du bâtiment A', [camera(48.8795, 2.2309, 200)], 'Occupation du hall et dégradations de boîtes aux lettres signalées par les locataires depuis 2024.'),
    proposalId: submitted.id,
    revision: 1,
  });

  // 3. In diagnostic, partly written.
  const inDiagnostic = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site('Les Terrasses du Marché'), title: 'Local des poubelles' });
  await run(COMMANDS.submitProposal, technician, {
    ...complete('Les Terrasses du Marché', 'Local des poubelles', [camera(48.8858, 2.2404, 0, { type: 'fixed' })], 'Dépôts sauvages répétés devant le local, nettoyés chaque semaine par le bailleur.'),
    purposes: ['fly_tipping'],
    proposalId: inDiagnostic.id,
    revision: 1,
  });
  const started = await run<{ id: string }>(COMMANDS.startDiagnostic, officer, { proposalId: inDiagnostic.id });
  await run(COMMANDS.saveDiagnostic, officer, {
    diagnosticId: started.id,
    revision: 1,
    delinquencyFacts: [{ type: 'fly_tipping', year: 2025, count: 41 }],
    siteDescription: 'Local extérieur en pied d’immeuble, donnant sur la rue Eichenberger.',
  });

  // 4. Diagnosed: concluded and signed, ready for the committee.
  const diagnosed = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site('Résidence Voltaire'), title: 'Entrée principale' });
  await run(COMMANDS.submitProposal, technician, {
    ...complete('Résidence Voltaire', 'Entrée principale', [
      camera(48.8762, 2.2386, 160, { openingsInView: ['building_entrance', 'window'], maskingPlanned: true, maskingDescription: 'Masque fixe sur les fenêtres du rez-de-chaussée et la porte du hall.' }),
    ], 'Trafic de stupéfiants devant l’entrée, signalé par l’amicale des locataires.'),
    proposalId: diagnosed.id,
    revision: 1,
  });
  const diagnostic = await run<{ id: string }>(COMMANDS.startDiagnostic, officer, { proposalId: diagnosed.id });
  await run(COMMANDS.concludeDiagnostic, officer, { diagnosticId: diagnostic.id, revision: 1, confirmed: true, ...CONCLUDED_DIAGNOSTIC });

}

type Choice = 'for' | 'against' | 'abstain';

/**
 * The committee at work (issue 7's demo): a closed past session whose files ended in each
 * outcome, an upcoming convened session with an agenda, and a session held today with a
 * vote open, so that a visitor signing in as a member can vote at once. All through the
 * commands, so the records, counts and histories are the real ones.
 */
async function seedCommittee(db: Database): Promise<void> {
  const { user, site, run, complete, technician, officer } = await seedContext(db);
  const chair = user('presidence@demo.vigie.test');
  const members = [1, 2, 3, 4, 5].map((n) => user(`membre${n}@demo.vigie.test`));
  const everyone = [chair, ...members];
  const at = (days: number, hour: number) => {
    const day = new Date(Date.now() + days * 86_400_000);
    return `${dateToParisLocal(day).slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
  };

  /** A file taken through diagnostic and onto the committee's review. */
  const fileUnderReview = async (siteName: string, title: string, latitude: number, longitude: number, justification: string) => {
    const { id } = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site(siteName), title });
    await run(COMMANDS.submitProposal, technician, { ...complete(siteName, title, [camera(latitude, longitude, 120)], justification), proposalId: id, revision: 1 });
    const diagnostic = await run<{ id: string }>(COMMANDS.startDiagnostic, officer, { proposalId: id });
    await run(COMMANDS.concludeDiagnostic, officer, { diagnosticId: diagnostic.id, revision: 1, confirmed: true, ...CONCLUDED_DIAGNOSTIC });
    await run(COMMANDS.scheduleReview, chair, { proposalId: id, confirmed: true });
    return id;
  };

  /** A session with its agenda, convened (with a reason when it is late) and, if `held`, held with everyone present. */
  const session = async (scheduledAt: string, files: string[], { held }: { held: boolean }) => {
    const { id: sessionId } = await run<{ id: string }>(COMMANDS.planSession, chair, { scheduledAt, place: 'Hôtel de ville, salle du conseil municipal' });
    const items: string[] = [];
    for (const [i, proposalId] of files.entries()) {
      items.push((await run<{ id: string }>(COMMANDS.addToAgenda, chair, { sessionId, proposalId, rapporteurId: members[i % members.length] })).id);
    }
    await run(COMMANDS.conveneSession, chair, { sessionId, reason: 'Séance de démonstration, convoquée à la date de l’installation.' });
    if (held) await run(COMMANDS.holdSession, chair, { sessionId, attendance: everyone.map((memberId) => ({ memberId, status: 'present' })) });
    return { sessionId, items };
  };

  /** Votes in the order of `everyone` (the chair first), then the close. */
  const voteAndClose = async (itemId: string, choices: Choice[]) => {
    await run(COMMANDS.openItemVote, chair, { itemId });
    for (const [i, choice] of choices.entries()) await run(COMMANDS.castVote, everyone[i]!, { itemId, choice });
    return run<{ outcome: string; decisionId: string }>(COMMANDS.closeItemVote, chair, { itemId });
  };

  // A closed session, a month ago: one file in each outcome.
  const favourable = await fileUnderReview('Résidence des Bergères', 'Parking extérieur', 48.8797, 2.2312, 'Vols et dégradations de véhicules sur le parking, 23 plaintes en 2025.');
  const withConditions = await fileUnderReview('Cité Lorilleux', 'Local vélos', 48.8837, 2.2387, 'Vols répétés dans le local vélos malgré deux changements de serrure.');
  const unfavourable = await fileUnderReview('Les Terrasses du Marché', 'Aire de jeux', 48.8856, 2.2404, 'Regroupements en soirée signalés par quelques locataires.');
  const adjourned = await fileUnderReview('Résidence Voltaire', 'Cour intérieure', 48.8760, 2.2389, 'Dégradations des boîtes aux lettres et du hall arrière.');
  const past = await session(at(-30, 18), [favourable, withConditions, unfavourable, adjourned], { held: true });
  const [itemFavourable, itemConditions, itemUnfavourable, itemAdjourned] = past.items as [string, string, string, string];
  await run(COMMANDS.proposeConditions, chair, {
    itemId: itemConditions,
    revision: 1,
    conditions: [
      { kind: 'masking', text: 'Masquer les fenêtres des logements du rez-de-chaussée visibles depuis le local.', dueDate: at(60, 0).slice(0, 10) },
      { kind: 're_review', text: 'Bilan au comité un an après la mise en service.', dueDate: null },
    ],
  });
  const signed = async (decisionId: string, reasons: string, publicSummary: string, conditions: unknown[] = []) =>
    run(COMMANDS.signDecision, chair, { decisionId, revision: 1, conditions, reasons, publicSummary });
  const a = await voteAndClose(itemFavourable, ['for', 'for', 'for', 'for', 'for', 'against']);
  await signed(a.decisionId, 'Faits nombreux et documentés, alternatives essayées, une caméra orientée vers le seul parking.', 'Avis favorable à une caméra sur le parking extérieur des Bergères.');
  const b = await voteAndClose(itemConditions, ['for', 'for', 'for', 'for', 'against', 'abstain']);
  await signed(
    b.decisionId,
    'Caméra utile contre les vols, à condition de masquer les fenêtres visibles et de revenir devant le comité dans un an.',
    'Avis favorable sous conditions : masquage des fenêtres et bilan à un an.',
    [
      { kind: 'masking', text: 'Masquer les fenêtres des logements du rez-de-chaussée visibles depuis le local.', dueDate: at(60, 0).slice(0, 10) },
      { kind: 're_review', text: 'Bilan au comité un an après la mise en service.', dueDate: null },
    ],
  );
  const c = await voteAndClose(itemUnfavourable, ['against', 'against', 'against', 'for', 'against', 'abstain']);
  await signed(c.decisionId, 'Faits peu nombreux ; la médiation et l’éclairage n’ont pas été essayés ; une aire de jeux filmée toute la journée est disproportionnée.', 'Avis défavorable : d’autres solutions doivent d’abord être essayées.');
  // The chair abstains: a tie she cannot break, the file goes back to review for the next session.
  await voteAndClose(itemAdjourned, ['abstain', 'for', 'for', 'against', 'against', 'abstain']);
  await run(COMMANDS.returnAdjournedFile, chair, { proposalId: adjourned, to: 'review' });
  await run(COMMANDS.closeSession, chair, { sessionId: past.sessionId });
  // The three signed opinions are in the public register.
  for (const decided of [a, b, c]) await run(COMMANDS.publishDecision, chair, { decisionId: decided.decisionId });

  // Held today, with its vote open: a member can vote at once.
  const today = await fileUnderReview('Cité Lorilleux', 'Entrée rue Lorilleux', 48.8835, 2.2390, 'Trafic de stupéfiants dans le hall, signalé par le bailleur et l’amicale.');
  const held = await session(at(0, 0), [today], { held: true });
  await run(COMMANDS.openItemVote, chair, { itemId: held.items[0] });

  // Convened for in ten days: the adjourned file comes back, with a new one.
  const upcoming = await fileUnderReview('Les Terrasses du Marché', 'Passage couvert', 48.8858, 2.2400, 'Agressions signalées dans le passage couvert entre les deux bâtiments.');
  await session(at(10, 18), [adjourned, upcoming], { held: false });
}

/**
 * The prevention officer has read the notices of the files already past their submission:
 * only "Hall du bâtiment A", still to diagnose, waits unread.
 */
async function markTakenUpRead(db: Database): Promise<void> {
  const { run, officer } = await seedContext(db);
  const taken = await db
    .select({ id: notices.id })
    .from(notices)
    .innerJoin(proposals, eq(proposals.id, notices.proposalId))
    .where(and(eq(notices.recipientId, officer), ne(proposals.state, 'submitted')));
  for (const notice of taken) await run(COMMANDS.markNoticeRead, officer, { noticeId: notice.id });
}
