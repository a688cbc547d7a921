/** Staff and applicants: new people, their homes, and those who write again. */
import type { AppealChannel, Applicant, StaffUser, VulnerableCategory } from '../../domain';
import type { Lang } from '../../i18n/lang';
import { type Sex, birthDateForAge, makeEmail, makeIin, makeMobile, makeName } from '../people';
import { PLACE_WEIGHTS, type Place, placeLocation } from '../places';
import { type Builder, type Person, dayOf, newId, stampAt } from './core';
import {
  AGE_BANDS,
  AGE_BY_CATEGORY,
  CONSENT_FORM,
  IIN_SHARE,
  PREFERRED_CHANNEL,
  RETURNING_SHARE,
  RETURN_PICK,
  VULNERABLE_SHARE,
  VULNERABLE_WEIGHTS,
} from './tables';

export function makeStaff(
  b: Pick<Builder, 'rng' | 'from'>,
  userIds: readonly string[] | undefined,
): StaffUser[] {
  const rng = b.rng;
  const ids =
    userIds ??
    Array.from({ length: 3 }, (_, i) =>
      rng.uuidv7(Date.parse(`${b.from}T04:00:00Z`) - 86_400_000 * (3 - i)),
    );
  return ids.map((id, i) => {
    const sex: Sex =
      i === 0 ? (rng.chance(0.7) ? 'male' : 'female') : rng.chance(0.8) ? 'female' : 'male';
    const name = makeName(rng, sex, i === 2 ? 'ru' : 'kk');
    return { id, fullName: name.fullName, role: i === 0 ? 'deputy' : 'assistant', active: true };
  });
}

export function randomHome(b: Builder): { place: Place; house: string } {
  const place = b.rng.weighted(PLACE_WEIGHTS);
  return { place, house: houseNumber(b, place) };
}

export function houseNumber(b: Builder, place: Place): string {
  const n = String(b.rng.int(1, place.maxHouse));
  const r = b.rng.next();
  if (r < 0.07) return `${n}/${b.rng.int(1, 3)}`;
  if (r < 0.11) return `${n}${b.rng.pick(['А', 'Б'])}`;
  return n;
}

export function vulnerableCategories(b: Builder): VulnerableCategory[] {
  if (!b.rng.chance(VULNERABLE_SHARE)) return [];
  const main = b.rng.weighted(VULNERABLE_WEIGHTS);
  if (main === 'pensioner' && b.rng.chance(0.25)) return ['pensioner', 'disability'];
  if (main === 'large_family' && b.rng.chance(0.3)) return ['large_family', 'low_income'];
  return [main];
}

export function newPerson(
  b: Builder,
  lang: Lang,
  channel: AppealChannel,
  createdLm: number,
  userId: string,
  home?: { place: Place; house: string },
): Person {
  const rng = b.rng;
  const vulnerable = vulnerableCategories(b);
  const main = vulnerable[0];
  const sex: Sex =
    main === 'veteran'
      ? rng.chance(0.9)
        ? 'male'
        : 'female'
      : main === 'large_family' || main === 'other'
        ? rng.chance(0.8)
          ? 'female'
          : 'male'
        : rng.chance(0.56)
          ? 'female'
          : 'male';
  const [minAge, maxAge] = main === undefined ? rng.weighted(AGE_BANDS) : AGE_BY_CATEGORY[main];
  const birthDate = birthDateForAge(rng, rng.int(minAge, maxAge), dayOf(createdLm));
  const name = makeName(rng, sex, lang);
  const { place, house } = home ?? randomHome(b);
  const flat = rng.chance(0.93) ? String(rng.int(1, 180)) : '';
  const phones = [makeMobile(rng)];
  if (rng.chance(0.06)) {
    const second = makeMobile(rng);
    if (second !== phones[0]) phones.push(second);
  }
  const iin = rng.chance(IIN_SHARE[channel]) ? makeIin(rng, birthDate, sex) : null;
  const email =
    channel === 'email' || rng.chance(0.25)
      ? makeEmail(rng, name, Number(birthDate.slice(0, 4)))
      : null;
  const preferred = rng.weighted(PREFERRED_CHANNEL[channel]);
  const location = placeLocation(place, house);
  const stamp = stampAt(b, createdLm - rng.int(1, 3));
  const record: Applicant = {
    id: newId(b, stamp),
    createdAt: stamp.iso,
    updatedAt: stamp.iso,
    createdBy: userId,
    updatedBy: userId,
    version: 1,
    deletedAt: null,
    fullName: name.fullName,
    phones,
    iin,
    email,
    address: {
      locality: location.locality,
      district: location.district,
      street: location.street,
      building: location.building,
      flat,
    },
    preferredLanguage: lang,
    preferredChannel: preferred,
    vulnerableCategories: vulnerable,
    consent: { given: true, date: dayOf(createdLm), form: rng.weighted(CONSENT_FORM[channel]) },
    anonymisedAt: null,
    importBatchId: null,
    mergedInto: null,
  };
  b.applicants.push(record);
  return { record, lang, sex, place, house, channel: preferred, lastProblem: null };
}

/** The lead applicant of the next appeal: someone who has written before, or someone new. */
export function leadApplicant(
  b: Builder,
  channel: AppealChannel,
  createdLm: number,
  userId: string,
): { person: Person; returning: boolean } {
  const rng = b.rng;
  if (b.returning.length > 0 && rng.chance(RETURN_PICK)) {
    const i = rng.int(0, b.returning.length - 1);
    const entry = b.returning[i] as { person: Person; left: number };
    entry.left -= 1;
    if (entry.left === 0) {
      b.returning[i] = b.returning[b.returning.length - 1] as typeof entry;
      b.returning.pop();
    }
    const record = entry.person.record;
    // People change numbers: a returning applicant sometimes dictates a new one.
    if (record.phones.length === 1 && rng.chance(0.15)) {
      const phone = makeMobile(rng);
      if (!record.phones.includes(phone)) {
        const stamp = stampAt(b, createdLm - rng.int(1, 3));
        record.phones = [...record.phones, phone];
        record.updatedAt = stamp.iso;
        record.updatedBy = userId;
        record.version += 1;
      }
    }
    return { person: entry.person, returning: true };
  }
  const lang: Lang = rng.chance(0.6) ? 'kk' : 'ru';
  const person = newPerson(b, lang, channel, createdLm, userId);
  if (rng.chance(RETURNING_SHARE)) b.returning.push({ person, left: rng.int(1, 3) });
  return { person, returning: false };
}
