import type { CliIO, Command } from './cli-io';
import { ConfigError } from './config';
import { auditCommand } from './commands/audit';
import { demoCommand } from './commands/demo';
import { startCommand } from './commands/start';
import { tallyCommand } from './commands/tally';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { chatCommand } from './commands/chat';
import { nluCommand } from './commands/nlu';
import { migrateCommand } from './commands/migrate';

interface Entry {
  run: Command;
  usage: string;
  summary: string;
}

const COMMANDS: Record<string, Entry> = {
  start: { run: startCommand, usage: 'agora start', summary: 'run the server (same as npm start)' },
  demo: { run: demoCommand, usage: 'agora demo', summary: 'load a demo municipality (idempotent)' },
  chat: {
    run: chatCommand(),
    usage: 'agora chat [--lang en|el|bg|cs] [--user <id>]',
    summary: 'talk to the bot in the terminal (numbers press buttons)',
  },
  nlu: {
    run: nluCommand,
    usage: 'agora nlu "<text>" [--json] [--lang xx] | agora nlu --batch <file>',
    summary: 'what the bot understands of a message',
  },
  audit: {
    run: auditCommand,
    usage: 'agora audit verify [--json]',
    summary: 'recompute the audit chain and check every ballot',
  },
  tally: {
    run: tallyCommand,
    usage:
      'agora tally <file.pb> --rule greedy|equal-shares [--completion none|add1|add1-utilitarian|utilitarian] [--json]',
    summary: 'compute the winners of a Pabulib election',
  },
  import: {
    run: importCommand,
    usage: 'agora import <file.pb> [--json]',
    summary: 'load a Pabulib election as a challenge in the results phase',
  },
  migrate: {
    run: migrateCommand,
    usage: 'agora migrate --from sqlite:<path> --to mongodb://host:27017/<db>?replicaSet=rs0',
    summary: 'copy a town from SQLite into an empty MongoDB database and verify its audit chain',
  },
  export: {
    run: exportCommand,
    usage: 'agora export <challengeId> [--format pb|csv|json] [--out <file>]',
    summary: 'write a challenge as open data (Pabulib by default)',
  },
};

export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    'Agora: participatory budgeting in the chat apps people already use.',
    '',
    'Usage: agora <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Configuration comes from environment variables (see README): PORT, DATABASE_URL, PUBLIC_URL, ...',
    '',
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code. Never lets an error escape as a stack trace. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`agora: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${entry.usage}\n  ${entry.summary}\n`);
    return 0;
  }
  try {
    return await entry.run(rest, io);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`${err.message}\n`);
      return 78; // EX_CONFIG
    }
    io.stderr(`agora ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/** Process entry (bin/agora.js): real streams, exit code from the command. */
export function main(argv: string[] = process.argv.slice(2)): void {
  const io: CliIO = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  void runCli(argv, io).then((code) => {
    process.exitCode = code;
  });
}
