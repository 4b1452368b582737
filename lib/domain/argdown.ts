/**
 * Argdown (https://argdown.org) out of and into a map.
 *
 * Export writes one statement ([Title]) or argument (<Title>) per node, with
 * its incoming relations indented below it (<+ supports, <- attacks,
 * <_ undercuts). What Argdown has no syntax for rides in each element's data
 * block ({kind, side, x, y, links, rephrases}): Argdown tools ignore it and
 * our importer reads it back, so a round trip keeps the whole graph.
 *
 * Import runs @argdown/core's own parser and map builder, and takes the
 * argument map Argdown itself would draw: statements and arguments as nodes,
 * support, attack and undercut relations (including those implied by
 * premise–conclusion structures) as edges.
 */

export { exportArgdown } from './argdown-export';
export { parseArgdown } from './argdown-import';
