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
});
const annotation = (
  target: AnnotationView['target'],
  kind: AnnotationView['kind'],
  text: string,
): AnnotationView => ({
  id: `n-${text}`,
  teamId: 't',
  target,
  kind,
  body: kind === 'TAG' ? '' : text,
  rating: kind === 'RATING' ? 2 : null,
  tag: kind === 'TAG' ? text : null,
  assigneeId: null,
  assigneeName: null,
  authorName: 'A',
  updatedAt: '',
});
const layer = (annotations: AnnotationView[]): TeamLayer => ({
  teamId: 't',
  name: 'Red',
  color: '#f00',
  side: 'FOR',
  mine: true,
  annotations,
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

  it('finds nothing of a layer that is not in the reader’s view', () => {
    expect(searchNodes(nodes, 'round two', searchableText({ comments: [], layers: [] }))).toEqual(
      [],
    );
    expect(searchNodes(nodes, 'round two', searchableText(null))).toEqual([]);
  });
});
