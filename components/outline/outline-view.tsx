'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MapStore } from '@/lib/client/map-store';
import { keyScope } from '@/lib/client/shortcuts';
import type { GraphState } from '@/lib/domain/ops';
import { meanImpacts, type VotesView } from '@/lib/domain/votes';
import {
  ancestorKeys,
  buildOutline,
  moveTargets,
  primaryKeys,
  sortByImpact,
  visibleRows,
  type OutlineRow as Row,
} from '@/lib/domain/outline';
import type { MapEditing } from '../map/use-map-editing';
import { MoveDialog } from './move-dialog';
import { OutlineRow } from './outline-row';
import { OutlineSort, type OutlineOrder } from './outline-sort';
import { OutlineToolbar } from './outline-toolbar';
import { useOutlineEditing } from './use-outline-editing';
import { OUTLINE_SCOPE, useOutlineKeys } from './use-outline-keys';
import type { SectionsView } from '@/lib/domain/sections';
import styles from './outline.module.css';

type Props = {
  view: GraphState;
  store: MapStore;
  /** The editor's commands; false for a reader (or while a past version is shown). */
  editing: MapEditing | false;
  /** The map's selection, shared with the canvas and the side panel. */
  selection: { selectedNodeId: string | null; setSelectedNodeId: (id: string | null) => void };
  /** The votes as this reader may see them (null while loading), for "By impact". */
  votes: VotesView | null;
  /** The map's sections, when it has any: each row says its node's section. */
  sections?: SectionsView;
};

/**
 * The outline: the same map, the same live data, as an indented WAI-ARIA
 * tree (lib/domain/outline.ts builds it). Selection is the map's, so the
 * side panel follows the focused row; edits are the editor's commands on
 * the same store, so they undo with the map's Ctrl+Z and travel live.
 */
