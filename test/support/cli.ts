import type { CliIO } from '../../app/cli-io';

/** A CliIO that collects what a command writes. */
export function bufferIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}
