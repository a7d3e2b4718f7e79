// One mapper per export type: rows of a detected table -> typed entities (+ notes, report facts).
import type { ExportTypeId } from '../exportTypes';
import { mapBom } from './bom';
import { mapExpectedReceipts, mapKnitOrders, mapKnitOrdersApi, mapSalesHistory, mapSalesOrders, mapYarnPos } from './orders';
import { mapStyleDemand, mapYarnDemand } from './reports';
import { mapRollsF01, mapRollsG00, mapRollsG02, mapRollsI01, mapRollsP01 } from './rolls';
import { mapFinishedSpecs, mapGreigeStyles, mapKnitRates, mapMachines, mapStyleBridge, mapStylesMaster } from './styles';
import type { Mapper } from './types';
import { mapSuppliers, mapYarnInventory, mapYarnMaster } from './yarn';

export const MAPPERS: Record<ExportTypeId, Mapper> = {
  yarn_inventory: mapYarnInventory,
  yarn_master: mapYarnMaster,
  suppliers: mapSuppliers,
  bom: mapBom,
  greige_styles: mapGreigeStyles,
  finished_specs: mapFinishedSpecs,
  styles_master: mapStylesMaster,
  style_bridge: mapStyleBridge,
  knit_orders: mapKnitOrders,
  knit_orders_api: mapKnitOrdersApi,
  sales_orders: mapSalesOrders,
  sales_history: mapSalesHistory,
  yarn_po: mapYarnPos,
  expected_receipts: mapExpectedReceipts,
  rolls_g00: mapRollsG00,
  rolls_g02: mapRollsG02,
  rolls_i01: mapRollsI01,
  rolls_f01: mapRollsF01,
  rolls_p01: mapRollsP01,
  machines: mapMachines,
  knit_rates: mapKnitRates,
  erp_yarn_demand: mapYarnDemand,
  erp_style_demand: mapStyleDemand(false),
  erp_style_ko_demand: mapStyleDemand(true),
};
