'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { GraphState, NodeState } from '@/lib/domain/ops';
import type { MapSection } from '@/lib/domain/sections';
import type { MapEditing } from './use-map-editing';
import { useLongPress } from './use-long-press';
import { KIND_LABELS, NODE_KINDS, type NodeKind } from '@/lib/domain/types';
import type { TagColors } from '@/lib/domain/tags';
import styles from './card-menu.module.css';
import { SectionEditor } from './section-editor';
import { TagEditor } from './tag-editor';

type Props = {
  node: NodeState;
  /** Where it was opened, in the canvas's own coordinates. */
  at: { x: number; y: number };
  onEdit: () => void;
  onAddReason: (kind: 'PREMISE' | 'OBJECTION') => void;
  onConnect: () => void;
  onChangeKind: (kind: NodeKind) => void;
  tagColors: TagColors;
  onSetTags: (tags: string[]) => void;
  onColour: (tag: string, colour: string | null) => void;
  sections: readonly MapSection[];
  onSetSection: (section: string | null) => void;
  onCreateSection: (title: string, parentId: string | null) => void;
  onRenameSection: (id: string, title: string) => void;
  onDeleteSection: (id: string) => void;
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
  const [sectioning, setSectioning] = useState(false);
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
  }, [at, kinds, tagging, sectioning]);

  // The first command, or the tag field when the tags are open (the chosen section when sections are).
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('input:checked, input, [role^="menuitem"]')?.focus();
  }, [kinds, tagging, sectioning]);
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
    // In a dialog the arrow keys are its fields' own (the section radios').
    else if (tagging || sectioning) return;
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
      // The tags and the section are small forms (lists and fields), not menu items: a dialog then.
      role={tagging || sectioning ? 'dialog' : 'menu'}
      aria-label={`${tagging ? 'Tags of' : sectioning ? 'Section of' : 'Card'}: ${node.text.slice(0, 60)}`}
      className={styles.menu}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
    >
      {tagging ? (
        <TagEditor
          tags={node.tags}
          tagColors={commands.tagColors}
          onChange={commands.onSetTags}
          onColour={commands.onColour}
          onDone={onClose}
        />
      ) : sectioning ? (
        <SectionEditor
          sections={commands.sections}
          section={node.section}
          onChoose={commands.onSetSection}
          onCreate={commands.onCreateSection}
          onRename={commands.onRenameSection}
          onDelete={commands.onDeleteSection}
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
          <button
            type="button"
            role="menuitem"
            className={styles.item}
            onClick={() => setSectioning(true)}
          >
            Section…
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
      onColour={editing.setTagColour}
      sections={view.map?.sections ?? []}
      onSetSection={(section) => editing.setSection(node.id, section)}
      onCreateSection={(title, parentId) => editing.createSection(title, parentId, node.id)}
      onRenameSection={editing.renameSection}
      onDeleteSection={editing.deleteSection}
      onDelete={() => editing.deleteElements([node.id])}
      onFlag={onFlag && (() => onFlag(node.id))}
    />
  );
}
