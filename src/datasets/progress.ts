import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  advance(rows: number): void;
  stop(): void;
}

const silent: Progress = { start: () => undefined, advance: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr for a person watching a terminal; nothing at all otherwise, so CI logs
 * and piped output carry only the summary.
 */
export function progressBar(label: string, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label.padEnd(28)} {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let value = 0;
  return {
    start: (total) => bar.start(total, 0),
    advance: (rows) => bar.update((value += rows)),
    stop: () => bar.stop(),
  };
}
