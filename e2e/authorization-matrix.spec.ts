import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './support';
import {
  ACTORS,
  actionIdsByName,
  classifyAction,
  classifyResponse,
  commandNames,
  parisLocal,
  postButtonAction,
  postFormAction,
  postValuesAction,
  routeHandlers,
  staffPages,
  type Actor,
  type Outcome,
} from './authorization-matrix/http';

/**
 * Issue 9, part 2: every command, every route handler and every page of the staff area,
 * run over HTTP (real session cookies, server actions posted as the browser posts them)
 * by every kind of actor, against the table below. The lists are read from the code at
 * test time (COMMANDS, app/** /route.ts, app/espace/** /page.tsx, the build's server
 * actions): anything missing from the table fails the test.
 *
 * Inputs: empty ones, which cannot change anything (an actor who gets past authorization
 * is refused by validation: 'invalid'), except in the scenario that proves the author and
 * recusal rules on a file this test creates and withdraws again.
 */

// ---------------------------------------------------------------------------------------
// The expected outcomes.

type Row = Record<Actor, Outcome>;

const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
const TECHNICIANS: Actor[] = ['author', 'otherTechnician'];
const COMMITTEE: Actor[] = ['member', 'recusedMember', 'chair'];

/** A command with an empty input: the actors named get past authorization ('invalid'), the others are refused. */
function only(...allowed: Actor[]): Row {
  return Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 'signin' : allowed.includes(a) ? 'invalid' : 'forbidden'])) as Row;
}

/** A page or route: `everyone` for every signed-in actor, anonymous as given, exceptions by actor. */
function page(everyone: Outcome, exceptions: Partial<Row> = {}, anonymous: Outcome = 'signin'): Row {
  return { ...(Object.fromEntries(SIGNED_IN.map((a) => [a, everyone])) as Row), anonymous, ...exceptions };
}
const pageFor = (allowed: Actor[], outcome: Outcome = 'ok'): Row => page('forbidden', Object.fromEntries(allowed.map((a) => [a, outcome])));
const publicRoute = (outcome: Outcome): Row => page(outcome, {}, outcome);

/** How the browser posts each action: a plain no-JS form, a useActionState form, or a client form's values. */
type Via = 'button' | 'form' | 'values';

