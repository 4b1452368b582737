import type { AnnotationView } from '@/lib/domain/social';
import type { Focus } from './focus';

/** Whether a team annotation is about the claim `nodeId`. */
export const isOnNode = (a: AnnotationView, nodeId: string) =>
  a.target.kind === 'NODE' && a.target.nodeId === nodeId;

/** Whether a team annotation is about the selected claim or connection. */
export const isOn = (a: AnnotationView, focus: Focus) =>
  focus.kind === 'NODE'
    ? isOnNode(a, focus.id)
    : a.target.kind === 'EDGE' && a.target.edgeId === focus.id;
