'use client';

import { createContext, useContext } from 'react';

/** Inline text editing, shared by the canvas's node cards. Null when the map is read-only. */
export type NodeEditing = {
  editingId: string | null;
  commit: (id: string, text: string) => void;
  cancel: () => void;
};

export const NodeEditingContext = createContext<NodeEditing | null>(null);

export const useNodeEditing = () => useContext(NodeEditingContext);
