import { createInterface } from 'node:readline';
import type { DialogEngine } from '../dialog/engine';
import { ConsoleChannel } from './console-channel';

export interface ConsoleStreams {
  input: NodeJS.ReadableStream;
  output: { write(text: string): unknown };
  /** A terminal gets a prompt; a pipe gets replies only, one block per input line. */
  interactive: boolean;
}

/**
 * Talks to the engine line by line until the input ends. Lines are handled strictly in order, so a
 * piped script (`printf 'hi\n1\n' | agora chat`) behaves like a person typing.
 */
export async function runConsole(
  engine: DialogEngine,
  streams: ConsoleStreams,
  opts: { user: string; locale?: string },
): Promise<void> {
  const channel = new ConsoleChannel(engine, opts.user, opts.locale);
  const rl = createInterface({ input: streams.input, terminal: false, crlfDelay: Infinity });
  const prompt = (): void => {
    if (streams.interactive) streams.output.write('> ');
  };
  prompt();
  for await (const line of rl) {
    if (streams.interactive && ['/quit', '/exit'].includes(line.trim())) break;
    streams.output.write(`${await channel.send(line)}\n\n`);
    prompt();
  }
  rl.close();
}
