// The action log's human sentence for each kind of action, written from the rows the action changed (as they were
// and became), so the sentence says what happened, not what was asked: "Accepted draft for yarn 18884: 2,000 lbs
// due 2025-10-06".
import type { ActionKind } from '../../../shared/actionLog';
import type { PoDraft } from '../../../shared/domain/poDraft';
import type { PolicyValue } from '../../../shared/domain/policyValue';
import type { SchedulePin } from '../../../shared/domain/schedulePin';
import { policyDefaults } from '../../../shared/policy';
import type { Override } from '../../../shared/scenario';
import { lbsText } from '../../../shared/viewText';
import type { RecordedChange, TrackedTableName } from '../../store/actionLog';

type Row = Record<string, unknown>;

const of = (changes: readonly RecordedChange[], table: TrackedTableName) => changes.filter((c) => c.table === table);
const real = (c: RecordedChange) => JSON.stringify(c.before) !== JSON.stringify(c.after);
const listed = (parts: string[], max = 3) => parts.slice(0, max).join('; ') + (parts.length > max ? `; and ${parts.length - max} more` : '');
const valueText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

const draftText = (d: PoDraft) => `yarn ${d.yarnId}: ${lbsText(d.qtyLbs)} due ${d.receiptDate}`;

function draftSentence(c: RecordedChange | undefined): string {
  const before = c?.before as PoDraft | null | undefined;
  const after = c?.after as PoDraft | null | undefined;
  if (!c || !after) return 'Changed no draft';
  if (!real(c)) return `Left draft for ${draftText(after)} as it was`;
  if (after.status === 'rejected' && before?.status !== 'rejected') return `Rejected draft for ${draftText(after)}`;
  const edits: string[] = [];
  if (before && before.qtyLbs !== after.qtyLbs) edits.push(`${lbsText(before.qtyLbs)} → ${lbsText(after.qtyLbs)}`);
  if (before && before.receiptDate !== after.receiptDate) edits.push(`due ${before.receiptDate} → ${after.receiptDate}`);
  if (before && before.supplierId !== after.supplierId) edits.push(`supplier ${before.supplierId ?? 'none'} → ${after.supplierId ?? 'none'}`);
  if (before && before.status !== after.status) edits.push(`status ${before.status} → ${after.status}`);
  return `Edited draft for yarn ${after.yarnId}: ${edits.join(', ')}`;
}

const pinText = (p: SchedulePin) =>
  [p.machineId ? `to machine ${p.machineId}` : '', p.start ? `from ${p.start}` : ''].filter(Boolean).join(' ') || '(no machine or date)';

const scenarioName = (r: Row | null) => (r ? `“${String(r.name)}”` : '(none)');
const overridesOf = (r: Row | null): Override[] => (r ? (JSON.parse(String(r.overridesJson)) as Override[]) : []);

function policyText(v: PolicyValue | null, area: string, key: string): string {
  if (v) return valueText(v.value);
  const defaults = policyDefaults as unknown as Record<string, Record<string, unknown>>;
  return `${valueText(defaults[area]?.[key])} (default)`;
}

