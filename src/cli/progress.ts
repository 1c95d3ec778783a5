import cliProgress from 'cli-progress';
import type { IngestStage, Logger } from '../ingest/context.js';

const STAGES: IngestStage[] = ['fetch', 'parse', 'store', 'done'];

/**
 * Ingest progress: a bar on a terminal, plain timestamped lines otherwise (logs, CI).
 * Each source moves through fetch → parse → store → done.
 */
export function createProgress(sourceIds: string[], out: NodeJS.WriteStream = process.stderr) {
  const total = sourceIds.length * STAGES.length;
  const done = new Map<string, number>();
  const count = () => [...done.values()].reduce((a, b) => a + b, 0);
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'ingest {bar} {percentage}% | {source} {stage}', hideCursor: true, clearOnComplete: true, stream: out },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { source: '', stage: '' });
    return {
      update(sourceId: string, stage: IngestStage) {
        done.set(sourceId, STAGES.indexOf(stage) + 1);
        bar.update(count(), { source: sourceId, stage });
      },
      stop() {
        bar.stop();
      },
    };
  }
  return {
    update(sourceId: string, stage: IngestStage) {
      done.set(sourceId, STAGES.indexOf(stage) + 1);
      out.write(`${new Date().toISOString()} ingest ${sourceId}: ${stage}\n`);
    },
    stop() {},
  };
}

export const consoleLogger: Logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
};
