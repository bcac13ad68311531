import { readFileSync } from 'node:fs';
import type { ResvgRenderOptions } from '@resvg/resvg-wasm';
import { Resvg, initWasm } from '@resvg/resvg-wasm';

/**
 * SVG → PNG with resvg compiled to WebAssembly: no browser, no native addon, the same bytes on every
 * platform. WebAssembly sees no system fonts, so DejaVu Sans (Latin incl. Czech, Greek, Cyrillic) is
 * loaded from its npm package and is the only font the charts can use.
 */

export const CHART_FONT = 'DejaVu Sans';

let ready: Promise<void> | undefined;

/** Instantiates the wasm module once per process; concurrent callers share the same promise
 * (resvg's own guard is set only after its await, so two racing inits would both get through). */
export function ensureResvg(): Promise<void> {
  ready ??= (async () => {
    try {
      await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    } catch (err) {
      // Another module of this process may have initialised the shared instance first: usable as is.
      if (err instanceof Error && err.message.startsWith('Already initialized')) return;
      ready = undefined; // let a later render retry instead of remembering the failure forever
      throw err;
    }
  })();
  return ready;
}

let fonts: Uint8Array[] | undefined;

function fontBuffers(): Uint8Array[] {
  fonts ??= ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'].map((p) =>
    readFileSync(require.resolve(p)),
  );
  return fonts;
}

/** At the SVG's own size on white, with DejaVu as the only font (wasm has no system fonts to load). */
export function resvgOptions(): ResvgRenderOptions {
  return {
    fitTo: { mode: 'original' },
    background: 'white',
    font: {
      fontBuffers: fontBuffers(),
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
      defaultFontSize: 16,
    },
  };
}

export async function svgToPng(svg: string): Promise<Buffer> {
  await ensureResvg();
  const resvg = new Resvg(svg, resvgOptions());
  // wasm memory is not garbage-collected: free both objects even when rendering throws.
  try {
    const image = resvg.render();
    try {
      const png = image.asPng(); // already a copy out of wasm memory
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
