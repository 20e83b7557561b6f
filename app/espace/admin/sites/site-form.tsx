'use client';

import type { HTMLAttributes } from 'react';
import type { z } from 'zod';
import { CheckedForm } from '@/app/_components/checked-form';
import { TextField } from '@/app/_components/form-fields';
import { useCheckedActionForm } from '@/app/_components/use-checked-action-form';
import type { FormState } from '@/lib/forms';
import { SITE_FIELDS, siteSchema, type SiteField, type SiteInput } from '@/lib/validation/sites';
import { createSiteAction, updateSiteAction } from './actions';

/** A refused form comes back with what was typed, so that nothing is lost without JavaScript. */
export interface SiteFormState extends FormState {
  values?: Record<string, string>;
}

type Labels = Record<SiteField | 'latitudeHint' | 'longitudeHint' | 'submit' | 'required', string>;

interface Props {
  /** Absent: a new site. Present: the site being edited and the revision the page showed. */
  site?: { id: string; revision: number };
  initial: Record<SiteField, string>;
  labels: Labels;
}

const INPUT_MODES: Partial<Record<SiteField, HTMLAttributes<HTMLInputElement>['inputMode']>> = {
  dwellings: 'numeric',
  latitude: 'decimal',
  longitude: 'decimal',
};

/**
 * The create and edit form of a site. Checked in the browser with the same zod schema
 * the server runs; without JavaScript it posts straight to the server action. Numbers
 * are text inputs: a number input would refuse the French decimal comma in some browsers.
 */
export function SiteForm({ site, initial, labels }: Props) {
  const prefix = site ? 'edit-site' : 'new-site';
  const checked = useCheckedActionForm<SiteInput, z.output<typeof siteSchema>, SiteFormState>({
    schema: siteSchema,
    action: site ? updateSiteAction : createSiteAction,
    defaultValues: initial,
    idFor: (path) => `${prefix}-${path}`,
  });
  const { form, state, pending, errorFor } = checked;
  const { register } = form;
  return (
    <CheckedForm checked={checked}>
      {site ? (
        <>
          <input type="hidden" name="siteId" value={site.id} />
          <input type="hidden" name="revision" value={site.revision} />
        </>
      ) : null}
      {SITE_FIELDS.map((field) => (
        <TextField
          key={field}
          id={`${prefix}-${field}`}
          type="text"
          label={labels[field]}
          hint={field === 'latitude' ? labels.latitudeHint : field === 'longitude' ? labels.longitudeHint : undefined}
          required
          requiredLabel={labels.required}
          autoComplete="off"
          inputMode={INPUT_MODES[field]}
          // Rendered by the server too, so the fields are filled in before (or without) JavaScript.
          defaultValue={state.values?.[field] ?? initial[field]}
          error={errorFor(field)}
          {...register(field)}
        />
      ))}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </CheckedForm>
  );
}
