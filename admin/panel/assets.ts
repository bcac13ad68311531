import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router } from 'express';

interface Asset {
  path: string;
  body: Buffer;
  type: string;
  etag: string;
}

/** `admin/panel/public`, from source (ts-jest) or from dist/ (tsc copies no .css/.js assets). */
function publicDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = [join(dir, 'public'), join(dir, 'admin', 'panel', 'public')].find((p) =>
      existsSync(join(p, 'panel.css')),
    );
    if (candidate) return candidate;
    if (dirname(dir) === dir) throw new Error(`admin/panel/public not found above ${from}`);
  }
}

/** Chart.js's UMD build from node_modules (its package exports hide dist/, so start from main). */
const chartJsFile = (): string => join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');

const JS = 'text/javascript; charset=utf-8';

function load(name: string, file: string, type: string): Asset {
  const body = readFileSync(file);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return {
    path: `/admin/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
    body,
    type,
    etag: `"${hash}"`,
  };
}

let loaded: Record<'css' | 'panelJs' | 'dashboardJs' | 'chartJs', Asset> | null = null;

function assets() {
  if (loaded) return loaded;
  const pub = publicDir();
  loaded = {
    css: load('panel.css', join(pub, 'panel.css'), 'text/css; charset=utf-8'),
    panelJs: load('panel.js', join(pub, 'panel.js'), JS),
    dashboardJs: load('dashboard.js', join(pub, 'dashboard.js'), JS),
    chartJs: load('chart.umd.min.js', chartJsFile(), JS),
  };
  return loaded;
}

/** Content-addressed URLs of the panel's static files (read on first use). */
export const ASSET_PATHS = {
  get css(): string {
    return assets().css.path;
  },
  get panelJs(): string {
    return assets().panelJs.path;
  },
  get dashboardJs(): string {
    return assets().dashboardJs.path;
  },
  get chartJs(): string {
    return assets().chartJs.path;
  },
};

/** Serves the assets, public and cached for a year (their URL changes with their content). */
export function assetsRouter(): Router {
  const r = Router();
  r.get('/assets/:file', (req, res, next) => {
    const a = Object.values(assets()).find((x) => x.path === `/admin/assets/${req.params.file}`);
    if (!a) return next();
    res.set({ 'Content-Type': a.type, 'Cache-Control': 'public, max-age=31536000, immutable', ETag: a.etag });
    if (req.get('if-none-match') === a.etag) return void res.status(304).end();
    res.send(a.body);
  });
  return r;
}
