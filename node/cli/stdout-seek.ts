// Where descriptor 1 stands in the file it writes, and a way to put it back there: what a streamed
// run needs to write a month straight into the file stdout was redirected to (`yardstick run … >
// result.json`) and still take it back whole when the month is refused.
//
// Node has `ftruncate` but no `lseek`, and the shell's descriptor is shared: after `{ yardstick run
// …; echo done; } > f` a refused month cut back with `ftruncate` alone would leave the offset where
// the month ended, and `echo` would write after a hole of NUL bytes. WASI's `fd_seek` is an lseek on
// the host descriptor (libuv's uvwasi), so a module of a few bytes, written out below, that calls it
// on descriptor 1 puts the offset back. Linux only: the position is read from /proc/self/fdinfo.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Descriptor 1's offset and whether it appends (O_APPEND), from /proc; undefined where there is no /proc. */
export function stdoutPosition(): { pos: number; append: boolean } | undefined {
  let info: string;
  try {
    info = readFileSync('/proc/self/fdinfo/1', 'latin1');
  } catch {
    return undefined;
  }
  const pos = /^pos:\s*(\d+)$/m.exec(info)?.[1];
  const flags = /^flags:\s*([0-7]+)$/m.exec(info)?.[1];
  if (pos === undefined || flags === undefined) return undefined;
  const O_APPEND = 0o2000;
  return { pos: Number(pos), append: (Number.parseInt(flags, 8) & O_APPEND) !== 0 };
}

const name = (s: string) => [s.length, ...Buffer.from(s, 'latin1')];
const section = (id: number, bytes: number[]) => [id, bytes.length, ...bytes];

/**
 * (module
 *   (import "wasi_snapshot_preview1" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
 *   (memory (export "memory") 1)
 *   (func (export "seek") (param $offset i64) (result i32)
 *     (call $fd_seek (i32.const 1) (local.get $offset) (i32.const 0 (;SET;)) (i32.const 0 (;new offset at 0;)))))
 */
const SEEK_MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [2, 0x60, 4, 0x7f, 0x7e, 0x7f, 0x7f, 1, 0x7f, 0x60, 1, 0x7e, 1, 0x7f]),
  ...section(2, [1, ...name('wasi_snapshot_preview1'), ...name('fd_seek'), 0x00, 0]),
  ...section(3, [1, 1]),
  ...section(5, [1, 0x00, 1]),
  ...section(7, [2, ...name('memory'), 0x02, 0, ...name('seek'), 0x00, 1]),
  ...section(10, [1, 12, 0, 0x41, 1, 0x20, 0, 0x41, 0, 0x41, 0, 0x10, 0, 0x0b]),
]);

/**
 * A function that moves descriptor 1's offset to `pos` (true when it did), or undefined where WASI
 * cannot be had. Node 20 says WASI is experimental when the module is loaded; that one warning is
 * not printed (it would read as a problem with the user's run).
 */
export function stdoutSeeker(): ((pos: number) => boolean) | undefined {
  const emit = process.emitWarning;
  try {
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      const text = typeof warning === 'string' ? warning : warning.message;
      if (/^WASI is an experimental feature/.test(text)) return;
      (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    const { WASI } = createRequire(import.meta.url)('node:wasi') as typeof import('node:wasi');
    const wasi = new WASI({ version: 'preview1' });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(SEEK_MODULE), {
      wasi_snapshot_preview1: wasi.wasiImport,
    });
    wasi.initialize(instance);
    const seek = instance.exports.seek as (offset: bigint) => number;
    return (pos) => seek(BigInt(pos)) === 0;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emit;
  }
}
