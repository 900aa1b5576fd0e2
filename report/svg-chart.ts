// A small SVG line chart, written by hand (no dependency): panels stacked vertically, each with its own
// y axis (linear, or log10 for error curves), a shared x axis, nice ticks, and a legend. Used by
// `mpcspec plot` (report/kernel-plot.ts). Points that are not finite (or ≤ 0 on a log axis) break the
// line rather than being drawn at an edge.

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly dashed?: boolean;
  /** Draw dots instead of a line (sampled outputs). */
  readonly dots?: boolean;
}

export interface Panel {
  readonly title: string;
  readonly yLabel: string;
  readonly log?: boolean;
  /** On a log axis, values below this are drawn at it (errors far below an ulp are all "exact"). */
  readonly logFloor?: number;
  readonly series: readonly Series[];
  readonly height: number;
  /** A fixed y range (linear panels): curves beyond it are clipped instead of stretching the axis. */
  readonly yRange?: readonly [number, number];
}

export interface Chart {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly xLabel: string;
  readonly panels: readonly Panel[];
  readonly width?: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: number): string => {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0).replace('e+', 'e');
  return Number(v.toPrecision(4)).toString();
};

/** Round numbers spanning [lo, hi]: about `count` ticks at 1, 2 or 5 × 10^k. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

export function renderChart(chart: Chart): string {
  const W = chart.width ?? 1060;
  const left = 78;
  const right = 190;
  const top = 52 + 16 * chart.subtitle.length;
  const gap = 54;
  const plotW = W - left - right;
  const allX = chart.panels.flatMap((p) => p.series.flatMap((s) => Array.from(s.x))).filter(Number.isFinite);
  const [x0, x1] = extent(allX);
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0)) * plotW;
  const H = top + chart.panels.reduce((a, p) => a + p.height + gap, 0) + 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${left}" y="24" font-size="17" font-weight="bold">${esc(chart.title)}</text>`,
    ...chart.subtitle.map(
      (line, i) => `<text x="${left}" y="${44 + 16 * i}" fill="#444">${esc(line)}</text>`,
    ),
  ];
  let y0 = top;
  for (const panel of chart.panels) {
    const h = panel.height;
    const floor = panel.logFloor ?? 0;
    const tr = (v: number): number => (panel.log ? Math.log10(Math.max(v, floor)) : v);
    const ok = (v: number): boolean => Number.isFinite(v) && (!panel.log || v > 0 || floor > 0);
    const ys = panel.series.flatMap((s) => Array.from(s.y).filter(ok).map(tr));
    let [lo, hi] = panel.yRange !== undefined && !panel.log ? panel.yRange : extent(ys);
    if (panel.log) [lo, hi] = [Math.floor(lo), Math.ceil(hi)];
    const sy = (v: number): number => y0 + h - ((tr(v) - lo) / (hi - lo)) * h;
    out.push(`<rect x="${left}" y="${y0}" width="${plotW}" height="${h}" fill="#fafafa" stroke="#999"/>`);
    out.push(`<text x="${left}" y="${y0 - 8}" font-weight="bold">${esc(panel.title)}</text>`);
    const yt = panel.log
      ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter(
          (_, i, a) => a.length <= 9 || i % 2 === 0,
        )
      : niceTicks(lo, hi);
    for (const t of yt) {
      const y = panel.log ? y0 + h - ((t - lo) / (hi - lo)) * h : sy(t);
      if (y < y0 - 0.5 || y > y0 + h + 0.5) continue;
      out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y}" y2="${y}" stroke="#e4e4e4"/>`);
      out.push(
        `<text x="${left - 6}" y="${y + 4}" text-anchor="end">${panel.log ? `1e${t}` : fmt(t)}</text>`,
      );
    }
    for (const t of niceTicks(x0, x1, 10)) {
      const x = sx(t);
      out.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y0 + h}" stroke="#eeeeee"/>`);
      out.push(`<text x="${x}" y="${y0 + h + 15}" text-anchor="middle">${fmt(t)}</text>`);
    }
    out.push(
      `<text transform="translate(${18},${y0 + h / 2}) rotate(-90)" text-anchor="middle">${esc(panel.yLabel)}</text>`,
    );
    out.push(`<clipPath id="c${y0}"><rect x="${left}" y="${y0}" width="${plotW}" height="${h}"/></clipPath>`);
    panel.series.forEach((s, k) => {
      const parts: string[] = [];
      let pen = false;
      const dots: string[] = [];
      for (let i = 0; i < s.x.length; i++) {
        const xv = s.x[i]!;
        const yv = s.y[i]!;
        if (!ok(yv) || !Number.isFinite(xv)) {
          pen = false;
          continue;
        }
        const px = sx(xv).toFixed(1);
        const py = sy(yv).toFixed(1);
        if (s.dots) dots.push(`<circle cx="${px}" cy="${py}" r="1.6"/>`);
        else parts.push(`${pen ? 'L' : 'M'}${px},${py}`);
        pen = true;
      }
      if (s.dots) out.push(`<g fill="${s.color}" clip-path="url(#c${y0})">${dots.join('')}</g>`);
      else
        out.push(
          `<path d="${parts.join('')}" fill="none" stroke="${s.color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="6 4"' : ''} clip-path="url(#c${y0})"/>`,
        );
      const ly = y0 + 14 + 18 * k;
      const lx = left + plotW + 14;
      out.push(
        s.dots
          ? `<circle cx="${lx + 11}" cy="${ly - 4}" r="3" fill="${s.color}"/>`
          : `<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      );
      out.push(`<text x="${lx + 28}" y="${ly}">${esc(s.label)}</text>`);
    });
    y0 += h + gap;
  }
  out.push(`<text x="${left + plotW / 2}" y="${H - 8}" text-anchor="middle">${esc(chart.xLabel)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
