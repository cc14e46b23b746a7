import { z } from 'zod';
import { roleSchema } from '@/lib/auth/role-schema';
import { isTimeZone } from '@/lib/domain/zone';

// Shared by the settings forms (checked as the person types and before sending) and their routes.

const email = z.string().trim().toLowerCase().pipe(z.email('Enter an email address like name@example.com').max(254));

/** The same rule as sign-up: 12 characters at least, at most 72 bytes (bcrypt ignores the rest). */
export const newPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .refine((value) => new TextEncoder().encode(value).length <= 72, 'Use at most 72 bytes');

export const inviteSchema = z.strictObject({ email, role: roleSchema });
export const roleChangeSchema = z.strictObject({ role: roleSchema });
export const organizationSettingsSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  timezone: z.string().refine(isTimeZone, 'Choose a time zone from the list'),
});
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password').max(1024),
  newPassword: newPasswordSchema,
});
export const acceptInvitationSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter your name').max(200, 'Use at most 200 characters'),
  password: z.string().min(1, 'Enter a password').max(1024),
});

const label = z.string().trim().min(1, 'Enter a label').max(100, 'Use at most 100 characters');
const values = z.record(z.string().max(100), z.string().max(4096, 'Too long'));

/** A connection form's body; settings and credentials are then checked with the provider's own schemas. */
export const connectionFormSchema = z.strictObject({
  provider: z.string().max(40),
  label,
  baseUrl: z.string().trim().max(2048, 'Too long').default(''),
  settings: values,
  credentials: values,
});
export const connectionTestSchema = connectionFormSchema.omit({ label: true }).extend({ label: label.optional() });
export const connectionEditSchema = z.strictObject({
  label: label.optional(),
  baseUrl: z.string().trim().max(2048, 'Too long').optional(),
  settings: values.optional(),
  disabled: z.boolean().optional(),
});
export const rotateCredentialsSchema = z.strictObject({ credentials: values });

export type FieldErrors = Record<string, string>;

/** zod issues as one message per field path ("settings.handle"), the first issue of each. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    fields[path] ??= issue.message;
  }
  return fields;
}
