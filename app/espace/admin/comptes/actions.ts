'use server';

import { buttonAction, formAction, recordPath } from '@/lib/actions';
import { formString } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

const LIST = '/espace/admin/comptes';
const back = (formData: FormData) => recordPath(LIST, formString(formData, 'userId'));
const roleChange = (formData: FormData) => ({ userId: formString(formData, 'userId'), role: formString(formData, 'role') });

export const createUserAction = formAction(
  COMMANDS.createUser,
  (formData) => ({
    name: formString(formData, 'name'),
    email: formString(formData, 'email'),
    password: formString(formData, 'password'),
    roles: formData.getAll('roles'),
  }),
  { onSuccess: ({ id }) => ({ redirect: `${recordPath(LIST, id)}?ok=created` }) },
);

export const resetPasswordAction = formAction(
  COMMANDS.resetPassword,
  (formData) => ({ userId: formString(formData, 'userId'), password: formString(formData, 'password') }),
  { onSuccess: (_value, _input, t) => ({ message: t('users.resetDone') }) },
);

// The one-button changes on the account page: they work without JavaScript (redirect with a flash).
export const grantRoleAction = buttonAction(COMMANDS.grantRole, roleChange, { back, ok: () => 'granted' });

export const revokeRoleAction = buttonAction(COMMANDS.revokeRole, roleChange, { back, ok: () => 'revoked' });

export const allowSsoLinkAction = buttonAction(COMMANDS.allowSsoLink, (formData) => ({ userId: formString(formData, 'userId') }), {
  back,
  ok: () => 'ssoLinkAllowed',
});

export const setActiveAction = buttonAction(
  COMMANDS.setUserActive,
  (formData) => ({ userId: formString(formData, 'userId'), active: formString(formData, 'active') === 'true' }),
  { back, ok: (_value, { active }) => (active ? 'reactivated' : 'deactivated') },
);
