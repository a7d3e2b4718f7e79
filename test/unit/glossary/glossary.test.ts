// The glossary says what the engine computes: its sums are evaluated and held against the engine's own identities,
// its ERP names are the export's columns, and every KPI tile of every page names an entry.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryText, isGlossaryKey, type GlossaryEntry } from '../../../src/shared/glossary';
import { yarnPolicyDefaults } from '../../../src/shared/policy/yarn';
import { dashboardViewSchema } from '../../../src/shared/views';
import { inventoryIdentityWarnings, yarnPositions, yarnRisk } from '../../../src/main/engine/yarn/position';
import type { YarnInventory } from '../../../src/main/engine/yarn/types';
import { TILES } from '../../../src/renderer/src/pages/dashboard/DashboardKpis';

const policy = { ...yarnPolicyDefaults };

/** The value of a glossary sum over the named values (each term by its glossary key). */
function evaluate(entry: GlossaryEntry, values: Record<string, number>): number {
  return entry.sum!.reduce((t, s) => {
    expect(values, `no value for ${s.key}`).toHaveProperty(s.key);
    return t + s.sign * values[s.key];
  }, 0);
}

// An ERP row as the export has it: Consumed and Allocated negative.
const row = {
  beginningBalance: 2_000,
  received: 750,
  consumed: -900,
  adjustments: -50,
  onOrder: 1_200,
  allocated: -2_600,
};

function inventory(theoretical: number, planning: number): YarnInventory {
  return {
    yarnId: '4001',
    description: 'test',
    supplier: 'S',
    color: null,
    beginningBalanceLbs: row.beginningBalance,
    receivedLbs: row.received,
    consumedLbs: row.consumed,
    adjustmentsLbs: row.adjustments,
    theoreticalBalanceLbs: theoretical,
    onOrderLbs: row.onOrder,
    allocatedLbs: row.allocated,
    planningBalanceLbs: planning,
  } as YarnInventory;
}

describe('glossary formulas against the engine', () => {
  it('theoretical and planning balance: the sums hold where the engine checks the ERP identities (Allocated negative, added)', () => {
    const theoretical = evaluate(GLOSSARY.theoreticalBalance, row);
    const planning = evaluate(GLOSSARY.planningBalance, { ...row, theoreticalBalance: theoretical });
    expect(theoretical).toBe(1_800);
    expect(planning).toBe(400); // 1,800 + 1,200 − 2,600
    expect(inventoryIdentityWarnings([inventory(theoretical, planning)], policy)).toEqual([]);
    // the check can fail: a planning balance written as theoretical + on order − allocated is flagged by the engine
    expect(inventoryIdentityWarnings([inventory(theoretical, theoretical + row.onOrder - row.allocated)], policy).map((w) => w.code)).toEqual([
      'inventory-planning',
    ]);
    expect(GLOSSARY.planningBalance.formula).toBe('Planning Balance = Theoretical Balance + On Order + Allocated');
    expect(GLOSSARY.theoreticalBalance.formula).toBe('Theoretical Balance = Beginning Balance + Received + Consumed + Adjustments');
  });

  it('the planning balance of a yarn missing from the inventory is the same sum (theoretical 0, allocated = −demand)', () => {
    const projection = { yarnId: '9', totalReceiptLbs: 500, totalDemandLbs: 1_700, demand: { weeklyLbs: [] }, shortage: null };
    const [p] = yarnPositions([], [projection as never], policy);
    expect(p.planningBalanceLbs).toBe(
      evaluate(GLOSSARY.planningBalance, { theoreticalBalance: p.theoreticalBalanceLbs, onOrder: p.onOrderLbs, allocated: p.allocatedLbs }),
    );
  });

  it('weeks of supply divides the Theoretical Balance (not the planning balance) by the weekly usage', () => {
    const [p] = yarnPositions([inventory(1_800, 400)], [], policy);
    // no phased demand: usage = |Allocated| / 8 = 325 lbs/wk
    expect(p.weeklyUsageLbs).toBe(2_600 / policy.allocatedSpreadWeeks);
    expect(p.weeksOfSupply).toBeCloseTo(1_800 / 325, 9);
    expect(GLOSSARY.weeksOfSupply.formula).toMatch(/^Theoretical Balance ÷ weekly usage/);
    expect(GLOSSARY.weeklyUsage.formula).toContain(`|Allocated| ÷ ${policy.allocatedSpreadWeeks}`);
  });

  it('the risk band: the level is min(planning balance + drafts, −max deficit) and the thresholds are the policy’s', () => {
    const text = GLOSSARY.riskBand.formula;
    expect(text).toContain('min(planning balance + PO drafts, −max deficit)');
    // the engine agrees: a positive balance with a deep projected deficit is CRITICAL by the deficit
    expect(yarnRisk({ planningBalanceLbs: 5_000, draftLbs: 0, maxDeficitLbs: 8_000 }, policy)).toMatchObject({
      risk: 'CRITICAL',
      riskBasis: 'projected deficit',
      levelLbs: -8_000,
    });
    expect(yarnRisk({ planningBalanceLbs: -500, draftLbs: 450, maxDeficitLbs: 0 }, policy)).toMatchObject({ risk: 'MEDIUM', levelLbs: -50 });
    for (const [band, lbs] of [
      ['CRITICAL', policy.criticalBelowLbs],
      ['HIGH', policy.highBelowLbs],
      ['MEDIUM', policy.mediumBelowLbs],
    ] as const)
      expect(text).toContain(`${band} if${band === 'CRITICAL' ? ' level' : ''} < ${lbs.toLocaleString('en-US')} lbs`);
  });

  const profile = join(__dirname, '../../../../shared/research/erp-exports-profile.md');
  it.skipIf(!existsSync(profile))('the ERP names are the yarn_inventory columns of the export profile', () => {
    const text = readFileSync(profile, 'utf8');
    const columns = /\*\*yarn_inventory\*\*[^]*?Columns: ([^]*?)\n(?:Identities|\*)/.exec(text)?.[1] ?? '';
    for (const key of [
      'theoreticalBalance',
      'planningBalance',
      'onOrder',
      'allocated',
      'beginningBalance',
      'received',
      'consumed',
      'adjustments',
    ] as const)
      expect(columns, key).toContain(`${GLOSSARY[key].erpName} N`);
  });
});

