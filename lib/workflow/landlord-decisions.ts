import { eq } from 'drizzle-orm';
import { landlordDecisions } from '@/db/schema';
import { landlordDecisionIssues } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { AppError, type FieldErrors } from '@/lib/errors';
import { announcePublicChange } from '@/lib/public-changes';
import { recordLandlordDecisionSchema } from '@/lib/validation/authorisations';
import { recordEvent } from './audit';
import { keepCommissioningsAuthorised, requireAuthorisable } from './authorisations';
import { defineCommand } from './command';

/**
 * A landlord's common-area cameras (regime `private_common_area`) have no prefectoral
 * procedure: the landlord is the controller (GDPR art. 6.1.f), and its board decides. The
 * city records that decision (its day and reference) and, when the images go to the police
 * in real time, the convention CSI L272-2 (formerly CCH L126-1-1) requires: its day, its
 * parties, its reference. The same rules as the prefect's authorisation:
 * - only for a published favourable decision, not revoked, with at least one camera in a
 *   landlord's common area;
 * - days that exist and have come (Paris);
 * - the convention given in full when images go to the police, and not at all otherwise;
 * - a correction may not leave a camera put in service before the board's decision;
 * - the form carries the record's revision (0 before the first): a form opened before
 *   someone else's change is refused; every record is an audit event.
 */
export const recordLandlordDecision = defineCommand({
  name: 'recordLandlordDecision',
  permission: 'authorisations.manage',
  schema: recordLandlordDecisionSchema,
  async run(tx, actor, input) {
    const { proposalId } = await requireAuthorisable(tx, input.decisionId, 'landlord');
    const [row] = await tx.select().from(landlordDecisions).where(eq(landlordDecisions.decisionId, input.decisionId)).for('update');
    if ((row?.revision ?? 0) !== input.revision) throw new AppError('conflict:stale_version');

    const issues = landlordDecisionIssues(input, parisDate(new Date()));
    if (issues.length) {
      const errors: FieldErrors = {};
      for (const issue of issues) errors[issue.path] ??= `followUp.issues.${issue.reason}`;
      throw new AppError('invalid', errors);
    }
    await keepCommissioningsAuthorised(tx, proposalId, 'landlord', { authorisation: null, landlordDecision: { boardDecidedOn: input.boardDecidedOn } }, 'boardDecidedOn');

    const convention = input.policeTransmission
      ? { conventionSignedOn: input.conventionSignedOn, conventionParties: input.conventionParties, conventionReference: input.conventionReference }
      : { conventionSignedOn: null, conventionParties: null, conventionReference: null };
    const values = { boardDecidedOn: input.boardDecidedOn, boardReference: input.boardReference, policeTransmission: input.policeTransmission, ...convention };
    let revision = 1;
    if (row) {
      revision = row.revision + 1;
      await tx
        .update(landlordDecisions)
        .set({ ...values, revision, updatedAt: new Date() })
        .where(eq(landlordDecisions.id, row.id));
    } else await tx.insert(landlordDecisions).values({ decisionId: input.decisionId, ...values });
    // The public decision page says whether the common-area cameras are authorised: every instance recomputes it.
    await announcePublicChange(tx, 'authorisation');
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'landlord.decision_recorded',
      entityId: proposalId,
      details: {
        decisionId: input.decisionId,
        boardDecidedOn: input.boardDecidedOn,
        boardReference: input.boardReference,
        policeTransmission: input.policeTransmission,
        conventionSignedOn: convention.conventionSignedOn,
        conventionReference: convention.conventionReference,
        correction: row !== undefined,
      },
    });
    return { revision, proposalId };
  },
});
