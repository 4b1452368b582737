'use client';

import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { sourceLabel, toFlowEdges, toFlowNodes } from '@/lib/client/to-flow';
import type { MapSnapshot, Side } from '@/lib/domain/types';
import { SourceReader } from '../reader/source-reader';
import { ArgumentCanvas } from './argument-canvas';
import { Legend } from './legend';

type Props = { snapshot: MapSnapshot; initialNodeId: string | null };

export function MapWorkspace(props: Props) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

function Workspace({ snapshot, initialNodeId }: Props) {
  const known = (id: string | null) => (id && snapshot.nodes.some((n) => n.id === id) ? id : null);
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(known(initialNodeId));
  const { fitView } = useReactFlow();

  const flowNodes = useMemo(() => toFlowNodes(snapshot), [snapshot]);
  const flowEdges = useMemo(() => toFlowEdges(snapshot.edges, snapshot.nodes), [snapshot]);

  const centreOn = useCallback(
    (id: string) => void fitView({ nodes: [{ id }], duration: 400, maxZoom: 1.1, padding: 0.6 }),
    [fitView],
  );

  const onSelectQuote = useCallback(
    (id: string) => {
      setSelectedNodeId(id);
      centreOn(id);
    },
    [centreOn],
  );

  const [initialFocus] = useState(() => {
    const target = known(initialNodeId);
    return target ? [target] : startingView(snapshot);
  });

  const sides = useMemo(() => legendSides(snapshot), [snapshot]);

  return (
    <main className="workspace">
      <div className="workspace__bar">
        <h1>{snapshot.title}</h1>
        <p className="workspace__motion">
          Motion: <strong>{snapshot.motion}</strong>
        </p>
        <Legend sides={sides} />
      </div>
      <div className="workspace__body">
        <div className="canvas">
          <ArgumentCanvas
            initialNodes={flowNodes}
            edges={flowEdges}
            selectedNodeId={selectedNodeId}
            onSelectNode={setSelectedNodeId}
            initialFocus={initialFocus}
          />
        </div>
        <SourceReader
          sources={snapshot.sources}
          nodes={snapshot.nodes}
          selectedNodeId={selectedNodeId}
          onSelectQuote={onSelectQuote}
        />
      </div>
    </main>
  );
}

/**
 * Where a reader starts: the map's conclusions (nodes that bear on nothing
 * else) and the reasons that bear on them directly.
 */
function startingView(snapshot: MapSnapshot): string[] {
  const bearsOnSomething = new Set(snapshot.edges.map((e) => e.fromId));
  const roots = new Set(snapshot.nodes.filter((n) => !bearsOnSomething.has(n.id)).map((n) => n.id));
  const focus = new Set(roots);
  for (const e of snapshot.edges) if (roots.has(e.toId)) focus.add(e.fromId);
  return [...focus];
}

/** One legend line per side present: its sources and teams. */
function legendSides(snapshot: MapSnapshot): { side: Side; label: string }[] {
  const order: Side[] = ['FOR', 'AGAINST', 'NEUTRAL'];
  const present = new Set(snapshot.nodes.map((n) => n.side));
  return order
    .filter((side) => present.has(side))
    .map((side) => {
      const names = [
        ...snapshot.sources.filter((s) => s.side === side).map(sourceLabel),
        ...snapshot.teams.filter((t) => t.side === side).map((t) => t.name),
      ];
      const base = side === 'FOR' ? 'For' : side === 'AGAINST' ? 'Against' : 'Motion and our own';
      return { side, label: names.length ? `${base}: ${names.join(' · ')}` : base };
    });
}
