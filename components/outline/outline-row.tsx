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
};

/** What a row is called: its relation, its kind and its text ("supports, Premise: …"). */
function rowLabel(row: Row): string {
  const { item } = row;
  const relation = item.relation ? `${RELATION_WORDS[item.relation].word}, ` : '';
  if (item.type === 'together')
    return `${relation}together: ${item.children.length} linked premises`;
  const text = `${KIND_LABELS[item.node.kind]}: ${item.node.text}`;
  return item.type === 'see' ? `${relation}see ${text}` : `${relation}${text}`;
}

/** The words a type-ahead search matches the start of. */
export const rowText = (row: Row) =>
  row.item.type === 'together' ? 'together' : row.item.node.text.toLowerCase();

type Props = {
  row: Row;
  active: boolean;
  selected: boolean;
  /** The node's text is open for editing here. */
  editor: { initial: string; commit: (text: string) => void; cancel: () => void } | null;
  rowRef: RefCallback<HTMLLIElement>;
  onActivate: () => void;
  onToggle: () => void;
};

/** One treeitem of the outline: the relation, the kind, the text, and what others do with it. */
export function OutlineRow({ row, active, selected, editor, rowRef, onActivate, onToggle }: Props) {
  const { item } = row;
  const nodeId = item.type === 'together' ? null : item.node.id;
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
      aria-label={rowLabel(row)}
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
        )}
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
            </span>
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
          </>
        )}
        {nodeId && item.type === 'node' && <Decorations id={nodeId} />}
      </span>
    </li>
  );
}

/** Who else is on this node, its open threads and team notes: the same stores the canvas's cards read. */
function Decorations({ id }: { id: string }) {
  const watchers = useWatchers(id);
  const threads = useOpenThreads(id);
  const notes = useLayerBadges(id).filter((b) => b.note || b.rating !== null || b.tags.length);
  return (
    <span className={styles.decorations}>
      {threads > 0 && (
        <span
          className={styles.count}
          title={`${threads} open ${threads === 1 ? 'thread' : 'threads'}`}
        >
          <CommentIcon /> {threads}
        </span>
      )}
      {notes.length > 0 && (
        <span
          className={styles.count}
          title={`Team notes from ${notes.map((b) => b.team).join(', ')}`}
        >
          <NoteIcon /> {notes.length}
        </span>
      )}
      {watchers.length > 0 && (
        <span className={styles.watchers} data-watchers style={{ background: watchers[0]!.color }}>
          {watchers.map((w) => w.name).join(', ')}
        </span>
      )}
    </span>
  );
}
