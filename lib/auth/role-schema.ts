import { z } from 'zod';
import { ROLES } from './roles';

/** A role as stored or sent (server); ./roles holds the roles themselves, zod-free, for the browser. */
export const roleSchema = z.enum(ROLES);
