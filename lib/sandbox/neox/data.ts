import type { NeoxAccount } from './accounts';
import { digits, intBetween, saltOf } from '../hash';
import { currencyExponent } from '../money';

export const ACCOUNT_TYPES = ['FUND_ACCOUNT', 'VCC_ACCOUNT', 'REFUND_ACCOUNT'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const CURRENCIES = ['CNH', 'USD', 'HKD', 'EUR', 'GBP', 'AUD', 'CAD', 'JPY', 'SGD', 'VND'] as const;

/** One balance row in minor units of its currency. */
export interface BalanceRow {
  accountNo: string;
  accountType: AccountType;
  currency: string;
  balance: bigint;
  availableBalance: bigint;
  frozenAmount: bigint;
}

interface RowSpec {
  accountType: AccountType;
  currency: string;
  /** Exact values for rows that exist to exercise the client (precision, mismatch flag). */
  fixed?: { availableBalance: bigint; frozenAmount: bigint; balance: bigint };
}

/** One row per currency of one account type, in order. */
const rows = (accountType: AccountType, ...currencies: string[]): RowSpec[] => currencies.map((currency) => ({ accountType, currency }));

const ROWS: Readonly<Record<string, readonly RowSpec[]>> = {
  ACME00000000001: [...rows('FUND_ACCOUNT', 'USD', 'HKD', 'EUR', 'VND'), ...rows('VCC_ACCOUNT', 'USD', 'EUR'), ...rows('REFUND_ACCOUNT', 'USD', 'HKD')],
  GLOBEX000000001: [
    ...rows('FUND_ACCOUNT', 'EUR', 'GBP'),
    // 19 significant digits: any float on the way turns it into 98765432109876540 or similar.
    {
      accountType: 'FUND_ACCOUNT',
      currency: 'USD',
      fixed: { availableBalance: 9876543210987600000n, frozenAmount: 54321n, balance: 9876543210987654321n },
    },
    ...rows('FUND_ACCOUNT', 'JPY'),
    ...rows('VCC_ACCOUNT', 'EUR', 'USD'),
    // Deliberately inconsistent: balance is 0.40 more than availableBalance + frozenAmount.
    {
      accountType: 'REFUND_ACCOUNT',
      currency: 'GBP',
      fixed: { availableBalance: 150000n, frozenAmount: 2000n, balance: 152040n },
    },
    ...rows('REFUND_ACCOUNT', 'JPY'),
  ],
};

// Major-unit ranges per account type, scaled for currencies whose unit is small.
const RANGES: Readonly<Record<AccountType, readonly [number, number]>> = {
  FUND_ACCOUNT: [2_000, 250_000],
  VCC_ACCOUNT: [500, 20_000],
  REFUND_ACCOUNT: [100, 8_000],
};
const UNIT_SCALE: Readonly<Record<string, number>> = { JPY: 150, VND: 25_000, HKD: 8 };
const TYPE_PREFIX: Readonly<Record<AccountType, string>> = { FUND_ACCOUNT: 'FA', VCC_ACCOUNT: 'VA', REFUND_ACCOUNT: 'RA' };

export function balanceRows(account: NeoxAccount, seed: number): BalanceRow[] {
  const salt = saltOf(`neox:${account.subMerchantId}`);
  return (ROWS[account.subMerchantId] ?? []).map((spec, row) => {
    const accountNo = `${TYPE_PREFIX[spec.accountType]}${digits(0, salt, row, 9, 16)}`;
    if (spec.fixed) return { accountNo, accountType: spec.accountType, currency: spec.currency, ...spec.fixed };
    const [min, max] = RANGES[spec.accountType];
    const scale = UNIT_SCALE[spec.currency] ?? 1;
    const minorPerMajor = 10n ** BigInt(currencyExponent(spec.currency));
    const major = BigInt(intBetween(seed, salt, row, 1, min, max) * scale);
    const cents = minorPerMajor === 1n ? 0n : BigInt(intBetween(seed, salt, row, 2, 0, Number(minorPerMajor) - 1));
    const availableBalance = major * minorPerMajor + cents;
    // A third of the rows have nothing frozen; the rest hold back 1-10 %.
    const frozenPercent = intBetween(seed, salt, row, 3, 0, 2) === 0 ? 0n : BigInt(intBetween(seed, salt, row, 4, 1, 10));
    const frozenAmount = (availableBalance * frozenPercent) / 100n;
    return {
      accountNo,
      accountType: spec.accountType,
      currency: spec.currency,
      availableBalance,
      frozenAmount,
      balance: availableBalance + frozenAmount,
    };
  });
}