const COMMAND_TABLE: Record<string, { action: string; via: Via; expect: Row }> = {
  createUser: { action: 'createUserAction', via: 'form', expect: only('admin') },
  grantRole: { action: 'grantRoleAction', via: 'button', expect: only('admin') },
  revokeRole: { action: 'revokeRoleAction', via: 'button', expect: only('admin') },
  resetPassword: { action: 'resetPasswordAction', via: 'form', expect: only('admin') },
  allowSsoLink: { action: 'allowSsoLinkAction', via: 'button', expect: only('admin') },
  setUserActive: { action: 'setActiveAction', via: 'button', expect: only('admin') },
  changeOwnPassword: { action: 'changeOwnPasswordAction', via: 'form', expect: only(...SIGNED_IN) },
  createSite: { action: 'createSiteAction', via: 'form', expect: only('admin') },
  updateSite: { action: 'updateSiteAction', via: 'form', expect: only('admin') },
  archiveSite: { action: 'archiveSiteAction', via: 'button', expect: only('admin') },
  restoreSite: { action: 'restoreSiteAction', via: 'button', expect: only('admin') },
  createProposal: { action: 'createProposalAction', via: 'form', expect: only(...TECHNICIANS) },
  saveProposalDraft: { action: 'saveProposalAction', via: 'values', expect: only(...TECHNICIANS) },
  submitProposal: { action: 'submitProposalAction', via: 'values', expect: only(...TECHNICIANS) },
  withdrawProposal: { action: 'withdrawProposalAction', via: 'form', expect: only(...TECHNICIANS) },
  startDiagnostic: { action: 'startDiagnosticAction', via: 'button', expect: only('diagnostician') },
  saveDiagnostic: { action: 'saveDiagnosticAction', via: 'values', expect: only('diagnostician') },
  concludeDiagnostic: { action: 'concludeDiagnosticAction', via: 'values', expect: only('diagnostician') },
  reviseDiagnostic: { action: 'reviseDiagnosticAction', via: 'button', expect: only('diagnostician') },
  attachDpiaDocument: { action: 'attachDpiaDocumentAction', via: 'form', expect: only('diagnostician') },
  scheduleReview: { action: 'scheduleReviewAction', via: 'form', expect: only('chair') },
  updateCommitteeSettings: { action: 'updateSettingsAction', via: 'form', expect: only('admin') },
  planSession: { action: 'planSessionAction', via: 'form', expect: only('chair') },
  addToAgenda: { action: 'addToAgendaAction', via: 'form', expect: only('chair') },
  removeFromAgenda: { action: 'removeFromAgendaAction', via: 'form', expect: only('chair') },
  setRapporteur: { action: 'setRapporteurAction', via: 'form', expect: only('chair') },
  proposeConditions: { action: 'proposeConditionsAction', via: 'form', expect: only(...COMMITTEE) },
  conveneSession: { action: 'conveneSessionAction', via: 'form', expect: only('chair') },
  holdSession: { action: 'holdSessionAction', via: 'form', expect: only('chair') },
  closeSession: { action: 'closeSessionAction', via: 'form', expect: only('chair') },
  declareConflict: { action: 'declareConflictAction', via: 'form', expect: only(...COMMITTEE) },
  recordConflict: { action: 'recordConflictAction', via: 'form', expect: only('chair') },
  openItemVote: { action: 'openItemVoteAction', via: 'form', expect: only('chair') },
  castVote: { action: 'castVoteAction', via: 'form', expect: only(...COMMITTEE) },
  closeItemVote: { action: 'closeItemVoteAction', via: 'form', expect: only('chair') },
  adjournItem: { action: 'adjournItemAction', via: 'form', expect: only('chair') },
  returnAdjournedFile: { action: 'returnAdjournedAction', via: 'form', expect: only('chair') },
  signDecision: { action: 'signDecisionAction', via: 'form', expect: only('chair') },
  attachDissent: { action: 'attachDissentAction', via: 'form', expect: only(...COMMITTEE) },
  markNoticeRead: { action: 'markNoticeReadAction', via: 'button', expect: only(...SIGNED_IN) },
  markAllNoticesRead: { action: 'markAllNoticesReadAction', via: 'button', expect: only(...SIGNED_IN) },
  postDeliberation: { action: 'postDeliberationAction', via: 'form', expect: only(...COMMITTEE) },
  requestInfo: { action: 'requestInfoAction', via: 'form', expect: only('chair') },
  answerInfo: { action: 'answerInfoAction', via: 'form', expect: only(...TECHNICIANS) },
  signMinutes: { action: 'signMinutesAction', via: 'form', expect: only('chair') },
  publishDecision: { action: 'publishDecisionAction', via: 'form', expect: only('chair') },
  correctRegisterEntry: { action: 'correctRegisterEntryAction', via: 'form', expect: only('chair') },
  commissionCameras: { action: 'commissionCamerasAction', via: 'form', expect: only('diagnostician', 'admin') },
  decommissionCamera: { action: 'decommissionCameraAction', via: 'form', expect: only('diagnostician', 'admin') },
  proposeChange: { action: 'proposeChangeAction', via: 'form', expect: only(...TECHNICIANS) },
  approveResidentQuestion: { action: 'approveQuestionAction', via: 'form', expect: only('admin') },
  rejectResidentQuestion: { action: 'rejectQuestionAction', via: 'form', expect: only('admin') },
  assignResidentQuestion: { action: 'assignQuestionAction', via: 'button', expect: only('chair') },
  // Any committee member gets past the permission; the per-question rule (chair or designated member) is tests/resident-questions.test.ts.
  answerResidentQuestion: { action: 'answerQuestionAction', via: 'form', expect: only(...COMMITTEE) },
  recordAuthorisationFiling: { action: 'recordFilingAction', via: 'form', expect: only('diagnostician', 'admin') },
  recordCdvpOpinion: { action: 'recordCdvpOpinionAction', via: 'form', expect: only('diagnostician', 'admin') },
  recordPrefectDecision: { action: 'recordPrefectDecisionAction', via: 'form', expect: only('diagnostician', 'admin') },
  recordAcknowledgement: { action: 'recordAcknowledgementAction', via: 'form', expect: only('diagnostician', 'admin') },
  recordCommissioningNotice: { action: 'recordCommissioningNoticeAction', via: 'form', expect: only('diagnostician', 'admin') },
  recordLandlordDecision: { action: 'recordLandlordDecisionAction', via: 'form', expect: only('diagnostician', 'admin') },
  markCondition: { action: 'markConditionAction', via: 'form', expect: only('diagnostician', 'chair', 'admin') },
  importObservatoryFigures: { action: 'importFiguresAction', via: 'form', expect: only('diagnostician') },
  enterObservatoryFigures: { action: 'enterFiguresAction', via: 'form', expect: only('diagnostician') },
  fillFactsFromObservatory: { action: 'fillFactsAction', via: 'button', expect: only('diagnostician') },
};

