import { describe, expect, it } from 'vitest';
import { searchableText, searchNodes } from '@/lib/domain/search';
import type { AnnotationView, CommentView, TeamLayer } from '@/lib/domain/social';

const nodes = [
  { id: 'a', text: 'Russia failed Armenia in 2022' },
  { id: 'b', text: 'The CSTO is a defensive alliance' },
  { id: 'c', text: 'Article 4 covers attacks on members' },
];
const comment = (nodeId: string, body: string): CommentView => ({
  id: `c-${body}`,
  nodeId,
  edgeId: null,
  parentId: null,
  authorId: 'u',
  authorName: 'U',
  authorColor: '#000',
  body,
  mentions: [],
  createdAt: '',
  editedAt: null,
  version: 1,
  resolved: false,
  deleted: false,
});
const annotation = (
  target: AnnotationView['target'],
  kind: AnnotationView['kind'],
  text: string,
): AnnotationView => ({
  id: `n-${text}`,
  teamId: 'red',
  target,
  kind,
  body: kind === 'TAG' ? '' : text,
  rating: kind === 'RATING' ? 2 : null,
  tag: kind === 'TAG' ? text : null,
  assigneeId: null,
  assigneeName: null,
  marks: null,
  authorName: 'A',
  updatedAt: '',
});
const layer = (annotations: AnnotationView[], teamId = 'red'): TeamLayer => ({
  teamId,
  name: teamId,
  color: '#f00',
  side: 'FOR',
  mine: teamId === 'red',
  annotations: annotations.map((a) => ({ ...a, teamId })),
});

describe('map search', () => {
  it('finds nodes by text, by their discussion and by the notes, tags and rating reasons of the layers given', () => {
    const extra = searchableText({
      comments: [comment('b', 'Is NATO comparable?')],
      layers: [
        layer([
          annotation({ kind: 'NODE', nodeId: 'c' }, 'NOTE', 'Lead with this in round two'),
          annotation({ kind: 'NODE', nodeId: 'a' }, 'TAG', 'our strongest'),
          annotation({ kind: 'NODE', nodeId: 'b' }, 'RATING', 'weak: no source'),
          annotation(
            { kind: 'SOURCE', sourceId: 's', start: 0, end: 4, exact: 'text' },
            'NOTE',
            'passage only',
          ),
        ]),
      ],
    });
    const ids = (q: string) => searchNodes(nodes, q, extra).map((n) => n.id);
    expect(ids('armenia')).toEqual(['a']);
    expect(ids('nato')).toEqual(['b']);
    expect(ids('ROUND TWO')).toEqual(['c']);
    expect(ids('strongest')).toEqual(['a']);
    expect(ids('no source')).toEqual(['b']);
    expect(ids('passage only')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('finds notes only in the layers of the reader’s view, and node text without a view', () => {
    const ours = layer([annotation({ kind: 'NODE', nodeId: 'c' }, 'NOTE', 'Round two: lead')]);
    const theirs = layer(
      [annotation({ kind: 'NODE', nodeId: 'b' }, 'NOTE', 'Round two: attack it')],
      'blue',
    );
    const found = (view: Parameters<typeof searchableText>[0], q = 'round two') =>
      searchNodes(nodes, q, searchableText(view)).map((n) => n.id);
    // The owner's view holds every layer; a student's only their own.
    expect(found({ comments: [], layers: [ours, theirs] })).toEqual(['b', 'c']);
    expect(found({ comments: [], layers: [ours] })).toEqual(['c']);
    expect(found({ comments: [], layers: [theirs] })).toEqual(['b']);
    expect(found({ comments: [], layers: [] })).toEqual([]);
    expect(found(null)).toEqual([]);
    expect(found(null, 'ARMENIA')).toEqual(['a']);
  });

  it('files a comment on a connection under no node', () => {
    const onEdge = { ...comment('a', 'About the link itself'), nodeId: null, edgeId: 'e1' };
    expect(searchableText({ comments: [onEdge], layers: [] }).size).toBe(0);
  });
});
