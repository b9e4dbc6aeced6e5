// Moving the explorer's as-of slider to a day, as a hand on it does: the value changes and `input` fires.
import type { Page } from 'playwright-core';

export async function slideTo(page: Page, day: string): Promise<void> {
  await page.getByTestId('asof-slider').evaluate((el, d) => {
    const input = el as HTMLInputElement;
    // The slider counts days from its first day, which it carries for exactly this (data-first).
    const first = Date.parse(input.dataset.first ?? '');
    input.value = String(Math.round((Date.parse(d) - first) / 86_400_000));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, day);
}
