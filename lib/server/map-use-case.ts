import 'server-only';
import { authorizeMap, type Actor, type MapAccess, type MapAction, type VoteAction } from './authz';

/** Who acts on a map, and what lib/server/authz decided about them there. */
export type MapContext<A extends MapAccess = MapAccess> = { actor: Actor; access: A };

type Authorizer<A extends MapAccess> = (actor: Actor, mapId: string) => Promise<A>;

/**
 * A use case of one map, with the authorization it needs declared beside
 * it. Called as `(actor, mapId, ...args)` it authorizes and runs; a route
 * (mapRoute, lib/server/map-route.ts) calls `authorize` once, before it
 * reads the body, and hands the access to `run`: one decision per request,
 * and every path still through authz.
 */
export type MapUseCase<A extends MapAccess, Args extends unknown[], R> = {
  (actor: Actor, mapId: string, ...args: Args): Promise<R>;
  authorize: Authorizer<A>;
  run: (context: MapContext<A>, ...args: Args) => Promise<R>;
};

export function mapUseCase<Args extends unknown[], R>(
  action: MapAction | VoteAction,
  run: (context: MapContext, ...args: Args) => Promise<R>,
): MapUseCase<MapAccess, Args, R>;
export function mapUseCase<A extends MapAccess, Args extends unknown[], R>(
  authorize: Authorizer<A>,
  run: (context: MapContext<A>, ...args: Args) => Promise<R>,
): MapUseCase<A, Args, R>;
export function mapUseCase<A extends MapAccess, Args extends unknown[], R>(
  how: MapAction | VoteAction | Authorizer<A>,
  run: (context: MapContext<A>, ...args: Args) => Promise<R>,
): MapUseCase<A, Args, R> {
  const authorize: Authorizer<A> =
    typeof how === 'string' ? (actor, mapId) => authorizeMap(actor, how, mapId) as Promise<A> : how;
  const useCase = async (actor: Actor, mapId: string, ...args: Args) =>
    run({ actor, access: await authorize(actor, mapId) }, ...args);
  return Object.assign(useCase, { authorize, run });
}
