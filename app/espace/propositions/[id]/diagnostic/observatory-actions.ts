'use server';

import { buttonAction, recordPath } from '@/lib/actions';
import { formString } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

/** The diagnostic's "reprendre les chiffres de l'observatoire" button: a plain form, back to the diagnostic with a flash. */
export const fillFactsAction = buttonAction(
  COMMANDS.fillFactsFromObservatory,
  (formData) => ({ diagnosticId: formString(formData, 'diagnosticId'), revision: formString(formData, 'revision') }),
  {
    back: (formData) => recordPath('/espace/propositions', formString(formData, 'proposalId'), '/diagnostic'),
    ok: () => 'facts_filled',
  },
);
