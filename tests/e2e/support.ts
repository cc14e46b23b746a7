import { expect, type Browser, type Page } from '@playwright/test';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, type SandboxAccount } from '@/lib/sandbox/accounts';

export const DEMO_PASSWORD = 'fundsight-demo';
export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4311}`;

/** The users the setup project signs in once per run; a spec takes one with `test.use(as(email))`. */
export const SIGNED_IN_USERS = ['finance@acme.test', 'admin@acme.test', 'viewer@acme.test', 'finance@globex.test'] as const;
export type SignedInUser = (typeof SIGNED_IN_USERS)[number];

export const authFile = (email: SignedInUser) => `test-results/.auth/${email}.json`;

/** Test options for a spec (or describe block) that starts signed in as this user. */
export const as = (email: SignedInUser) => ({ storageState: authFile(email) });

/** A second, already signed-in page for another user in the same test. */
export async function pageAs(browser: Browser, email: SignedInUser): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(email) });
  return context.newPage();
}

/** A real sign-in through the form, for specs about signing in (or that need a session of their own). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in');
}

export type SandboxFault = {
  provider: SandboxAccount['provider'];
  account?: string;
  path?: string;
  kind: 'status' | 'rate_limit' | 'delay' | 'malformed_json' | 'bad_amount' | 'drop_transaction' | 'payout_status';
  status?: number;
  /** For payout_status: the undocumented status the answers report. */
  value?: string;
  delayMs?: number;
  payoutId?: string;
  times?: number;
};

export async function injectFault(fault: SandboxFault): Promise<void> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.ok).toBe(true);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${SANDBOX_URL}/__sandbox/faults`, { method: 'DELETE' });
}

export function demoAccounts(merchant: 'acme' | 'globex'): SandboxAccount[] {
  return SANDBOX_ACCOUNTS.filter((a) => a.merchant === merchant && !a.label.startsWith('TEST ONLY'));
}

export function accountOf<P extends SandboxAccount['provider']>(key: string, provider: P) {
  const account = SANDBOX_ACCOUNTS.find((a) => a.key === key);
  if (!account || account.provider !== provider) throw new Error(`no sandbox account ${key}`);
  return account as Extract<SandboxAccount, { provider: P }>;
}

/** Reads a GenPayment balance straight from the sandbox, as the provider holds it. */
export async function genpaymentBalance(key: string) {
  const account = accountOf(key, 'genpayment');
  const response = await fetch(`${sandboxBaseUrl(SANDBOX_URL, account)}/api/202412/balance`, {
    headers: { 'X-Genstore-Access-Token': account.accessToken },
  });
  const body = (await response.json()) as {
    balance: { settlingAmount: string; settlementedAmount: string; currency: string };
  };
  return { label: account.label, ...body.balance };
}

/** The browser formats with Intl; the test formats the provider's string the same way (no float). */
export function formatted(amount: string, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' })
    .format(amount as Intl.StringNumericLiteral)
    .replace(/\s/g, ' ');
}

export const normalizeSpaces = (text: string) => text.replace(/\s+/g, ' ');
