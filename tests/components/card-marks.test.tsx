// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvidenceCard } from '@/components/map/evidence-card';
import type { CardMarks } from '@/lib/domain/evidence/card';
import type { GraphNode } from '@/lib/domain/types';

afterEach(cleanup);

const PASSAGE = 'Solar power is now cheaper than coal in most of the world.';

const evidence = (card: CardMarks | null): GraphNode => ({
  id: 'ev-1',
  kind: 'EVIDENCE',
  text: 'Solar beats coal on price',
  side: 'FOR',
  x: 0,
  y: 0,
  version: 3,
  anchor: {
    sourceId: 'src-1',
    exact: PASSAGE,
    prefix: 'the report says that ',
    suffix: ' It also',
    start: 100,
    end: 100 + PASSAGE.length,
  },
  card,
  tags: [],
});

/** Selects the passage's characters [start, end) with the mouse, as a person drags over them. */
async function dragOver(user: ReturnType<typeof userEvent.setup>, start: number, end: number) {
  const passage = screen.getByLabelText(/^Passage/);
  await user.pointer([
    { target: passage, offset: start, keys: '[MouseLeft>]' },
    { target: passage, offset: end },
    { keys: '[/MouseLeft]', target: passage, offset: end },
  ]);
}

describe('marking a card', () => {
  it('highlights the selected words with their offsets in the passage', async () => {
    const user = userEvent.setup();
    const onOps = vi.fn();
    render(
      <EvidenceCard
        node={evidence({ underline: [[0, 11]], highlight: [] })}
        cite="Lee 2024, Power prices"
        onOps={onOps}
      />,
    );
    expect((screen.getByRole('button', { name: 'Highlight' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const start = PASSAGE.indexOf('cheaper');
    const end = PASSAGE.indexOf(' in most');
    await dragOver(user, start, end);
    const highlight = screen.getByRole('button', { name: 'Highlight' });
    expect(highlight.getAttribute('aria-pressed')).toBe('false');
    await user.click(highlight);
    expect(onOps).toHaveBeenCalledWith([
      { type: 'markCard', id: 'ev-1', layer: 'highlight', range: [start, end], on: true },
    ]);
  });

  it('shows unmarked words (smaller), never drops them, and the tag, cite and read-aloud time', () => {
    render(
      <EvidenceCard
        node={evidence({ underline: [[0, 11]], highlight: [[19, 36]] })}
        cite="Lee 2024, Power prices"
      />,
    );
    const passage = screen.getByLabelText(/^Passage/);
    expect(passage.textContent).toBe(PASSAGE);
    const unmarked = passage.querySelector('[data-start="36"]')!;
    expect(unmarked.textContent).toBe(' in most of the world.');
    expect(unmarked.tagName).toBe('SPAN');
    expect(screen.getByText('cheaper than coal').tagName).toBe('MARK');
    expect(screen.getByText('Solar beats coal on price')).toBeTruthy();
    expect(screen.getByText('Lee 2024, Power prices')).toBeTruthy();
    // Three highlighted words at 250 a minute: under a second.
    expect(screen.getByText(/Reads in/).textContent).toMatch(
      /Reads in 0:01 at 250 words a minute \(3 highlighted words\)/,
    );
    // The source goes on after the passage, mid-sentence before it.
    expect(screen.getAllByText(/\[…\]/)).toHaveLength(1);
  });

  it('shows Highlight pressed over words already highlighted, and pressing it unmarks them', async () => {
    const user = userEvent.setup();
    const onOps = vi.fn();
    render(
      <EvidenceCard node={evidence({ underline: [], highlight: [[19, 36]] })} onOps={onOps} />,
    );
    await dragOver(user, 19, 31);
    const highlight = screen.getByRole('button', { name: 'Highlight' });
    expect(highlight.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Underline' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await user.click(highlight);
    expect(onOps).toHaveBeenCalledWith([
      { type: 'markCard', id: 'ev-1', layer: 'highlight', range: [19, 31], on: false },
    ]);
  });

  it('recomputes the read-aloud time at the chosen rate and remembers the rate', async () => {
    const user = userEvent.setup();
    const node = evidence({ underline: [], highlight: [[0, PASSAGE.length]] });
    const { unmount } = render(<EvidenceCard node={node} />);
    // Twelve words: 0:05 at 150 a minute.
    await user.selectOptions(screen.getByLabelText('Words a minute'), '150');
    expect(screen.getByText(/Reads in/).textContent).toMatch(/Reads in 0:05 at 150 words a minute/);
    unmount();
    render(<EvidenceCard node={node} />);
    expect((screen.getByLabelText('Words a minute') as HTMLSelectElement).value).toBe('150');
  });

  it('offers to cut an uncut quote as a card, for editors only', async () => {
    const user = userEvent.setup();
    const onOps = vi.fn();
    const { rerender } = render(<EvidenceCard node={evidence(null)} onOps={onOps} />);
    await user.click(screen.getByRole('button', { name: 'Cut as a card' }));
    expect(onOps).toHaveBeenCalledWith([
      {
        type: 'updateNode',
        id: 'ev-1',
        baseVersion: 3,
        card: { underline: [], highlight: [] },
      },
    ]);
    rerender(<EvidenceCard node={evidence(null)} />);
    expect(screen.queryByRole('button', { name: 'Cut as a card' })).toBeNull();
  });

  it("saves the team's own cut, starting from the shared marks, with the team's note", async () => {
    const user = userEvent.setup();
    const save = vi.fn(async () => true);
    render(
      <EvidenceCard
        node={evidence({ underline: [[0, 11]], highlight: [] })}
        team={{ name: 'Red', cut: null, save }}
      />,
    );
    await user.click(screen.getByRole('radio', { name: 'Our team’s cut' }));
    expect(screen.getByText(/Private to Red/)).toBeTruthy();
    await dragOver(user, 12, 18);
    await user.click(screen.getByRole('button', { name: 'Underline' }));
    expect(save).toHaveBeenCalledWith(expect.any(String), {
      underline: [
        [0, 11],
        [12, 18],
      ],
      highlight: [],
    });
  });
});
