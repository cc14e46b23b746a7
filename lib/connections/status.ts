import 'server-only';
import { getDb } from '@/lib/db/client';
import { recordConnectionOutcome } from '@/lib/db/connections';
import { log } from '@/lib/log';
import type { FailureDto } from './failure';

/** Records a call's outcome for the connection's status on the settings page; never fails the caller. */
export function noteOutcome(connectionId: string, failure: FailureDto | null): void {
  const outcome = failure ? { ok: false as const, message: failure.message, traceId: failure.traceId } : { ok: true as const };
  void getDb()
    .then((db) => recordConnectionOutcome(db, connectionId, outcome))
    .catch((error: unknown) => log.warn('connection.status_not_recorded', { connectionId, error: error instanceof Error ? error.name : 'unknown' }));
}
