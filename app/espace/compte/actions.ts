'use server';

import { formAction } from '@/lib/actions';
import { formString } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

export const changeOwnPasswordAction = formAction(
  COMMANDS.changeOwnPassword,
  (formData) => ({
    currentPassword: formString(formData, 'currentPassword'),
    newPassword: formString(formData, 'newPassword'),
    confirmPassword: formString(formData, 'confirmPassword'),
  }),
  { onSuccess: (_value, _input, t) => ({ message: t('account.passwordChanged') }) },
);
