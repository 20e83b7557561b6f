import { z } from 'zod';
import { isCalendarDay } from '@/lib/domain/authorisation';
import { confirmation, requiredText, uuid } from './fields';

/**
 * Schemas of the cameras-in-service commands (issue 10, item 2): the day each camera of
 * an authorised file was put in service, a camera taken out of service with its reason
 * (published in the register), and a change proposed to an authorised system.
 */

/** A Paris calendar day as a date input sends it ("YYYY-MM-DD", a day that exists). */
export const serviceDay = z.string({ error: 'validation.date' }).trim().refine(isCalendarDay, { error: 'validation.date' });

/** The public reason of a decommissioning: it becomes the register entry's note. */
export const DECOMMISSION_REASON_MAX = 1000;

/**
 * One row per camera of the form; a row with an empty day is a camera not (yet) put in
 * service and is skipped, so the rows keep the form's order and an error names its field.
 */
export const commissionCamerasSchema = z.object({
  proposalId: uuid,
  cameras: z
    .array(z.object({ cameraId: uuid, commissionedOn: z.union([z.literal(''), serviceDay]).default('') }), { error: 'validation.invalid' })
    .min(1, { error: 'validation.required' })
    .max(100, { error: 'validation.too_many' }),
});
export type CommissionCamerasInput = z.output<typeof commissionCamerasSchema>;

export const decommissionCameraSchema = z.object({
  cameraId: uuid,
  decommissionedOn: serviceDay,
  reason: requiredText(DECOMMISSION_REASON_MAX),
});
export const decommissionCameraFormSchema = decommissionCameraSchema.extend(confirmation('validation.confirm_decommission'));

/** A technician proposes a change to the system a published favourable decision authorised. */
export const proposeChangeSchema = z.object({ decisionId: uuid });
