import { checkScreen, expect, journey, logIn, test, totpCode, useLanguage } from './support/fixtures';
import { freshColleague, VOKA } from './support/api';
import { exactly, fill, loginTexts, MESSAGES } from './support/messages';

/**
 * Review F11: a person who sets up a second factor gets recovery codes, shown once with copy and
 * download, and can log in with one when the phone is gone; the screen then counts what is left.
 */
test('a user sets up a second factor, stores the recovery codes and logs in with one (en)', async ({ page, state, pageProblems: _ }) => {
  journey('second-factor recovery codes', 'en');
  const m = MESSAGES.en;
  const s = m.secondFactor;
  const password = 'copper-meadow-beacon-31';
  const person = await freshColleague(page, state, 'Rosa', password);

  await useLanguage(page, 'en');
  await logIn(page, { tenant: VOKA, email: person.email, password }, loginTexts(m));
  await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(m.nav.secondFactor) }).click();
  await page.getByRole('button', { name: exactly(s.setUp) }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!;
  await page.getByLabel(exactly(s.code)).fill(await totpCode(secret));
  await page.getByRole('button', { name: exactly(s.confirm) }).click();

  // The codes, once: ten of them, and no way on before they are said to be stored.
  await expect(page.getByRole('heading', { name: s.codesTitle })).toBeVisible();
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  expect(codes).toHaveLength(10);
  await expect(page.getByRole('button', { name: exactly(s.copy) })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: exactly(s.download) }).click();
  expect((await download).suggestedFilename()).toBe('chancery-recovery-codes.txt');
  const next = page.getByRole('button', { name: exactly(s.continue) });
  await expect(next).toBeDisabled();
  await checkScreen(page, 'recovery-codes');
  await page.getByLabel(s.stored).check();
  await next.click();
  await expect(page.getByTestId('recovery-codes')).toHaveCount(0);

  // The phone is gone: log out, and in again with a recovery code.
  await page.getByRole('button', { name: m.nav.logout }).click();
  const texts = loginTexts(m);
  await page.goto('/login');
  await expect(page.getByLabel(texts.tenant).locator('option')).not.toHaveCount(3);
  await page.getByLabel(texts.tenant).selectOption(VOKA);
  await page.getByLabel(texts.email).fill(person.email);
  await page.getByLabel(texts.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: exactly(m.login.useRecoveryCode) }).click();
  await page.getByLabel(new RegExp(`^${m.login.recoveryCode}`)).fill(codes[0]!);
  await page.getByRole('button', { name: texts.submit }).click();
  await expect(page).toHaveURL(/\/app/);

  await page.getByRole('navigation', { name: m.app.portalNavigation }).getByRole('link', { name: exactly(m.nav.secondFactor) }).click();
  await expect(page.getByTestId('recovery-remaining')).toContainText(fill(s.recoveryRemaining, { count: 9, date: '' }).split(',')[0]!);
  await checkScreen(page, 'second-factor-recovery');
});
