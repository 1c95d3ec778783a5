/**
 * A module beside the caller (`callerUrl`: its import.meta.url), to run in a worker thread or a
 * child process. Under tsx or vitest the caller is its .ts source and so is the sibling, which
 * then needs tsx's loader (`execArgv`); built, it is the .js file beside the caller.
 */
export function siblingModule(callerUrl: string, name: string): { url: URL; source: boolean; execArgv: string[] } {
  const source = callerUrl.endsWith('.ts');
  return { url: new URL(`./${name}.${source ? 'ts' : 'js'}`, callerUrl), source, execArgv: source ? ['--import', 'tsx'] : [] };
}
