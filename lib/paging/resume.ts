import 'server-only';
import { z } from 'zod';
import { ApiError } from '@/lib/http/api-error';
import { queryKeys } from '@/lib/http/handler';
import { parseQuery } from '@/lib/http/query';

/** Where an unfinished count resumes: the token the previous answer gave. */
export const resumeParam = z.string().min(1).max(40_000).optional();

/**
 * A list's query reader with the totals' `resume` token beside it: the token is taken out, the rest parsed
 * strictly by the list's own schema (400 naming the parameter).
 */
export function withResume<T>(schema: z.ZodType<T>) {
  return {
    keys: [...queryKeys(schema), 'resume'],
    parse(params: URLSearchParams): { readonly query: T; readonly resume: string | undefined } {
      const search = new URLSearchParams(params);
      const resume = resumeParam.safeParse(search.get('resume') ?? undefined);
      if (!resume.success || search.getAll('resume').length > 1) throw new ApiError(400, 'invalid_parameter', 'Invalid query parameter "resume".');
      search.delete('resume');
      return { query: parseQuery(schema, search), resume: resume.data };
    },
  };
}
