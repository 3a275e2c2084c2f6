// Progress of long work (a large month in `run`, `statements`, `diff`): on a terminal a progress bar
// on stderr (records done, rate, time left) drawn by cli-progress; when stderr is not a terminal
// (a pipe, a CI log) a plain line every tenth of the way; nothing with --quiet, and nothing for a
// month under PROGRESS_MIN records, which is done before a bar would help.

import { createRequire } from 'node:module';

/** cli-progress, loaded when a bar is drawn on a terminal, not at every start. */
const cliProgress = () => createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');

/** Months smaller than this show no progress; `YARDSTICK_PROGRESS_MIN` sets another bound (tests use it). */
export const PROGRESS_MIN = 20_000;

export interface ProgressOptions {
  /** What is being done, first on the bar or line: `run`, `statements`, `diff`. */
  label: string;
  quiet?: boolean;
  /** Where plain lines go (the command's stderr). */
  stderr: (line: string) => void;
  /** The terminal the bar is drawn on, when stderr is one. */
  tty?: NodeJS.WriteStream | undefined;
}

/** What runPolicy takes: a callback every `progressEvery` records and at the end. */
export interface RunProgress {
  progressEvery?: number;
  onProgress?: (done: number, total: number) => void;
}

const minimum = () => {
  const n = Number(process.env.YARDSTICK_PROGRESS_MIN);
  return Number.isInteger(n) && n > 0 ? n : PROGRESS_MIN;
};

const seconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.ceil(s)} s`);

/** The progress reporting of one evaluation of `total` records. */
export function progressFor(total: number, o: ProgressOptions, now: () => number = Date.now): RunProgress {
  if (o.quiet || total < minimum()) return {};
  const started = now();
  const rate = (done: number) => Math.round(done / Math.max((now() - started) / 1000, 0.001));
  const tty = o.tty === undefined ? (process.stderr.isTTY ? process.stderr : undefined) : o.tty;
  if (tty) {
    const { SingleBar, Presets } = cliProgress();
    const bar = new SingleBar(
      {
        stream: tty,
        format: `${o.label} [{bar}] {percentage}% · {value}/{total} records · {rate}/s · {eta_formatted} left`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
        fps: 10,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { rate: 0 });
    return {
      progressEvery: Math.max(1, Math.floor(total / 200)),
      onProgress: (done) => {
        bar.update(done, { rate: rate(done) });
        if (done >= total) bar.stop();
      },
    };
  }
  return {
    progressEvery: Math.max(1, Math.ceil(total / 10)),
    onProgress: (done) => {
      const r = rate(done);
      const left = done >= total ? 'done' : `about ${seconds((total - done) / Math.max(r, 1))} left`;
      o.stderr(
        `${o.label}: ${done} / ${total} records (${Math.floor((done / total) * 100)}%), ${r} records/s, ${left}`,
      );
    },
  };
}