/** Server actions that run no command: signing in and out (issue 9 part 1 tests them). */
const NOT_COMMANDS = ['signInAction', 'signInWithCityAction', 'signOutAction', 'askQuestionAction'];

/** Ids the rows need, found while the test runs. */
interface Ids {
  proposal: string;
  site: string;
  user: string;
  session: string;
  reference: string;
}

/** The staff pages, by file, while the test's file is under review and `recusedMember` is recused on it. */
const PAGE_TABLE: Record<string, { url: (ids: Ids) => string; expect: Row }> = {
  '/espace': { url: () => '/espace', expect: page('ok') },
  '/espace/[...inconnu]': { url: () => '/espace/nulle-part/matrice', expect: page('not_found') },
  '/espace/admin/comite': { url: () => '/espace/admin/comite', expect: pageFor(['admin']) },
  '/espace/admin/taches': { url: () => '/espace/admin/taches', expect: pageFor(['admin']) },
  '/espace/admin/comptes': { url: () => '/espace/admin/comptes', expect: pageFor(['admin']) },
  '/espace/admin/comptes/[id]': { url: (ids) => `/espace/admin/comptes/${ids.user}`, expect: pageFor(['admin']) },
  '/espace/admin/sites': { url: () => '/espace/admin/sites', expect: pageFor(['admin']) },
  '/espace/admin/sites/[id]': { url: (ids) => `/espace/admin/sites/${ids.site}`, expect: pageFor(['admin']) },
  '/espace/avis': { url: () => '/espace/avis', expect: page('ok') },
  '/espace/compte': { url: () => '/espace/compte', expect: page('ok') },
  '/espace/questions': { url: () => '/espace/questions', expect: pageFor(['admin']) },
  '/espace/questions/reponses': { url: () => '/espace/questions/reponses', expect: pageFor(COMMITTEE) },
  '/espace/propositions': { url: () => '/espace/propositions?vue=all', expect: page('ok') },
  '/espace/propositions/nouvelle': { url: () => '/espace/propositions/nouvelle', expect: pageFor(TECHNICIANS) },
  // The other technician never learns the file exists.
  '/espace/propositions/[id]': { url: (ids) => `/espace/propositions/${ids.proposal}`, expect: page('ok', { otherTechnician: 'not_found' }) },
  '/espace/propositions/[id]/diagnostic': { url: (ids) => `/espace/propositions/${ids.proposal}/diagnostic`, expect: page('ok', { otherTechnician: 'not_found' }) },
  // Only technicians edit; the author of a file no longer a draft is sent to the file.
  '/espace/propositions/[id]/modifier': {
    url: (ids) => `/espace/propositions/${ids.proposal}/modifier`,
    expect: page('forbidden', { author: 'redirect', otherTechnician: 'not_found' }),
  },
  '/espace/observatoire': { url: () => '/espace/observatoire', expect: pageFor(['diagnostician']) },
  '/espace/registre/[reference]/corriger': { url: (ids) => `/espace/registre/${ids.reference}/corriger`, expect: pageFor(['chair']) },
  '/espace/seances': { url: () => '/espace/seances', expect: pageFor(COMMITTEE) },
  '/espace/seances/[id]': { url: (ids) => `/espace/seances/${ids.session}`, expect: pageFor(COMMITTEE) },
  '/espace/seances/[id]/proces-verbal': { url: (ids) => `/espace/seances/${ids.session}/proces-verbal`, expect: pageFor(COMMITTEE) },
};

