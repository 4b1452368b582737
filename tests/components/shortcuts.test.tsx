// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  holdTypingForNewCard,
  keyScope,
  ownKeys,
  takeTypedAhead,
  useShortcuts,
  type Shortcut,
} from '@/lib/client/shortcuts';

afterEach(cleanup);

/** A page with the shortcuts registered, a canvas that takes focus, and every kind of text entry. */
function Page({ shortcuts }: { shortcuts: Shortcut[] }) {
  useShortcuts(shortcuts);
  return (
    <>
      <div tabIndex={0} aria-label="Canvas" role="application" />
      <input aria-label="Search" />
      <input type="checkbox" aria-label="Show claims" />
      <textarea aria-label="Notes" />
      <select aria-label="Kind">
        <option>Claim</option>
      </select>
      <div contentEditable suppressContentEditableWarning aria-label="Comment" role="textbox">
        <span>a word</span>
      </div>
      <div {...ownKeys} tabIndex={0} aria-label="Card editor" role="group" />
    </>
  );
}

function setup(shortcuts: Shortcut[]) {
  const user = userEvent.setup();
  render(<Page shortcuts={shortcuts} />);
  return user;
}

describe('the shortcut registry', () => {
  it('fires a single-key shortcut from the canvas and cancels the key’s default action', async () => {
    const run = vi.fn();
    const user = setup([{ key: 'n', run }]);
    let prevented = false;
    const after = (event: KeyboardEvent) => (prevented = event.defaultPrevented);
    document.addEventListener('keydown', after);
    await user.click(screen.getByRole('application', { name: 'Canvas' }));
    await user.keyboard('n');
    document.removeEventListener('keydown', after);
    expect(run).toHaveBeenCalledTimes(1);
    expect(prevented).toBe(true);
  });

  it('never fires a single-key shortcut while typing in a field, textarea, select, contenteditable or card editor', async () => {
    const run = vi.fn();
    const user = setup([{ key: ['n', 'f', 'k', '/', '?'], run }]);
    const search = screen.getByRole('textbox', { name: 'Search' });
    await user.click(search);
    await user.keyboard('nfk/?');
    expect(search).toHaveProperty('value', 'nfk/?');
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('nfk');
    screen.getByRole('combobox', { name: 'Kind' }).focus();
    await user.keyboard('n');
    screen.getByRole('checkbox', { name: 'Show claims' }).focus();
    await user.keyboard('f');
    await user.click(screen.getByText('a word'));
    await user.keyboard('k');
    screen.getByRole('group', { name: 'Card editor' }).focus();
    await user.keyboard('n');
    expect(run).not.toHaveBeenCalled();

    await user.click(screen.getByRole('application', { name: 'Canvas' }));
    await user.keyboard('nfk');
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('matches letters in either case, and Ctrl or ⌘ only where asked for', async () => {
    const add = vi.fn();
    const undo = vi.fn();
    const user = setup([
      { key: 'n', run: add },
      { key: 'z', mod: true, run: undo },
    ]);
    await user.click(screen.getByRole('application', { name: 'Canvas' }));
    await user.keyboard('{Shift>}N{/Shift}');
    await user.keyboard('{Control>}n{/Control}');
    await user.keyboard('{Alt>}n{/Alt}');
    expect(add).toHaveBeenCalledTimes(1);
    await user.keyboard('z');
    expect(undo).not.toHaveBeenCalled();
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Meta>}z{/Meta}');
    expect(undo).toHaveBeenCalledTimes(2);
  });

  it('passes a declined key on, and lets a capture-phase shortcut keep the key from the page', async () => {
    const declined = vi.fn(() => false);
    const taken = vi.fn();
    const pageHandler = vi.fn();
    const user = setup([
      { key: 'ArrowUp', capture: true, run: (event) => event.stopPropagation() },
      { key: 'c', run: declined },
      { key: 'c', run: taken },
    ]);
    const canvas = screen.getByRole('application', { name: 'Canvas' });
    canvas.addEventListener('keydown', pageHandler);
    await user.click(canvas);
    await user.keyboard('c');
    expect(declined).toHaveBeenCalledTimes(1);
    expect(taken).toHaveBeenCalledTimes(1);
    expect(pageHandler).toHaveBeenCalledTimes(1);
    await user.keyboard('{ArrowUp}');
    expect(pageHandler).toHaveBeenCalledTimes(1);
  });

  it('forgets the shortcuts of a component that is gone', async () => {
    const run = vi.fn();
    const user = userEvent.setup();
    const { unmount } = render(<Page shortcuts={[{ key: 'n', run }]} />);
    unmount();
    await user.keyboard('n');
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps what is typed while a new card’s editor is on its way for that editor, firing no shortcut', async () => {
    const run = vi.fn();
    const user = setup([{ key: ['n', 'f', 'k', 'l'], run }]);
    await user.click(screen.getByRole('application', { name: 'Canvas' }));
    holdTypingForNewCard();
    await user.keyboard('Sanctions fail{Backspace}l, kindly');
    expect(run).not.toHaveBeenCalled();
    expect(takeTypedAhead()).toEqual({ text: 'Sanctions fail, kindly', then: null });
    // Once the editor took them, keys are shortcuts again.
    await user.keyboard('n');
    expect(run).toHaveBeenCalledTimes(1);
    expect(takeTypedAhead()).toEqual({ text: '', then: null });
  });

  it('keeps an Enter typed before the new card’s editor opens for that editor, clicking no focused button', async () => {
    const run = vi.fn();
    const click = vi.fn();
    const user = setup([{ key: ['n', 'Enter'], run }]);
    render(
      <button type="button" onClick={click}>
        + Add claim
      </button>,
    );
    await user.click(screen.getByRole('button', { name: '+ Add claim' }));
    holdTypingForNewCard();
    await user.keyboard('Sanctions{Enter}');
    expect(click).toHaveBeenCalledTimes(1);
    expect(run).not.toHaveBeenCalled();
    expect(takeTypedAhead()).toEqual({ text: 'Sanctions', then: 'save' });
  });

  it('gives a key pressed inside a scope to that scope’s shortcut, never to the page’s', async () => {
    const mapUndo = vi.fn();
    const commentUndo = vi.fn();
    function Scoped() {
      useShortcuts([{ key: 'z', mod: true, run: mapUndo }]);
      useShortcuts([{ key: 'z', mod: true, scope: 'comments', run: commentUndo }]);
      return (
        <>
          <div tabIndex={0} aria-label="Canvas" role="application" />
          <div {...keyScope('comments')} tabIndex={-1} role="region" aria-label="Discussion">
            <button type="button">Resolve thread</button>
            <textarea aria-label="New comment" />
          </div>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Scoped />);
    await user.click(screen.getByRole('button', { name: 'Resolve thread' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(commentUndo).toHaveBeenCalledTimes(1);
    expect(mapUndo).not.toHaveBeenCalled();
    // Typing in the comment box keeps the field's own Ctrl+Z.
    await user.click(screen.getByRole('textbox', { name: 'New comment' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(commentUndo).toHaveBeenCalledTimes(1);
    // On the canvas the scope's shortcut never fires.
    await user.click(screen.getByRole('application', { name: 'Canvas' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(mapUndo).toHaveBeenCalledTimes(1);
    expect(commentUndo).toHaveBeenCalledTimes(1);
  });
});
