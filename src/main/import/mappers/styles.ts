// Style masters: QuadS greige list, eFab_Styles (finished -> greige), fabric specs (QuadS finished list and
// styles_master), knitting rates (Production Lbs) and the machine list (Machine Report).
import { cleanText } from '../cleaners';
import type { FabricSpec, GreigeStyle, KnitRate, Machine, StyleBridgeRow } from '../../../shared/domain/entities';
import { splitStyle } from '../../../shared/domain/style';
import type { Mapper } from './types';

export const mapGreigeStyles: Mapper = (r) => {
  const rows: GreigeStyle[] = [];
  const seen = new Set<string>();
  const baseField = r.has('greigeBase') ? 'greigeBase' : 'base';
  const versionField = r.has('greigeVersion') ? 'greigeVersion' : 'version';
  for (const _ of r.rows()) {
    const base = r.style(baseField, { required: true });
    const version = r.style(versionField, { required: true });
    const style = base && version ? `${base}/${version}` : '';
    if (style && seen.has(style)) r.problem(baseField, `duplicate greige style ${style} (first row kept)`, true);
    const active = r.raw('active');
    const row: GreigeStyle = {
      style,
      base: base ?? '',
      version: version ?? '',
      workCenter: r.text('workCenter'),
      construction: r.text('construction'),
      constructionId: r.id('constructionId'),
      customer: r.text('customer'),
      stage: r.text('stage'),
      pricePerLb: r.num('price'),
      active: active === null ? null : active === true || Number(active) === 1,
      refStyle: r.style('refStyle'),
    };
    if (!r.finish()) continue;
    seen.add(style);
    rows.push(row);
  }
  return { batch: { greigeStyles: rows }, notes: [] };
};

export const mapStyleBridge: Mapper = (r) => {
  const rows: StyleBridgeRow[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const _ of r.rows()) {
    const row: StyleBridgeRow = {
      finishedStyle: r.style('finishedStyle', { required: true }) ?? '',
      finishedVersion: r.style('finishedVersion'),
      customerBase: r.style('customerBase'),
      styleAlias: r.style('style'),
      greigeBase: r.style('greigeBase', { required: true }) ?? '',
      greigeCreated: r.date('greigeCreated'),
    };
    if (!r.finish()) continue;
    const key = Object.values(row).join('\u0001');
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    rows.push(row);
  }
  const fStyles = new Set(rows.map((x) => x.finishedStyle)).size;
  const gBases = new Set(rows.map((x) => x.greigeBase)).size;
  return {
    batch: { styleBridge: rows },
    notes: [`${duplicates} fully duplicated rows collapsed; ${rows.length} distinct rows, ${fStyles} finished styles, ${gBases} greige bases`],
  };
};

