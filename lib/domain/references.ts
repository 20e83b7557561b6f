/** A proposal's human reference, e.g. VIG-0042: what every page, list and email calls the file. */
export const proposalReference = (n: number) => `VIG-${String(n).padStart(4, '0')}`;
