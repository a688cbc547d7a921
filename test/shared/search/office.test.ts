import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  OfficeSearch,
  SPELLINGS,
  SearchCollection,
  searchCollection,
  spell,
  type AgencySearchSource,
  type AppealSearchSource,
  type ApplicantSearchSource,
  type SearchChange,
} from '@shared/search';
import { REAL_NAMES, TYPO_SPELLINGS } from './realNames';

const EMPTY_PLACE = { locality: '', district: '', street: '', building: '' };

function appeal(
  fields: Partial<AppealSearchSource> & { id: string; regNo: string },
): AppealSearchSource {
  return {
    subject: 'Өтініш',
    text: 'Мәтін',
    expectation: '',
    location: EMPTY_PLACE,
    tags: [],
    applicantId: null,
    coApplicantIds: [],
    deletedAt: null,
    ...fields,
  };
}

function applicant(
  fields: Partial<ApplicantSearchSource> & { id: string; fullName: string },
): ApplicantSearchSource {
  return {
    phones: [],
    iin: null,
    address: { ...EMPTY_PLACE, flat: '' },
    createdAt: '2026-01-10T05:00:00.000Z',
    deletedAt: null,
    ...fields,
  };
}

function agency(
  id: string,
  kk: string,
  ru: string,
  short = { kk: '', ru: '' },
): AgencySearchSource {
  return {
    id,
    name: { kk, ru },
    shortName: short,
    headName: '',
    address: '',
    email: null,
    deletedAt: null,
  };
}

/** A small office: people typed with and without Kazakh letters, in Latin, with phones. */
function office() {
  const applicants = [
    applicant({
      id: 'p-tolegenova',
      fullName: 'Төлегенова Жанар Серікқызы',
      phones: ['+77012345678'],
      iin: '880315400123',
      address: {
        locality: 'Астана',
        district: '',
        street: 'Абай даңғылы',
        building: '12',
        flat: '5',
      },
    }),
    applicant({ id: 'p-tolegenova-ru', fullName: 'Толегенова Жанар Сериковна' }),
    applicant({ id: 'p-latin', fullName: 'Tolegenova Aigerim', phones: ['+77475550011'] }),
    applicant({ id: 'p-kasymov', fullName: 'Қасымов Ерлан Болатұлы', phones: ['+77771112233'] }),
    applicant({ id: 'p-ivanova', fullName: 'Иванова Ольга Петровна', iin: '750101400456' }),
    applicant({ id: 'p-kyz', fullName: 'Қызайбаева Әсел' }),
    applicant({ id: 'p-kyz-ru', fullName: 'Кызайбаева Асель' }),
  ];
  const appeals = [
    appeal({
      id: 'a1',
      regNo: '2026-0001',
      applicantId: 'p-tolegenova',
      subject: 'Ыстық су жоқ',
      text: 'Үйде ыстық су үш күннен бері жоқ.',
      location: {
        locality: 'Астана',
        district: 'Сарыарқа ауданы',
        street: 'Абай даңғылы',
        building: '12',
      },
      tags: ['ЖКХ'],
    }),
    appeal({
      id: 'a2',
      regNo: '2026-0042',
      applicantId: 'p-kasymov',
      subject: 'Жол жөндеу',
      text: 'Аулада жол бұзылған, Толегенова апай да шағымданды.',
    }),
    appeal({
      id: 'a3',
      regNo: '2025-0042',
      applicantId: 'p-ivanova',
      subject: 'Нет отопления',
      text: 'В квартире холодно, батареи еле тёплые.',
      journalNo: 'Ж-17',
    }),
    appeal({
      id: 'a4',
      regNo: '2026-0420',
      applicantId: 'p-latin',
      coApplicantIds: ['p-kasymov'],
      subject: 'Балалар алаңы',
      text: 'Ауладағы балалар алаңы сынған.',
      aliases: ['Д2-2026-0007'],
    }),
    appeal({ id: 'a5', regNo: '2026-0005', applicantId: 'p-kyz', subject: 'Қыз балалар үйірмесі' }),
    appeal({
      id: 'a6',
      regNo: '2026-0006',
      applicantId: 'p-kyz-ru',
      subject: 'Кыз балалар үйірмесі',
    }),
    appeal({ id: 'a7', regNo: '2026-0007', applicantId: null, subject: 'Аноним', text: 'Қоқыс' }),
  ];
  const agencies = [
    agency('g-akimat', 'Сарыарқа ауданы әкімінің аппараты', 'Аппарат акима района Сарыарка', {
      kk: 'Сарыарқа әкімдігі',
      ru: 'Акимат Сарыарки',
    }),
    agency('g-water', 'Астана Су Арнасы', 'Астана Су Арнасы'),
  ];
  return OfficeSearch.build({ appeals, applicants, agencies });
}

