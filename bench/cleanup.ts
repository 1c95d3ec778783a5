import { killChildren } from './child.js';

/**
 * What must be undone however the run ends (temporary directories, PostgreSQL schemas):
 * undone in reverse order by runCleanups(), which run.ts calls in `finally` and on Ctrl-C.
 */
type Step = { label: string; fn: () => Promise<void> };
const steps: Step[] = [];

export function onCleanup(label: string, fn: () => Promise<void>): void {
  steps.push({ label, fn });
}

/** Runs (once) the step registered under label now, e.g. when a schema is no longer needed. */
export async function cleanupNow(label: string, log: (msg: string) => void = () => {}): Promise<void> {
  const i = steps.findIndex((s) => s.label === label);
  if (i < 0) return;
  const [step] = steps.splice(i, 1);
  try {
    await step.fn();
  } catch (err) {
    log(`cleanup failed (${step.label}): ${(err as Error).message}`);
  }
}

let inFlight: Promise<void> | null = null;

/** Stops the children, then undoes every registered step; concurrent calls share one pass. */
export function runCleanups(log: (msg: string) => void = () => {}): Promise<void> {
  inFlight ??= undoAll(log).finally(() => (inFlight = null));
  return inFlight;
}

async function undoAll(log: (msg: string) => void): Promise<void> {
  await killChildren();
  while (steps.length) {
    const step = steps.pop()!;
    try {
      await step.fn();
    } catch (err) {
      log(`cleanup failed (${step.label}): ${(err as Error).message}`);
    }
  }
}

/**
 * On SIGINT/SIGTERM: stop the children, undo what was created, exit. Further signals while
 * cleaning up are ignored (Ctrl-C reaches this process twice: from the terminal and relayed
 * by the tsx wrapper).
 */
export function cleanupOnSignals(log: (msg: string) => void): void {
  let caught = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (caught) return;
      caught = true;
      log(`\n${sig}: cleaning up…`);
      void runCleanups(log).finally(() => process.exit(130));
    });
  }
}
