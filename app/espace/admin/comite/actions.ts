'use server';

import { formAction } from '@/lib/actions';
import { formString, type FormState } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

const PAGE = '/espace/admin/comite';

/** The form's values as typed, shown again when the server refuses them (nothing lost without JavaScript). */
export interface SettingsValues {
  quorumRule: string;
  quorumFixed: string;
  majorityRule: string;
  chairCastingVote: boolean;
  noticeDays: string;
  proxiesAllowed: boolean;
  renewalLeadMonths: string;
  cameraPrecision: string;
}
export type SettingsState = FormState & { values?: SettingsValues };

function typedValues(formData: FormData): SettingsValues {
  return {
    quorumRule: formString(formData, 'quorumRule') ?? '',
    quorumFixed: formString(formData, 'quorumFixed') ?? '',
    majorityRule: formString(formData, 'majorityRule') ?? '',
    chairCastingVote: formData.get('chairCastingVote') === 'on',
    noticeDays: formString(formData, 'noticeDays') ?? '',
    proxiesAllowed: formData.get('proxiesAllowed') === 'on',
    // Always sent: a blank field is refused as required, never read as "keep the stored value".
    renewalLeadMonths: formString(formData, 'renewalLeadMonths') ?? '',
    cameraPrecision: formString(formData, 'cameraPrecision') ?? '',
  };
}

export const updateSettingsAction = formAction<typeof COMMANDS.updateCommitteeSettings.schema, { revision: number }, Pick<SettingsState, 'values'>>(
  COMMANDS.updateCommitteeSettings,
  (formData) => ({ ...typedValues(formData), revision: formString(formData, 'revision') }),
  {
    // A redirect: the page re-reads the rules, their new revision and the history.
    onSuccess: ({ revision }, input) => ({ redirect: `${PAGE}?ok=${revision === input.revision ? 'unchanged' : 'updated'}` }),
    onFailure: (raw) => ({ values: raw as SettingsValues }),
  },
);
