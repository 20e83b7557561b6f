import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, decisions, proposals, sites, users } from '@/db/schema';
import { parisDate } from '@/lib/domain/paris-time';
import { addMonths } from '@/lib/domain/register';
import { COMMANDS, runCommand } from '@/lib/workflow';

/**
 * The demo's after-the-vote story (issue 10, items 1 and 3; issue 18's regimes), on the
 * register's published favourable decisions, through the real commands, every date
 * relative to today. Files on the public road or in a place open to the public go to the
 * prefect; files in a landlord's common areas get the landlord's board decision instead.
 *
 * | file (site – title, regime)                                   | decided   | after the vote                                                        |
 * | ------------------------------------------------------------- | --------- | --------------------------------------------------------------------- |
 * | Cité Lorilleux – Ruelle des garages (open to the public)      | 75 months | granted 73 months ago: expired                                        |
 * | Résidence des Bergères – Parking extérieur (open to the public) | 59 months | granted 57 months ago (4 y 9 m): renewal due, expires within 4 months |
 * | Résidence Arago – Parking souterrain, niveau -1 (common area) | 18 months | landlord's board 16 months ago; police convention (CSI L272-2)        |
 * | Cité Jean-Jaurès – Hall, bâtiment C (common area)             | 15 months | landlord's board 13 months ago; both conditions met                   |
 * | Résidence du Quai – Arceaux à vélos du quai (public road)     | 12 months | refused 8 months ago (CDVP unfavourable)                              |
 * | Les Terrasses du Marché – Entrée du parking (public road)     | 9 months  | filed 8 months ago, receipt acknowledged, no answer: refused by silence |
 * | Cité Lorilleux – Dépôts sauvages, rue Lorilleux (public road) | 9 months  | granted 5 months ago; its one-year review pending                     |
 * | Résidence Arago – Parvis et porche (open to the public)       | 6 months  | filed 3 weeks ago, no acknowledgement yet; masking condition overdue  |
 * | Les Pavillons – Allée piétonne (public road)                  | 3 months  | filed 10 days ago; both conditions overdue, one not met               |
 * | Résidence Voltaire – Local poubelles (common area)            | 3 months  | the landlord's board has not decided yet                              |
 */
