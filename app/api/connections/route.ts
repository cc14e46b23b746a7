import { apiRoute, json } from '@/lib/http/handler';
import { noQuery } from '@/lib/http/params';
import { listConnectionDtos } from '@/lib/connections/dtos';

// GET /api/connections: the organization's connected accounts and their capabilities, no credentials.
export const GET = apiRoute({ role: 'viewer', query: noQuery }, async ({ user }) => json(await listConnectionDtos(user.organizationId)));
