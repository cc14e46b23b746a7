import { expect } from 'vitest';
import { ApiError } from '@/lib/http/api-error';

/** The message of the 400 that `run` must throw; fails the test on anything else, or on no error at all. */
export function refusalMessage(run: () => unknown, what: string): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    return (error as ApiError).message;
  }
  throw new Error(`expected ${what} to be refused`);
}
