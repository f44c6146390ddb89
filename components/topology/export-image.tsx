'use client';
// The SVG and PNG export buttons beside Export JSON: the view as drawn by exportSvg, saved as is or
// rasterized in the browser through a canvas (twice the size, for sharp text in a ticket, when it fits).
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { announce } from './announcer';
import { downloadBlob } from './model/export';
import { exportFileName, exportSvg } from './model/export-svg';
import type { Filters } from './model/filters';
import { useTopology } from './topology-context';

/** Browsers refuse canvases past about 16k pixels a side (Chromium 32k, Safari less): stay under it. */
const MAX_CANVAS_SIDE = 16_000;

async function svgToPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.max(0.25, Math.min(2, MAX_CANVAS_SIDE / Math.max(img.width, img.height)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gives no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function ExportImageButtons({ filters }: { filters: Filters }) {
  const { index } = useTopology();
  const [busy, setBusy] = useState(false);
  const svg = () => exportSvg(index, filters);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        data-testid="export-svg"
        title="Download what the view shows as an SVG image (for a ticket)"
        onClick={() =>
          downloadBlob(new Blob([svg()], { type: 'image/svg+xml' }), exportFileName(index, filters, 'svg'))
        }
      >
        SVG
      </Button>
      <Button
        variant="ghost"
        size="sm"
        data-testid="export-png"
        disabled={busy}
        title="Download what the view shows as a PNG image (for a ticket)"
        onClick={() => {
          setBusy(true);
          svgToPng(svg())
            .then((png) => downloadBlob(png, exportFileName(index, filters, 'png')))
            .catch((e: unknown) => announce(`The PNG could not be made (${String(e)}). Download the SVG instead.`))
            .finally(() => setBusy(false));
        }}
      >
        PNG
      </Button>
    </>
  );
}
