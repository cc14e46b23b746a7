import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings pages as an admin sees them: connections, members, organization, my account and the audit log. */
export class SettingsPage {
  readonly saveConnection: Locator;
  readonly testConnection: Locator;
  readonly pendingInvitations: Locator;
  readonly timeZone: Locator;
  readonly saved: Locator;
  readonly sessions: Locator;
  readonly endSessionButtons: Locator;

  constructor(readonly page: Page) {
    this.saveConnection = page.getByRole('button', { name: 'Save connection' });
    this.testConnection = page.getByRole('button', { name: 'Test connection' });
    this.pendingInvitations = page.getByRole('list', { name: 'Pending invitations' });
    this.timeZone = page.getByLabel('Time zone');
    this.saved = page.getByText('Saved. Every date now uses this time zone.');
    this.sessions = page.getByRole('list', { name: 'Signed-in sessions' });
    this.endSessionButtons = this.sessions.getByRole('button', { name: 'End session' });
  }

  async open(tab: 'connections' | 'members' | 'organization' | 'account' | 'audit'): Promise<void> {
    await this.page.goto(`/settings/${tab}`);
    await expect(this.page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  }

  /** Opens the Add connection form and fills it; the fields after Provider and Label are the provider's own. */
  async fillNewConnection(provider: string, label: string, fields: Readonly<Record<string, string>>): Promise<void> {
    await this.page.getByRole('button', { name: 'Add connection' }).click();
    await this.page.getByLabel('Provider').selectOption({ label: provider });
    await this.page.getByLabel('Label').fill(label);
    for (const [field, value] of Object.entries(fields)) await this.page.getByLabel(field).fill(value);
  }

  connection(label: string, provider: string): Locator {
    return this.page.getByRole('article', { name: `${label} (${provider})` });
  }

  async removeConnection(label: string, provider: string): Promise<void> {
    const card = this.connection(label, provider);
    await card.getByRole('button', { name: `Remove ${label} (${provider})` }).click();
    await card.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(card).toHaveCount(0);
  }

  /** Invites someone; with no SMTP the page shows the link to pass on, which this returns. */
  async invite(email: string, role: 'admin' | 'finance' | 'viewer'): Promise<string> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Role', { exact: true }).selectOption(role);
    await this.page.getByRole('button', { name: 'Send invitation' }).click();
    return this.page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  }

  roleOf(email: string): Locator {
    return this.page.getByRole('combobox', { name: `Role of ${email}` });
  }

  async removeMember(email: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${email}` }).click();
    await this.page.getByRole('button', { name: `Yes, remove ${email}` }).click();
  }

  async setTimeZone(zone: string): Promise<void> {
    await this.timeZone.fill(zone);
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

}
