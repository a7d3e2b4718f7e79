// Locates the real ERP exports (../shared/data/erp). Acceptance tests skip with a message when they are absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ERP_DATA_DIR = resolve(__dirname, '../../../shared/data/erp');
export const hasErpData = existsSync(ERP_DATA_DIR);
export const erpSkipReason = `real ERP exports not found at ${ERP_DATA_DIR}; acceptance tests skipped`;

export function erpPath(...parts: string[]): string {
  return resolve(ERP_DATA_DIR, ...parts);
}

if (!hasErpData) console.warn(erpSkipReason);
