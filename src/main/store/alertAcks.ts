// Alert acknowledgements, keyed by the alert's stable key so they outlive plan runs and snapshot re-imports.
import { alertAckSchema, type AlertAck } from '../../shared/scenario';
import type { Db } from './dbHandle';

interface AckRow {
  alert_key: string;
  acknowledged_at: string;
  note: string | null;
}

const toAck = (r: AckRow): AlertAck => ({ alertKey: r.alert_key, acknowledgedAt: r.acknowledged_at, note: r.note });

/** Acknowledges (or re-acknowledges, replacing the note) an alert. */
export function acknowledgeAlert(db: Db, alertKey: string, acknowledgedAt: string, note: string | null = null): AlertAck {
  const ack = alertAckSchema.parse({ alertKey, acknowledgedAt, note });
  db.prepare(
    `INSERT INTO alert_ack (alert_key, acknowledged_at, note) VALUES (?, ?, ?)
     ON CONFLICT(alert_key) DO UPDATE SET acknowledged_at = excluded.acknowledged_at, note = excluded.note`,
  ).run(ack.alertKey, ack.acknowledgedAt, ack.note);
  return ack;
}

export function unacknowledgeAlert(db: Db, alertKey: string): boolean {
  return db.prepare('DELETE FROM alert_ack WHERE alert_key = ?').run(alertKey).changes > 0;
}

export function listAlertAcks(db: Db): AlertAck[] {
  return (db.prepare('SELECT alert_key, acknowledged_at, note FROM alert_ack ORDER BY alert_key').all() as AckRow[]).map(toAck);
}

export function getAlertAck(db: Db, alertKey: string): AlertAck | undefined {
  const row = db.prepare('SELECT alert_key, acknowledged_at, note FROM alert_ack WHERE alert_key = ?').get(alertKey) as AckRow | undefined;
  return row ? toAck(row) : undefined;
}

/** The keys to pass to computeAlerts as `acknowledgedKeys`. */
export function acknowledgedAlertKeys(db: Db): Set<string> {
  return new Set(db.prepare('SELECT alert_key FROM alert_ack').pluck().all() as string[]);
}
