import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSocialOpInput } from '@/lib/domain/social';
import type { Actor } from '@/lib/server/authz';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { setLayersRevealed } from '@/lib/server/social/set-layers-revealed';
import { testDb } from '../factories';
import { allText, buildTeamMap, code, nodeNote, sendSocial, type User } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

let mapId = '';
let nodeId = '';
let owner: User;
let amira: User; // team Red
let ben: User; // team Blue
let viewer: User;
let red = '';

beforeAll(async () => {
  ({ mapId, nodeId, owner, amira, ben, viewer, red } = await buildTeamMap());
});

const send = (actor: Actor, ops: TSocialOpInput[]) => sendSocial(actor, mapId, ops);
const note = (teamId: string, body: string, id?: string) => nodeNote(nodeId, teamId, body, id);

describe('team layers stay with their team', () => {
  it("through the API view: each student gets only their own team's layer; the owner gets every layer", async () => {
    const forAmira = await getSocialView(amira, mapId);
    expect(forAmira.layers.map((l) => l.name)).toEqual(['Red']);
    expect(allText(forAmira)).toContain('Red secret');
    expect(allText(forAmira)).not.toContain('Blue secret');
    const forBen = await getSocialView(ben, mapId);
    expect(allText(forBen)).not.toContain('Red secret');
    const forOwner = await getSocialView(owner, mapId);
    expect(forOwner.layers.map((l) => l.name).sort()).toEqual(['Blue', 'Red']);
    expect(allText(await getSocialView(viewer, mapId))).not.toMatch(/Red secret|Blue secret/);
  });

  it('through pages: the map snapshot a page renders carries no team notes at all', async () => {
    expect(allText(await getMapSnapshot(amira, mapId))).not.toMatch(/Red secret|Blue secret/);
  });

  it('through share links: a link visitor sees comments but no layer', async () => {
    const { token } = await createShareLink(owner, mapId, { role: 'EDITOR', expiresInDays: 0 });
    const visitor = shareLinkActor(await resolveShareLink(token));
    const view = await getSocialView(visitor, mapId);
    expect(view.layers).toEqual([]);
    expect(allText(view)).not.toMatch(/Red secret|Blue secret/);
  });

  it("through the stream: another team's note batch never reaches a student, not even as a nudge", async () => {
    const abort = new AbortController();
    const reader = (await openMapStream(ben, mapId, 0, abort.signal)).getReader();
    let text = '';
    while (!text.includes('id: 2\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    // Batch 1 is Red's note: Ben (Blue) never hears of it. Batch 2 is Blue's own.
    expect(text).not.toMatch(/id: 1\nevent: social/);
    expect(text).toContain('id: 2\nevent: social');
    expect(text).not.toMatch(/Red secret|Blue secret/);
  });

  it('after the owner reveals the layers, every member reads them all, and still writes only their own', async () => {
    await setLayersRevealed(owner, mapId, true);
    const forBen = await getSocialView(ben, mapId);
    expect(forBen.layers.map((l) => l.name).sort()).toEqual(['Blue', 'Red']);
    expect(allText(forBen)).toContain('Red secret');
    expect(await code(send(ben, [note(red, 'Blue writing in Red')]))).toBe('FORBIDDEN');
    await setLayersRevealed(owner, mapId, false);
    expect(allText(await getSocialView(ben, mapId))).not.toContain('Red secret');
  });
});
