/**
 * After every row is read: the rows' people grouped into applicants (linked to the registry,
 * merged within the file, or new), and the appeals given registry numbers.
 */
import { formatRegNo, parseRegNo } from '../domain/appeal';
import type { PersonAddress } from '../domain/applicant';
import { counterId, type Counter } from '../domain/counter';
import { newId } from '../ids';
import { normalizeAddress, normalizePersonName } from '../validation/text';
import type { Draft } from './draftRow';
import type { ApplicantMatch, MatchReason, PlanOptions, RegistrySnapshot } from './planTypes';
import type { Person } from './rowReading';

export interface Group {
  id: string;
  /** An applicant of the registry, or null for a new one made from `person`. */
  existing: RegistrySnapshot['applicants'][number] | null;
  person: Person;
  firstRow: number;
}

function nameAddressKey(p: { fullName: string; address: PersonAddress }): string | null {
  const address = normalizeAddress(p.address);
  const name = normalizePersonName(p.fullName);
  return address === '' || name === '' ? null : `${name}|${address}`;
}

/** Applicants of the rows: linked to the registry, merged within the file, or new. */
export function groupApplicants(
  drafts: readonly Draft[],
  registry: RegistrySnapshot,
  options: PlanOptions,
) {
  const separate = new Set(options.keepSeparate ?? []);
  const live = registry.applicants.filter(
    (a) => a.deletedAt === null && a.anonymisedAt === null && a.mergedInto === null,
  );
  const regByIin = new Map<string, (typeof live)[number]>();
  const regByPhone = new Map<string, (typeof live)[number]>();
  const regByNameAddress = new Map<string, (typeof live)[number]>();
  if (options.matchRegistry) {
    for (const a of live) {
      if (a.iin) regByIin.set(a.iin, a);
      for (const p of a.phones) if (!regByPhone.has(p)) regByPhone.set(p, a);
      const key = nameAddressKey(a);
      if (key && !regByNameAddress.has(key)) regByNameAddress.set(key, a);
    }
  }
  const groups: Group[] = [];
  const byIin = new Map<string, Group>();
  const byPhone = new Map<string, Group>();
  const byNameAddress = new Map<string, Group>();
  const groupOfRow = new Map<number, Group>();
  const matches: ApplicantMatch[] = [];

  const compatible = (iin: string | null, other: string | null) =>
    iin === null || other === null || iin === other;
  // A shared phone is a family's or a neighbour's as often as the same person's: it links
  // two rows only when the names agree too (one's name words within the other's).
  const sameName = (a: string, b: string) => {
    const x = normalizePersonName(a).split(' ');
    const y = normalizePersonName(b).split(' ');
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    return (
      short.length > 0 &&
      short.every(
        (w) => long.includes(w) || (w.length <= 2 && long.some((l) => l.startsWith(w.charAt(0)))),
      )
    );
  };

  for (const draft of drafts) {
    const p = draft.person;
    if (p === null) continue;
    const key = nameAddressKey(p);
    if (!separate.has(p.row)) {
      // The registry first, strongest key first.
      let reg: (typeof live)[number] | undefined;
      let by: MatchReason = 'iin';
      if (p.iin && regByIin.has(p.iin)) reg = regByIin.get(p.iin);
      if (!reg) {
        const phone = p.phones.find(
          (ph) =>
            regByPhone.has(ph) &&
            compatible(p.iin, regByPhone.get(ph)!.iin) &&
            sameName(p.fullName, regByPhone.get(ph)!.fullName),
        );
        if (phone) {
          reg = regByPhone.get(phone);
          by = 'phone';
        }
      }
      if (
        !reg &&
        key &&
        regByNameAddress.has(key) &&
        compatible(p.iin, regByNameAddress.get(key)!.iin)
      ) {
        reg = regByNameAddress.get(key);
        by = 'nameAddress';
      }
      let group: Group | undefined;
      let fileBy: MatchReason = 'iin';
      if (options.mergeWithinFile) {
        if (p.iin) group = byIin.get(p.iin);
        if (!group) {
          const phone = p.phones.find(
            (ph) =>
              byPhone.has(ph) &&
              compatible(p.iin, byPhone.get(ph)!.person.iin) &&
              sameName(p.fullName, byPhone.get(ph)!.person.fullName),
          );
          if (phone) {
            group = byPhone.get(phone);
            fileBy = 'phone';
          }
        }
        if (
          !group &&
          key &&
          byNameAddress.has(key) &&
          compatible(p.iin, byNameAddress.get(key)!.person.iin)
        ) {
          group = byNameAddress.get(key);
          fileBy = 'nameAddress';
        }
      }
      if (group) {
        groupOfRow.set(p.row, group);
        if (group.existing === null) absorb(group.person, p);
        matches.push({
          row: p.row,
          with: group.existing ? 'registry' : 'file',
          by: group.existing ? by : fileBy,
          applicantId: group.id,
          otherRow: group.existing ? null : group.firstRow,
          name: group.existing?.fullName ?? group.person.fullName,
        });
        index(group, p, key);
        continue;
      }
      if (reg) {
        const linked: Group = { id: reg.id, existing: reg, person: p, firstRow: p.row };
        groups.push(linked);
        groupOfRow.set(p.row, linked);
        matches.push({
          row: p.row,
          with: 'registry',
          by,
          applicantId: reg.id,
          otherRow: null,
          name: reg.fullName,
        });
        if (options.mergeWithinFile) index(linked, p, key);
        continue;
      }
    }
    const fresh: Group = {
      id: newId(),
      existing: null,
      person: { ...p, phones: [...p.phones] },
      firstRow: p.row,
    };
    groups.push(fresh);
    groupOfRow.set(p.row, fresh);
    if (options.mergeWithinFile && !separate.has(p.row)) index(fresh, p, key);
  }

  function index(group: Group, p: Person, key: string | null) {
    if (p.iin && !byIin.has(p.iin)) byIin.set(p.iin, group);
    for (const ph of p.phones) if (!byPhone.has(ph)) byPhone.set(ph, group);
    if (key && !byNameAddress.has(key)) byNameAddress.set(key, group);
  }
  return { groups, groupOfRow, matches };
}

