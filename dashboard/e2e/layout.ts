import type { Page } from 'playwright-core';

/** How far the page reaches past the right edge of the viewport, and the widest offender. */
export async function overflow(page: Page): Promise<{ by: number; culprit: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let culprit = '';
    let widest = width;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      // Whatever is inside a box that scrolls on its own does not widen the page.
      if (el.closest('.table-scroll')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > widest + 0.5) {
        widest = r.right;
        culprit = `${el.tagName.toLowerCase()}.${String(el.className)} «${(el.textContent ?? '').trim().slice(0, 40)}»`;
      }
    }
    return { by: document.documentElement.scrollWidth - width, culprit };
  });
}

/**
 * A full-page screenshot to `file` (a full path), cut off at 2 400 px (the 357-row tables would make
 * it unreadable).
 */
export async function shot(page: Page, file: string) {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, 2400) },
    timeout: 120_000,
  });
}
