import type { Page } from 'playwright-core';

/**
 * An SVG document as Chromium reads it: its strict XML parser's error (null
 * when well-formed), the text of each card (its lines joined by spaces), and
 * the text that runs outside its card once drawn with the page's fonts.
 */
export async function drawSvg(
  page: Page,
  svg: string,
): Promise<{ error: string | null; cards: string[]; overflows: string[] }> {
  await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    if (error) return { error, cards: [], overflows: [] };
    document.body.append(document.importNode(doc.documentElement, true));
    const cards: string[] = [];
    const overflows: string[] = [];
    for (const card of document.querySelectorAll('g.card')) {
      cards.push([...card.querySelectorAll('tspan')].map((t) => t.textContent).join(' '));
      const box = (card.querySelector('rect') as SVGRectElement).getBBox();
      for (const text of card.querySelectorAll('text')) {
        const b = text.getBBox();
        const inside =
          b.x >= box.x + 5 &&
          b.x + b.width <= box.x + box.width - 1 &&
          b.y + b.height <= box.y + box.height;
        if (!inside) overflows.push(text.textContent ?? '');
      }
    }
    return { error, cards, overflows };
  }, svg);
}
