// The one place where fabric and yarn units are converted.

export const OZ_PER_LB = 16;

/** Weight of a fabric length: lbs = yds x oz per linear yard / 16. */
export function ydsToLbs(yds: number, ozPerLinYd: number): number {
  return (yds * ozPerLinYd) / OZ_PER_LB;
}

export function lbsToYds(lbs: number, ozPerLinYd: number): number {
  return ozPerLinYd > 0 ? (lbs * OZ_PER_LB) / ozPerLinYd : NaN;
}

export function ozPerLinYdFromYdsPerLb(ydsPerLb: number): number {
  return ydsPerLb > 0 ? OZ_PER_LB / ydsPerLb : NaN;
}

export const LBS_PER_KG = 2.204_622_621_8;

export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