const ids = (result: { ids: string[] } | null) => result?.ids ?? [];

describe('OfficeSearch: appeals', () => {
  const search = office();
  const find = (q: string, currentYear = 2026) => ids(search.searchAppeals(q, { currentYear }));

  it('finds Төлегенова typed with Russian letters, in Latin and with Kazakh Latin letters', () => {
    for (const q of ['Төлегенова', 'Толегенова', 'tolegenova', 'Tölegenova', 'TOLEGENOVA']) {
      expect(find(q), q).toContain('a1');
    }
  });

  it('ranks the exact Kazakh letters first, then folded, then Latin, then text', () => {
    // a1: the applicant Төлегенова (exact); a2: «Толегенова» only in the text; a4: the Latin
    // «Tolegenova Aigerim».
    expect(find('Төлегенова')).toEqual(['a1', 'a4', 'a2']);
    expect(find('tolegenova')).toEqual(['a4', 'a1', 'a2']);
    expect(find('Қыз')[0]).toBe('a5');
    expect(find('Кыз')[0]).toBe('a6');
    expect(find('Кыз')).toContain('a5');
  });

  it('finds an appeal by each word in any field, every word required (AND)', () => {
    expect(find('ыстық су')).toEqual(['a1']);
    expect(find('ыстык су')).toEqual(['a1']);
    expect(find('су жол')).toEqual([]);
    expect(find('Абай')).toEqual(['a1']);
    expect(find('жкх')).toEqual(['a1']);
    expect(find('отопл')).toEqual(['a3']);
    expect(find('тёплые')).toEqual(['a3']);
    expect(find('теплые')).toEqual(['a3']);
    expect(find('Қасымов балалар')).toEqual(['a4']);
  });

  it('finds an appeal by its co-applicant and by its applicants’ phones and IIN', () => {
    expect(find('Ерлан')).toEqual(['a4', 'a2']);
    expect(find('5678')).toEqual(['a1']);
    expect(find('+7 (701) 234-56-78')).toEqual(['a1']);
    expect(find('8 701 234 56 78')).toEqual(['a1']);
    expect(find('87012345678')).toEqual(['a1']);
    expect(find('880315')).toEqual(['a1']);
    expect(find('880315400123')).toEqual(['a1']);
    expect(find('88031')).toEqual([]);
  });

  it('finds registry numbers in any form, this year first', () => {
    expect(find('2026-0042')).toEqual(['a2']);
    expect(find('2026-42')).toEqual(['a2']);
    expect(find('2026 42')).toEqual(['a2']);
    expect(find('0042')).toEqual(['a2', 'a3']);
    expect(find('42')).toEqual(['a2', 'a3']);
    expect(find('42', 2025)).toEqual(['a3', 'a2']);
    // The beginning of a number, while it is typed, after the exact ones.
    expect(find('2026-04')).toEqual(['a4']);
    expect(find('2025-0042')).toEqual(['a3']);
  });

  it('finds the journal number of an imported appeal and a receipt number alias', () => {
    expect(find('Ж-17')).toEqual(['a3']);
    expect(find('ж17')).toEqual(['a3']);
    expect(find('17')).toEqual(['a3']);
    expect(find('Д2-2026-0007')).toEqual(['a4']);
    expect(find('д2-2026-7')).toEqual(['a4']);
    // «7» is the sequence of 2026-0007 and of the alias of a4: both, a7 first (newer regNo
    // order does not apply, the alias holds the year 2026 too).
    expect(find('7').slice(0, 2).sort()).toEqual(['a4', 'a7']);
  });

  it('ranks a number above a name above a text', () => {
    const search2 = OfficeSearch.build({
      applicants: [
        applicant({ id: 'p', fullName: 'Серік Абаев' }),
        applicant({ id: 'q', fullName: 'Ермек Серікұлы', phones: ['+77017775678'] }),
      ],
      appeals: [
        appeal({ id: 'text', regNo: '2026-0001', subject: 'Абаев көшесі, 5678 үй' }),
        appeal({ id: 'name', regNo: '2026-0002', applicantId: 'p', subject: 'Жол' }),
        appeal({ id: 'number', regNo: '2026-0003', applicantId: 'q', subject: 'Жол' }),
      ],
    });
    expect(ids(search2.searchAppeals('Абаев'))).toEqual(['name', 'text']);
    expect(ids(search2.searchAppeals('5678'))).toEqual(['number', 'text']);
    expect(ids(search2.searchAppeals('Серік'))).toEqual(['name', 'number']);
  });

  it('forgives one typo in a name of five letters or more, never in a text', () => {
    // Both one letter away, the newer registry number first.
    expect(find('Толегнова')).toEqual(['a4', 'a1']); // a letter missed
    expect(find('Тулегенова')).toEqual(['a4', 'a1']); // a letter replaced
    expect(find('Кассымов')).toContain('a2'); // a letter added: the skeleton collapses it
    expect(find('Касымоф')).toContain('a2'); // replaced at the end
    expect(find('Ирлан')).toEqual(['a4', 'a2']); // replaced at the start, five letters
    expect(find('Иланова')).toEqual(['a3']); // Иванова, one letter away
    expect(find('Иламова')).toEqual([]); // two letters away
    expect(find('шагымданды')).toEqual(['a2']);
    expect(find('шағымдынды')).toEqual([]); // a typo in a text is not forgiven
    expect(find('Олга')).toContain('a3'); // folded ь, not a typo
    expect(find('Олгп')).toEqual([]); // four letters: no typo tolerance
  });

  it('returns null for an empty query and limits the results', () => {
    expect(search.searchAppeals('  ')).toBeNull();
    const all = search.searchAppeals('а', { currentYear: 2026 })!;
    expect(all.total).toBe(all.ids.length);
    const two = search.searchAppeals('а', { currentYear: 2026, limit: 2 })!;
    expect(two.ids).toEqual(all.ids.slice(0, 2));
    expect(two.total).toBe(all.total);
  });

  it('answers unordered with the same appeals and costs as ranked (for the registry)', () => {
    for (const q of ['а', 'Төлегенова', 'tolegenova', '2026-0003', '42', 'Қоқыс', 'жоқ сөз']) {
      const ranked = search.searchAppeals(q, { currentYear: 2026 })!;
      const unordered = search.searchAppeals(q, { currentYear: 2026, unordered: true })!;
      const costOf = (r: typeof ranked) => new Map(r.ids.map((id, i) => [id, r.costs[i]]));
      expect(costOf(unordered), q).toEqual(costOf(ranked));
      expect(unordered.ids, q).toHaveLength(ranked.ids.length);
      expect(unordered.total, q).toBe(ranked.total);
    }
  });
});

