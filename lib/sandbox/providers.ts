import { genpayment } from './genpayment';
import { neox } from './neox';
import { shopline } from './shopline';

/** The providers the sandbox simulates, one declaration each (lib/sandbox/<id>/index.ts): the only list of them. */
export const SANDBOX_DECLARATIONS = [genpayment, shopline, neox] as const;
