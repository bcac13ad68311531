import { Router } from 'express';
import { exportChallenge } from '../../../core/usecases/opendata/export-challenge';
import type { Panel } from '../context';
import type { ExportFormat } from '../export-render';
import { EXPORT_FORMATS, EXPORT_TYPES, renderExport } from '../export-render';
import { queryText } from '../form';
import { sendMessage } from '../layout';
import { param } from '../view-helpers';

/** Downloads of a challenge: `.pb`, CSV and JSON, the same files as `agora export`. */
export function exportsRouter(panel: Panel): Router {
  const r = Router();
  r.get('/challenges/:id/export', async (req, res) => {
    const id = param(req.params.id);
    const format = (queryText(req, 'format') || 'pb') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format))
      return sendMessage(res, 400, 'Unknown format', 'Exports are pb, csv or json.');
    const x = await exportChallenge(panel.deps.store, id);
    if (!x.ok) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    const supports = await panel.deps.store.supports.countsByChallenge(id);
    const body = renderExport(x.value, format, supports, panel.deps.clock.now());
    res
      .status(200)
      .set({
        'Content-Type': EXPORT_TYPES[format],
        'Content-Disposition': `attachment; filename="agora-${id.replace(/[^\w.-]/g, '_')}.${format}"`,
        'Cache-Control': 'no-store',
      })
      .send(body);
  });
  return r;
}
