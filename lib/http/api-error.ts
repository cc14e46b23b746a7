/** An error a route handler answers with: status plus `{ error: { code, message } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = () => new ApiError(403, 'forbidden', 'Your role does not allow this.');
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found.`);
