import v8 from 'node:v8';

/**
 * A V8 flag set at run time while any `run(work)` is in progress: `on` when the first starts,
 * `off` when the last ends. V8's flags are the process's, so overlapping holders share one setting.
 */
export function heldV8Flag(on: string, off: string): { run: <T>(work: () => Promise<T>) => Promise<T>; held: () => boolean } {
  let holders = 0;
  return {
    held: () => holders > 0,
    async run(work) {
      if (holders++ === 0) v8.setFlagsFromString(on);
      try {
        return await work();
      } finally {
        if (--holders === 0) v8.setFlagsFromString(off);
      }
    },
  };
}
