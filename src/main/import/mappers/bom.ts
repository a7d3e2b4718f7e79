// BOM_updated.csv and Style_BOM.csv: (greige style, yarn, share) lines.
// - blank lines (",,,") and Style_BOM's per-style header lines (no yarn, 0 %) are skipped, not rejected;
// - the ERP feeds one yarn on several lines: duplicate (style, yarn) lines are SUMMED (1853/L has yarn 18669 at
//   0.27 + 0.48 + 0.24 and the ERP uses 99 %), never de-duplicated;
// - shares are fractions (0.13); a file whose shares are mostly above 1 is read as percent and divided by 100.
import { parseNumber } from '../cleaners';
import type { BomLine } from '../../../shared/domain/entities';
import type { Mapper } from './types';

export const mapBom: Mapper = (r, ctx) => {
  const raw: { style: string; yarnId: string; share: number }[] = [];
  let placeholders = 0;
  for (const _ of r.rows()) {
    const style = r.style('style', { required: true });
    const yarnId = r.id('yarnId');
    const rawShare = parseNumber(r.raw('bomPercentage'));
    if (style && !yarnId && rawShare.ok && !rawShare.value) {
      placeholders++;
      r.skip();
      continue;
    }
    if (!yarnId) r.problem('yarnId', 'required value missing', true);
    const share = r.num('bomPercentage', { required: true });
    if (share !== null && share < 0) r.problem('bomPercentage', 'negative share', true);
    if (!r.finish()) continue;
    raw.push({ style: style!, yarnId: yarnId!, share: share! });
  }
  const percentScale = raw.filter((l) => l.share > 1).length > raw.length / 2;
  const byKey = new Map<string, BomLine>();
  for (const [i, l] of raw.entries()) {
    if (i % 20_000 === 19_999) ctx.tick?.();
    const key = `${l.style}\u0000${l.yarnId}`;
    const fraction = percentScale ? l.share / 100 : l.share;
    const line = byKey.get(key);
    if (line) {
      line.fraction += fraction;
      line.lineCount++;
    } else {
      byKey.set(key, { style: l.style, yarnId: l.yarnId, fraction, lineCount: 1, sourceFile: ctx.fileName });
    }
  }
  const lines = [...byKey.values()];
  for (const l of lines) l.fraction = Math.round(l.fraction * 1e9) / 1e9;
  const styles = new Set(lines.map((l) => l.style)).size;
  const notes = [
    `${raw.length} BOM lines over ${styles} styles; ${raw.length - lines.length} duplicate (style, yarn) lines summed into ${lines.length} pairs`,
  ];
  if (placeholders) notes.push(`${placeholders} per-style header lines (no yarn, 0 %) skipped`);
  if (percentScale) notes.push('shares read as percent (divided by 100)');
  return { batch: { bomLines: lines }, notes };
};

/**
 * When a batch has several BOM files, each style's BOM is taken whole from ONE file: the file that covers most of
 * the batch's knit-order styles (then most ERP-report styles, then most styles) wins, and the others only fill in
 * styles it lacks. On the real masters this makes BOM_updated.csv primary: it covers 129 of 170 KO styles against
 * Style_BOM's far fewer, and where both carry a style of the ERP's demand report BOM_updated is closer to the ERP's
 * own percentages (8 of 8 differing styles) - Style_BOM only adds the 167 styles it lacks.
 * Returns the effective lines (each keeps its `sourceFile`) and the files in precedence order.
 */
export function bomPrecedence(
  files: { fileName: string; lines: BomLine[] }[],
  koStyles: Set<string>,
  reportStyles: Set<string>,
): { lines: BomLine[]; order: string[] } {
  const ranked = files
    .map((f) => {
      const styles = new Set(f.lines.map((l) => l.style));
      const cover = (set: Set<string>) => [...set].filter((s) => styles.has(s)).length;
      return { f, styles, key: [cover(koStyles), cover(reportStyles), styles.size] };
    })
    .sort((a, b) => b.key[0] - a.key[0] || b.key[1] - a.key[1] || b.key[2] - a.key[2] || a.f.fileName.localeCompare(b.f.fileName));
  const taken = new Set<string>();
  const lines: BomLine[] = [];
  for (const { f, styles } of ranked) {
    for (const l of f.lines) if (!taken.has(l.style)) lines.push(l);
    for (const s of styles) taken.add(s);
  }
  return { lines, order: ranked.map((r) => r.f.fileName) };
}
