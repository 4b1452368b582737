import Link from 'next/link';
import type { RoundSummary } from '@/lib/domain/rounds/views';
import page from '@/components/ui/page.module.css';

/** Rounds as a table: which, the motion, who sat where, who judged and the released results. */
export function RoundList({
  rounds,
  showMap = false,
}: {
  rounds: RoundSummary[];
  showMap?: boolean;
}) {
  return (
    <div className={page.tableScroll}>
      <table className={page.table}>
        <thead>
          <tr>
            <th scope="col">Round</th>
            {showMap && <th scope="col">Map</th>}
            <th scope="col">Benches</th>
            <th scope="col">Judges</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id}>
              <th scope="row" className={page.rowName}>
                <Link href={`/maps/${r.map.id}/rounds/${r.id}`}>
                  Round {r.number}: {r.formatName}
                </Link>
                <br />
                <small>{r.motion}</small>
              </th>
              {showMap && <td>{r.map.title}</td>}
              <td>
                {r.seats.map((s) => (
                  <span key={s.position} style={{ display: 'block' }}>
                    {s.bench}: {s.team || 'no team'}
                  </span>
                ))}
              </td>
              <td>{r.judges.join(', ') || 'None'}</td>
              <td>
                {r.results.length === 0
                  ? 'Not released yet'
                  : r.results.map((x) => (
                      <span key={x.judge} style={{ display: 'block' }}>
                        {x.outcome} ({x.judge})
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
