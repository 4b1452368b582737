/**
 * The demo debate's stable handle. The seed (prisma/seed) writes the demo
 * map under it; "start from the demo" (lib/server/maps/create-map) finds the
 * map by it and copies it as it stands in the database. The server never
 * reads the seed itself.
 */
export const DEMO_MAP_SLUG = 'russia-csto-karabakh';
