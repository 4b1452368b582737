/**
 * Sustained commits on one map: the offered rate stepped up, each step an
 * open-loop drive from `loops` senders; per step the committed edits a
 * second (committed ÷ time from first send to last answer) and the
 * send → answer latency.
 */
import { drive, type Sent } from './drive';
import { sleep, summarise, type Summary } from './stats';

export type RampStep = {
  offered: number;
  committedPerSecond: number;
  committed: number;
  refused: number;
  shed: number;
  answer: Summary;
  errors: string[];
};

export async function ramp(options: {
  steps: number[];
  seconds: number;
  loops: number;
  send: (loop: number, tick: number) => Promise<Sent>;
}): Promise<RampStep[]> {
  const out: RampStep[] = [];
  for (const rate of options.steps) {
    const load = await drive({
      loops: options.loops,
      rate: rate / options.loops,
      seconds: options.seconds,
      send: options.send,
      // Half a second of the step's rate in flight at most; beyond that the
      // client sheds edits (counted) rather than queueing without bound.
      maxInFlight: Math.max(50, rate / 2),
    });
    out.push({
      offered: rate,
      committedPerSecond: load.sentAt.size / load.elapsed,
      committed: load.sentAt.size,
      refused: load.refused,
      shed: load.shed,
      answer: summarise(load.answerLatencies),
      errors: load.errors,
    });
    await sleep(1000);
  }
  return out;
}
