/**
 * A paper form scanned in by a registrator or the reception (issue #8; seed 004 bilaga 6 and 7;
 * DOMAIN.md §3): what the official typed from the form, checked before it becomes cases. Pure:
 * the route reads the fields and the scan, this module decides whether the fields are a request.
 *
 * The stamp date ("inkom"-stämpeln) is when the request reached the kommun, and the legal
 * deadline runs from it (DOMAIN.md §5: "Start = the day the request reached any channel of the
 * PUA, not the day it was registered") — so a form registered today may have last week's stamp.
 */
import { addDays, compareIsoDates, isIsoDate, type IsoDate } from './iso-date';
import { ageOn, parsePersonnummer, type Personnummer, type PersonnummerError } from './personnummer';
import { DELIVERY, NAME_MAX, RELATIONS, type Delivery, type Relation } from './request-journey';
import { RIGHTS, type Right } from './requests';

/**
 * How far back a stamp may be. A paper form lies at most days or weeks before it is registered;
 * a stamp over a year old is almost certainly a typo in the year (2025 for 2026), and accepting
 * it would file a case already far past its deadline.
 */
export const MAX_STAMP_AGE_DAYS = 365;

export type PaperFormInput = {
  rights: readonly string[];
  puaIds: readonly string[];
  /** The PUAs the official may register for, with their kommun (one submission = one kommun). */
  allowedPuas: readonly { id: string; kommunId: string }[];
  relation: string;
  subjectPersonnummer: string;
  subjectName: string;
  /** Who signed the form when it is not the person it is about (vårdnadshavare, ombud, god man). */
  requesterName: string;
  requesterPersonnummer: string;
  delivery: string;
  /** The stamp date as the three boxes of the date input. */
  stamp: { day: string; month: string; year: string };
  protectedIdentity: boolean;
};

export type PaperForm = {
  kommunId: string;
  rights: Right[];
  puaIds: string[];
  relation: Relation;
  subject: { personnummer: string; name: string };
  /** Who signed for someone else (relation child, principal, ward); null when the form is the person's own. */
  requester: { name: string; personnummer: string } | null;
  delivery: Delivery;
  receivedDate: IsoDate;
  protectedIdentity: boolean;
};

type PnrError = 'required' | PersonnummerError;
export type PaperFormErrors = Partial<{
  rights: 'chooseRight';
  puaIds: 'choosePua' | 'oneKommun';
  relation: 'chooseRelation';
  subjectPersonnummer: PnrError | 'notChild';
  subjectName: 'required' | 'tooLong';
  requesterName: 'required' | 'tooLong';
  requesterPersonnummer: 'required' | PersonnummerError | 'sameAsSubject';
  delivery: 'chooseDelivery';
  stamp: 'required' | 'incomplete' | 'notADate' | 'future' | 'tooOld';
}>;

export type PaperFormCheck = { ok: true; form: PaperForm } | { ok: false; errors: PaperFormErrors };

const clean = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The stamp date from the three boxes; "3" and "03" are the same day (GOV.UK date input). */
function stampDate(stamp: PaperFormInput['stamp'], today: IsoDate): { ok: true; date: IsoDate } | { ok: false; error: NonNullable<PaperFormErrors['stamp']> } {
  const parts = [stamp.day, stamp.month, stamp.year].map((p) => p.trim());
  if (parts.every((p) => !p)) return { ok: false, error: 'required' };
  if (parts.some((p) => !p)) return { ok: false, error: 'incomplete' };
  const [d, m, y] = parts as [string, string, string];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { ok: false, error: 'notADate' };
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isIsoDate(date)) return { ok: false, error: 'notADate' };
  // A stamp cannot be later than the day it is registered.
  if (compareIsoDates(date, today) > 0) return { ok: false, error: 'future' };
  if (compareIsoDates(date, addDays(today, -MAX_STAMP_AGE_DAYS)) < 0) return { ok: false, error: 'tooOld' };
  return { ok: true, date };
}

