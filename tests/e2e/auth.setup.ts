import { test as setup } from '@playwright/test';
import { authFile, SIGNED_IN_USERS, signIn } from './support';

// One sign-in per user for the whole run; specs start signed in from the saved state.
for (const email of SIGNED_IN_USERS) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await signIn(page, email);
    await page.context().storageState({ path: authFile(email) });
  });
}