function dedupeSpecs(rows: FabricSpec[]): { rows: FabricSpec[]; duplicates: number } {
  const seen = new Set<string>();
  const out = rows.filter((x) => {
    const key = Object.values(x).join('\u0001');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { rows: out, duplicates: rows.length - out.length };
}

export const mapFinishedSpecs: Mapper = (r) => {
  const rows: FabricSpec[] = [];
  for (const _ of r.rows()) {
    const name = r.style('finishedStyleName', { required: true });
    const { base, version } = splitStyle(name ?? '');
    const row: FabricSpec = {
      source: 'finished_specs',
      finishedStyle: base,
      finishedVersion: version,
      specId: r.id('specId'),
      finishCode: r.text('finishCode'),
      overallWidthIn: r.num('overallWidth'),
      cuttableWidthIn: r.num('cuttableWidth'),
      ozPerLinYd: r.num('ozPerLinYd'),
      ydsPerLb: null,
      gsm: r.num('gsm'),
      ozPerSqYd: r.num('ozPerSqYd'),
      composition: r.text('composition'),
      construction: r.text('construction'),
      fabricType: r.text('fabricType'),
      rollWeightLbs: r.num('rollWeight'),
      rollLengthYds: r.num('rollLength'),
      stage: r.text('stage'),
    };
    if (row.ozPerLinYd !== null && row.ozPerLinYd > 0) row.ydsPerLb = 16 / row.ozPerLinYd;
    if (!r.finish()) continue;
    rows.push(row);
  }
  const d = dedupeSpecs(rows);
  return { batch: { fabricSpecs: d.rows }, notes: d.duplicates ? [`${d.duplicates} duplicate rows collapsed`] : [] };
};

export const mapStylesMaster: Mapper = (r) => {
  const rows: FabricSpec[] = [];
  for (const _ of r.rows()) {
    const row: FabricSpec = {
      source: 'styles_master',
      finishedStyle: r.style('style', { required: true }) ?? '',
      finishedVersion: r.style('version'),
      specId: r.id('specId'),
      finishCode: r.text('finishCode'),
      overallWidthIn: r.num('overallWidth'),
      cuttableWidthIn: r.num('cuttableWidth'),
      ozPerLinYd: r.num('ozPerLinYd'),
      ydsPerLb: r.num('ydsPerLb'),
      gsm: r.num('gsm'),
      ozPerSqYd: r.num('ozPerSqYd'),
      composition: null,
      construction: null,
      fabricType: null,
      rollWeightLbs: null,
      rollLengthYds: null,
      stage: null,
    };
    if (row.ydsPerLb === null && row.ozPerLinYd !== null && row.ozPerLinYd > 0) row.ydsPerLb = 16 / row.ozPerLinYd;
    if (!r.finish()) continue;
    rows.push(row);
  }
  const d = dedupeSpecs(rows);
  const styles = new Map<string, number>();
  for (const x of d.rows) styles.set(x.finishedStyle, (styles.get(x.finishedStyle) ?? 0) + 1);
  const multi = [...styles.values()].filter((n) => n > 1).length;
  const notes = [];
  if (d.duplicates) notes.push(`${d.duplicates} duplicate rows collapsed`);
  if (multi) notes.push(`${multi} styles carry more than one spec row`);
  return { batch: { fabricSpecs: d.rows }, notes };
};

export const mapKnitRates: Mapper = (r) => {
  const rows: KnitRate[] = [];
  const seen = new Set<string>();
  for (const _ of r.rows()) {
    const style = r.style('style', { required: true });
    const lbsPerDay = r.num('lbsPerDay', { required: true });
    if (lbsPerDay !== null && lbsPerDay <= 0) r.problem('lbsPerDay', 'knitting rate must be positive', true);
    if (style && seen.has(style)) r.problem('style', 'duplicate style (first row kept)', true);
    if (!r.finish()) continue;
    seen.add(style!);
    rows.push({ style: style!, lbsPerDay: lbsPerDay! });
  }
  return { batch: { knitRates: rows }, notes: [] };
};

export const mapMachines: Mapper = (r) => {
  const rows: Machine[] = [];
  const seen = new Set<string>();
  let workCentersOnly = 0;
  for (const _ of r.rows()) {
    const machineId = r.id('machine');
    const raw = r.text('workCenter');
    if (!machineId) {
      workCentersOnly++;
      r.skip();
      continue;
    }
    if (seen.has(machineId)) r.problem('machine', 'machine listed twice (first row kept)', true);
    const wc = cleanText(raw);
    if (!r.finish()) continue;
    seen.add(machineId);
    rows.push({ machineId, workCenter: wc, workCenterRaw: cleanText(r.raw('workCenter')) === null ? null : String(r.raw('workCenter')) });
  }
  const wcs = new Set(rows.map((m) => m.workCenter).filter(Boolean)).size;
  const rawWcs = new Set(rows.map((m) => m.workCenterRaw).filter(Boolean)).size;
  const noWc = rows.filter((m) => !m.workCenter).map((m) => m.machineId);
  const notes = [
    `${rows.length} machines in ${wcs} work centers (${rawWcs} distinct values before trailing spaces are trimmed)` +
      (noWc.length ? `; ${noWc.length} without a work center (${noWc.slice(0, 5).join(', ')})` : ''),
  ];
  if (workCentersOnly) notes.push(`${workCentersOnly} rows without a machine skipped`);
  return { batch: { machines: rows }, notes };
};
