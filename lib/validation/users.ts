import { z } from 'zod';
import { email, newPassword, requiredText, uuid } from './fields';
import { ROLES } from '@/lib/domain/vocabulary';

export const role = z.enum(ROLES, { error: 'validation.role' });

export const signInSchema = z.object({
  email,
  password: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
});

export const createUserSchema = z.object({
  name: requiredText(120),
  email,
  password: newPassword,
  roles: z.array(role).max(ROLES.length).default([]),
});

export const resetPasswordSchema = z.object({ userId: uuid, password: newPassword });
export const roleChangeSchema = z.object({ userId: uuid, role });
export const allowSsoLinkSchema = z.object({ userId: uuid });
export const setActiveSchema = z.object({ userId: uuid, active: z.boolean({ error: 'validation.invalid' }) });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }),
    newPassword,
    confirmPassword: z.string({ error: 'validation.required' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: 'validation.password_mismatch' });
