/**
 * The fixed list of 20 search queries the benchmarks time: exact, folded and Latin names,
 * a typo, registry numbers in four forms, a phone's end and a whole phone, an IIN's start,
 * words of texts. Phone and IIN queries are read from the generated office (the same seed
 * always gives the same ones), so they always find someone.
 */
interface Person {
  phones: readonly string[];
  iin: string | null;
}

export interface BenchQuery {
  kind: 'name' | 'folded' | 'latin' | 'typo' | 'number' | 'phone' | 'iin' | 'text';
  q: string;
}

export function benchQueries(applicants: readonly Person[]): BenchQuery[] {
  const middle = Math.floor(applicants.length / 2);
  const withPhone = applicants.slice(middle).find((a) => a.phones.length > 0) ?? applicants[0];
  const withIin = applicants.slice(Math.floor(applicants.length / 3)).find((a) => a.iin);
  const phone = withPhone?.phones[0] ?? '+77010000000';
  const national = phone.slice(2);
  return [
    { kind: 'name', q: 'Төлеуова' },
    { kind: 'name', q: 'Жұмабаева Ботагөз' },
    { kind: 'folded', q: 'Толеуова' },
    { kind: 'folded', q: 'Жумабаев' },
    { kind: 'folded', q: 'Сейитов' },
    { kind: 'latin', q: 'Qasymov' },
    { kind: 'latin', q: 'Kassymova' },
    { kind: 'latin', q: 'Zhanar' },
    { kind: 'latin', q: 'Shynar Nurlan' },
    { kind: 'typo', q: 'Ахмедова' },
    { kind: 'number', q: '2026-0042' },
    { kind: 'number', q: '2026-42' },
    { kind: 'number', q: '0042' },
    { kind: 'number', q: '42' },
    { kind: 'phone', q: phone.slice(-4) },
    {
      kind: 'phone',
      q: `8 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`,
    },
    { kind: 'iin', q: withIin?.iin?.slice(0, 6) ?? '900101' },
    { kind: 'text', q: 'жылу' },
    { kind: 'text', q: 'отопление' },
    { kind: 'text', q: 'су жоқ' },
  ];
}