/** The sentence for an action from the rows it changed. */
export function describeAction(kind: ActionKind, changes: readonly RecordedChange[]): string {
  switch (kind) {
    case 'drafts.accept': {
      const made = of(changes, 'po_draft').filter(real);
      const texts = made.map((c) => draftText(c.after as PoDraft));
      if (made.length === 0) return 'Accepted nothing new: the drafts already exist';
      return made.length === 1 ? `Accepted draft for ${texts[0]}` : `Accepted ${made.length} drafts: ${listed(texts)}`;
    }
    case 'drafts.update':
      return draftSentence(of(changes, 'po_draft')[0]);
    case 'schedule.pin':
    case 'schedule.move': {
      const c = of(changes, 'pin')[0];
      const after = c?.after as SchedulePin | null;
      if (!after) return 'Pinned no order';
      const was = c.before ? ` (was ${pinText(c.before as SchedulePin)})` : '';
      const how = kind === 'schedule.move' ? 'Moved on the board: pinned' : 'Pinned';
      return `${how} order ${after.orderNo} ${pinText(after)}${was}`;
    }
    case 'schedule.unpin': {
      const c = of(changes, 'pin')[0];
      const before = c?.before as SchedulePin | null;
      return before ? `Unpinned order ${before.orderNo} (was ${pinText(before)})` : `Unpinned order ${c?.key[0] ?? ''}: it was not pinned`;
    }
    case 'alerts.ack': {
      const c = of(changes, 'alert_ack')[0];
      const note = (c?.after?.note as string | null | undefined) ?? null;
      return `Acknowledged alert ${c?.key[0] ?? ''}${note ? `: “${note}”` : ''}`;
    }
    case 'alerts.unack': {
      const c = of(changes, 'alert_ack')[0];
      return c?.before ? `Took back the acknowledgement of alert ${c.key[0]}` : `Alert ${c?.key[0] ?? ''} was not acknowledged`;
    }
    case 'overrides.setRate': {
      const c = of(changes, 'rate_override')[0];
      const rate = (r: Row | null) => (r ? `${String(r.lbsPerDay)} lbs/day` : "the ERP's rate");
      if (!c) return 'Changed no knitting rate';
      return c.after
        ? `Set the knitting rate of style ${c.key[0]} to ${rate(c.after)} (was ${rate(c.before)})`
        : `Removed the knitting rate override of style ${c.key[0]} (was ${rate(c.before)})`;
    }
    case 'overrides.setBom': {
      const c = of(changes, 'bom_override')[0];
      if (!c) return 'Changed no BOM';
      const lines = (r: Row) =>
        (r.lines as { yarnId: string; fraction: number }[]).map((l) => `yarn ${l.yarnId} ${Math.round(l.fraction * 1000) / 10} %`).join(', ');
      return c.after ? `Set the BOM of style ${c.key[0]}: ${lines(c.after)}` : `Removed the BOM override of style ${c.key[0]}`;
    }
    case 'settings.setPolicy': {
      const texts = of(changes, 'policy_value')
        .filter(real)
        .map((c) => {
          const [area, key] = c.key;
          return `${area}.${key}: ${policyText(c.before as PolicyValue | null, area, key)} → ${policyText(c.after as PolicyValue | null, area, key)}`;
        });
      if (texts.length === 0) return 'Saved the policy unchanged';
      return texts.length === 1 ? `Changed policy ${texts[0]}` : `Changed ${texts.length} policy values: ${listed(texts, 5)}`;
    }
    case 'settings.setLayers': {
      const names: Record<string, string> = { 'yarn.includeSalesOrderLayer': 'sales-order', 'yarn.includeForecastLayer': 'forecast' };
      const texts = of(changes, 'setting').map((c) => `the ${names[c.key[0]] ?? c.key[0]} layer ${c.after?.value ? 'on' : 'off'}`);
      return texts.length ? `Turned ${texts.join(' and ')}` : 'Changed no demand layer';
    }
    case 'scenarios.create':
    case 'scenarios.copy': {
      const c = of(changes, 'scenario')[0];
      const n = overridesOf(c?.after ?? null).length;
      return `${kind === 'scenarios.copy' ? 'Copied' : 'Created'} scenario ${scenarioName(c?.after ?? null)}${n ? ` with ${n} override${n === 1 ? '' : 's'}` : ''}`;
    }
    case 'scenarios.rename': {
      const c = of(changes, 'scenario')[0];
      if (!c?.after) return `Scenario ${c?.key[0] ?? ''} does not exist`;
      return `Renamed scenario ${scenarioName(c.before)} to ${scenarioName(c.after)}`;
    }
    case 'scenarios.delete': {
      const c = of(changes, 'scenario')[0];
      return c?.before ? `Deleted scenario ${scenarioName(c.before)}` : `Scenario ${c?.key[0] ?? ''} did not exist`;
    }
    case 'scenarios.addOverride':
    case 'scenarios.removeOverride': {
      const c = of(changes, 'scenario')[0];
      const before = overridesOf(c?.before ?? null);
      const after = overridesOf(c?.after ?? null);
      const adding = kind === 'scenarios.addOverride';
      const [from, to] = adding ? [before, after] : [after, before];
      const moved = to.filter((o) => !from.some((x) => x.id === o.id)).map((o) => o.label);
      return `${adding ? 'Added to' : 'Removed from'} scenario ${scenarioName(c?.after ?? c?.before ?? null)}: ${moved.join('; ') || 'nothing'}`;
    }
    case 'actions.undo':
      return 'Undid an action';
  }
}
