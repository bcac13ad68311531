import { Router } from 'express';
import type { Request, Response } from 'express';
import { GENESIS_HASH } from '../../core/model/audit';
import type { Deps } from '../../core/usecases/deps';
import { sendError } from '../http-errors';

const RECEIPT = /^[2-9A-HJ-NP-Z]{10}$/;

/**
 * Public verification of the audit chain: its head (anyone can pin it and compare later) and the
 * receipt check a voter runs to see that their ballot is in the chain and still the counted one.
 */
export function auditRouter(deps: Deps): Router {
  const r = Router();

  r.get('/head', async (_req: Request, res: Response) => {
    const head = await deps.store.audit.head();
    res.json(
      head
        ? { seq: head.seq, hash: head.hash, at: head.at, type: head.type }
        : { seq: 0, hash: GENESIS_HASH, at: null, type: null },
    );
  });

  r.get('/receipts/:code', async (req: Request<{ code: string }>, res: Response) => {
    const code = req.params.code.trim().toUpperCase();
    if (!RECEIPT.test(code))
      return sendError(res, 400, 'INVALID_RECEIPT', 'a receipt is 10 letters and digits, e.g. 7KQ2M9XBRT');
    const [entry] = await deps.store.audit.findByRef(code);
    if (!entry) return sendError(res, 404, 'NOT_FOUND', 'no ballot with this receipt is in the chain');
    const current = await deps.store.ballots.getByReceipt(code);
    const head = await deps.store.audit.head();
    res.json({
      receipt: code,
      found: true,
      seq: entry.seq,
      at: entry.at,
      type: entry.type,
      challengeId: entry.data.challengeId,
      contentHash: entry.data.contentHash,
      entryHash: entry.hash,
      // A changed ballot gets a new receipt; the old one stays in the chain but no longer counts.
      status: current ? 'counted' : 'replaced',
      headSeq: head?.seq ?? entry.seq,
    });
  });

  return r;
}