/** Route handlers, by method and file: mostly the same answer for everyone (public or next-auth's own); the observatory's template is staff only. */
const ROUTE_TABLE: Record<string, { request: (ids: Ids) => { url: string; form?: Record<string, string> }; expect: Row }> = {
  'GET /api/v1/[...path]': { request: () => ({ url: '/api/v1/nulle-part' }), expect: publicRoute('not_found') },
  'OPTIONS /api/v1/[...path]': { request: () => ({ url: '/api/v1/nulle-part' }), expect: publicRoute('ok') },
  'GET /api/v1/register/verify': { request: () => ({ url: '/api/v1/register/verify' }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/register/verify': { request: () => ({ url: '/api/v1/register/verify' }), expect: publicRoute('ok') },
  'GET /api/v1/sites/[id]/decisions.atom': { request: (ids) => ({ url: `/api/v1/sites/${ids.site}/decisions.atom` }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/sites/[id]/decisions.atom': { request: (ids) => ({ url: `/api/v1/sites/${ids.site}/decisions.atom` }), expect: publicRoute('ok') },
  'GET /api/v1/decisions.atom': { request: () => ({ url: '/api/v1/decisions.atom' }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/decisions.atom': { request: () => ({ url: '/api/v1/decisions.atom' }), expect: publicRoute('ok') },
  'GET /api/v1/openapi.json': { request: () => ({ url: '/api/v1/openapi.json' }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/openapi.json': { request: () => ({ url: '/api/v1/openapi.json' }), expect: publicRoute('ok') },
  'GET /api/v1/decisions.csv': { request: () => ({ url: '/api/v1/decisions.csv' }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/decisions.csv': { request: () => ({ url: '/api/v1/decisions.csv' }), expect: publicRoute('ok') },
  'GET /api/v1/decisions': { request: () => ({ url: '/api/v1/decisions' }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/decisions': { request: () => ({ url: '/api/v1/decisions' }), expect: publicRoute('ok') },
  'GET /api/v1/decisions/[reference]': { request: (ids) => ({ url: `/api/v1/decisions/${ids.reference}` }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/decisions/[reference]': { request: (ids) => ({ url: `/api/v1/decisions/${ids.reference}` }), expect: publicRoute('ok') },
  'GET /api/v1/decisions.geojson': { request: () => ({ url: '/api/v1/decisions.geojson' }), expect: publicRoute('ok') },
  'OPTIONS /api/v1/decisions.geojson': { request: () => ({ url: '/api/v1/decisions.geojson' }), expect: publicRoute('ok') },
  // next-auth: reading one's session is open to all; a post without its CSRF token is sent back to the sign-in page (?error=MissingCSRF).
  'GET /api/auth/[...nextauth]': { request: () => ({ url: '/api/auth/session' }), expect: publicRoute('ok') },
  'POST /api/auth/[...nextauth]': { request: () => ({ url: '/api/auth/callback/credentials', form: { email: '', password: '' } }), expect: publicRoute('signin') },
  'GET /api/health': { request: () => ({ url: '/api/health' }), expect: publicRoute('ok') },
  // The observatory's CSV template: the prevention officer's (the proxy sends the anonymous to sign in).
  'GET /espace/observatoire/modele.csv': { request: () => ({ url: '/espace/observatoire/modele.csv' }), expect: pageFor(['diagnostician']) },
  // The vote the session page's script sends (castVote in JSON): an empty form gets committee members past the permission; the signed-out get a 401, not the sign-in page.
  'POST /espace/seances/vote': { request: () => ({ url: '/espace/seances/vote', form: {} }), expect: { ...only(...COMMITTEE), anonymous: 'unauthenticated' } },
  // A stored document (a diagnostic's impact assessment): an unknown one is not found for everyone signed in; the proxy sends the anonymous to sign in.
  'GET /espace/fichiers/[id]': { request: () => ({ url: '/espace/fichiers/00000000-0000-4000-8000-000000000000' }), expect: page('not_found') },
  // The language switch, asked for the language already in use.
  'POST /langue': { request: () => ({ url: '/langue', form: { locale: 'fr' } }), expect: publicRoute('redirect') },
};

// ---------------------------------------------------------------------------------------
// The file of the scenario: valid inputs, as the seed writes them (db/seed.ts).

const SIGNAGE = {
  pictogram: true,
  controller: 'Ville de Puteaux, direction de la prévention',
  telephone: '01 23 45 67 89',
  purposes: 'Prévention des atteintes aux personnes et aux biens',
  rights: 'Droit d’accès aux images vous concernant (RGPD, art. 15)',
  contact: 'dpo@demo.vigie.test',
  retention: '15 jours',
  complaint: 'Réclamation auprès de la CNIL, 3 place de Fontenoy, 75007 Paris',
};
const TITLE = 'Matrice des droits : hall témoin';
const proposalContent = (siteId: string, title = TITLE) => ({
  siteId,
  title,
  cameras: [
    {
      latitude: 48.8762,
      longitude: 2.2386,
      placement: 'outdoor',
      regime: 'open_to_public',
      filmsPublicRoad: false,
      type: 'dome',
      mount: 'Façade, 3 m',
      directionDegrees: 160,
      angleDegrees: 90,
      openingsInView: ['building_entrance'],
      maskingPlanned: true,
      maskingDescription: 'Masque fixe sur la porte du hall.',
    },
  ],
  purposes: ['assault_theft_drug_trafficking_prevention'],
  retentionDays: 15,
  viewers: 'Opérateurs habilités du centre de supervision urbain',
  signage: SIGNAGE,
  investmentEuros: 9000,
  yearlyCostEuros: 1000,
  justification: 'Dégradations répétées du hall (fichier du test de la matrice des droits).',
});
const CONCLUDED_DIAGNOSTIC = {
  delinquencyFacts: [{ type: 'vandalism', year: 2025, count: 9 }],
  siteDescription: 'Résidence de 58 logements, hall vitré sur le boulevard.',
  actorsConsulted: { landlord: 'Bailleur rencontré sur site.', tenants: 'Amicale des locataires consultée.', police: 'Avis écrit du référent sûreté.' },
  alternatives: {
    lighting: 'Éclairage renforcé sans effet.',
    mediation: 'Médiation insuffisante en journée.',
    nightCorrespondents: 'Absents du secteur.',
    accessControl: 'Porte à badge forcée.',
    layout: 'Aménagement non financé.',
  },
  proportionality: 'Une caméra, porte du hall masquée.',
  privacyRisks: 'Porte du hall masquée.',
  expectedEffect: 'Moins de dégradations.',
  costAssessment: '9 000 € et 1 000 € par an.',
  dpiaStatus: 'not_required',
  dpiaNotRequiredReason: 'Une caméra de hall au champ masqué : pas de risque élevé selon le délégué à la protection des données.',
  publicSummary: 'Une caméra dans le hall, porte masquée.',
  conclusion: 'opportune',
  conditions: '',
};
const DELIBERATION = 'Message refusé : ce membre est récusé sur ce dossier.';

// ---------------------------------------------------------------------------------------

const EMAIL: Record<Exclude<Actor, 'anonymous' | 'otherTechnician'>, string> = {
  author: DEMO.technician,
  diagnostician: DEMO.diagnostician,
  member: DEMO.member,
  // Not membre5: e2e/admin-accounts.spec.ts changes that member's password before this test runs.
  recusedMember: 'membre4@demo.vigie.test',
  chair: DEMO.chair,
  admin: DEMO.admin,
};

test('every command, route handler and staff page answers each actor as the table says, over HTTP', async ({ playwright, baseURL }) => {
  test.setTimeout(180_000);
  const actionIds = actionIdsByName(path.resolve('.next/server/server-reference-manifest.json'));
  const contexts: APIRequestContext[] = [];
  const newContext = async () => {
    // A browser sends its own origin with a post, and a language.
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL!, 'Accept-Language': 'fr-FR,fr;q=0.9' } });
    contexts.push(context);
    return context;
  };
  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    const context = await newContext();
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const answer = await context.post('/api/auth/callback/credentials', { form: { csrfToken, email, password }, maxRedirects: 0 });
    expect(answer.status(), `sign-in of ${email}`).toBe(302);
    // `__Secure-authjs.session-token` on the production build (plain `authjs.…` in development).
    expect((await context.storageState()).cookies.some((c) => c.name.endsWith('authjs.session-token')), `session cookie of ${email}`).toBe(true);
    return context;
  };

  const as = {} as Record<Actor, APIRequestContext>;
  const ids = {} as Ids;
  /** Runs an action as an actor, on the page given, and says what came of it. */
  const run = async (actor: Actor | APIRequestContext, action: string, via: Via, url: string, input: Record<string, unknown>) => {
    const id = actionIds.get(action);
    if (!id) throw new Error(`no server action ${action} in the build`);
    const context = typeof actor === 'string' ? as[actor] : actor;
    const response =
      via === 'button'
        ? await postButtonAction(context, url, id, input as Record<string, string>)
        : via === 'form'
          ? await postFormAction(context, url, id, input as Record<string, string>)
          : await postValuesAction(context, url, id, input);
    return classifyAction(response, await response.text());
  };
  const expectRun = async (expected: Outcome, ...args: Parameters<typeof run>) => {
    const got = await run(...args);
    expect(got.outcome, `${args[1]}: ${got.detail}`).toBe(expected);
    return got;
  };

  try {
    await test.step('sign everyone in; the admin opens a second technician account over HTTP', async () => {
      as.anonymous = await newContext();
      for (const [actor, email] of Object.entries(EMAIL)) as[actor as Actor] = await signIn(email);
      const email = `matrice-${Date.now()}@demo.vigie.test`;
      const password = 'matrice-des-droits-2026';
      const created = await run('admin', 'createUserAction', 'form', '/espace/admin/comptes', { name: 'Technicien·ne de la matrice', email, password, roles: 'technician' });
      expect(created.outcome, created.detail).toBe('ok');
      ids.user = /\/espace\/admin\/comptes\/([0-9a-f-]{36})/.exec(created.location ?? '')![1]!;
      as.otherTechnician = await signIn(email, password);
    });

    await test.step('find the ids the pages and routes need', async () => {
      const form = await (await as.author.get('/espace/propositions/nouvelle')).text();
      ids.site = /<option value="([0-9a-f-]{36})">Résidence Voltaire/.exec(form)![1]!;
      const decisions = (await (await as.anonymous.get('/api/v1/decisions')).json()) as { items: { reference: string }[] };
      ids.reference = decisions.items[0]!.reference;
      // A session whose minutes exist (held or closed): its minutes page opens for the chair.
      const sessions = await (await as.chair.get('/espace/seances')).text();
      for (const [, session] of sessions.matchAll(/href="\/espace\/seances\/([0-9a-f-]{36})"/g)) {
        if ((await as.chair.get(`/espace/seances/${session}/proces-verbal`, { maxRedirects: 0 })).status() === 200) {
          ids.session = session!;
          break;
        }
      }
      expect(ids.session).toBeTruthy();
    });

    await test.step('the author rule: another technician can neither edit, submit nor withdraw the author’s file', async () => {
      const created = await run('author', 'createProposalAction', 'form', '/espace/propositions/nouvelle', { siteId: ids.site, title: TITLE });
      expect(created.outcome, created.detail).toBe('ok');
      ids.proposal = /\/espace\/propositions\/([0-9a-f-]{36})/.exec(created.location ?? '')![1]!;
      const url = `/espace/propositions/${ids.proposal}/modifier`;
      const hijacked = { ...proposalContent(ids.site, 'Titre détourné'), proposalId: ids.proposal, revision: 1 };
      await expectRun('not_found', 'otherTechnician', 'saveProposalAction', 'values', url, hijacked);
      await expectRun('not_found', 'otherTechnician', 'submitProposalAction', 'values', url, hijacked);
      const withdraw = { proposalId: ids.proposal, reason: 'Retrait par un tiers.', confirmed: 'on' };
      await expectRun('not_found', 'otherTechnician', 'withdrawProposalAction', 'form', url, withdraw);
      // Nothing moved: the author's own submission of revision 1 goes through, with the author's title.
      await expectRun('ok', 'author', 'submitProposalAction', 'values', url, { ...proposalContent(ids.site), proposalId: ids.proposal, revision: 1 });
      const file = await (await as.author.get(`/espace/propositions/${ids.proposal}`)).text();
      expect(file).toContain(TITLE);
      expect(file).not.toContain('Titre détourné');
      await expectRun('not_found', 'otherTechnician', 'withdrawProposalAction', 'form', url, withdraw);
    });

    await test.step('the file goes through its diagnostic to the committee', async () => {
      const fileUrl = `/espace/propositions/${ids.proposal}`;
      await expectRun('ok', 'diagnostician', 'startDiagnosticAction', 'button', fileUrl, { proposalId: ids.proposal });
      const page = await (await as.diagnostician.get(`${fileUrl}/diagnostic`)).text();
      const diagnosticId = /diagnosticId\\?":\\?"([0-9a-f-]{36})/.exec(page)![1]!;
      const concluded = await run('diagnostician', 'concludeDiagnosticAction', 'values', `${fileUrl}/diagnostic`, { ...CONCLUDED_DIAGNOSTIC, diagnosticId, revision: 1, confirmed: true });
      expect(concluded.outcome, concluded.detail).toBe('ok');
      await expectRun('ok', 'chair', 'scheduleReviewAction', 'form', fileUrl, { proposalId: ids.proposal, confirmed: 'on' });
    });

    await test.step('the author rule again: only the author answers the committee’s question', async () => {
      const fileUrl = `/espace/propositions/${ids.proposal}`;
      await expectRun('ok', 'chair', 'requestInfoAction', 'form', fileUrl, { proposalId: ids.proposal, question: 'Le hall a-t-il un éclairage la nuit ?' });
      const page = await (await as.author.get(fileUrl)).text();
      const requestId = /name="requestId" value="([0-9a-f-]{36})"/.exec(page)![1]!;
      const answer = { proposalId: ids.proposal, requestId, answer: 'Oui, depuis 2025.' };
      await expectRun('not_found', 'otherTechnician', 'answerInfoAction', 'form', fileUrl, answer);
      await expectRun('ok', 'author', 'answerInfoAction', 'form', fileUrl, answer);
    });

    await test.step('the recusal rule: a member who declared a conflict takes no part in the deliberation', async () => {
      const fileUrl = `/espace/propositions/${ids.proposal}`;
      const declared = await run('recusedMember', 'declareConflictAction', 'form', fileUrl, { proposalId: ids.proposal, reason: 'Je loge dans cette résidence.' });
      expect(declared.outcome, declared.detail).toBe('ok');
      const refused = await expectRun('forbidden', 'recusedMember', 'postDeliberationAction', 'form', fileUrl, { proposalId: ids.proposal, body: DELIBERATION });
      expect(refused.detail).toContain('conflit d’intérêts');
      expect(await (await as.chair.get(fileUrl)).text()).not.toContain(DELIBERATION);
      // The same message from a member who is not recused is taken.
      await expectRun('ok', 'member', 'postDeliberationAction', 'form', fileUrl, { proposalId: ids.proposal, body: 'Dossier complet.' });
    });

    await test.step('the recusal rule at the vote: the recused member’s vote is refused, the tally has none of it', async () => {
      // One more member, to reach the tie that adjourns the file (as the seed's "Cour intérieure"): it can then be withdrawn.
      const member2 = await signIn('membre2@demo.vigie.test');
      const planned = await run('chair', 'planSessionAction', 'form', '/espace/seances', { scheduledAt: parisLocal(new Date(Date.now() - 3_600_000)), place: 'Salle de la matrice des droits', videoLink: '' });
      expect(planned.outcome, planned.detail).toBe('ok');
      const sessionId = /\/espace\/seances\/([0-9a-f-]{36})/.exec(planned.location ?? '')![1]!;
      const sessionUrl = `/espace/seances/${sessionId}`;
      await expectRun('ok', 'chair', 'addToAgendaAction', 'form', sessionUrl, { sessionId, proposalId: ids.proposal, rapporteurId: '' });
      await expectRun('ok', 'chair', 'conveneSessionAction', 'form', sessionUrl, { sessionId, reason: 'Séance du test de la matrice des droits.' });
      const convened = await (await as.chair.get(sessionUrl)).text();
      const attendance: Record<string, string> = { sessionId };
      for (const [, i, memberId] of convened.matchAll(/name="attendance\.(\d+)\.memberId" value="([0-9a-f-]{36})"/g)) {
        attendance[`attendance.${i}.memberId`] = memberId!;
        attendance[`attendance.${i}.status`] = 'present';
      }
      expect(Object.keys(attendance).length).toBeGreaterThan(6);
      await expectRun('ok', 'chair', 'holdSessionAction', 'form', sessionUrl, attendance);
      const itemId = /name="itemId" value="([0-9a-f-]{36})"/.exec(await (await as.chair.get(sessionUrl)).text())![1]!;
      await expectRun('ok', 'chair', 'openItemVoteAction', 'form', sessionUrl, { itemId });

      // Refused for being recused (present at the session, the member would otherwise vote).
      const refused = await expectRun('forbidden', 'recusedMember', 'castVoteAction', 'form', sessionUrl, { itemId, choice: 'for', forMemberId: '' });
      expect(refused.detail).toContain('Vous êtes déporté·e sur ce dossier');
      // The chair abstains and two members split: a tie she cannot break, the file is adjourned.
      await expectRun('ok', 'chair', 'castVoteAction', 'form', sessionUrl, { itemId, choice: 'abstain', forMemberId: '' });
      await expectRun('ok', 'member', 'castVoteAction', 'form', sessionUrl, { itemId, choice: 'for', forMemberId: '' });
      await expectRun('ok', member2, 'castVoteAction', 'form', sessionUrl, { itemId, choice: 'against', forMemberId: '' });
      await expectRun('ok', 'chair', 'closeItemVoteAction', 'form', sessionUrl, { itemId, confirmed: 'on' });
      await expectRun('ok', 'chair', 'returnAdjournedAction', 'form', sessionUrl, { proposalId: ids.proposal, to: 'review' });
      await expectRun('ok', 'chair', 'closeSessionAction', 'form', sessionUrl, { sessionId, confirmed: 'on' });
      // The minutes count three votes and one member recused: nothing of the refused vote.
      const minutes = await (await as.chair.get(`${sessionUrl}/proces-verbal`)).text();
      expect(minutes).toContain('1 pour, 1 contre, 1 abstention, 1 membre déporté');
    });

    const unexpected: string[] = [];
    let endpoints = 0;
    const check = (endpoint: string, actor: Actor, expected: Outcome, got: { outcome: Outcome; detail: string }) => {
      if (got.outcome !== expected) unexpected.push(`${endpoint} as ${actor}: expected ${expected}, got ${got.outcome} (${got.detail})`);
    };

    await test.step('every command, as every actor, with an empty input', async () => {
      const commands = commandNames(fs.readFileSync('lib/workflow/index.ts', 'utf8'));
      expect(commands.length).toBeGreaterThan(40);
      expect(commands.filter((c) => !COMMAND_TABLE[c]), 'commands missing from the table').toEqual([]);
      expect(Object.keys(COMMAND_TABLE).filter((c) => !commands.includes(c)), 'rows for commands that no longer exist').toEqual([]);
      const tabled = new Set([...Object.values(COMMAND_TABLE).map((r) => r.action), ...NOT_COMMANDS]);
      expect([...actionIds.keys()].filter((a) => !tabled.has(a)), 'server actions missing from the table').toEqual([]);
      for (const [command, row] of Object.entries(COMMAND_TABLE)) {
        endpoints++;
        const url = actionIds.pageOf(row.action, ids);
        for (const actor of ACTORS) check(`command ${command}`, actor, row.expect[actor], await run(actor, row.action, row.via, url, {}));
        // Anonymous from a public page, where the staff area's redirect to sign-in is not in front: nothing runs.
        const fromHome = await run('anonymous', row.action, row.via, '/', {});
        if (fromHome.outcome !== 'not_run') unexpected.push(`command ${command} as anonymous from /: got ${fromHome.outcome} (${fromHome.detail})`);
      }
    });

    await test.step('every staff page, as every actor', async () => {
      const pages = staffPages('app/espace');
      expect(pages.filter((p) => !PAGE_TABLE[p]), 'staff pages missing from the table').toEqual([]);
      expect(Object.keys(PAGE_TABLE).filter((p) => !pages.includes(p)), 'rows for pages that no longer exist').toEqual([]);
      for (const [file, row] of Object.entries(PAGE_TABLE)) {
        endpoints++;
        for (const actor of ACTORS) {
          const response = await as[actor].get(row.url(ids), { maxRedirects: 0 });
          check(`page ${file}`, actor, row.expect[actor], classifyResponse(response));
        }
      }
    });

    await test.step('every route handler, each exported method, as every actor', async () => {
      const routes = routeHandlers('app');
      expect(routes.filter((r) => !ROUTE_TABLE[r]), 'route handlers missing from the table').toEqual([]);
      expect(Object.keys(ROUTE_TABLE).filter((r) => !routes.includes(r)), 'rows for route handlers that no longer exist').toEqual([]);
      for (const [route, row] of Object.entries(ROUTE_TABLE)) {
        endpoints++;
        const method = route.split(' ')[0]!;
        const { url, form } = row.request(ids);
        for (const actor of ACTORS) {
          const response = await as[actor].fetch(url, { method, form, maxRedirects: 0 });
          check(`route ${route}`, actor, row.expect[actor], classifyResponse(response));
        }
      }
    });

    await test.step('the author withdraws the file; the other technician could not', async () => {
      const fileUrl = `/espace/propositions/${ids.proposal}`;
      const withdraw = { proposalId: ids.proposal, reason: 'Fin du test de la matrice des droits.', confirmed: 'on' };
      await expectRun('not_found', 'otherTechnician', 'withdrawProposalAction', 'form', fileUrl, withdraw);
      await expectRun('ok', 'author', 'withdrawProposalAction', 'form', fileUrl, withdraw);
    });

    const figure = `${endpoints} endpoints × ${ACTORS.length} actors, ${unexpected.length} unexpected outcomes`;
    console.log(`authorization matrix: ${figure}`);
    expect(unexpected, figure).toEqual([]);
  } finally {
    for (const context of contexts) await context.dispose();
  }
});
