// File reading and writing for the CLI. Outputs go to a temporary file beside the target and are
// renamed into place, so an interrupted run never leaves a half-written file.

import { readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, ExitError } from './errors.js';

export function readText(file: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new ExitError(EXIT.input, `cannot read ${what} \`${file}\`: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ExitError(
      EXIT.input,
      `${what} \`${file}\` is not UTF-8 text\n  help: save it as "CSV UTF-8" from Excel; files in GBK are not read yet`,
    );
  }
}

export function writeAtomic(file: string, content: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new ExitError(EXIT.input, `cannot write \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
