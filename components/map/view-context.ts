'use client';

import { createContext, useContext } from 'react';

/** A reader's own view commands, shared by the node cards (available on read-only maps too). */
export type MapView = {
  toggleCollapsed: (id: string) => void;
  copyLink: (id: string) => void;
};

export const MapViewContext = createContext<MapView | null>(null);

export const useMapView = () => useContext(MapViewContext);
