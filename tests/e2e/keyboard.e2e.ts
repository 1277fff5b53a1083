import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItems } from '../fixtures/pages';
import { idsOf, openDaily, waitForCards } from './support';

let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

const helpState = () => {
  const dialog = document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot?.querySelector('dialog');
  return dialog ? { open: dialog.open, modal: dialog.matches(':modal'), text: dialog.textContent ?? '' } : null;
};
const focusedCard = () => document.activeElement?.getAttribute('data-pi-id') ?? null;

it('? opens the shortcuts as a modal dialog; Escape and a click outside close it, focus goes back', async () => {
  const items = makeItems(5);
  const page = await openDaily(h, items);
  await waitForCards(page, idsOf(items));
  await page.bringToFront();
  await page.keyboard.press('j');
  const first = idsOf(items)[0];
  await expect(page.evaluate(focusedCard)).resolves.toBe(first);

  await page.keyboard.press('?');
  const shown = await page.evaluate(helpState);
  expect(shown).toMatchObject({ open: true, modal: true });
  expect(shown?.text).toContain('Mark all on this page read');
  await page.keyboard.press('j'); // ignored while the dialog is open
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(helpState)).toBeNull(); // "close" fires a task later
  await expect(page.evaluate(focusedCard)).resolves.toBe(first);

  await page.keyboard.press('?');
  await page.mouse.click(5, 5); // on the backdrop, outside the dialog's box
  await expect.poll(() => page.evaluate(helpState)).toBeNull(); // "close" fires a task later
});
