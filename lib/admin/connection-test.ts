import { isProviderError } from '@/lib/providers/errors';
import { providerDefinition } from '@/lib/providers/registry';
import type { ProviderId } from '@/lib/providers/types';

export type TestProblem = 'auth' | 'forbidden' | 'wrong_path' | 'unreachable' | 'timeout' | 'not_the_api' | 'provider' | 'credentials';

export type TestResult =
  | { readonly ok: true; readonly message: string }
  | {
      readonly ok: false;
      readonly problem: TestProblem;
      readonly message: string;
      readonly traceId: string | null;
      readonly status: number | null;
    };

/** A failed test call in words an admin can act on: which field to fix, and the provider's trace id. */
export function explainTestFailure(provider: ProviderId, error: unknown): TestResult {
  const name = providerDefinition(provider).displayName;
  if (!isProviderError(error)) {
    return { ok: false, problem: 'unreachable', message: `Could not reach ${name}: check the base URL.`, traceId: null, status: null };
  }
  const base = { ok: false as const, traceId: error.traceId, status: error.status };
  switch (error.kind) {
    case 'auth':
      return { ...base, problem: 'auth', message: `${name} refused the credentials (401): check the token or client secret.` };
    case 'forbidden':
      return { ...base, problem: 'forbidden', message: `${name} answered 403: ${providerDefinition(provider).form.forbiddenHint}` };
    case 'not_found':
      return { ...base, problem: 'wrong_path', message: `Nothing answers at this address (404): check the base URL and its path.` };
    case 'timeout':
      return { ...base, problem: 'timeout', message: `${name} did not answer in time: check the base URL.` };
    case 'unavailable':
      return error.status === null
        ? { ...base, problem: 'unreachable', message: `Could not reach the host: check the base URL.` }
        : { ...base, problem: 'provider', message: `${name} is unavailable right now (${error.status}); try again later.` };
    case 'bad_response':
      return { ...base, problem: 'not_the_api', message: `The address answered, but not as ${name}’s API does: check the base URL.` };
    case 'rate_limited':
    case 'invalid_request':
      return { ...base, problem: 'provider', message: error.message };
    default: {
      const unknownKind: never = error.kind;
      return { ...base, problem: 'provider', message: String(unknownKind) };
    }
  }
}
