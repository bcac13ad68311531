/**
 * A `.pb` file that cannot be read as a Pabulib election. `line` is the 1-based line of the file
 * where the problem is (the first line of a record that spans several), so a user can open the
 * file and fix it.
 */
export class PabulibError extends Error {
  override readonly name = 'PabulibError';

  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Input that parses but cannot be tallied (e.g. an election built in code with a dangling project id). */
export class TallyError extends Error {
  override readonly name = 'TallyError';
}