describe('OfficeSearch: applicants and agencies', () => {
  const search = office();

  it('finds applicants by name in any spelling, phone end and IIN start', () => {
    const find = (q: string) => ids(search.searchApplicants(q));
    expect(find('Толегенова')).toEqual(['p-tolegenova-ru', 'p-tolegenova', 'p-latin']);
    expect(find('Жанар Төлегенова')).toEqual(['p-tolegenova', 'p-tolegenova-ru']);
    expect(find('zhanar')).toEqual(['p-tolegenova', 'p-tolegenova-ru']);
    expect(find('2233')).toEqual(['p-kasymov']);
    expect(find('750101')).toEqual(['p-ivanova']);
    expect(find('Абай')).toEqual(['p-tolegenova']); // the address
  });

  it('forgives a typo in letters, never in a number', () => {
    const namesakes = OfficeSearch.build({
      applicants: ['12345', '12346', '1234', '123456'].map((n) =>
        applicant({ id: `p-${n}`, fullName: `Оспанова Светлана ${n}` }),
      ),
    });
    expect(ids(namesakes.searchApplicants('оспан 12345'))).toEqual(['p-12345', 'p-123456']);
    // The surname typed with a letter missed is forgiven; the whole number ranks first.
    const typo = ids(namesakes.searchApplicants('Оспанва 1234'));
    expect(typo[0]).toBe('p-1234');
    expect([...typo].sort()).toEqual(['p-1234', 'p-12345', 'p-123456', 'p-12346']);
  });

  it('finds agencies by their names and short names in both languages', () => {
    const find = (q: string) => ids(search.searchAgencies(q));
    expect(find('Сарыарка')).toEqual(['g-akimat']);
    expect(find('акимат')).toEqual(['g-akimat']);
    expect(find('Astana su')).toEqual(['g-water']);
  });

  it('offers applicants with the same folded name as possible duplicates', () => {
    expect(search.applicantsNamed('Толегенова Жанар Серікқызы')).toEqual(['p-tolegenova']);
    expect(search.applicantsNamed('серікқызы жанар төлегенова', 'p-tolegenova')).toEqual([]);
    expect(search.applicantsNamed('Kasymov Yerlan Bolatuly')).toEqual(['p-kasymov']);
  });
});

