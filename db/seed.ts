import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { dateToParisLocal, parisLocalToDate } from '@/lib/domain/paris-time';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { loadActor } from '@/lib/auth/actor';
import { recordEvent } from '@/lib/workflow/audit';
import { appendEntry, publishSignedDecision } from '@/lib/workflow/register';
import { seedCameras } from './seed-parts/cameras';
import type { Database } from './client';
import { seedQuestions } from './seed-parts/questions';
import { seedObservatory } from './seed-parts/observatory';
import { agendaItems, decisions, diagnostics, notices, proposals, registerEntries, sessions, sites, userRoles, users } from './schema';
import { type Role } from '@/lib/domain/vocabulary';
import { seedJobs } from './seed-parts/jobs';
import { seedAuthorisations } from './seed-parts/authorisations';

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
  { name: 'Résidence Arago', address: '17 rue Arago, 92800 Puteaux', landlord: 'Puteaux Habitat (OPH)', dwellings: 120, latitude: 48.8806, longitude: 2.2356 },
  { name: 'Les Pavillons', address: '30 rue des Pavillons, 92800 Puteaux', landlord: 'Seine-Ouest Logement', dwellings: 74, latitude: 48.8771, longitude: 2.2334 },
  { name: 'Cité Jean-Jaurès', address: '64 rue Jean-Jaurès, 92800 Puteaux', landlord: 'Hauts-de-Seine Habitat', dwellings: 168, latitude: 48.8822, longitude: 2.2371 },
  { name: 'Résidence du Quai', address: '5 quai de Dion-Bouton, 92800 Puteaux', landlord: 'Puteaux Habitat (OPH)', dwellings: 90, latitude: 48.8848, longitude: 2.2428 },
];

/**
 * Fills an empty database with the demo setting. Returns false (and changes nothing)
 * when there is already at least one account, unless `alongsideAccounts` (the bench seeds
 * the demo on top of its generated past, whose accounts hold no role). Refused in production.
 */
export async function seedDemo(db: Database, { alongsideAccounts = false }: { alongsideAccounts?: boolean } = {}): Promise<boolean> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The demo seed is refused when NODE_ENV=production.');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0 && !alongsideAccounts) return false;
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
    // The register's past first: its entries are appended in the order they were published.
    await seedRegisterHistory(db);
    await seedCommittee(db);
    await markTakenUpRead(db);
    // After the vote: the prefect's authorisations and the conditions' follow-up.
    await seedAuthorisations(db);
    // After the vote: cameras put in service once authorised (after seedAuthorisations), one taken out.
    await seedCameras(db);
    // The delinquency observatory: figures for every site (one import, one typed correction).
    await seedObservatory(db, DEMO_SITES.map((s) => s.name));
    // Residents' questions: answered, waiting for an answer, waiting for moderation, rejected.
    await seedQuestions(db);
    // Last: the scheduled jobs run once over everything seeded before (re-reviews, reminders).
    await seedJobs(db);
  }
  return seeded;
}

/** The city's sign (public road, places open to the public): what CSI L251-3, GDPR art. 13 and the CNIL ask. */
export const SIGNAGE = {
  pictogram: true,
  controller: 'Ville de Puteaux, direction de la prévention',
  telephone: '01 23 45 67 89',
  purposes: 'Prévention des atteintes aux personnes et aux biens',
  rights: 'Droit d’accès aux images vous concernant et droit d’en demander l’effacement (RGPD, art. 15 et 17)',
  contact: 'dpo@demo.vigie.test – Hôtel de ville, 131 rue de la République',
  retention: '15 jours',
  complaint: 'Réclamation auprès de la CNIL : www.cnil.fr/plaintes, 3 place de Fontenoy, 75007 Paris',
};

/** A landlord's sign for its common areas: the landlord is the controller. */
export const landlordSignage = (landlord: string, retentionDays = 15) => ({
  ...SIGNAGE,
  controller: `${landlord}, service sûreté du patrimoine`,
  purposes: 'Protection des personnes et des biens dans les parties communes',
  contact: `dpo@bailleur.demo.vigie.test – ${landlord}`,
  retention: `${retentionDays} jours`,
});

/** A complete diagnostic (DOMAIN.md rule 5), concluded "opportune with conditions". */
export const CONCLUDED_DIAGNOSTIC = {
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
  // The prefecture file needs the impact assessment with the DPO's opinion, or the reasons none is required (lib/domain/dpia.ts).
  dpiaStatus: 'not_required',
  dpiaNotRequiredReason: 'Avis du délégué à la protection des données de la ville du 12 février 2026 : une seule caméra, au champ limité et masqué, sans surveillance systématique à grande échelle ; aucune analyse d’impact n’est requise.',
  publicSummary: 'Une caméra à l’entrée de la résidence Voltaire, après l’échec de l’éclairage et du contrôle d’accès. Fenêtres et porte masquées.',
  conclusion: 'opportune_with_conditions',
  conditions: 'Bilan contradictoire après un an avec l’amicale des locataires.',
};

