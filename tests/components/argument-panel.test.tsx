// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArgumentPanel } from '@/components/reasoning/argument-panel';
import type { TOp } from '@/lib/domain/ops';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';

afterEach(cleanup);

const node = (id: string, text: string, side: GraphNode['side'] = 'FOR'): GraphNode => ({
  id,
  kind: id === 'claim' ? 'CLAIM' : 'PREMISE',
  text,
  side,
  x: 0,
  y: id === 'claim' ? 0 : 200,
  version: 1,
  anchor: null,
  card: null,
  tags: [],
});
const nodes = [
  node('claim', 'Schools should start later'),
  node('doctor', 'Dr Lee, a sleep scientist, says teenagers need to sleep later'),
];
const support = (scheme: string | null, schemeName: string | null = null): GraphEdge => ({
  id: 'sup',
  fromId: 'doctor',
  toId: 'claim',
  relation: 'SUPPORTS',
  groupId: null,
  scheme,
  schemeName,
  answers: null,
  version: 1,
});

describe('the argument panel of a selected support', () => {
  it('tags the argument with the scheme picked, and untags it with None', async () => {
    const user = userEvent.setup();
    const onOps = vi.fn<(ops: TOp[]) => void>();
    const { rerender } = render(
      <ArgumentPanel
        nodes={nodes}
        edges={[support(null)]}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
        onOps={onOps}
      />,
    );
    const picker = screen.getByLabelText('Argument scheme');
    expect(picker).toHaveProperty('value', '');
    await user.selectOptions(picker, 'Argument from expert opinion');
    expect(onOps).toHaveBeenLastCalledWith([
      { type: 'updateEdge', id: 'sup', expect: { scheme: null }, scheme: 'expert-opinion' },
    ]);
    rerender(
      <ArgumentPanel
        nodes={nodes}
        edges={[support('expert-opinion')]}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
        onOps={onOps}
      />,
    );
    await user.selectOptions(screen.getByLabelText('Argument scheme'), 'None');
    expect(onOps).toHaveBeenLastCalledWith([
      { type: 'updateEdge', id: 'sup', expect: { scheme: 'expert-opinion' }, scheme: null },
    ]);
  });

  it('answers an open question from the keyboard with an objection attacking the premise', async () => {
    const user = userEvent.setup();
    const onOps = vi.fn<(ops: TOp[]) => void>();
    const edges = [support('expert-opinion')];
    const { rerender } = render(
      <ArgumentPanel
        nodes={nodes}
        edges={edges}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
        onOps={onOps}
      />,
    );
    const question = screen.getByText(/How credible is E as an expert/);
    const answer = screen.getAllByRole('button', { name: 'Answer' })[0]!;
    expect(answer.getAttribute('aria-describedby')).toBe(question.id);
    await user.click(answer);
    const field = screen.getByLabelText('Your answer');
    expect(document.activeElement).toBe(field);
    await user.keyboard('Dr Lee studies mice, not teenagers{Enter}');

    const ops = onOps.mock.calls[0]![0];
    expect(ops).toHaveLength(2);
    const [created, attack] = ops as [
      Extract<TOp, { type: 'createNode' }>,
      Extract<TOp, { type: 'createEdge' }>,
    ];
    expect(created).toMatchObject({
      type: 'createNode',
      kind: 'OBJECTION',
      text: 'Dr Lee studies mice, not teenagers',
      side: 'AGAINST',
    });
    expect(attack).toMatchObject({
      type: 'createEdge',
      fromId: created.id,
      toId: 'doctor',
      relation: 'ATTACKS',
      answers: { argument: 'e:sup', scheme: 'expert-opinion', question: 'credible' },
    });
    expect(screen.queryByLabelText('Your answer')).toBeNull();

    // Once the ops are on the map, the slot says it is answered, and by what.
    rerender(
      <ArgumentPanel
        nodes={[...nodes, { ...node(created.id, created.text, 'AGAINST'), kind: 'OBJECTION' }]}
        edges={[
          ...edges,
          {
            ...attack,
            scheme: null,
            schemeName: null,
            answers: attack.answers ?? null,
            version: 1,
          },
        ]}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
        onOps={onOps}
      />,
    );
    const slot = screen.getByText(/How credible is E as an expert/).closest('li')!;
    expect(slot.textContent).toContain('Answered');
    expect(slot.textContent).toContain('Dr Lee studies mice, not teenagers');
  });

  it('says why an empty answer is refused, and keeps the field open', async () => {
    const user = userEvent.setup();
    const onOps = vi.fn<(ops: TOp[]) => void>();
    render(
      <ArgumentPanel
        nodes={nodes}
        edges={[support('expert-opinion')]}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
        onOps={onOps}
      />,
    );
    await user.click(screen.getAllByRole('button', { name: 'Answer' })[0]!);
    await user.keyboard('{Enter}');
    expect(onOps).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(screen.getByLabelText('Your answer')).toBeTruthy();
  });

  it('Escape closes the answer field first, then the panel', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(
      <ArgumentPanel
        nodes={nodes}
        edges={[support('expert-opinion')]}
        edgeId="sup"
        direction="UP"
        onOps={vi.fn()}
        onClose={onClose}
      />,
    );
    await user.click(screen.getAllByRole('button', { name: 'Answer' })[0]!);
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Your answer')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    screen.getByLabelText('Argument scheme').focus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Close the argument' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('shows nothing for a connection that is not a support, and no buttons to readers', () => {
    const attack: GraphEdge = { ...support(null), relation: 'ATTACKS' };
    const { container, rerender } = render(
      <ArgumentPanel
        nodes={nodes}
        edges={[attack]}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
        onOps={vi.fn()}
      />,
    );
    expect(container.textContent).toBe('');
    rerender(
      <ArgumentPanel
        nodes={nodes}
        edges={[support('expert-opinion')]}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(screen.getByLabelText('Argument scheme')).toHaveProperty('disabled', true);
  });

  it('says the scheme an imported file named when the catalogue has none, until one is picked', () => {
    const panel = (edge: GraphEdge) => (
      <ArgumentPanel
        nodes={nodes}
        edges={[edge]}
        edgeId="sup"
        direction="UP"
        onClose={() => {}}
        onOps={() => {}}
      />
    );
    const { rerender } = render(panel(support(null, 'Argument From Values')));
    expect(screen.getByText('Scheme in the imported file: Argument From Values')).toBeTruthy();
    expect(screen.getByLabelText('Argument scheme')).toHaveProperty('value', '');
    // A catalogue scheme, once set, is what the argument has.
    rerender(panel(support('expert-opinion', 'Expert Opinion')));
    expect(screen.queryByText(/Scheme in the imported file/)).toBeNull();
  });
});
