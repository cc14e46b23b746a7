import { apiRoute, json } from '@/lib/http/handler';
import { listConnectionDtos } from '@/lib/connections/dtos';
import { noQuery } from '@/lib/http/query';

// GET /api/connections: the organization's connected accounts and their capabilities, no credentials.
export const GET = apiRoute({ role: 'viewer', query: noQuery }, async ({ user }) => json(await listConnectionDtos(user.organizationId)));
