import type { SandboxDeclaration } from '../declaration';
import { NEOX_ACCOUNTS, type NeoxAccount } from './accounts';
import { NeoxSimulator } from './routes';

export const neox: SandboxDeclaration<'neox', NeoxAccount> = {
  provider: 'neox',
  accounts: NEOX_ACCOUNTS,
  connection: (account) => ({
    path: '/neox',
    settings: { subMerchantId: account.subMerchantId },
    credentials: { clientId: account.clientId, clientSecret: account.clientSecret },
  }),
  createSimulator: (ctx) => new NeoxSimulator(ctx),
};