describe('OfficeSearch: keeping current', () => {
  it('builds in slices with pauses, answering from the first slice on', async () => {
    const tables = {
      applicants: [applicant({ id: 'p1', fullName: 'Төлегенова Жанар' })],
      appeals: Array.from({ length: 25 }, (_, i) =>
        appeal({
          id: `s${String(i)}`,
          regNo: `2026-${String(i + 1).padStart(4, '0')}`,
          applicantId: 'p1',
          subject: i % 2 ? 'Ыстық су' : 'Жол',
        }),
      ),
    };
    const progress: number[] = [];
    const into = new OfficeSearch();
    let pauses = 0;
    const seenDuring: number[] = [];
    const built = await OfficeSearch.buildInSlices(tables, {
      sliceSize: 10,
      into,
      pause: () => {
        pauses += 1;
        seenDuring.push(into.searchAppeals('Төлегенова')?.total ?? 0);
        return Promise.resolve();
      },
      onProgress: ({ done }) => progress.push(done),
    });
    expect(built).toBe(into);
    expect(progress).toEqual([10, 20, 26]);
    expect(pauses).toBe(2);
    expect(seenDuring).toEqual([9, 19]);
    const rebuilt = OfficeSearch.build(tables);
    for (const q of ['Төлегенова', 'су', 'жол', '0007', 'tolegenova']) {
      expect(built.searchAppeals(q, { currentYear: 2026 })).toEqual(
        rebuilt.searchAppeals(q, { currentYear: 2026 }),
      );
    }
  });

  it('follows an applicant’s new name without re-indexing their appeals', () => {
    const search = office();
    search.putApplicant(applicant({ id: 'p-kasymov', fullName: 'Сейітов Ерлан' }));
    expect(ids(search.searchAppeals('Сейітов'))).toEqual(['a4', 'a2']);
    expect(ids(search.searchAppeals('Қасымов'))).toEqual([]);
  });

  it('drops deleted records and applies changes in order', () => {
    const search = office();
    const changes: SearchChange[] = [
      { table: 'appeals', op: 'delete', id: 'a1' },
      {
        table: 'appeals',
        op: 'put',
        record: appeal({ id: 'a2', regNo: '2026-0042', subject: 'Жаңа тақырып', deletedAt: null }),
      },
      {
        table: 'applicants',
        op: 'put',
        record: applicant({
          id: 'p-ivanova',
          fullName: 'X',
          deletedAt: '2026-02-02T00:00:00.000Z',
        }),
      },
      { table: 'agencies', op: 'delete', id: 'g-water' },
    ];
    search.apply(changes);
    expect(ids(search.searchAppeals('ыстық'))).toEqual([]);
    expect(ids(search.searchAppeals('Қасымов'))).toEqual(['a4']);
    expect(ids(search.searchAppeals('тақырып'))).toEqual(['a2']);
    expect(ids(search.searchApplicants('Иванова'))).toEqual([]);
    expect(ids(search.searchAgencies('Су'))).toEqual([]);
    search.putAgency({ ...agency('g-akimat', 'A', 'A'), deletedAt: '2026-02-02T00:00:00.000Z' });
    expect(ids(search.searchAgencies('Сарыарка'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Properties

const SURNAMES = ['Төлегенова', 'Қасымов', 'Жұмабаева', 'Иванова', 'Сейітов', 'Шевченко'];
const GIVEN = ['Жанар', 'Ерлан', 'Әсел', 'Ольга', 'Нұрлан', 'Юрий'];
const WORDS = ['су', 'жылу', 'жол', 'отопление', 'лифт', 'қоқыс', 'мектеп', 'дом', 'үй'];

const applicantArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    fullName: fc
      .tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN))
      .map(([s, g]) => `${s} ${g}`),
    phones: fc.array(
      fc.integer({ min: 0, max: 9_999_999 }).map((n) => `+7701${String(n).padStart(7, '0')}`),
      { maxLength: 2 },
    ),
  });

const appealArb = (id: string, applicantIds: string[]) =>
  fc.record({
    id: fc.constant(id),
    year: fc.constantFrom(2025, 2026),
    sequence: fc.integer({ min: 1, max: 60 }),
    subject: fc
      .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
      .map((w) => w.join(' ')),
    applicantId: fc.constantFrom(null, ...applicantIds),
  });

const officeArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 12 }))
  .chain(([people, appeals]) => {
    const pIds = Array.from({ length: people }, (_, i) => `p${String(i)}`);
    return fc.record({
      applicants: fc.tuple(...pIds.map(applicantArb)),
      appeals: fc.tuple(
        ...Array.from({ length: appeals }, (_, i) => appealArb(`a${String(i)}`, pIds)),
      ),
    });
  })
  .map(({ applicants, appeals }) => {
    // Registry numbers are unique: the sequence is made unique per year.
    const used = new Set<string>();
    return {
      applicants: applicants.map((a) => applicant(a)),
      appeals: appeals.map((a) => {
        let regNo = `${String(a.year)}-${String(a.sequence).padStart(4, '0')}`;
        for (let s = a.sequence; used.has(regNo); s++) {
          regNo = `${String(a.year)}-${String(s).padStart(4, '0')}`;
        }
        used.add(regNo);
        return appeal({ id: a.id, regNo, subject: a.subject, applicantId: a.applicantId });
      }),
    };
  });

