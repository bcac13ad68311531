/** Where a CLI command writes; tests pass buffers, the real CLI passes process streams. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A CLI sub-command: receives the arguments after its name, returns the process exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;