/** Every `<KpiTile` in the renderer's sources with the text of its props. */
function kpiTileUsages(): { file: string; props: string }[] {
  const out: { file: string; props: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.tsx'))
        for (const m of readFileSync(path, 'utf8').matchAll(/<KpiTile\b([^]*?)\/>/g)) out.push({ file: name, props: m[1] });
    }
  };
  walk(join(__dirname, '../../../src/renderer/src'));
  return out;
}

describe('every KPI tile explains itself', () => {
  it('each dashboard tile names a glossary entry, and every dashboard figure has a tile (or is the sub line of one)', () => {
    for (const t of TILES) expect(isGlossaryKey(t.term), `${t.key} -> ${t.term}`).toBe(true);
    const shownAsSubLine = ['yarnsShortAfterPastDue', 'lbsShortAfterPastDue'];
    const figures = Object.keys(dashboardViewSchema.shape.kpis.shape).filter((k) => !shownAsSubLine.includes(k));
    expect(TILES.map((t) => t.key).sort()).toEqual(figures.sort());
  });

  it('every <KpiTile> on every page passes a term that is in the glossary', () => {
    const usages = kpiTileUsages();
    expect(usages.length).toBeGreaterThanOrEqual(10); // dashboard, capacity, purchasing
    for (const u of usages) {
      const term = /\bterm=(?:"([^"]+)"|\{t\.term\})/.exec(u.props);
      expect(term, `${u.file}: a KpiTile without a term: ${u.props.trim().slice(0, 80)}`).not.toBeNull();
      if (term![1]) expect(isGlossaryKey(term![1]), `${u.file}: ${term![1]}`).toBe(true);
    }
  });

  it('a tooltip carries the definition and the formula', () => {
    expect(glossaryText('planningBalance')).toBe(
      'Planning balance: What is left of the yarn once every open knit order has taken its yarn and every open PO has arrived (lbs).\n' +
        'Planning Balance = Theoretical Balance + On Order + Allocated',
    );
    for (const [key, e] of Object.entries(GLOSSARY)) {
      expect(e.definition.length, key).toBeGreaterThan(10);
      expect(e.formula.length, key).toBeGreaterThan(3);
    }
  });
});
