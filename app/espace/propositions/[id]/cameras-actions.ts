'use server';

import type { z } from 'zod';
import { formAction, recordPath } from '@/lib/actions';
import { formString } from '@/lib/forms';
import { decommissionCameraFormSchema } from '@/lib/validation/cameras';
import { COMMANDS } from '@/lib/workflow';
import type { Command } from '@/lib/workflow/command';
import { confirmed } from '@/lib/workflow/confirmed';
import type { StepState } from '@/app/espace/seances/actions';

/**
 * The forms of the file page's "Cameras in service" section and its "Propose a change"
 * button: plain forms (no JavaScript needed) posted to these actions; a success goes back
 * to the file at the section (or to the new draft), a refusal comes back to the form,
 * translated, with what was typed.
 */

const LIST = '/espace/propositions';
type Action = (previous: StepState, formData: FormData) => Promise<StepState>;

function typed(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === 'string' && !name.startsWith('$')) values[name] = value;
  return values;
}

function step<S extends z.ZodType, R>(command: Command<S, R>, read: (formData: FormData) => unknown, to: (value: R, formData: FormData) => string): Action {
  return async (previous, formData) => {
    const run = formAction<S, R, Pick<StepState, 'values'>>(command, read, {
      onSuccess: (value) => ({ redirect: to(value, formData) }),
      onFailure: () => ({ values: typed(formData) }),
    });
    return run(previous, formData);
  };
}

const field = (formData: FormData, name: string) => formString(formData, name);
const backToSection = (formData: FormData, flag: string) => `${recordPath(LIST, field(formData, 'proposalId'))}?ok=${flag}#service-title`;

/** One row per camera of the form: `cameras.<i>.cameraId` and `cameras.<i>.commissionedOn` (empty: not in service yet). */
export const commissionCamerasAction: Action = step(
  COMMANDS.commissionCameras,
  (f) => {
    const rows = [];
    for (let i = 0; f.has(`cameras.${i}.cameraId`) && i < 200; i++) rows.push({ cameraId: field(f, `cameras.${i}.cameraId`), commissionedOn: field(f, `cameras.${i}.commissionedOn`) ?? '' });
    return { proposalId: field(f, 'proposalId'), cameras: rows };
  },
  (_value, f) => backToSection(f, 'cameras_commissioned'),
);

export const decommissionCameraAction: Action = step(
  confirmed(COMMANDS.decommissionCamera, decommissionCameraFormSchema),
  (f) => ({ cameraId: field(f, 'cameraId'), decommissionedOn: field(f, 'decommissionedOn'), reason: field(f, 'reason'), confirmed: f.get('confirmed') === 'on' }),
  (_value, f) => backToSection(f, 'camera_decommissioned'),
);

/** The new draft opens in its edit page, pre-filled from the authorised file. */
export const proposeChangeAction: Action = step(COMMANDS.proposeChange, (f) => ({ decisionId: field(f, 'decisionId') }), ({ id }) => `${recordPath(LIST, id, '/modifier')}?ok=change_opened`);
