'use client';

import { useId, useRef, useState } from 'react';
import styles from './comment-form.module.css';

/**
 * Someone who can be @mentioned: a person on the map, by the name a mention
 * writes (a pseudonym on an anonymous map), with the real name for a
 * teacher to pick by.
 */
export type Person = { id: string; name: string; realName?: string };

/** The people whose "@Name" appears in a comment: its mentions. */
const mentionsIn = (body: string, people: readonly Person[]) =>
  people.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id);

/** The "@partial name" being typed just before the caret, if any. */
function typedMention(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{N}_.' -]{0,30})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length - 1, query };
}

type Props = {
  label: string;
  submit: string;
  initial?: string;
  people: readonly Person[];
  onSubmit: (body: string, mentions: string[]) => Promise<boolean>;
  onCancel?: () => void;
};

/**
 * A comment box. Typing @ offers the people on the map (arrow keys and
 * Enter or Tab to choose, Escape to dismiss); the comment records whom it
 * mentions, so they find it under "Mentions of you".
 */
export function CommentForm({ label, submit, initial = '', people, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [caret, setCaret] = useState(initial.length);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  const typed = typedMention(body, caret);
  const matches =
    typed && dismissed !== typed.start
      ? people
          .filter((p) =>
            [p.name, p.realName ?? ''].some((n) =>
              n.toLowerCase().startsWith(typed.query.toLowerCase().trimStart()),
            ),
          )
          .slice(0, 6)
      : [];
  const open =
    matches.length > 0 &&
    !(matches.length === 1 && body.slice(typed!.start + 1).startsWith(matches[0]!.name));
  const choice = open ? matches[Math.min(active, matches.length - 1)] : undefined;

  const pick = (person: Person) => {
    if (!typed) return;
    const next = `${body.slice(0, typed.start)}@${person.name} ${body.slice(caret)}`;
    const at = typed.start + person.name.length + 2;
    setBody(next);
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => area.current?.setSelectionRange(at, at));
  };

  return (
    <form
      className={styles.form}
      onSubmit={async (event) => {
        event.preventDefault();
        const sent = body;
        if (!sent.trim()) return;
        setBusy(true);
        // A new comment leaves the box as it is sent (it shows in the thread
        // once saved), so no one sends it twice; it comes back if the server
        // refuses it, ahead of anything typed since. An edit keeps its words.
        if (!initial) setBody('');
        const ok = await onSubmit(sent, mentionsIn(sent, people));
        setBusy(false);
        if (!ok && !initial) setBody((now) => (now.trim() ? `${sent}\n\n${now}` : sent));
      }}
    >
      <label className="field">
        <span>{label}</span>
        <textarea
          ref={area}
          value={body}
          rows={3}
          maxLength={2000}
          placeholder={people.length ? 'Type @ and a name to mention someone' : undefined}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={choice ? `${listId}-${choice.id}` : undefined}
          onChange={(e) => {
            setBody(e.target.value);
            setCaret(e.target.selectionStart);
            setActive(0);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={(e) => {
            if (!open || !choice) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive(
                (i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length,
              );
            } else if (e.key === 'Enter' || e.key === 'Tab') {
              e.preventDefault();
              pick(choice);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setDismissed(typed!.start);
            }
          }}
        />
      </label>
      {open && (
        <ul className={styles.people} id={listId} role="listbox" aria-label="People to mention">
          {matches.map((p) => (
            <li
              key={p.id}
              id={`${listId}-${p.id}`}
              role="option"
              aria-selected={p === choice}
              className={styles.person}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              @{p.name}
              {p.realName && ` (${p.realName})`}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        {onCancel && (
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--small" disabled={busy || !body.trim()}>
          {busy ? 'Sending…' : submit}
        </button>
      </div>
    </form>
  );
}
