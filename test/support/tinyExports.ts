// The smallest ERP exports a plan runs on: two yarns (1571 planning balance -100 lbs: MEDIUM under the default risk
// bands) and a BOM. For tests of the entry points (bridge uploads, CLI, Settings) rather than of the engines.
export const TINY_YARN_INVENTORY_CSV = `Desc#,QS Cust,Supplier,Description,Color,Beginning Balance,Received,Consumed,Adjustments,Theoretical Balance,Misc,On Order,Allocated,Planning Balance,Reconcile Date,Cost/Pound,Total Cost
739,CFAB,LYCRA,1/40 Lycra ,Clear,300.10,,0.00,,300.10,,0.00,-100.00,200.10,2025-06-27,$5.96 ,"$1,788.60 "
1571,CFAB,LYCRA,1/70 Lycra,Clear,224.10,10.00,-4.10,,230.00,,500.00,-800.00,-100.00,Never,$5.92 ,$0.00
`;

export const TINY_BOM_CSV = 'Style#,Desc#,BOM_Percentage,unit\nA/1,739,0.6,lbs\nA/1,1571,0.4,lbs\n';