/** A camera of the demo: outdoor, in a place open to the public, unless `extra` says otherwise. */
export const camera = (latitude: number, longitude: number, direction: number, extra: Record<string, unknown> = {}) => ({
  latitude,
  longitude,
  placement: 'outdoor',
  regime: 'open_to_public',
  zone: null,
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

/** `run(command, actor, input)`: a command that must succeed (a seed has no user to tell), its value. */
export function commandRunner(db: Database, label: string) {
  return async <T>(command: Parameters<typeof runCommand>[1], actor: string, input: unknown): Promise<T> => {
    const result = await runCommand(db, command, actor, input);
    if (!result.ok) throw new Error(`${label}: ${command.name} failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
    return result.value as T;
  };
}

/**
 * The purposes that fit the cameras' regimes: the prevention of attacks on people and
 * property (CSI L251-2, 5°) for the public road and places open to the public, the
 * landlord's protection of its common areas for those.
 */
export function purposesFor(cameras: readonly unknown[]): string[] {
  const regimes = new Set(cameras.map((c) => (c as { regime?: string }).regime ?? 'open_to_public'));
  return [
    ...(regimes.has('public_road') || regimes.has('open_to_public') ? ['assault_theft_drug_trafficking_prevention'] : []),
    ...(regimes.has('private_common_area') ? ['common_area_protection'] : []),
  ];
}

/** A complete proposal's fields (what submitting it requires), the demo's usual values around the ones given. */
export const completeProposal = (siteId: string, title: string, cameras: unknown[], justification: string, signage: typeof SIGNAGE = SIGNAGE) => ({
  siteId,
  title,
  cameras,
  purposes: purposesFor(cameras),
  retentionDays: 15,
  viewers: 'Opérateurs habilités du centre de supervision urbain (3 personnes)',
  signage,
  investmentEuros: 14500,
  yearlyCostEuros: 1800,
  justification,
});

/** The sign of a file: the landlord's when its cameras are in the landlord's common areas, else the city's. */
export function signageFor(siteName: string, cameras: readonly unknown[], retentionDays = 15): typeof SIGNAGE {
  const landlord = DEMO_SITES.find((s) => s.name === siteName)?.landlord;
  const commonArea = cameras.length > 0 && cameras.every((c) => (c as { regime?: string }).regime === 'private_common_area');
  return commonArea && landlord ? landlordSignage(landlord, retentionDays) : { ...SIGNAGE, retention: `${retentionDays} jours` };
}

/** What every seeding step needs: the people and sites by name, and `run` (a command that must succeed). */
async function seedContext(db: Database) {
  const [byEmail, bySite] = await Promise.all([
    db.select({ id: users.id, email: users.email }).from(users),
    db.select({ id: sites.id, name: sites.name }).from(sites),
  ]);
  const user = (email: string) => byEmail.find((u) => u.email === email)!.id;
  const site = (name: string) => bySite.find((s) => s.name === name)!.id;
  const run = commandRunner(db, 'seed');
  const complete = (siteName: string, title: string, cameras: unknown[], justification: string) => completeProposal(site(siteName), title, cameras, justification, signageFor(siteName, cameras));
  return { user, site, run, complete, technician: user('technicien@demo.vigie.test'), officer: user('prevention@demo.vigie.test') };
}

/**
 * Proposals in each state of the first half of the lifecycle, made through the same
 * commands the app runs, so their history and the gate are real.
 */
async function seedProposals(db: Database): Promise<void> {
  const { site, run, complete, technician, officer } = await seedContext(db);

  // 1. A draft, still incomplete.
  await run(COMMANDS.createProposal, technician, {
    siteId: site('Cité Lorilleux'),
    title: 'Accès au parking souterrain',
    cameras: [camera(48.8835, 2.2391, 90, { placement: 'indoor', regime: 'private_common_area', zone: 'parking', type: 'fixed', mount: 'Plafond de la rampe' })],
    purposes: ['common_area_protection'],
    retentionDays: 20,
    justification: 'Vols dans les véhicules signalés par le bailleur.',
  });

  // 2. Submitted: waits for the diagnostic.
  const submitted = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site('Résidence des Bergères'), title: 'Hall du bâtiment A' });
  await run(COMMANDS.submitProposal, technician, {
    ...complete(
      'Résidence des Bergères',
      'Hall du bâtiment A',
      [camera(48.8795, 2.2309, 200, { placement: 'indoor', regime: 'private_common_area', zone: 'building', openingsInView: ['door'], maskingPlanned: true, maskingDescription: 'Masque fixe sur les portes des deux logements du rez-de-chaussée.' })],
      'Occupation du hall et dégradations de boîtes aux lettres signalées par les locataires depuis 2024.',
    ),
    proposalId: submitted.id,
    revision: 1,
  });

  // 3. In diagnostic, partly written.
  const inDiagnostic = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site('Les Terrasses du Marché'), title: 'Local des poubelles' });
  await run(COMMANDS.submitProposal, technician, {
    ...complete('Les Terrasses du Marché', 'Local des poubelles', [camera(48.8858, 2.2404, 0, { type: 'fixed', regime: 'public_road', zone: 'town', filmsPublicRoad: true })], 'Dépôts sauvages répétés devant le local, nettoyés chaque semaine par le bailleur.'),
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
      camera(48.8762, 2.2386, 160, { regime: 'public_road', zone: 'entrance', filmsPublicRoad: true, openingsInView: ['building_entrance', 'window'], maskingPlanned: true, maskingDescription: 'Masque fixe sur les fenêtres du rez-de-chaussée et la porte du hall.' }),
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

  /** A file taken through diagnostic and onto the committee's review; its diagnostic's public summary speaks of its own site. */
  const fileUnderReview = async (siteName: string, title: string, latitude: number, longitude: number, justification: string, publicSummary: string, cameraOptions: Record<string, unknown> = {}) => {
    const { id } = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site(siteName), title });
    await run(COMMANDS.submitProposal, technician, { ...complete(siteName, title, [camera(latitude, longitude, 120, cameraOptions)], justification), proposalId: id, revision: 1 });
    const diagnostic = await run<{ id: string }>(COMMANDS.startDiagnostic, officer, { proposalId: id });
    await run(COMMANDS.concludeDiagnostic, officer, { diagnosticId: diagnostic.id, revision: 1, confirmed: true, ...CONCLUDED_DIAGNOSTIC, publicSummary });
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
  const favourable = await fileUnderReview(
    'Résidence des Bergères',
    'Parking extérieur',
    48.8797,
    2.2312,
    'Vols et dégradations de véhicules sur le parking, 23 plaintes en 2025.',
    'Une caméra sur le parking extérieur des Bergères, ouvert sur la rue, après l’échec de l’éclairage ; aucun logement dans le champ.',
    { zone: 'parking' },
  );
  const withConditions = await fileUnderReview(
    'Cité Lorilleux',
    'Local vélos',
    48.8837,
    2.2387,
    'Vols répétés dans le local vélos malgré deux changements de serrure.',
    'Une caméra dans le local vélos de la cité Lorilleux, réservé aux habitants ; deux fenêtres du rez-de-chaussée sont visibles et doivent être masquées.',
    { placement: 'indoor', regime: 'private_common_area', zone: 'building', openingsInView: ['window'], maskingPlanned: true, maskingDescription: 'Masque fixe sur les deux fenêtres du rez-de-chaussée visibles depuis le local.' },
  );
  const unfavourable = await fileUnderReview(
    'Les Terrasses du Marché',
    'Aire de jeux',
    48.8856,
    2.2404,
    'Regroupements en soirée signalés par quelques locataires.',
    'Aire de jeux des Terrasses du Marché, ouverte à tous : faits peu nombreux, médiation et éclairage pas encore essayés.',
  );
  const adjourned = await fileUnderReview(
    'Résidence Voltaire',
    'Cour intérieure',
    48.876,
    2.2389,
    'Dégradations des boîtes aux lettres et du hall arrière.',
    'Cour intérieure de la résidence Voltaire, réservée aux habitants : dégradations établies, les balcons du premier étage sont à masquer.',
    { regime: 'private_common_area', zone: 'building', openingsInView: ['balcony'], maskingPlanned: true, maskingDescription: 'Masque fixe sur les balcons du premier étage.' },
  );
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
  // That session was a month ago: its votes closed that evening, and the three signed
  // opinions entered the public register a week later.
  const heldAt = parisLocalToDate(at(-30, 18))!;
  await db.update(agendaItems).set({ voteClosedAt: heldAt }).where(inArray(agendaItems.id, past.items));
  const chairActor = (await loadActor(db, chair))!;
  for (const decided of [a, b, c]) await db.transaction((tx) => publishSignedDecision(tx, chairActor, decided.decisionId, new Date(heldAt.getTime() + 7 * 86_400_000)));

  // Held today, with its vote open: a member can vote at once.
  const today = await fileUnderReview(
    'Cité Lorilleux',
    'Entrée rue Lorilleux',
    48.8835,
    2.239,
    'Trafic de stupéfiants devant l’entrée, signalé par le bailleur et l’amicale.',
    'Une caméra sur le trottoir devant l’entrée de la cité Lorilleux, rue Lorilleux ; la porte de l’immeuble et les fenêtres voisines sont masquées.',
    { regime: 'public_road', zone: 'entrance', filmsPublicRoad: true, openingsInView: ['building_entrance', 'window'], maskingPlanned: true, maskingDescription: 'Masque fixe sur la porte de l’immeuble et les fenêtres du rez-de-chaussée.' },
  );
  const held = await session(at(0, 0), [today], { held: true });
  await run(COMMANDS.openItemVote, chair, { itemId: held.items[0] });

  // Convened for in ten days: the adjourned file comes back, with a new one.
  const upcoming = await fileUnderReview(
    'Les Terrasses du Marché',
    'Passage couvert',
    48.8858,
    2.24,
    'Agressions signalées dans le passage couvert entre les deux bâtiments.',
    'Passage couvert des Terrasses du Marché, ouvert à tous entre deux rues : agressions confirmées par le commissariat.',
  );
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

interface PastFile {
  site: string;
  title: string;
  justification: string;
  purposes?: string[];
  cameras: number;
  /** The cameras' legal regime and what they watch (lib/domain/regimes.ts). */
  regime: 'public_road' | 'open_to_public' | 'private_common_area';
  zone: 'town' | 'entrance' | 'parking' | 'building';
  placement?: 'indoor' | 'outdoor';
  /** Masking planned on what is in view (windows unless said). */
  masked?: boolean;
  openings?: string[];
  retentionDays?: number;
  investmentEuros: number;
  yearlyCostEuros: number;
  diagnostic: { conclusion: 'opportune' | 'opportune_with_conditions' | 'not_opportune'; publicSummary: string };
  /** Votes in the order chair, membre1…membre5; null: recused (a declared conflict). */
  votes: (Choice | null)[];
  conditions?: { kind: string; text: string; dueInDays: number | null }[];
  reasons: string;
  publicSummary: string;
}

/**
 * A year and a half of the committee's past decisions on Puteaux's social-housing sites,
 * every outcome, one entry later corrected: what residents find on the register, the map,
 * the feeds and the annual reports. Made through the same commands as today's work; then
 * the dates that say when things happened (sessions, votes, publications) are set in the
 * past. Signatures keep the seeding day: signed records are read-only.
 */
const PAST_SESSIONS: { monthsAgo: number; files: PastFile[] }[] = [
  // Two decisions old enough for the prefect's authorisation to have lapsed or to be up for
  // renewal (db/seed-parts/authorisations.ts): first, so the register stays chronological.
  {
    monthsAgo: 75,
    files: [
      {
        site: 'Cité Lorilleux',
        title: 'Ruelle des garages',
        justification: 'Cambriolages des box et incendies de véhicules dans la ruelle des garages, 24 plaintes en un an.',
        cameras: 2,
        regime: 'open_to_public',
        zone: 'parking',
        investmentEuros: 19000,
        yearlyCostEuros: 2100,
        diagnostic: { conclusion: 'opportune', publicSummary: 'Ruelle fermée, sans fenêtre de logement en vue ; l’éclairage renforcé n’a pas suffi.' },
        votes: ['for', 'for', 'for', 'for', 'abstain', 'for'],
        reasons: 'Faits nombreux et établis ; aucune fenêtre de logement dans le champ ; l’éclairage a été essayé.',
        publicSummary: 'Avis favorable à deux caméras dans la ruelle des garages de la cité Lorilleux.',
      },
    ],
  },
  {
    monthsAgo: 59,
    files: [
      {
        site: 'Résidence des Bergères',
        title: 'Parking extérieur, allée des Bergères',
        justification: 'Vols à la roulotte et dégradations de véhicules sur le parking extérieur, 37 plaintes en un an.',
        cameras: 2,
        regime: 'open_to_public',
        zone: 'parking',
        investmentEuros: 17500,
        yearlyCostEuros: 1900,
        diagnostic: { conclusion: 'opportune', publicSummary: 'Parking ouvert sur l’allée, caméras orientées vers les places, aucun balcon en vue ; la médiation n’a pas fait baisser les faits.' },
        votes: ['for', 'for', 'for', 'against', 'for', 'for'],
        reasons: 'Les faits sont nombreux ; les caméras ne montrent que le parking ; les alternatives ont été essayées.',
        publicSummary: 'Avis favorable à deux caméras sur le parking extérieur de la résidence des Bergères.',
      },
    ],
  },
  {
    monthsAgo: 18,
    files: [
      {
        site: 'Résidence Arago',
        title: 'Parking souterrain, niveau -1',
        justification: 'Incendies de véhicules et vols répétés au niveau -1 du parking, 31 plaintes en un an.',
        cameras: 3,
        regime: 'private_common_area',
        zone: 'parking',
        placement: 'indoor',
        investmentEuros: 32000,
        yearlyCostEuros: 3600,
        diagnostic: { conclusion: 'opportune', publicSummary: 'Parking fermé, sans fenêtre ni logement en vue ; éclairage et contrôle d’accès déjà renforcés sans effet durable.' },
        votes: ['for', 'for', 'for', 'for', 'for', 'abstain'],
        reasons: 'Les faits sont nombreux et documentés ; les caméras ne filment que le parking, aucun logement n’est visible ; les alternatives ont été essayées.',
        publicSummary: 'Avis favorable aux caméras du parking souterrain (niveau -1, accès par badge) de la résidence Arago, sous la responsabilité du bailleur.',
      },
      {
        site: 'Les Pavillons',
        title: 'Square central',
        justification: 'Regroupements nocturnes et nuisances sonores signalés par des locataires.',
        cameras: 2,
        regime: 'open_to_public',
        zone: 'building',
        masked: true,
        investmentEuros: 21000,
        yearlyCostEuros: 2400,
        diagnostic: { conclusion: 'not_opportune', publicSummary: 'Nuisances réelles mais peu de faits de délinquance ; la médiation de nuit n’a pas été essayée ; le square est entouré de fenêtres.' },
        votes: ['against', 'against', 'against', 'against', 'for', 'against'],
        reasons: 'Le diagnostic conclut que la vidéoprotection n’est pas opportune : la médiation et l’éclairage doivent être essayés d’abord, et des fenêtres de logements donnent sur tout le square.',
        publicSummary: 'Avis défavorable : essayer d’abord la médiation de nuit et l’éclairage.',
      },
    ],
  },
  {
    monthsAgo: 15,
    files: [
      {
        site: 'Cité Jean-Jaurès',
        title: 'Hall et boîtes aux lettres, bâtiment C',
        justification: 'Trafic de stupéfiants installé dans le hall du bâtiment C, dégradations des boîtes aux lettres.',
        cameras: 1,
        regime: 'private_common_area',
        zone: 'building',
        placement: 'indoor',
        masked: true,
        openings: ['door'],
        investmentEuros: 9800,
        yearlyCostEuros: 1200,
        diagnostic: { conclusion: 'opportune_with_conditions', publicSummary: 'Trafic constant dans le hall malgré la médiation ; une caméra intérieure, porte des logements masquée.' },
        votes: ['for', 'for', 'for', null, 'for', 'against'],
        conditions: [
          { kind: 'masking', text: 'Masquer les portes palières visibles depuis le hall.', dueInDays: 60 },
          { kind: 'signage', text: 'Afficher l’information du public dans le hall et à l’entrée, en français et en anglais.', dueInDays: 30 },
        ],
        reasons: 'Le trafic est établi par les faits du diagnostic ; une seule caméra, intérieure, avec les portes des logements masquées, reste proportionnée.',
        publicSummary: 'Avis favorable sous conditions à deux caméras dans le hall du bâtiment C : portes masquées, information affichée.',
      },
    ],
  },
  {
    monthsAgo: 12,
    files: [
      {
        site: 'Résidence du Quai',
        title: 'Arceaux à vélos du quai',
        justification: 'Vols de vélos attachés aux arceaux du quai devant la résidence, huit plaintes depuis janvier.',
        cameras: 1,
        regime: 'public_road',
        zone: 'town',
        retentionDays: 7,
        investmentEuros: 6500,
        yearlyCostEuros: 700,
        diagnostic: { conclusion: 'opportune_with_conditions', publicSummary: 'Arceaux sur le trottoir du quai, sans vue sur les logements ; le marquage des vélos n’a pas suffi.' },
        votes: ['for', 'for', 'abstain', 'for', 'for', 'for'],
        conditions: [{ kind: 'retention', text: 'Conserver les images sept jours au plus.', dueInDays: null }],
        reasons: 'Les vols sont établis ; la caméra ne montre que les arceaux, aucun logement ; une conservation courte, sept jours, suffit à l’objectif.',
        publicSummary: 'Avis favorable à une caméra sur les arceaux à vélos du quai, sous condition d’une conservation de sept jours au plus.',
      },
      {
        site: 'Résidence des Bergères',
        title: 'Aire de jeux',
        justification: 'Dégradations du mobilier de l’aire de jeux.',
        cameras: 2,
        regime: 'open_to_public',
        zone: 'building',
        openings: ['balcony'],
        masked: true,
        investmentEuros: 18000,
        yearlyCostEuros: 2000,
        diagnostic: { conclusion: 'not_opportune', publicSummary: 'Dégradations peu nombreuses ; des enfants et les balcons seraient filmés en permanence ; l’aménagement suffit.' },
        votes: ['against', 'against', 'against', 'against', 'against', 'abstain'],
        reasons: 'Filmer une aire de jeux et les balcons qui la bordent serait disproportionné au regard de quelques dégradations ; la réparation et l’aménagement sont préférables.',
        publicSummary: 'Avis défavorable : disproportionné pour une aire de jeux.',
      },
    ],
  },
  {
    monthsAgo: 9,
    files: [
      {
        site: 'Les Terrasses du Marché',
        title: 'Entrée du parking',
        justification: 'Rodéos et vols de véhicules à l’entrée du parking, signalés par le bailleur.',
        purposes: ['assault_theft_drug_trafficking_prevention', 'traffic_offences'],
        cameras: 2,
        regime: 'public_road',
        zone: 'parking',
        investmentEuros: 15500,
        yearlyCostEuros: 1900,
        diagnostic: { conclusion: 'opportune', publicSummary: 'Entrée de parking sur la voie publique, sans logement en vue ; faits nombreux.' },
        votes: ['for', 'for', 'for', 'for', 'against', 'for'],
        reasons: 'Faits nombreux, aucun logement filmé, caméras orientées vers la rampe d’accès ; conservation de quinze jours.',
        publicSummary: 'Avis favorable à deux caméras à l’entrée du parking des Terrasses du Marché.',
      },
      {
        site: 'Cité Lorilleux',
        title: 'Dépôts sauvages, rue Lorilleux',
        justification: 'Dépôts sauvages chaque semaine devant les bacs, 52 signalements.',
        purposes: ['fly_tipping'],
        cameras: 1,
        regime: 'public_road',
        zone: 'town',
        investmentEuros: 7200,
        yearlyCostEuros: 900,
        diagnostic: { conclusion: 'opportune_with_conditions', publicSummary: 'Dépôts répétés malgré l’affichage ; caméra orientée vers les bacs uniquement.' },
        votes: ['for', 'for', 'for', 'abstain', 'for', 'for'],
        conditions: [{ kind: 're_review', text: 'Bilan au comité après un an : nombre de dépôts avant et après.', dueInDays: 365 }],
        reasons: 'Les dépôts sauvages sont constants ; une caméra vers les bacs, sans vue sur les logements, avec un bilan à un an.',
        publicSummary: 'Avis favorable sous condition d’un bilan à un an sur les dépôts sauvages.',
      },
    ],
  },
  {
    monthsAgo: 6,
    files: [
      {
        site: 'Résidence Arago',
        title: 'Parvis et porche',
        justification: 'Agressions signalées sur le parvis le soir.',
        cameras: 2,
        regime: 'open_to_public',
        zone: 'entrance',
        masked: true,
        investmentEuros: 16800,
        yearlyCostEuros: 2100,
        diagnostic: { conclusion: 'opportune_with_conditions', publicSummary: 'Agressions confirmées par le commissariat ; fenêtres du rez-de-chaussée à masquer.' },
        votes: ['for', 'for', 'for', 'for', 'abstain', 'abstain'],
        conditions: [{ kind: 'masking', text: 'Masquer les fenêtres du rez-de-chaussée donnant sur le parvis.', dueInDays: 45 }],
        reasons: 'Les agressions sont établies ; le masquage des fenêtres protège la vie privée des locataires du rez-de-chaussée.',
        publicSummary: 'Avis favorable sous condition de masquer les fenêtres du rez-de-chaussée.',
      },
      {
        site: 'Cité Jean-Jaurès',
        title: 'Cour intérieure',
        justification: 'Incivilités dans la cour intérieure.',
        cameras: 3,
        regime: 'private_common_area',
        zone: 'building',
        masked: true,
        investmentEuros: 26000,
        yearlyCostEuros: 3100,
        diagnostic: { conclusion: 'not_opportune', publicSummary: 'Cour fermée, entourée de 120 fenêtres ; incivilités sans gravité ; médiation en cours.' },
        votes: ['against', 'against', 'for', 'against', 'against', 'against'],
        reasons: 'Trois caméras sur une cour entourée de logements porteraient une atteinte excessive à la vie privée ; la médiation en cours doit être évaluée.',
        publicSummary: 'Avis défavorable : atteinte excessive à la vie privée des locataires.',
      },
    ],
  },
  {
    monthsAgo: 3,
    files: [
      {
        site: 'Résidence Voltaire',
        title: 'Local poubelles',
        justification: 'Incendies volontaires de conteneurs, trois en six mois.',
        cameras: 1,
        regime: 'private_common_area',
        zone: 'building',
        placement: 'indoor',
        investmentEuros: 5900,
        yearlyCostEuros: 650,
        diagnostic: { conclusion: 'opportune', publicSummary: 'Incendies répétés mettant en danger l’immeuble ; local sans vue sur les logements.' },
        votes: ['for', 'for', 'for', 'for', 'for', 'for'],
        reasons: 'Les incendies de conteneurs mettent en danger les habitants ; la caméra ne filme que le local.',
        publicSummary: 'Avis favorable à une caméra dans le local poubelles de la résidence Voltaire.',
      },
      {
        site: 'Les Pavillons',
        title: 'Allée piétonne',
        justification: 'Vols à l’arraché dans l’allée piétonne reliant la rue des Pavillons à la gare.',
        cameras: 2,
        regime: 'public_road',
        zone: 'town',
        masked: true,
        investmentEuros: 14000,
        yearlyCostEuros: 1700,
        diagnostic: { conclusion: 'opportune_with_conditions', publicSummary: 'Vols à l’arraché établis ; éclairage renforcé sans effet ; fenêtres à masquer.' },
        votes: ['for', 'for', 'against', 'for', 'for', 'abstain'],
        conditions: [
          { kind: 'masking', text: 'Masquer les fenêtres des pavillons riverains.', dueInDays: 30 },
          { kind: 'placement', text: 'Installer les caméras aux deux extrémités de l’allée, pas au milieu.', dueInDays: 30 },
        ],
        reasons: 'Les vols sont nombreux et l’éclairage n’a pas suffi ; les caméras aux extrémités évitent de filmer les jardins.',
        publicSummary: 'Avis favorable sous conditions : masquage et emplacement aux extrémités de l’allée.',
      },
    ],
  },
];

async function seedRegisterHistory(db: Database): Promise<void> {
  const { user, site, run, technician, officer } = await seedContext(db);
  const chair = user('presidence@demo.vigie.test');
  const members = [1, 2, 3, 4, 5].map((n) => user(`membre${n}@demo.vigie.test`));
  const everyone = [chair, ...members];
  const chairActor = (await loadActor(db, chair))!;
  const monthsAgo = (months: number, hour: number) => {
    const day = new Date();
    day.setMonth(day.getMonth() - months);
    return `${dateToParisLocal(day).slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
  };
  const published: { reference: string; at: Date }[] = [];

  for (const past of PAST_SESSIONS) {
    const scheduledAt = monthsAgo(past.monthsAgo, 18);
    const files: string[] = [];
    for (const file of past.files) {
      const center = DEMO_SITES.find((s) => s.name === file.site)!;
      const openings = file.openings ?? ['window'];
      const masking = file.masked ? { openingsInView: openings, maskingPlanned: true, maskingDescription: openings.includes('door') ? 'Masque fixe sur les portes des logements visibles.' : 'Masque fixe sur les fenêtres visibles.' } : {};
      const cameras = Array.from({ length: file.cameras }, (_, n) =>
        camera(center.latitude + 0.0002 * (n + 1), center.longitude - 0.0002 * (n + 1), (90 * n + 45) % 360, {
          regime: file.regime,
          zone: file.zone,
          placement: file.placement ?? 'outdoor',
          filmsPublicRoad: file.regime === 'public_road',
          ...masking,
        }),
      );
      const { id } = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site(file.site), title: file.title });
      await run(COMMANDS.submitProposal, technician, {
        siteId: site(file.site),
        title: file.title,
        cameras,
        purposes: file.purposes ?? purposesFor(cameras),
        retentionDays: file.retentionDays ?? 15,
        viewers: 'Opérateurs habilités du centre de supervision urbain (3 personnes)',
        signage: signageFor(file.site, cameras, file.retentionDays ?? 15),
        investmentEuros: file.investmentEuros,
        yearlyCostEuros: file.yearlyCostEuros,
        justification: file.justification,
        proposalId: id,
        revision: 1,
      });
      const diagnostic = await run<{ id: string }>(COMMANDS.startDiagnostic, officer, { proposalId: id });
      await run(COMMANDS.concludeDiagnostic, officer, { diagnosticId: diagnostic.id, revision: 1, confirmed: true, ...CONCLUDED_DIAGNOSTIC, ...file.diagnostic });
      await run(COMMANDS.scheduleReview, chair, { proposalId: id, confirmed: true });
      // The committee's internal deliberation: never public (the leak tests look for it).
      await run(COMMANDS.postDeliberation, members[0]!, { proposalId: id, body: `Délibération interne sur « ${file.title} » : les chiffres du commissariat sont-ils à jour ?` });
      for (const [m, vote] of file.votes.entries()) {
        if (vote === null) await run(COMMANDS.declareConflict, everyone[m]!, { proposalId: id, reason: 'Je siège au conseil d’administration du bailleur.' });
      }
      files.push(id);
    }
    const { id: sessionId } = await run<{ id: string }>(COMMANDS.planSession, chair, { scheduledAt, place: 'Hôtel de ville, salle du conseil municipal' });
    const items: string[] = [];
    for (const [i, proposalId] of files.entries()) items.push((await run<{ id: string }>(COMMANDS.addToAgenda, chair, { sessionId, proposalId, rapporteurId: members[i % members.length] })).id);
    await run(COMMANDS.conveneSession, chair, { sessionId, reason: 'Séance passée, reprise dans la démonstration.' });
    await run(COMMANDS.holdSession, chair, { sessionId, attendance: everyone.map((memberId) => ({ memberId, status: 'present' })) });
    const decisionIds: string[] = [];
    for (const [i, file] of past.files.entries()) {
      const itemId = items[i]!;
      const due = (days: number | null) => (days === null ? null : dateToParisLocal(new Date(parisLocalToDate(scheduledAt)!.getTime() + days * 86_400_000)).slice(0, 10));
      const conditions = (file.conditions ?? []).map((c) => ({ kind: c.kind, text: c.text, dueDate: due(c.dueInDays) }));
      if (conditions.length) await run(COMMANDS.proposeConditions, chair, { itemId, revision: 1, conditions });
      await run(COMMANDS.openItemVote, chair, { itemId });
      for (const [m, choice] of file.votes.entries()) if (choice) await run(COMMANDS.castVote, everyone[m]!, { itemId, choice });
      const closed = await run<{ decisionId: string; outcome: string }>(COMMANDS.closeItemVote, chair, { itemId });
      // A member in the minority against a favourable opinion attaches a dissent: internal too.
      const dissenter = closed.outcome !== 'unfavourable' ? file.votes.indexOf('against') : -1;
      if (dissenter >= 0) await run(COMMANDS.attachDissent, everyone[dissenter]!, { decisionId: closed.decisionId, text: `Opinion divergente interne sur « ${file.title} » : le masquage ne suffit pas.` });
      await run(COMMANDS.signDecision, chair, { decisionId: closed.decisionId, revision: 1, conditions, reasons: file.reasons, publicSummary: file.publicSummary });
      decisionIds.push(closed.decisionId);
    }
    await run(COMMANDS.closeSession, chair, { sessionId });
    // When it happened: the session's evening, and the files' steps in the weeks before.
    const heldAt = parisLocalToDate(scheduledAt)!;
    const before = (days: number) => new Date(heldAt.getTime() - days * 86_400_000);
    await db.update(sessions).set({ scheduledAt: heldAt, heldAt, createdAt: before(30), updatedAt: heldAt }).where(eq(sessions.id, sessionId));
    await db.update(agendaItems).set({ voteClosedAt: heldAt }).where(inArray(agendaItems.id, items));
    await db.update(proposals).set({ createdAt: before(75), submittedAt: before(70), diagnosedAt: before(40) }).where(inArray(proposals.id, files));
    // Signed diagnostics and decisions are read-only (triggers). For this demo history only,
    // their signature dates are moved back inside one transaction that turns the guards off
    // and on again: nobody else ever sees them off (ALTER TABLE is transactional and locks).
    await db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE diagnostics DISABLE TRIGGER diagnostic_read_only`);
      await tx.execute(sql`ALTER TABLE decisions DISABLE TRIGGER decision_read_only`);
      await tx.update(diagnostics).set({ signedAt: before(40), createdAt: before(60), updatedAt: before(40) }).where(inArray(diagnostics.proposalId, files));
      await tx.update(decisions).set({ signedAt: new Date(heldAt.getTime() + 86_400_000), createdAt: heldAt }).where(inArray(decisions.proposalId, files));
      await tx.execute(sql`ALTER TABLE decisions ENABLE TRIGGER decision_read_only`);
      await tx.execute(sql`ALTER TABLE diagnostics ENABLE TRIGGER diagnostic_read_only`);
    });
    // Published a week after the session, oldest first.
    const publishedAt = new Date(heldAt.getTime() + 7 * 86_400_000);
    for (const decisionId of decisionIds) {
      const { reference } = await db.transaction((tx) => publishSignedDecision(tx, chairActor, decisionId, publishedAt));
      published.push({ reference, at: publishedAt });
    }
    // The file's history is past: nobody is waiting on these notices any more, and the files
    // were last changed when they were published (the staff lists put recent work first).
    await db.update(notices).set({ readAt: publishedAt }).where(inArray(notices.proposalId, files));
    await db.update(proposals).set({ updatedAt: publishedAt }).where(inArray(proposals.id, files));
  }

  // A correction: the wording of one published opinion was wrong; a new entry says so.
  // (The hall of Cité Jean-Jaurès: the fifth entry, after the two oldest sessions' and the two of 18 months ago.)
  const [corrected] = await db.select().from(registerEntries).where(eq(registerEntries.reference, published[4]!.reference));
  const { reference: _r, sequence: _s, kind: _k, corrects: _c, note: _n, publishedAt: _p, previousHash: _ph, hash: _h, ...content } = corrected!.entry;
  await db.transaction(async (tx) => {
    const entry = await appendEntry(tx, {
      kind: 'correction',
      decisionId: corrected!.decisionId,
      corrects: corrected!,
      note: 'Le résumé public mentionnait « deux caméras » : l’avis porte sur une seule caméra.',
      content: { ...content, publicSummary: 'Avis favorable sous conditions à une seule caméra dans le hall du bâtiment C : portes masquées, information affichée.' },
      publishedAt: new Date(published[published.length - 1]!.at.getTime() + 86_400_000),
    });
    const [{ proposalId }] = (await tx.select({ proposalId: decisions.proposalId }).from(decisions).where(eq(decisions.id, corrected!.decisionId))) as [{ proposalId: string }];
    await recordEvent(tx, { actorId: chair, action: 'decision.entered_in_register', entityId: proposalId, details: { reference: entry.reference, kind: 'correction', corrects: corrected!.reference } });
  });
}
