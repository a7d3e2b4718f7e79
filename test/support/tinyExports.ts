// The smallest ERP exports a plan runs on: two yarns (1571 planning balance -100 lbs: MEDIUM under the default risk
// bands) and a BOM. For tests of the entry points (bridge uploads, CLI, Settings) rather than of the engines.
export const TINY_YARN_INVENTORY_CSV = `Desc#,QS Cust,Supplier,Description,Color,Beginning Balance,Received,Consumed,Adjustments,Theoretical Balance,Misc,On Order,Allocated,Planning Balance,Reconcile Date,Cost/Pound,Total Cost
739,CFAB,LYCRA,1/40 Lycra ,Clear,300.10,,0.00,,300.10,,0.00,-100.00,200.10,2025-06-27,$5.96 ,"$1,788.60 "
1571,CFAB,LYCRA,1/70 Lycra,Clear,224.10,10.00,-4.10,,230.00,,500.00,-800.00,-100.00,Never,$5.92 ,$0.00
`;

export const TINY_BOM_CSV = 'Style#,Desc#,BOM_Percentage,unit\nA/1,739,0.6,lbs\nA/1,1571,0.4,lbs\n';

/**
 * The machines a knit order of style A/1 can be pinned to: the Machine Report (58 and 12 in the style's WC
 * 1.30.28.F; 77 the same build with type V, a WC mismatch; 99 another build), the QuadS greige list giving A/1 its
 * work center, and a Production Lbs rate of 5,000 lbs/day (a 5,000 lbs order knits in one day, so its yarn demand
 * stays in its start week).
 */
export const TINY_MACHINES_CSV = 'WC,MACH\n1.30.28.F,58\n1.30.28.F,12\n1.30.28.V,77\n2.32.24.F,99\n';
export const TINY_GREIGE_STYLES_CSV = 'G Base,G Version,Work Center\nA,1,1.30.28.F\n';
export const TINY_KNIT_RATES_CSV = 'Style,Average of lbs/day\nA/1,5000\n';
