/** The real-time benchmark's settings, from the environment (listed in bench/realtime.ts). */

/** A bad setting is one line and exit code 2, before anything starts. */
function fail(message: string): never {
  console.error(`bench:realtime: ${message}`);
  process.exit(2);
}

export const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number`);
  return value;
};

export const config = {
  editors: envNumber('EDITORS', 20),
  rate: envNumber('RATE', 2),
  readers: envNumber('READERS', 60),
  seconds: envNumber('DURATION', 15),
  bigNodes: envNumber('BIG_NODES', 5000),
  sizeEdits: envNumber('SIZE_EDITS', 40),
  rampSteps: (process.env.RAMP_STEPS ?? '100,200,400,800').split(',').map(Number),
  rampSeconds: envNumber('RAMP_DURATION', 8),
  rampLoops: envNumber('RAMP_LOOPS', 40),
  rawFullSeconds: envNumber('RAW_FULL_DURATION', 5),
  idleReaders: envNumber('IDLE_READERS', 1000),
  settleSeconds: envNumber('SETTLE', 5),
  embeddedSeconds: envNumber('EMBEDDED_DURATION', 10),
};
if (config.rampSteps.some((s) => !Number.isFinite(s) || s <= 0))
  fail('RAMP_STEPS must be edits/s separated by commas, e.g. 100,200,400,800');

const ALL = ['one', 'two', 'size', 'ramp', 'memory', 'raw', 'yjs', 'embedded'];
const chosen = (process.env.SCENARIOS ?? ALL.join(',')).split(',').map((s) => s.trim());
for (const s of chosen) if (!ALL.includes(s)) fail(`unknown scenario ${s}; one of ${ALL}`);

export const runs = (scenario: string) => chosen.includes(scenario);
