import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { DEVELOPMENT_POLICY, PRODUCTION_POLICY, type BaseUrlPolicy } from '@/lib/providers/base-url';

/** Production: https and public hosts only, except the configured sandbox; development and tests: anything http(s). */
export function baseUrlPolicy(): BaseUrlPolicy {
  const env = serverEnv();
  if (env.nodeEnv !== 'production') return DEVELOPMENT_POLICY;
  return { ...PRODUCTION_POLICY, sandboxOrigin: env.sandboxUrl };
}
