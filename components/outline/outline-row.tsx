'use client';

import type { RefCallback } from 'react';
import type { OutlineRow as Row } from '@/lib/domain/outline';
import { KIND_LABELS, type Relation } from '@/lib/domain/types';
import { CommentIcon, NoteIcon } from '../ui/icons';
import { CardEditor } from '../map/card-editor';
import { useLayerBadges, useOpenThreads, useWatchers } from '../map/node-decorations';
import styles from './outline.module.css';

/** The relation in words with a glyph, never by colour alone. */
const RELATION_WORDS: Record<Relation, { glyph: string; word: string }> = {
  SUPPORTS: { glyph: '+', word: 'supports' },
  ATTACKS: { glyph: '−', word: 'attacks' },
  UNDERCUTS: { glyph: '⊘', word: 'undercuts the link' },
  REPHRASES: { glyph: '=', word: 'rephrases' },
  // Shown under both statements: each contradicts the other.
  CONTRADICTS: { glyph: '≠', word: 'contradicts' },
};

/** What others do with a row's node, in words (its decorations). */
type Extras = { threads: number; notes: string[]; watchers: { name: string; color: string }[] };

const threadWords = (n: number) => `${n} open ${n === 1 ? 'thread' : 'threads'}`;
const noteWords = (n: number) => `${n} team ${n === 1 ? 'note' : 'notes'}`;
const watcherWords = (people: { name: string }[]) => `${people.map((p) => p.name).join(', ')} here`;

/**
 * What a row is called, in the order it shows (a name that holds the
 * visible words, WCAG 2.5.3): its relation with its sign, its kind and
 * text ("+ supports, Premise: …"), then what others do with it.
 */
function rowLabel(row: Row, extras: Extras | null, section: string | undefined): string {
  const { item } = row;
  const words = item.relation ? RELATION_WORDS[item.relation] : null;
  const relation = words ? `${words.glyph} ${words.word}, ` : '';
  if (item.type === 'together')
    return `${relation}together: ${item.children.length} linked premises`;
  const text = `${KIND_LABELS[item.node.kind]}: ${item.node.text}`;
  const tags = item.node.tags.length ? `, ${tagWords(item.node.tags)}` : '';
  const seen = item.type === 'see' ? `${relation}see ${text}` : `${relation}${text}${tags}`;
  const base = section ? `${seen}, in section ${section}` : seen;
  if (!extras) return base;
  const more = [
    extras.threads > 0 ? threadWords(extras.threads) : null,
    extras.notes.length > 0 ? noteWords(extras.notes.length) : null,
    extras.watchers.length > 0 ? watcherWords(extras.watchers) : null,
  ].filter(Boolean);
  return more.length ? `${base}, ${more.join(', ')}` : base;
}

/** A node's tags as the outline says them: "tags: pro, health care". */
const tagWords = (tags: readonly string[]) =>
  `${tags.length === 1 ? 'tag' : 'tags'}: ${tags.join(', ')}`;

/** The words a type-ahead search matches the start of. */
export const rowText = (row: Row) =>
  row.item.type === 'together' ? 'together' : row.item.node.text.toLowerCase();

type Props = {
  row: Row;
  /** The title of the section the row's node is in (its primary row only). */
  section?: string;
  active: boolean;
  selected: boolean;
  /** The node's text is open for editing here. */
  editor: { initial: string; commit: (text: string) => void; cancel: () => void } | null;
  rowRef: RefCallback<HTMLLIElement>;
  onActivate: () => void;
  onToggle: () => void;
};

