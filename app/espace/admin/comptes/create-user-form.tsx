'use client';

import type { z } from 'zod';
import { CheckedForm } from '@/app/_components/checked-form';
import { TextField } from '@/app/_components/form-fields';
import { useCheckedActionForm } from '@/app/_components/use-checked-action-form';
import type { FormState } from '@/lib/forms';
import { createUserSchema } from '@/lib/validation/users';
import { createUserAction } from './actions';
import { ROLES } from '@/lib/domain/vocabulary';

type Input = z.input<typeof createUserSchema>;

interface Props {
  labels: Record<'name' | 'email' | 'password' | 'passwordHint' | 'rolesLegend' | 'submit' | 'required', string>;
  roleLabels: Record<(typeof ROLES)[number], string>;
}

/**
 * Checked in the browser with the same zod schema the server runs; without JavaScript
 * the form posts straight to the server action, which checks everything again.
 */
export function CreateUserForm({ labels, roleLabels }: Props) {
  const checked = useCheckedActionForm<Input, z.output<typeof createUserSchema>, FormState>({
    schema: createUserSchema,
    action: createUserAction,
    defaultValues: { name: '', email: '', password: '', roles: [] },
    // The roles are a group of boxes: its first box stands for it.
    idFor: (path) => (path.startsWith('roles') ? `role-${ROLES[0]}` : path),
  });
  const { form, pending, errorFor } = checked;
  const { register } = form;
  return (
    <CheckedForm checked={checked}>
      <TextField id="name" label={labels.name} required requiredLabel={labels.required} autoComplete="off" error={errorFor('name')} {...register('name')} />
      <TextField id="email" type="email" label={labels.email} required requiredLabel={labels.required} autoComplete="off" error={errorFor('email')} {...register('email')} />
      <TextField
        id="password"
        type="password"
        label={labels.password}
        hint={labels.passwordHint}
        required
        requiredLabel={labels.required}
        autoComplete="new-password"
        error={errorFor('password')}
        {...register('password')}
      />
      <fieldset className="field">
        <legend>{labels.rolesLegend}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox" htmlFor={`role-${role}`}>
            <input type="checkbox" id={`role-${role}`} value={role} {...register('roles')} /> {roleLabels[role]}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </CheckedForm>
  );
}
