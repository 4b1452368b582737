'use client';

import { createContext, useContext } from 'react';

/** Inline text editing, shared by the canvas's node cards. Null when the map is read-only. */
export type NodeEditing = {
  editingId: string | null;
  /** Text to start editing from instead of the node's own (a merge of two versions). */
  draft: string | null;
  commit: (id: string, text: string) => void;
  cancel: () => void;
};

export const NodeEditingContext = createContext<NodeEditing | null>(null);

export const useNodeEditing = () => useContext(NodeEditingContext);