/** One treeitem of the outline: the relation, the kind, the text, and what others do with it. */
export function OutlineRow({
  row,
  section,
  active,
  selected,
  editor,
  rowRef,
  onActivate,
  onToggle,
}: Props) {
  const { item } = row;
  const nodeId = item.type === 'together' ? null : item.node.id;
  const extras = useExtras(item.type === 'node' ? item.node.id : null);
  return (
    <li
      ref={rowRef}
      role="treeitem"
      id={`outline-${item.key}`}
      className={styles.row}
      data-type={item.type}
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={row.expanded ?? undefined}
      aria-selected={selected}
      aria-label={rowLabel(row, extras, section)}
      tabIndex={active ? 0 : -1}
      style={{ '--level': row.level - 1 } as React.CSSProperties}
      onClick={(event) => {
        event.stopPropagation();
        onActivate();
      }}
    >
      <span className={styles.line}>
        {row.expanded !== null ? (
          <span
            className={styles.chevron}
            data-open={row.expanded}
            aria-hidden="true"
            onClick={(event) => {
              event.stopPropagation();
              onToggle();
            }}
          />
        ) : (
          <span className={styles.leaf} aria-hidden="true" />
        )}
        {item.relation && (
          <span className={styles.relation} data-relation={item.relation} aria-hidden="true">
            <span className={styles.glyph}>{RELATION_WORDS[item.relation].glyph}</span>{' '}
            {RELATION_WORDS[item.relation].word}
          </span>
        )}{' '}
        {item.type === 'together' ? (
          <span className={styles.together} aria-hidden="true">
            Together:
          </span>
        ) : (
          <>
            <span className={styles.kind} data-kind={item.node.kind} aria-hidden="true">
              {item.type === 'see'
                ? `see ${KIND_LABELS[item.node.kind]}`
                : KIND_LABELS[item.node.kind]}
            </span>{' '}
            {editor ? (
              <span className={styles.editor} onClick={(e) => e.stopPropagation()}>
                <CardEditor
                  initial={editor.initial}
                  onCommit={editor.commit}
                  onCancel={editor.cancel}
                />
              </span>
            ) : (
              <span
                className={item.type === 'see' ? styles.seeText : styles.text}
                aria-hidden="true"
              >
                {item.node.text}
              </span>
            )}
            {item.type !== 'see' && item.node.tags.length > 0 && (
              <span className={styles.tags} aria-hidden="true">
                {' '}
                ({tagWords(item.node.tags)})
              </span>
            )}
          </>
        )}
        {section && (
          <span className={styles.section} aria-hidden="true" title={section}>
            in {section}
          </span>
        )}
        {nodeId && extras && (
          <>
            {' '}
            <Decorations extras={extras} />
          </>
        )}
      </span>
    </li>
  );
}

/** Who else is on this node, its open threads and team notes: the same stores the canvas's cards read. */
function useExtras(id: string | null): Extras | null {
  const watchers = useWatchers(id ?? '');
  const threads = useOpenThreads(id ?? '');
  const badges = useLayerBadges(id ?? '');
  if (!id) return null;
  const notes = badges.filter((b) => b.note || b.rating !== null || b.tags.length);
  return { threads, notes: notes.map((b) => b.team), watchers };
}

/** The row's decorations, each with its words (hidden from sight, said in the row's name). */
function Decorations({ extras }: { extras: Extras }) {
  const { threads, notes, watchers } = extras;
  return (
    <span className={styles.decorations}>
      {threads > 0 && (
        <span className={styles.count} title={threadWords(threads)}>
          <CommentIcon /> {threads}
          <span className="visually-hidden"> open {threads === 1 ? 'thread' : 'threads'}</span>
        </span>
      )}{' '}
      {notes.length > 0 && (
        <span className={styles.count} title={`Team notes from ${notes.join(', ')}`}>
          <NoteIcon /> {notes.length}
          <span className="visually-hidden"> team {notes.length === 1 ? 'note' : 'notes'}</span>
        </span>
      )}{' '}
      {watchers.length > 0 && (
        <span className={styles.watchers} data-watchers style={{ background: watchers[0]!.color }}>
          {watchers.map((w) => w.name).join(', ')}
          <span className="visually-hidden"> here</span>
        </span>
      )}
    </span>
  );
}
