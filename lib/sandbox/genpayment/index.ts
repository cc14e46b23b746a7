import type { SandboxDeclaration } from '../declaration';
import { GENPAYMENT_ACCOUNTS, type GenPaymentAccount } from './accounts';
import { GenPaymentSimulator } from './routes';

export const genpayment: SandboxDeclaration<'genpayment', GenPaymentAccount> = {
  provider: 'genpayment',
  accounts: GENPAYMENT_ACCOUNTS,
  // Each shop is its own host: https://<shop>.genmystore.com.
  connection: ({ shop, accessToken }) => ({ path: `/genpayment/${shop}`, settings: { shop }, credentials: { accessToken } }),
  createSimulator: (ctx) => new GenPaymentSimulator(ctx),
};
