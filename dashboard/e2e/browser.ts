import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; no browser can be downloaded on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. The browser tests drive Debian's Chromium: ` +
        'install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the login page, as a user would, and waits for the signed-in header. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email = 'admin@samordna.example',
  password = 'demo-admin-2026',
): Promise<void> {
  await page.goto(`${baseUrl}/logg-inn`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  // Attached, not visible: on a phone the user menu is folded behind the «Meny» button.
  await page.getByTestId('user-menu').waitFor({ state: 'attached' });
}
