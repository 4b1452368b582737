// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceReader } from '@/components/reader/source-reader';
import { SourceQuote } from '@/components/ui/source-quote';
import type { SourceDoc } from '@/lib/domain/types';

afterEach(cleanup);

const strakes: SourceDoc = {
  id: 'strakes',
  title: 'Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception?',
  author: 'Strakes, Jason E.',
  qualifications: 'Director of research, CFPSS',
  publisher: 'BESA Center Perspectives Paper No. 1,798',
  publishedOn: '2020-11-04',
  url: null,
  accessedOn: null,
  format: 'PDF',
  side: 'AGAINST',
  text: 'The CSTO is a cooperative-security body.\n\nIt is not NATO.',
  pageStarts: [0, 42],
  pageLabels: [],
};
const turchenko: SourceDoc = {
  ...strakes,
  id: 'turchenko',
  title: 'Nagorno-Karabakh Shows Russia Has No Credibility',
  author: 'Mikhail Turchenko',
  qualifications: '',
  publisher: 'The Moscow Times',
  publishedOn: '2023-09-21',
  url: 'https://www.themoscowtimes.com/a82531',
  format: 'HTML',
  side: 'FOR',
  text: 'Russia failed Armenia.',
  pageStarts: [],
};

describe('citations in the source reader', () => {
  it("cites the source on show in the class's style, and follows the tab chosen", async () => {
    render(
      <SourceReader
        sources={[strakes, turchenko]}
        citationStyle="MLA"
        nodes={[]}
        selectedNodeId={null}
        onSelectQuote={() => {}}
      />,
    );
    const citation = () => screen.getByText(/^MLA \(9th edition\)/).closest('p')!;
    expect(citation().textContent).toBe(
      'MLA (9th edition): Strakes, Jason E. Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception? BESA Center Perspectives Paper No. 1,798, 4 Nov. 2020.',
    );
    // The title of a whole work is set in italics.
    expect(within(citation()).getByText(strakes.title).tagName).toBe('I');

    await userEvent.click(screen.getByRole('tab', { name: /Mikhail Turchenko/ }));
    expect(citation().textContent).toBe(
      'MLA (9th edition): Turchenko, Mikhail. "Nagorno-Karabakh Shows Russia Has No Credibility." The Moscow Times, 21 Sept. 2023, www.themoscowtimes.com/a82531.',
    );
  });

  it('uses the debate cite when no style is given (a map outside a class)', () => {
    render(
      <SourceReader
        sources={[strakes]}
        nodes={[]}
        selectedNodeId={null}
        onSelectQuote={() => {}}
      />,
    );
    const citation = screen.getByText(/^Debate cite/).closest('p')!;
    expect(citation.textContent).toMatch(
      /^Debate cite: Strakes 2020 \(Jason E\. Strakes, Director of research, CFPSS, "Russia/,
    );
    // The tag read aloud is in bold.
    expect(within(citation).getByText('Strakes 2020').tagName).toBe('STRONG');
  });

  it('copies the citation as plain text', async () => {
    const user = userEvent.setup();
    render(
      <SourceReader
        sources={[turchenko]}
        citationStyle="CHICAGO"
        nodes={[]}
        selectedNodeId={null}
        onSelectQuote={() => {}}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy citation' }));
    expect(await navigator.clipboard.readText()).toBe(
      'Turchenko, Mikhail. 2023. "Nagorno-Karabakh Shows Russia Has No Credibility." The Moscow Times, September 21, 2023. https://www.themoscowtimes.com/a82531.',
    );
    expect(screen.getByRole('status').textContent).toBe('Copied.');
  });
});

describe('a quote with its citation', () => {
  const anchor = (source: SourceDoc, start: number, end: number) => ({
    sourceId: source.id,
    start,
    end,
    exact: source.text.slice(start, end),
    prefix: '',
    suffix: '',
  });

  it('gives the page or pages of a quote from a PDF', () => {
    const { container } = render(
      <>
        <SourceQuote anchor={anchor(strakes, 0, 8)} source={strakes} citationStyle="APA" />
        <SourceQuote anchor={anchor(strakes, 30, 50)} source={strakes} citationStyle="MLA" />
      </>,
    );
    const [first, second] = Array.from(container.querySelectorAll('blockquote'));
    expect(first!.textContent).toBe(
      '“The CSTO” — Strakes, J. E. (2020, November 4). Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception? BESA Center Perspectives Paper No. 1,798, p. 1.',
    );
    expect(second!.textContent).toMatch(/4 Nov\. 2020, pp\. 1–2\.$/);
  });

  it('gives no page for a source without pages', () => {
    const { container } = render(
      <SourceQuote anchor={anchor(turchenko, 0, 6)} source={turchenko} citationStyle="DEBATE" />,
    );
    const quote = container.querySelector('blockquote')!.textContent;
    expect(quote).toBe(
      '“Russia” — Turchenko 2023 (Mikhail Turchenko, "Nagorno-Karabakh Shows Russia Has No Credibility," The Moscow Times, September 21, 2023, https://www.themoscowtimes.com/a82531)',
    );
  });
});