/** A later row of the same person adds what the first one lacked (phones, IIN, address). */
function absorb(into: Person, p: Person): void {
  for (const ph of p.phones) if (!into.phones.includes(ph)) into.phones.push(ph);
  into.iin ??= p.iin;
  into.email ??= p.email;
  if (normalizeAddress(into.address) === '') into.address = p.address;
}

/** Registry numbers per registration year, in date order, after the office's series. */
export function numberAppeals(
  drafts: readonly Draft[],
  registry: RegistrySnapshot,
): { regNos: Map<Draft, string>; counters: Counter[] } {
  const byYear = new Map<number, Draft[]>();
  for (const d of drafts) {
    const year = Number(d.registeredOn.slice(0, 4));
    const list = byYear.get(year);
    if (list) list.push(d);
    else byYear.set(year, [d]);
  }
  const regNos = new Map<Draft, string>();
  const counters: Counter[] = [];
  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) =>
      a.registeredOn !== b.registeredOn
        ? a.registeredOn < b.registeredOn
          ? -1
          : 1
        : a.receivedAt !== b.receivedAt
          ? a.receivedAt < b.receivedAt
            ? -1
            : 1
          : a.row.n - b.row.n,
    );
    const taken = new Set<number>();
    for (const regNo of registry.regNos) {
      const parsed = parseRegNo(regNo);
      if (parsed?.year === year) taken.add(parsed.sequence);
    }
    let last = registry.counters[counterId('appeal', year)] ?? 0;
    for (const d of list) {
      if (d.keptRegNo !== null) {
        const seq = parseRegNo(d.keptRegNo)!.sequence;
        taken.add(seq);
        regNos.set(d, d.keptRegNo);
      }
    }
    for (const d of list) {
      if (regNos.has(d)) continue;
      let next = last + 1;
      while (taken.has(next)) next++;
      taken.add(next);
      last = next;
      regNos.set(d, formatRegNo(year, next));
    }
    let highest = last;
    for (const n of taken) if (n > highest) highest = n;
    counters.push({ id: counterId('appeal', year), value: highest });
  }
  return { regNos, counters };
}