/** Every mistake at once, each on its own field, so the official corrects the form in one go. */
export function checkPaperForm(input: PaperFormInput, today: IsoDate): PaperFormCheck {
  const errors: PaperFormErrors = {};

  // At least one right (bilaga 6: registerutdrag; bilaga 7: the changes and portability).
  const rights = RIGHTS.filter((r) => input.rights.includes(r));
  if (!rights.length) errors.rights = 'chooseRight';

  // At least one PUA, only among those the official may register for, all in one kommun: the
  // submission belongs to one kommun and each PUA's case gets a number in its own diarium (§3).
  const chosen = [...new Set(input.puaIds)];
  const puas = chosen.map((id) => input.allowedPuas.find((p) => p.id === id));
  if (!chosen.length || puas.some((p) => !p)) errors.puaIds = 'choosePua';
  else if (new Set(puas.map((p) => p!.kommunId)).size > 1) errors.puaIds = 'oneKommun';

  // För mig själv, som vårdnadshavare, med fullmakt, som god man/förvaltare (§3 "Who asks").
  const relation = (RELATIONS as readonly string[]).includes(input.relation) ? (input.relation as Relation) : null;
  if (!relation) errors.relation = 'chooseRelation';

  const stamp = stampDate(input.stamp, today);
  if (!stamp.ok) errors.stamp = stamp.error;

  // The person the data is about: a valid personnummer and a name, as on the form.
  let subject: Personnummer | null = null;
  if (!input.subjectPersonnummer.trim()) errors.subjectPersonnummer = 'required';
  else {
    const parsed = parsePersonnummer(input.subjectPersonnummer, today);
    if (!parsed.ok) errors.subjectPersonnummer = parsed.error;
    else subject = parsed.pnr;
  }
  // A guardian asks for a child: under 18 on the day the request came in (FB 6 kap.; §9).
  if (subject && relation === 'child' && ageOn(subject, stamp.ok ? stamp.date : today) >= 18) errors.subjectPersonnummer = 'notChild';
  const subjectName = clean(input.subjectName);
  if (!subjectName) errors.subjectName = 'required';
  else if (subjectName.length > NAME_MAX) errors.subjectName = 'tooLong';

  // Someone else signed (a guardian, ombud or god man): they are the one the answer goes to — the
  // letter's addressee, the one who collects at the desk or logs in to read it (DOMAIN.md §3, §7) —
  // so the form's name and personnummer of the signer are both needed.
  let requester: PaperForm['requester'] = null;
  if (relation && relation !== 'self') {
    const name = clean(input.requesterName);
    if (!name) errors.requesterName = 'required';
    else if (name.length > NAME_MAX) errors.requesterName = 'tooLong';
    const parsed = input.requesterPersonnummer.trim() ? parsePersonnummer(input.requesterPersonnummer, today) : null;
    if (!parsed) errors.requesterPersonnummer = 'required';
    else if (!parsed.ok) errors.requesterPersonnummer = parsed.error;
    // Asking on someone else's behalf: the two cannot be the same person (then it is "self").
    else if (subject && parsed.pnr.value === subject.value) errors.requesterPersonnummer = 'sameAsSubject';
    else requester = { name, personnummer: parsed.pnr.value };
  }

  // "Hämta i receptionen" / "rekommenderat brev" on the form, or the portal (§7).
  const delivery = (DELIVERY as readonly string[]).includes(input.delivery) ? (input.delivery as Delivery) : null;
  if (!delivery) errors.delivery = 'chooseDelivery';

  if (Object.keys(errors).length || !relation || !subject || !delivery || !stamp.ok) return { ok: false, errors };
  return {
    ok: true,
    form: {
      kommunId: puas[0]!.kommunId,
      rights,
      puaIds: chosen,
      relation,
      subject: { personnummer: subject.value, name: subjectName },
      requester,
      delivery,
      receivedDate: stamp.date,
      protectedIdentity: input.protectedIdentity,
    },
  };
}
