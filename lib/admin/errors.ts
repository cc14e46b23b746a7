import { ApiError } from '@/lib/http/api-error';
import type { FieldErrors } from './schemas';

/** A form's input is invalid: a 400 whose `fields` name each bad field with a message to show next to it. */
export class FieldError extends ApiError {
  override readonly name = 'FieldError';
  constructor(
    readonly fields: FieldErrors,
    message = 'Some fields need attention.',
  ) {
    super(400, 'invalid_input', message);
  }
}

/** The change would leave the organization without an admin. */
export const lastAdmin = () =>
  new ApiError(409, 'last_admin', 'The organization needs at least one admin: make someone else an admin first.');
