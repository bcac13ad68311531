import { verifyAudit } from '../../core/audit/verify';
import type { Command } from '../cli-io';
import { loadConfig } from '../config';
import { openStore } from '../open-store';

/** `agora audit verify [--json]`: recomputes the chain; exit 0 when it holds, 1 naming the first bad entry. */
export const auditCommand: Command = async (args, io) => {
  if (args[0] !== 'verify') {
    io.stderr('Usage: agora audit verify [--json]\n');
    return 2;
  }
  const store = await openStore(loadConfig().DATABASE_URL);
  try {
    const report = await verifyAudit(store);
    if (args.includes('--json')) io.stdout(`${JSON.stringify(report)}\n`);
    else if (report.ok)
      io.stdout(
        `Audit chain OK: ${report.entries} entries, ${report.ballotsChecked} ballots checked, head ${report.headHash}\n`,
      );
    else io.stdout(`Audit chain BROKEN at entry ${report.firstBad?.seq}: ${report.firstBad?.reason}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
};
