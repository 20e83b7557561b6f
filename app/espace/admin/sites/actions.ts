'use server';

import { buttonAction, formAction, recordPath } from '@/lib/actions';
import { formString } from '@/lib/forms';
import { SITE_FIELDS } from '@/lib/validation/sites';
import { COMMANDS } from '@/lib/workflow';

const LIST = '/espace/admin/sites';
const siteIdFrom = (formData: FormData) => ({ siteId: formString(formData, 'siteId') });
const back = (formData: FormData) => recordPath(LIST, formString(formData, 'siteId'));

/** The site's fields as typed: the command parses them, and a refused form shows them again. */
function typedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(SITE_FIELDS.map((field) => [field, formString(formData, field) ?? '']));
}
/** A refused form shows the values as typed again (the raw input holds them, read by typedValues). */
const showTypedValues = (raw: unknown) => {
  const typed = raw as Record<string, string>;
  return { values: Object.fromEntries(SITE_FIELDS.map((field) => [field, typed[field] ?? ''])) };
};

export const createSiteAction = formAction(COMMANDS.createSite, typedValues, {
  onSuccess: ({ id }) => ({ redirect: `${recordPath(LIST, id)}?ok=created` }),
  onFailure: showTypedValues,
});

export const updateSiteAction = formAction(
  COMMANDS.updateSite,
  (formData) => ({ ...typedValues(formData), ...siteIdFrom(formData), revision: formString(formData, 'revision') }),
  {
    // A redirect, not a returned state: the page re-reads the row and hands the form its new revision.
    onSuccess: ({ changed }, { siteId }) => ({ redirect: `${recordPath(LIST, siteId)}?ok=${changed.length ? 'updated' : 'unchanged'}` }),
    onFailure: showTypedValues,
  },
);

// The archive and restore buttons: they work without JavaScript (redirect with a flash).
export const archiveSiteAction = buttonAction(COMMANDS.archiveSite, siteIdFrom, { back, ok: () => 'archived' });

export const restoreSiteAction = buttonAction(COMMANDS.restoreSite, siteIdFrom, { back, ok: () => 'restored' });
