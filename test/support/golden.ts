// Golden-file comparison shared by every engine area (frePPLe style: small models, diffable expected output).
// Re-accept deliberate changes with `UPDATE_GOLDEN=1 npx vitest run test/golden`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const updatingGolden = process.env.UPDATE_GOLDEN === '1';

export function expectGolden(expectedPath: string, actualText: string): void {
  const actual = actualText.endsWith('\n') ? actualText : `${actualText}\n`;
  if (updatingGolden || !existsSync(expectedPath)) {
    if (!updatingGolden) throw new Error(`missing golden file ${expectedPath} (run with UPDATE_GOLDEN=1 to create it)`);
    mkdirSync(dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, actual);
    return;
  }
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
}

/** Rows of objects as a stable CSV text (numbers rounded to 4 decimals) for golden comparison. */
export function toGoldenCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e4) / 1e4);
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
