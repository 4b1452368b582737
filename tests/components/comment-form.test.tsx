// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommentForm, type Person } from '@/components/social/comment-form';
import { DiscussionPanel } from '@/components/social/discussion-panel';
import type { SocialView, TSocialOpInput } from '@/lib/domain/social';
import type { GraphNode } from '@/lib/domain/types';

afterEach(cleanup);

const ME: Person = { id: 'u-eli', name: 'Eli Moss' };
const ELIZA: Person = { id: 'u-eliza', name: 'Eliza Park' };
const ELLA: Person = { id: 'u-ella', name: 'Ella Stone' };
const BEN: Person = { id: 'u-ben', name: 'Ben Ortiz' };

const CLAIM: GraphNode = {
  id: 'n-claim',
  kind: 'CLAIM',
  text: 'Russia has lost its credibility as a peacekeeper',
  side: 'AGAINST',
  x: 0,
  y: 0,
  version: 1,
  anchor: null,
  card: null,
  tags: [],
};

const view = (overrides: Partial<SocialView> = {}): SocialView => ({
  seq: 0,
  viewerId: ME.id,
  comments: [],
  layers: [],
  people: [ME, ELIZA, ELLA, BEN],
  myTeam: null,
  layersRevealed: false,
  canComment: true,
  canSeeAllLayers: false,
  ...overrides,
});

/** The discussion of one claim, as Eli (who is on the map's roster himself) sees it. */
function renderDiscussion(onSend = vi.fn(async (_ops: TSocialOpInput[]) => true)) {
  render(
    <DiscussionPanel
      view={view()}
      nodes={[CLAIM]}
      edges={[]}
      focus={{ kind: 'NODE', id: CLAIM.id, label: CLAIM.text }}
      currentUserId={ME.id}
      onSend={onSend}
      onJump={() => {}}
    />,
  );
  return { onSend, box: screen.getByRole('combobox', { name: 'New comment' }) };
}

const offered = () =>
  screen.queryByRole('listbox', { name: 'People to mention' })
    ? within(screen.getByRole('listbox', { name: 'People to mention' }))
        .getAllByRole('option')
        .map((o) => o.textContent)
    : [];

describe('the comment box and its @mention picker', () => {
  it('offers the people whose names start with what follows "@", never the writer', async () => {
    const user = userEvent.setup();
    const { box } = renderDiscussion();

    await user.type(box, 'Ask @');
    expect(offered()).toEqual(['@Eliza Park', '@Ella Stone', '@Ben Ortiz']);
    expect(box.getAttribute('aria-expanded')).toBe('true');

    await user.type(box, 'el');
    expect(offered()).toEqual(['@Eliza Park', '@Ella Stone']);

    await user.type(box, 'iz');
    expect(offered()).toEqual(['@Eliza Park']);

    await user.type(box, 'x');
    expect(offered()).toEqual([]);
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers nobody for an "@" inside a word, such as an email address', async () => {
    const user = userEvent.setup();
    const { box } = renderDiscussion();
    await user.type(box, 'write to ben@el');
    expect(offered()).toEqual([]);
  });

  it('moves through the offers with the arrow keys, inserts the chosen one with Enter, and sends it as a structured mention', async () => {
    const user = userEvent.setup();
    const { box, onSend } = renderDiscussion();

    await user.type(box, 'Where does Turchenko say this? @el');
    const options = () => screen.getAllByRole('option');
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    await user.keyboard('{ArrowDown}'); // wraps round to the first
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');

    expect(box).toHaveProperty('value', 'Where does Turchenko say this? @Ella Stone ');
    expect(offered()).toEqual([]);

    await user.type(box, 'please check');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend.mock.calls[0]![0]).toEqual([
      {
        type: 'addComment',
        id: expect.any(String),
        nodeId: CLAIM.id,
        body: 'Where does Turchenko say this? @Ella Stone please check',
        mentions: [ELLA.id],
      },
    ]);
  });

  it('inserts the highlighted person with Tab too, in the middle of the text', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => true);
    render(<CommentForm label="Reply" submit="Reply" people={[ELIZA, BEN]} onSubmit={onSubmit} />);
    const box = screen.getByRole('combobox', { name: 'Reply' });
    await user.type(box, 'Thanks!');
    await user.keyboard(
      '{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}',
    );
    await user.type(box, '@b', { skipClick: true });
    expect(offered()).toEqual(['@Ben Ortiz']);
    await user.keyboard('{Tab}');

    expect(box).toHaveProperty('value', '@Ben Ortiz Thanks!');
    expect(document.activeElement).toBe(box);
  });

  it('on an anonymous map, lets a teacher find a student by name and writes the pseudonym', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => true);
    const ada: Person = { id: 'u-ada', name: 'Student 7', realName: 'Ada Lovelace' };
    render(<CommentForm label="Reply" submit="Reply" people={[ada, BEN]} onSubmit={onSubmit} />);
    const box = screen.getByRole('combobox', { name: 'Reply' });
    await user.type(box, 'Well argued @ad');
    expect(offered()).toEqual(['@Student 7 (Ada Lovelace)']);
    await user.keyboard('{Enter}');
    expect(box).toHaveProperty('value', 'Well argued @Student 7 ');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(onSubmit).toHaveBeenCalledWith('Well argued @Student 7 ', ['u-ada']);
  });

  it('closes the picker on Escape without inserting anyone', async () => {
    const user = userEvent.setup();
    const { box, onSend } = renderDiscussion();
    await user.type(box, 'cc @el');
    await user.keyboard('{Escape}');
    expect(offered()).toEqual([]);
    expect(box).toHaveProperty('value', 'cc @el');

    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(onSend.mock.calls[0]![0]).toMatchObject([{ body: 'cc @el', mentions: [] }]);
  });

  it('mentions only the people still named in the text when it is sent', async () => {
    const user = userEvent.setup();
    const { box, onSend } = renderDiscussion();
    await user.type(box, '@eliz');
    await user.keyboard('{Enter}');
    expect(box).toHaveProperty('value', '@Eliza Park ');
    await user.clear(box);
    await user.type(box, 'Never mind');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(onSend.mock.calls[0]![0]).toMatchObject([{ body: 'Never mind', mentions: [] }]);
  });

  it('cannot send an empty or blank comment', async () => {
    const user = userEvent.setup();
    const { box, onSend } = renderDiscussion();
    const send = screen.getByRole('button', { name: 'Comment' });
    expect(send).toHaveProperty('disabled', true);

    await user.type(box, '   ');
    expect(send).toHaveProperty('disabled', true);
    await user.click(send);
    fireEvent.submit(send.closest('form')!);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('empties the box once the comment is saved, and keeps the text when it was not', async () => {
    const user = userEvent.setup();
    const saved = vi.fn(async (_ops: TSocialOpInput[]) => true);
    const { box } = renderDiscussion(saved);
    await user.type(box, 'First point');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(box).toHaveProperty('value', '');
    cleanup();

    const refused = vi.fn(async (_ops: TSocialOpInput[]) => false);
    const second = renderDiscussion(refused);
    await user.type(second.box, 'Second point');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(refused).toHaveBeenCalledTimes(1);
    expect(second.box).toHaveProperty('value', 'Second point');
  });
});
