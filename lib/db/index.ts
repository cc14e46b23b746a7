import 'server-only';

export { getDb } from './client';
export { openDb } from './open';
export { DatabaseUnavailableError, type Db, type DbConfig, type Queryable } from './types';
