import type { SandboxDeclaration } from '../declaration';
import { SHOPLINE_ACCOUNTS, type ShoplineAccount } from './accounts';
import { ShoplineSimulator } from './routes';

export const shopline: SandboxDeclaration<'shopline', ShoplineAccount> = {
  provider: 'shopline',
  accounts: SHOPLINE_ACCOUNTS,
  // Each store is its own host: https://<handle>.myshopline.com.
  connection: ({ handle, accessToken }) => ({ path: `/shopline/${handle}`, settings: { handle }, credentials: { accessToken } }),
  createSimulator: (ctx) => new ShoplineSimulator(ctx),
};
