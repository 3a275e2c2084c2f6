// File reading and writing for the CLI. Outputs go to a temporary file beside the target and are
// renamed into place, so an interrupted run never leaves a half-written file.

import { readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, ExitError } from './errors.js';
import { decodeBytes, type Encoding } from '../data/decode.js';

export function readBytes(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new ExitError(EXIT.input, `cannot read ${what} \`${file}\`: ${why}`);
  }
}

/** Policies are UTF-8; data files may be UTF-8 (with or without BOM), GBK or GB18030. */
export function readText(file: string, what: string, encoding: Encoding = what === 'data' ? 'auto' : 'utf-8'): string {
  const decoded = decodeBytes(readBytes(file, what), encoding);
  if (!decoded.ok) throw new ExitError(EXIT.input, `${what} \`${file}\`: ${decoded.message}\n  help: ${decoded.help}`);
  return decoded.text.replace(/^\uFEFF/, '');
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
