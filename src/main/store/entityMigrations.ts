// Tables for the imported ERP entities (owned by the import module). Versions 100+ so they never collide with core.
import type { Migration } from './migrations';

export const entityMigrations: Migration[] = [];