export function OutlineView({
  view,
  store,
  editing: commandsOrFalse,
  selection,
  votes,
  sections,
}: Props) {
  const editing = commandsOrFalse || null;
  const { selectedNodeId, setSelectedNodeId: onSelect } = selection;
  const [order, setOrder] = useState<OutlineOrder>('map');
  const tallies = order === 'impact' ? votes?.tallies : undefined;
  const outline = useMemo(() => {
    const built = buildOutline(view);
    return tallies ? sortByImpact(built, meanImpacts(tallies)) : built;
  }, [view, tallies]);
  const primary = useMemo(() => primaryKeys(outline), [outline]);
  const sectionTitles = useMemo(() => {
    const titles = new Map(sections?.sections.map((s) => [s.id, s.title]));
    return new Map(
      Object.entries(sections?.nodeSection ?? {}).map(([id, s]) => [id, titles.get(s)!]),
    );
  }, [sections]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleRows(outline, collapsed), [outline, collapsed]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [moving, setMoving] = useState<Row | null>(null);
  const elements = useRef(new Map<string, HTMLLIElement>());
  const treeRef = useRef<HTMLUListElement>(null);
  /** The focus belongs in the tree: a row that goes (undo, a move) hands it to the active row. */
  const wantsFocus = useRef(false);
  const pendingFocus = useRef<string | null>(null);

  // The map's selection, changed from outside (search, a new card, the side
  // panel), brings its row into view: its ancestors open, the row active.
  const [followed, setFollowed] = useState<string | null>(null);
  if (selectedNodeId !== followed) {
    setFollowed(selectedNodeId);
    const key = selectedNodeId ? primary.get(selectedNodeId) : undefined;
    const activeRow = rows.find((r) => r.item.key === activeKey);
    const activeNode =
      activeRow && activeRow.item.type !== 'together' ? activeRow.item.node.id : null;
    if (key && activeNode !== selectedNodeId) {
      setActiveKey(key);
      const hidden = ancestorKeys(key).filter((k) => collapsed.has(k));
      if (hidden.length) setCollapsed(new Set([...collapsed].filter((k) => !hidden.includes(k))));
    }
  }

  const active =
    rows.find((r) => r.item.key === activeKey) ??
    rows.find((r) => selectedNodeId && r.item.key === primary.get(selectedNodeId)) ??
    rows[0] ??
    null;

  const focusRow = useCallback(
    (key: string) => {
      const row = rows.find((r) => r.item.key === key);
      setActiveKey(key);
      if (row && row.item.type !== 'together') onSelect(row.item.node.id);
      pendingFocus.current = key;
    },
    [rows, onSelect],
  );
  const setExpanded = useCallback((key: string, open: boolean) => {
    setCollapsed((now) => {
      const next = new Set(now);
      if (open) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  useEffect(() => {
    const key = pendingFocus.current;
    pendingFocus.current = null;
    const target = key ? elements.current.get(key) : undefined;
    if (target) {
      target.focus();
      return;
    }
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (wantsFocus.current && lost && active) elements.current.get(active.item.key)?.focus();
  });
  // The active row stays in sight (a search, a new card, the keys).
  const activeShown = active?.item.key ?? null;
  useEffect(() => {
    if (activeShown) elements.current.get(activeShown)?.scrollIntoView({ block: 'nearest' });
  }, [activeShown]);

  const commands = useOutlineEditing({ store, editing, onMoving: setMoving });
  const editingId = editing?.nodeEditing?.editingId ?? null;
  useOutlineKeys({
    rows,
    active,
    focusRow,
    setExpanded,
    open: (row) => {
      if (row.item.type === 'see') focusRow(row.item.primaryKey);
      else if (row.item.type === 'node' && editing) editing.setEditingId(row.item.node.id);
    },
    edit: commands,
  });

  const movingNode = moving && moving.item.type !== 'together' ? moving.item.node : null;
  const targets = useMemo(
    () =>
      movingNode
        ? moveTargets(
            outline,
            movingNode.id,
            moving?.parentNodeId ?? null,
            [...view.nodes.values()].filter((n) => !n.deleted),
          )
        : [],
    [outline, movingNode, moving, view],
  );

  // "nokey": React Flow, hidden underneath, takes Delete and Backspace
  // anywhere but where this class is; the outline's Delete is its own.
  return (
    <section className={`${styles.outline} nokey`} aria-label="Outline">
      {commands && <OutlineToolbar active={active} commands={commands} />}
      <OutlineSort
        order={order}
        onChange={setOrder}
        partial={!!votes && votes.blind && !votes.manages}
      />
      {rows.length === 0 ? (
        <p className={styles.empty}>This map is empty.</p>
      ) : (
        <ul
          ref={treeRef}
          role="tree"
          aria-label="The argument, as an outline"
          className={styles.tree}
          {...keyScope(OUTLINE_SCOPE)}
          onFocus={() => (wantsFocus.current = true)}
          onBlur={(event) => {
            const next = event.relatedTarget;
            if (next instanceof Node && !treeRef.current?.contains(next))
              wantsFocus.current = false;
            // Focus given up for the page itself (a click on nothing) is not taken back.
            const from = event.target;
            if (!next)
              requestAnimationFrame(() => {
                if (from.isConnected && document.activeElement === document.body)
                  wantsFocus.current = false;
              });
          }}
        >
          {rows.map((row) => {
            const { item } = row;
            const node = item.type === 'together' ? null : item.node;
            const editingHere = item.type === 'node' && node?.id === editingId;
            const nodeEditing = editing?.nodeEditing;
            return (
              <OutlineRow
                key={item.key}
                row={row}
                section={node && item.type === 'node' ? sectionTitles.get(node.id) : undefined}
                active={row === active}
                selected={!!node && node.id === selectedNodeId && item.type === 'node'}
                rowRef={(element) => {
                  if (element) elements.current.set(item.key, element);
                  else elements.current.delete(item.key);
                }}
                editor={
                  editingHere && node && nodeEditing
                    ? {
                        initial: nodeEditing.draft ?? node.text,
                        commit: (text) => {
                          pendingFocus.current = item.key;
                          nodeEditing.commit(node.id, text);
                        },
                        cancel: () => {
                          pendingFocus.current = item.key;
                          nodeEditing.cancel();
                        },
                      }
                    : null
                }
                onActivate={() => focusRow(item.key)}
                onToggle={() => setExpanded(item.key, row.expanded === false)}
              />
            );
          })}
        </ul>
      )}
      {moving && movingNode && commands && (
        <MoveDialog
          node={movingNode}
          targets={targets}
          onMove={(toId) => {
            setMoving(null);
            commands.moveUnder(moving, toId);
            wantsFocus.current = true;
          }}
          onClose={() => {
            setMoving(null);
            pendingFocus.current = moving.item.key;
          }}
        />
      )}
    </section>
  );
}
