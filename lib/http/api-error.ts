/** Extra fields of an error body, safe to show (e.g. a provider's trace id); never secrets. */
export type ApiErrorDetails = Readonly<Record<string, string | number | null>>;

/** An error a route handler answers with: status plus `{ error: { code, message, ...details } }`. */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = () => new ApiError(403, 'forbidden', 'Your role does not allow this.');
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found.`);
