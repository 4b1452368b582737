import { describe, expect, it } from 'vitest';
import { matchNodes } from '@/lib/domain/rounds/flow-search';

const nodes = [
  { id: 'a', text: 'Russia failed to defend Armenia through the CSTO' },
  { id: 'b', text: 'The CSTO was never meant to cover Nagorno-Karabakh' },
  { id: 'c', text: 'Azerbaijan bought drones from Turkey' },
];

describe('matchNodes', () => {
  it('finds a card by the words typed, in any order and case', () => {
    expect(matchNodes(nodes, 'csto russia').map((n) => n.id)).toEqual(['a']);
    expect(matchNodes(nodes, 'DRONES').map((n) => n.id)).toEqual(['c']);
  });
  it('ranks cards where the words come earliest first', () => {
    expect(matchNodes(nodes, 'csto').map((n) => n.id)).toEqual(['b', 'a']);
  });
  it('finds nothing for an empty query or a word no card has', () => {
    expect(matchNodes(nodes, '   ')).toEqual([]);
    expect(matchNodes(nodes, 'csto iran')).toEqual([]);
  });
  it('keeps to the limit', () => {
    expect(matchNodes(nodes, 't', 2)).toHaveLength(2);
  });
});