export async function seedAuthorisations(db: Database): Promise<void> {
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'prevention@demo.vigie.test'));
  if (!officer) throw new Error('seed: the prevention officer is missing');
  const today = parisDate(new Date());
  const monthsAgo = (n: number) => addMonths(today, -n);
  const daysAgo = (n: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - n);
    return d.toISOString().slice(0, 10);
  };
  const run = async (command: Parameters<typeof runCommand>[1], input: unknown) => {
    const result = await runCommand(db, command, officer.id, input);
    if (!result.ok) throw new Error(`seed: ${command.name} failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
  };

  /** The published decision of the file with this title on this site. */
  const decisionOf = async (siteName: string, title: string) => {
    const [row] = await db
      .select({ id: decisions.id })
      .from(decisions)
      .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
      .innerJoin(sites, eq(sites.id, proposals.siteId))
      .where(and(eq(sites.name, siteName), eq(proposals.title, title), sql`EXISTS (SELECT 1 FROM register_entries r WHERE r.decision_id = ${decisions.id})`));
    if (!row) throw new Error(`seed: no published decision for ${siteName} – ${title}`);
    return row.id;
  };

  /** The retention the file of this decision asked for, in days. */
  const retentionOf = async (decisionId: string) => {
    const [row] = await db.select({ days: proposals.retentionDays }).from(proposals).innerJoin(decisions, eq(decisions.proposalId, proposals.id)).where(eq(decisions.id, decisionId));
    return row?.days ?? 15;
  };

  interface Story {
    site: string;
    title: string;
    filed?: { on: string; reference: string; acknowledgedOn?: string };
    landlord?: { on: string; reference: string; convention?: { on: string; parties: string; reference: string } };
    cdvp?: { on: string; opinion: 'favourable' | 'favourable_with_reservations' | 'unfavourable' };
    decision?: { kind: 'granted'; on: string; order: string } | { kind: 'refused'; on: string; reason: string };
    conditions?: { index: number; status: 'met' | 'not_met'; note: string; on: string }[];
  }
  const stories: Story[] = [
    {
      site: 'Cité Lorilleux',
      title: 'Ruelle des garages',
      filed: { on: addMonths(monthsAgo(75), 1), reference: 'PREF92-VP-0187' },
      cdvp: { on: monthsAgo(73), opinion: 'favourable' },
      decision: { kind: 'granted', on: monthsAgo(73), order: 'AP 2020-VP-0412' },
    },
    {
      site: 'Résidence des Bergères',
      title: 'Parking extérieur, allée des Bergères',
      filed: { on: monthsAgo(58), reference: 'PREF92-VP-0935', acknowledgedOn: monthsAgo(58) },
      cdvp: { on: monthsAgo(57), opinion: 'favourable_with_reservations' },
      decision: { kind: 'granted', on: monthsAgo(57), order: 'AP 2022-VP-0118' },
    },
    {
      site: 'Résidence Arago',
      title: 'Parking souterrain, niveau -1',
      landlord: {
        on: monthsAgo(16),
        reference: 'CA Puteaux Habitat, délibération 2025-41',
        convention: { on: monthsAgo(15), parties: 'Préfet des Hauts-de-Seine, Puteaux Habitat (OPH), commune de Puteaux', reference: 'Convention PREF92-L272-2-0012' },
      },
    },
    {
      site: 'Cité Jean-Jaurès',
      title: 'Hall et boîtes aux lettres, bâtiment C',
      landlord: { on: monthsAgo(13), reference: 'CA Hauts-de-Seine Habitat, délibération 2025-77' },
      conditions: [
        { index: 0, status: 'met', note: 'Masquage des portes palières vérifié sur l’écran du bailleur.', on: monthsAgo(10) },
        { index: 1, status: 'met', note: 'Affiches bilingues posées dans le hall et à l’entrée, photos au dossier.', on: monthsAgo(12) },
      ],
    },
    {
      site: 'Résidence du Quai',
      title: 'Arceaux à vélos du quai',
      filed: { on: monthsAgo(11), reference: 'PREF92-VP-2702', acknowledgedOn: monthsAgo(11) },
      cdvp: { on: monthsAgo(9), opinion: 'unfavourable' },
      decision: { kind: 'refused', on: monthsAgo(8), reason: 'La commission départementale juge une caméra sur la voie publique disproportionnée pour des vols de vélos ; proposer des arceaux sécurisés.' },
      conditions: [{ index: 0, status: 'not_met', note: 'Le système n’a pas été installé : l’autorisation a été refusée.', on: monthsAgo(8) }],
    },
    { site: 'Les Terrasses du Marché', title: 'Entrée du parking', filed: { on: monthsAgo(8), reference: 'PREF92-VP-2866', acknowledgedOn: monthsAgo(8) } },
    {
      site: 'Cité Lorilleux',
      title: 'Dépôts sauvages, rue Lorilleux',
      filed: { on: monthsAgo(8), reference: 'PREF92-VP-2871', acknowledgedOn: monthsAgo(8) },
      cdvp: { on: monthsAgo(6), opinion: 'favourable' },
      decision: { kind: 'granted', on: monthsAgo(5), order: 'AP 2026-VP-0104' },
    },
    { site: 'Résidence Arago', title: 'Parvis et porche', filed: { on: daysAgo(21), reference: 'PREF92-VP-3015' } },
  ];
  for (const story of stories) {
    const decisionId = await decisionOf(story.site, story.title);
    // Each step carries the record's revision, as a form would (0 before the first).
    const revision = async () => (await db.select({ r: authorisations.revision }).from(authorisations).where(eq(authorisations.decisionId, decisionId)))[0]?.r ?? 0;
    if (story.filed) await run(COMMANDS.recordAuthorisationFiling, { decisionId, revision: await revision(), filedOn: story.filed.on, prefectureReference: story.filed.reference });
    if (story.filed?.acknowledgedOn) await run(COMMANDS.recordAcknowledgement, { decisionId, revision: await revision(), acknowledgedOn: story.filed.acknowledgedOn });
    if (story.cdvp) await run(COMMANDS.recordCdvpOpinion, { decisionId, revision: await revision(), cdvpOpinionOn: story.cdvp.on, cdvpOpinion: story.cdvp.opinion });
    if (story.decision) {
      const d = story.decision;
      await run(COMMANDS.recordPrefectDecision, {
        decisionId,
        revision: await revision(),
        decision: d.kind,
        decidedOn: d.on,
        orderReference: d.kind === 'granted' ? d.order : '',
        // The order sets the retention (CSI L252-5): the one the file asked for.
        orderRetentionDays: d.kind === 'granted' ? await retentionOf(decisionId) : '',
        refusalReason: d.kind === 'refused' ? d.reason : '',
      });
    }
    if (story.landlord) {
      const { on, reference, convention } = story.landlord;
      await run(COMMANDS.recordLandlordDecision, {
        decisionId,
        revision: 0,
        boardDecidedOn: on,
        boardReference: reference,
        policeTransmission: convention !== undefined,
        conventionSignedOn: convention?.on ?? '',
        conventionParties: convention?.parties ?? '',
        conventionReference: convention?.reference ?? '',
      });
    }
    for (const c of story.conditions ?? []) await run(COMMANDS.markCondition, { decisionId, conditionIndex: c.index, revision: 0, status: c.status, note: c.note, checkedOn: c.on });
  }

  // The most recent files: Les Pavillons filed ten days ago, one of its overdue conditions found not met; Résidence Voltaire not filed yet.
  const [pavillons] = await db
    .select({ title: proposals.title })
    .from(proposals)
    .innerJoin(sites, eq(sites.id, proposals.siteId))
    .innerJoin(decisions, eq(decisions.proposalId, proposals.id))
    .where(and(eq(sites.name, 'Les Pavillons'), eq(decisions.outcome, 'favourable_with_conditions')));
  if (pavillons) {
    const decisionId = await decisionOf('Les Pavillons', pavillons.title);
    await run(COMMANDS.recordAuthorisationFiling, { decisionId, revision: 0, filedOn: daysAgo(10), prefectureReference: 'PREF92-VP-3044' });
    await run(COMMANDS.markCondition, { decisionId, conditionIndex: 0, revision: 0, status: 'not_met', note: 'Les fenêtres des pavillons riverains ne sont pas encore masquées.', checkedOn: daysAgo(2) });
  }
}
