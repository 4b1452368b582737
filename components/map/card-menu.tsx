'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { GraphState } from '@/lib/domain/ops';
import type { MapEditing } from './use-map-editing';
import { useLongPress } from './use-long-press';
import { KIND_LABELS, NODE_KINDS, type GraphNode, type NodeKind } from '@/lib/domain/types';
import type { TagColors } from '@/lib/domain/tags';
import styles from './card-menu.module.css';
import { TagEditor } from './tag-editor';

type Props = {
  node: GraphNode;
  /** Where it was opened, in the canvas's own coordinates. */
  at: { x: number; y: number };
  onEdit: () => void;
  onAddReason: (kind: 'PREMISE' | 'OBJECTION') => void;
  onConnect: () => void;
  onChangeKind: (kind: NodeKind) => void;
  tagColors: TagColors;
  onSetTags: (tags: string[]) => void;
  onDelete: () => void;
  onFlag?: () => void;
  onClose: () => void;
};

/**
 * A card's own commands, opened by a long press on a touch screen (or a
 * right-click): the toolbar's commands for one card, next to the finger.
 * Arrow keys move between them, Escape or a press elsewhere closes it.
 */
function CardMenu({ node, at, onClose, ...commands }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const [kinds, setKinds] = useState(false);
  const [tagging, setTagging] = useState(false);
  const [place, setPlace] = useState(at);

  // It opens at the finger, moved in where it would cross the canvas's right or bottom edge.
  useLayoutEffect(() => {
    const el = menu.current;
    const box = el?.offsetParent;
    if (!el || !(box instanceof HTMLElement)) return;
    setPlace({
      x: Math.max(8, Math.min(at.x, box.clientWidth - el.offsetWidth - 8)),
      y: Math.max(8, Math.min(at.y, box.clientHeight - el.offsetHeight - 8)),
    });
  }, [at, kinds, tagging]);

  // The first command, or the tag field when the tags are open.
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('input, [role^="menuitem"]')?.focus();
  }, [kinds, tagging]);
  useEffect(() => {
    const onPress = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPress, true);
    return () => document.removeEventListener('pointerdown', onPress, true);
  }, [onClose]);

  const run = (command: () => void) => () => {
    onClose();
    command();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const item = (label: string, command: () => void, danger = false) => (
    <button
      type="button"
      role="menuitem"
      className={danger ? `${styles.item} ${styles.danger}` : styles.item}
      onClick={run(command)}
    >
      {label}
    </button>
  );

  return (
    <div
      ref={menu}
      // The tags are a small form (a list and a field), not menu items: a dialog then.
      role={tagging ? 'dialog' : 'menu'}
      aria-label={`${tagging ? 'Tags of' : 'Card'}: ${node.text.slice(0, 60)}`}
      className={styles.menu}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
    >
      {tagging ? (
        <TagEditor
          tags={node.tags}
          tagColors={commands.tagColors}
          onChange={commands.onSetTags}
          onDone={onClose}
        />
      ) : kinds ? (
        NODE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="menuitemradio"
            aria-checked={node.kind === kind}
            className={styles.item}
            onClick={run(() => commands.onChangeKind(kind))}
          >
            {KIND_LABELS[kind]}
          </button>
        ))
      ) : (
        <>
          {item('Edit text', commands.onEdit)}
          {item('Add supporting premise', () => commands.onAddReason('PREMISE'))}
          {item('Add objection', () => commands.onAddReason('OBJECTION'))}
          {item('Connect to…', commands.onConnect)}
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            className={styles.item}
            onClick={() => setKinds(true)}
          >
            Change kind ({KIND_LABELS[node.kind]})…
          </button>
          <button
            type="button"
            role="menuitem"
            className={styles.item}
            onClick={() => setTagging(true)}
          >
            Tags{node.tags.length ? ` (${node.tags.length})` : ''}…
          </button>
          {commands.onFlag && item('Flag for review', commands.onFlag)}
          {item('Delete', commands.onDelete, true)}
        </>
      )}
    </div>
  );
}

type Options = {
  canvasRef: RefObject<HTMLDivElement | null>;
  view: GraphState;
  /** The editor's commands; null while the map may not be edited (then no menu opens). */
  editing: MapEditing | null;
  select: (id: string) => void;
  tagColors: TagColors;
  /** Flags a card for the map's moderators (signed-in members). */
  onFlag?: (nodeId: string) => void;
};

/** The card menu a long press (or a right-click) on a card opens: selects the card, and gives the menu to draw on the canvas. */
export function useCardMenu({
  canvasRef,
  view,
  editing,
  select,
  tagColors,
  onFlag,
}: Options): React.ReactNode {
  const [open, setOpen] = useState<{ id: string; at: { x: number; y: number } } | null>(null);
  const onPress = useCallback(
    (id: string, at: { x: number; y: number }) => {
      select(id);
      setOpen({ id, at });
    },
    [select],
  );
  useLongPress(canvasRef, editing ? onPress : null);
  const close = useCallback(() => setOpen(null), []);
  const node = open ? view.nodes.get(open.id) : undefined;
  if (!open || !node || node.deleted || !editing) return null;
  return (
    <CardMenu
      node={node}
      at={open.at}
      onClose={close}
      onEdit={() => editing.setEditingId(node.id)}
      onAddReason={(kind) => editing.addReason(node.id, kind)}
      onConnect={() => editing.setConnectFrom(node.id)}
      onChangeKind={editing.changeKind}
      tagColors={tagColors}
      onSetTags={(tags) => editing.setTags(node.id, tags)}
      onDelete={() => editing.deleteElements([node.id])}
      onFlag={onFlag && (() => onFlag(node.id))}
    />
  );
}
