/**
 * Propagation on the embedded database: the launcher without DATABASE_URL
 * (PGlite in its process, the demo debate and demo accounts seeded), the
 * demo teacher editing the demo map, readers on the same instance.
 */
import { signIn, startApp, type App } from './apps';
import { getJson } from './http';
import { propagation, type Propagation } from './propagation';

export async function embeddedPropagation(options: {
  authSecret: string;
  dataDir: string;
  probeDir: string;
  /** Told of the app as soon as it started, so the caller can stop it whatever happens. */
  started: (app: App) => void;
  editors: number;
  rate: number;
  readers: number;
  seconds: number;
}): Promise<{ nodes: number } & Propagation> {
  const app = await startApp({ name: 'embedded', ...options });
  options.started(app);
  const teacher = /teacher\s+(\S+@\S+)\s+(\S+)/.exec(app.log());
  if (!teacher) throw new Error('the embedded app printed no demo teacher account');
  const home = await (await fetch(app.base)).text();
  const mapId = /href="\/maps\/([^"?]+)"/.exec(home)?.[1];
  if (!mapId) throw new Error('the embedded app’s home page links no demo map');
  const snapshot = await getJson<{ nodes: { id: string }[] }>(`${app.base}/api/maps/${mapId}`);
  const result = await propagation({
    postTo: app.base,
    cookie: await signIn(app.base, teacher[1]!, teacher[2]!),
    mapId,
    nodeIds: snapshot.nodes.map((n) => n.id),
    readerGroups: [{ label: 'same instance', base: app.base, count: options.readers }],
    editors: options.editors,
    rate: options.rate,
    seconds: options.seconds,
  });
  return { nodes: snapshot.nodes.length, ...result };
}
