import { z } from 'zod';

/** An id as ops and stored JSON carry it (a node's, an edge's, a section's). */
export const ZId = z
  .string()
  .min(1, 'An id cannot be empty')
  .max(64, 'An id is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'An id may contain only letters, digits, - and _');
