/**
 * The rights a resident can use (DOMAIN.md §2) and how a submission becomes cases (§3): one case
 * per PUA and diarium kind — "Begäran om registerutdrag", "Begäran om förändring" (rättelse,
 * radering, begränsning, invändning), "Begäran om dataportabilitet" (seed 004 bilaga 7) and,
 * for återkallat samtycke, a case of its own.
 */
export const RIGHTS = ['registerutdrag', 'rattelse', 'radering', 'begransning', 'invandning', 'dataportabilitet', 'aterkalla_samtycke'] as const;
export type Right = (typeof RIGHTS)[number];

export const CASE_KINDS = ['registerutdrag', 'forandring', 'dataportabilitet', 'samtycke'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** GDPR article of each right, for texts that cite it. */
export const RIGHT_ARTICLE: Record<Right, string> = {
  registerutdrag: '15',
  rattelse: '16',
  radering: '17',
  begransning: '18',
  invandning: '21',
  dataportabilitet: '20',
  aterkalla_samtycke: '7.3',
};

export function caseKindFor(right: Right): CaseKind {
  switch (right) {
    case 'registerutdrag':
      return 'registerutdrag';
    case 'dataportabilitet':
      return 'dataportabilitet';
    case 'aterkalla_samtycke':
      return 'samtycke';
    default:
      return 'forandring';
  }
}

export type PlannedCase = { puaId: string; kind: CaseKind; rights: Right[] };

/** One case per PUA and kind, rights in the order of RIGHTS, kinds in the order of CASE_KINDS. */
export function planCases(rights: readonly Right[], puaIds: readonly string[]): PlannedCase[] {
  const ordered = RIGHTS.filter((r) => rights.includes(r));
  const kinds = CASE_KINDS.filter((k) => ordered.some((r) => caseKindFor(r) === k));
  return [...new Set(puaIds)].flatMap((puaId) => kinds.map((kind) => ({ puaId, kind, rights: ordered.filter((r) => caseKindFor(r) === kind) })));
}

/** `SN 2026/00042`: prefix, year of registration, number gap-free per PUA and year. */
export function formatDiarienummer(prefix: string, year: number, n: number): string {
  return `${prefix} ${year}/${String(n).padStart(5, '0')}`;
}
