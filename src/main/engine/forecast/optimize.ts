// Deterministic bounded minimisers for model parameters: a coarse grid, then golden section (1-D)
// or Nelder–Mead (n-D) started from the best grid point. No randomness, so fits are reproducible.

export interface OptimiserSettings {
  gridPoints: number;
  maxIterations: number;
  tolerance: number;
}

export interface Minimum {
  x: number[];
  value: number;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

function gridValues(lo: number, hi: number, points: number): number[] {
  if (points <= 1 || hi <= lo) return [(lo + hi) / 2];
  return Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
}

/** Minimise f on [lo, hi]: grid, then golden section inside the best grid cell. */
export function minimize1d(f: (x: number) => number, lo: number, hi: number, s: OptimiserSettings): Minimum {
  const grid = gridValues(lo, hi, s.gridPoints);
  let bestI = 0;
  let bestV = Infinity;
  for (let i = 0; i < grid.length; i++) {
    const v = f(grid[i]);
    if (v < bestV) [bestV, bestI] = [v, i];
  }
  let a = grid[Math.max(0, bestI - 1)];
  let b = grid[Math.min(grid.length - 1, bestI + 1)];
  let best = { x: [grid[bestI]], value: bestV };
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let it = 0; it < s.maxIterations && b - a > s.tolerance; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = f(d);
    }
  }
  const x = (a + b) / 2;
  const fx = f(x);
  if (fx < best.value) best = { x: [x], value: fx };
  return best;
}

/**
 * Minimise f over the box [lo, hi] (per dimension): a coarse grid over all dimensions, then Nelder–Mead from the
 * best grid point with points clamped into the box. `f` receives a reused buffer: read it, do not keep it.
 */
export function minimizeBox(f: (x: Float64Array) => number, lo: readonly number[], hi: readonly number[], s: OptimiserSettings): Minimum {
  const dim = lo.length;
  const buf = new Float64Array(dim);
  const g = (x: ArrayLike<number>): number => {
    for (let j = 0; j < dim; j++) buf[j] = Math.min(hi[j], Math.max(lo[j], x[j]));
    const v = f(buf);
    return Number.isFinite(v) ? v : Infinity;
  };

  // coarse grid (fewer points per dimension as dimensions grow, so the grid stays small)
  const per = Math.max(2, Math.round(s.gridPoints ** (2 / Math.max(2, dim))));
  const step = lo.map((l, j) => (hi[j] - l) / (per - 1));
  const idx = new Array<number>(dim).fill(0);
  const x = new Float64Array(dim);
  const start = new Float64Array(dim);
  let startV = Infinity;
  for (;;) {
    for (let j = 0; j < dim; j++) x[j] = lo[j] + step[j] * idx[j];
    const v = g(x);
    if (v < startV) {
      startV = v;
      start.set(x);
    }
    let d = 0;
    while (d < dim && ++idx[d] === per) idx[d++] = 0;
    if (d === dim) break;
  }

  // Nelder–Mead; the initial simplex steps half a grid cell along each axis
  const pts = Array.from({ length: dim + 1 }, () => new Float64Array(dim));
  const val = new Float64Array(dim + 1);
  pts[0].set(start);
  val[0] = startV;
  for (let i = 1; i <= dim; i++) {
    pts[i].set(start);
    const j = i - 1;
    pts[i][j] += start[j] + step[j] / 2 <= hi[j] ? step[j] / 2 : -step[j] / 2;
    val[i] = g(pts[i]);
  }
  const centroid = new Float64Array(dim);
  const trial = new Float64Array(dim);
  const trial2 = new Float64Array(dim);
  const along = (t: number, out: Float64Array, worst: Float64Array) => {
    for (let j = 0; j < dim; j++) out[j] = Math.min(hi[j], Math.max(lo[j], centroid[j] + t * (worst[j] - centroid[j])));
  };
  for (let it = 0; it < s.maxIterations; it++) {
    // order: best first (insertion sort keeps it allocation-free)
    for (let i = 1; i <= dim; i++) {
      const p = pts[i];
      const v = val[i];
      let k = i - 1;
      while (k >= 0 && val[k] > v) {
        pts[k + 1] = pts[k];
        val[k + 1] = val[k];
        k--;
      }
      pts[k + 1] = p;
      val[k + 1] = v;
    }
    if (Math.abs(val[dim] - val[0]) <= s.tolerance * (Math.abs(val[0]) + s.tolerance)) break;
    centroid.fill(0);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j] += pts[i][j] / dim;
    const worst = pts[dim];
    along(-1, trial, worst);
    const fr = g(trial);
    if (fr < val[0]) {
      along(-2, trial2, worst);
      const fe = g(trial2);
      if (fe < fr) {
        worst.set(trial2);
        val[dim] = fe;
      } else {
        worst.set(trial);
        val[dim] = fr;
      }
    } else if (fr < val[dim - 1]) {
      worst.set(trial);
      val[dim] = fr;
    } else {
      along(fr < val[dim] ? -0.5 : 0.5, trial2, worst);
      const fk = g(trial2);
      if (fk < Math.min(fr, val[dim])) {
        worst.set(trial2);
        val[dim] = fk;
      } else {
        for (let i = 1; i <= dim; i++) {
          for (let j = 0; j < dim; j++) pts[i][j] = pts[0][j] + 0.5 * (pts[i][j] - pts[0][j]);
          val[i] = g(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= dim; i++) if (val[i] < val[best]) best = i;
  const clamped = Array.from(pts[best], (v, j) => Math.min(hi[j], Math.max(lo[j], v)));
  return val[best] <= startV ? { x: clamped, value: val[best] } : { x: Array.from(start), value: startV };
}