const QUERIES = [
  ...SURNAMES,
  ...GIVEN,
  ...WORDS,
  'tolegenova',
  'Kasymov',
  'zhanar',
  'жумабаева су',
  '42',
  '0007',
  '2026-7',
  '2025-0012',
  '2026',
  '7701',
];

describe('OfficeSearch: properties', () => {
  it('finds a person in every spelling the table writes of their name', () => {
    const names = REAL_NAMES.map(([cyrillic]) => cyrillic);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names)), {
          minLength: 1,
          maxLength: 8,
          selector: ([a, b]) => `${a} ${b}`,
        }),
        fc.nat(),
        fc.constantFrom(...SPELLINGS),
        (people, pick, system) => {
          const applicants = people.map(([surname, given], i) =>
            applicant({ id: `p${String(i)}`, fullName: `${surname} ${given}` }),
          );
          const search = OfficeSearch.build({ applicants });
          const target = applicants[pick % applicants.length]!;
          const typed = spell(target.fullName, system);
          expect(ids(search.searchApplicants(typed)), typed).toContain(target.id);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a name in the Latin spelling of its other Cyrillic form, one letter away', () => {
    for (const [cyrillic, latin] of TYPO_SPELLINGS) {
      const search = OfficeSearch.build({
        applicants: [
          applicant({ id: 'typo', fullName: cyrillic }),
          applicant({ id: 'other', fullName: 'Бөтен Адам' }),
        ],
      });
      expect(ids(search.searchApplicants(latin)), latin).toEqual(['typo']);
    }
  });

  it('finds every appeal by its own registry number in each form', () => {
    fc.assert(
      fc.property(officeArb, ({ appeals, applicants }) => {
        const search = OfficeSearch.build({ appeals, applicants });
        for (const a of appeals) {
          const [year, padded] = a.regNo.split('-') as [string, string];
          const sequence = String(Number(padded));
          for (const form of [a.regNo, `${year}-${sequence}`, `${year} ${sequence}`]) {
            expect(ids(search.searchAppeals(form, { currentYear: 2026 }))[0], form).toBe(a.id);
          }
          for (const form of [padded, sequence]) {
            const found = ids(search.searchAppeals(form, { currentYear: Number(year) }));
            expect(found, form).toContain(a.id);
            // This year's appeal with that sequence comes first.
            expect(found[0], form).toBe(a.id);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('removing a document removes it from every result', () => {
    fc.assert(
      fc.property(
        officeArb,
        fc.array(fc.nat(), { maxLength: 6 }),
        ({ appeals, applicants }, picks) => {
          const search = OfficeSearch.build({ appeals, applicants });
          const removed = new Set(picks.map((p) => appeals[p % appeals.length]!.id));
          for (const id of removed) search.remove('appeals', id);
          const gone = new Set(picks.map((p) => applicants[p % applicants.length]!.id));
          for (const id of gone) search.remove('applicants', id);
          for (const q of QUERIES) {
            for (const id of ids(search.searchAppeals(q, { currentYear: 2026 }))) {
              expect(removed.has(id), `${q}: ${id}`).toBe(false);
            }
            for (const id of ids(search.searchApplicants(q))) {
              expect(gone.has(id), `${q}: ${id}`).toBe(false);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same results after incremental updates as after a rebuild', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('appeal' as const),
        at: fc.nat(),
        subject: fc.constantFrom(...WORDS),
        who: fc.nat(),
      }),
      fc.record({
        kind: fc.constant('applicant' as const),
        at: fc.nat(),
        name: fc.constantFrom(...SURNAMES),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        table: fc.constantFrom('appeals' as const, 'applicants' as const),
      }),
    );
    fc.assert(
      fc.property(officeArb, fc.array(step, { maxLength: 25 }), (start, steps) => {
        const appeals = new Map(start.appeals.map((a) => [a.id, a]));
        const applicants = new Map(start.applicants.map((a) => [a.id, a]));
        const live = OfficeSearch.build(start);
        for (const s of steps) {
          if (s.kind === 'appeal') {
            const old = start.appeals[s.at % start.appeals.length]!;
            const who = start.applicants[s.who % start.applicants.length]!.id;
            const next = appeal({ ...old, subject: s.subject, applicantId: who });
            appeals.set(next.id, next);
            live.putAppeal(next);
          } else if (s.kind === 'applicant') {
            const old = start.applicants[s.at % start.applicants.length]!;
            const next = applicant({
              ...old,
              fullName: `${s.name} ${old.fullName.split(' ')[1]!}`,
            });
            applicants.set(next.id, next);
            live.putApplicant(next);
          } else if (s.table === 'appeals') {
            const id = start.appeals[s.at % start.appeals.length]!.id;
            appeals.delete(id);
            live.remove('appeals', id);
          } else {
            const id = start.applicants[s.at % start.applicants.length]!.id;
            applicants.delete(id);
            live.remove('applicants', id);
          }
        }
        const rebuilt = OfficeSearch.build({
          appeals: [...appeals.values()],
          applicants: [...applicants.values()],
        });
        for (const q of QUERIES) {
          expect(live.searchAppeals(q, { currentYear: 2026 }), q).toEqual(
            rebuilt.searchAppeals(q, { currentYear: 2026 }),
          );
          expect(live.searchApplicants(q), q).toEqual(rebuilt.searchApplicants(q));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('posts every word of a document added after a compaction', () => {
    // 1,030 documents, 1,025 removed: the 5 left are numbered 0–4 again, and a new one
    // takes slot 5, the slot of the removed «x5» whose word it holds.
    const collection = new SearchCollection();
    for (let k = 0; k < 1030; k++)
      collection.put({ id: `x${String(k)}`, texts: [`сөз${String(k)}ж`] });
    for (let k = 0; k < 1025; k++) collection.remove(`x${String(k)}`);
    expect(collection.capacity).toBe(5);
    collection.put({ id: 'new', texts: ['сөз5ж сөз1029ж'] });
    const find = (q: string) => searchCollection(collection, q)?.ids ?? [];
    expect(find('сөз5ж')).toEqual(['new']);
    expect(find('сөз1029ж')).toEqual(['new', 'x1029']);
  });

  it('stays correct through the compaction of thousands of updates', () => {
    const search = office();
    for (let i = 0; i < 3000; i++) {
      search.putAppeal(
        appeal({
          id: 'a1',
          regNo: '2026-0001',
          subject: `Тақырып ${String(i)}`,
          applicantId: 'p-tolegenova',
        }),
      );
      search.putApplicant(applicant({ id: 'p-ivanova', fullName: `Иванова ${String(i % 7)}` }));
    }
    expect(ids(search.searchAppeals('тақырып'))).toEqual(['a1']);
    expect(ids(search.searchAppeals('2999'))).toEqual(['a1']);
    expect(ids(search.searchAppeals('2998'))).toEqual([]);
    expect(ids(search.searchAppeals('Төлегенова'))[0]).toBe('a1');
    expect(ids(search.searchApplicants('Иванова'))).toEqual(['p-ivanova']);
    expect(search.appeals.size).toBe(7);
    expect(search.appeals.capacity).toBeLessThan(3000);
  });
});
