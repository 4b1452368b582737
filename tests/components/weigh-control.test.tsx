// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StandsLegend, WeighControl } from '@/components/reasoning/stands';

afterEach(cleanup);

describe('weighing What stands in the Filter menu', () => {
  it('gives the owner a choice of team, a team without ratings disabled', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(teamId: string | null) => void>();
    render(
      <WeighControl
        manages
        chosen={null}
        onChange={onChange}
        choices={[
          { teamId: 'red', name: 'Red', reason: null },
          { teamId: 'blue', name: 'Blue', reason: 'Blue has rated no claim yet.' },
        ]}
      />,
    );
    const picker = screen.getByLabelText('Weigh by a team’s ratings');
    expect([...picker.querySelectorAll('option')].map((o) => [o.textContent, o.disabled])).toEqual([
      ['No weighting', false],
      ['Red', false],
      ['Blue (no ratings yet)', true],
    ]);
    await user.selectOptions(picker, 'Red');
    expect(onChange).toHaveBeenLastCalledWith('red');
  });

  it('gives a student one checkbox for their team, disabled with the reason when it cannot be used', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(teamId: string | null) => void>();
    const reason = 'Guided voting: rate a claim first.';
    const { rerender } = render(
      <WeighControl
        manages={false}
        chosen={null}
        onChange={onChange}
        choices={[{ teamId: 'red', name: 'my team', reason }]}
      />,
    );
    const box = screen.getByRole('checkbox', { name: 'Weigh by my team’s ratings' });
    expect(box).toHaveProperty('disabled', true);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
      reason,
    );
    rerender(
      <WeighControl
        manages={false}
        chosen={null}
        onChange={onChange}
        choices={[{ teamId: 'red', name: 'my team', reason: null }]}
      />,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Weigh by my team’s ratings' }));
    expect(onChange).toHaveBeenLastCalledWith('red');
  });

  it('shows nothing to a reader with no team to weigh by', () => {
    const { container } = render(
      <WeighControl manages={false} chosen={null} onChange={() => {}} choices={[]} />,
    );
    expect(container.textContent).toBe('');
  });

  it('says in the legend which weighting is on', () => {
    const { rerender } = render(<StandsLegend weighedBy="Red" />);
    expect(screen.getByRole('list', { name: 'What stands' }).textContent).toContain(
      'Weighed by Red’s ratings: an attack defeats a card only if the team rated the attacker at least as high',
    );
    rerender(<StandsLegend weighedBy={null} />);
    expect(screen.getByRole('list', { name: 'What stands' }).textContent).toContain(
      'Unweighted: every attack counts.',
    );
  });
});
