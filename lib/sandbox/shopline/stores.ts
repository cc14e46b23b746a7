import { SHOPLINE_ACCOUNTS, type ShoplineAccount } from './accounts';

/** Shape of a simulated store's history; everything else is derived from (seed, handle, index). */
export interface StoreParams {
  account: ShoplineAccount;
  /** Three digits inside every id of this store, so ids never collide across stores. */
  code: string;
  /** CN-entity store: payout_status is always empty and the payout_id filter is refused. */
  cn: boolean;
  /** Average seconds between two transactions. */
  gapSeconds: number;
  /** Transactions per payout, payout line included (roughly one business day). */
  blockMin: number;
  blockMax: number;
  /** At least this many newest transactions are not paid out yet (they make up balance.json). */
  unpaidMin: number;
  /** Weight of each of account.currencies when picking a payout's currency. */
  currencyWeights: readonly number[];
}

type StoreShape = Omit<StoreParams, 'account'>;

const SHAPES: Readonly<Record<string, StoreShape>> = {
  acme: { code: '101', cn: false, gapSeconds: 3_600, blockMin: 14, blockMax: 34, unpaidMin: 30, currencyWeights: [88, 12] },
  globex: { code: '102', cn: false, gapSeconds: 5_100, blockMin: 10, blockMax: 24, unpaidMin: 20, currencyWeights: [70, 30] },
  bench: { code: '103', cn: false, gapSeconds: 63, blockMin: 300, blockMax: 700, unpaidMin: 800, currencyWeights: [100] },
  cnstore: { code: '104', cn: true, gapSeconds: 10_000, blockMin: 5, blockMax: 13, unpaidMin: 8, currencyWeights: [100] },
};

export function storeParams(handle: string): StoreParams | undefined {
  const account = SHOPLINE_ACCOUNTS.find((a) => a.handle === handle);
  const shape = SHAPES[handle];
  if (!account || !shape) return undefined;
  if (shape.currencyWeights.length !== account.currencies.length) {
    throw new Error(`store ${handle}: one weight per currency expected`);
  }
  return { account, ...shape };
}
