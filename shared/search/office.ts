/**
 * The search of a whole office: appeals, applicants and agencies in one in-memory index,
 * built once from the tables and kept current record by record (from the change log).
 * An appeal is found by its own words and numbers and by its applicants' names, phones and
 * IIN; changing an applicant never re-indexes their appeals, the link (`links` of the
 * appeal's document) is followed at query time.
 */
import { personNameKey } from '../validation/text';
import { SearchCollection, TIER } from './collection';
import {
  agencyDocument,
  appealDocument,
  applicantDocument,
  type AgencySearchSource,
  type AppealSearchSource,
  type ApplicantSearchSource,
} from './documents';
import { searchCollection, type SearchOptions, type SearchResult } from './search';

export type SearchTable = 'appeals' | 'applicants' | 'agencies';

/** One committed change, as the change log reports it once the record has been read. */
export type SearchChange =
  | { table: 'appeals'; op: 'put'; record: AppealSearchSource }
  | { table: 'applicants'; op: 'put'; record: ApplicantSearchSource }
  | { table: 'agencies'; op: 'put'; record: AgencySearchSource }
  | { table: SearchTable; op: 'delete'; id: string };

export interface OfficeTables {
  appeals?: readonly AppealSearchSource[];
  applicants?: readonly ApplicantSearchSource[];
  agencies?: readonly AgencySearchSource[];
}

export class OfficeSearch {
  readonly appeals = new SearchCollection();
  readonly applicants = new SearchCollection();
  readonly agencies = new SearchCollection();
  /** `personNameKey` → applicant ids, and back. */
  private readonly byNameKey = new Map<string, Set<string>>();
  private readonly nameKeyOf = new Map<string, string>();

  /** An index of every live record of the tables. */
  static build(tables: OfficeTables): OfficeSearch {
    const search = new OfficeSearch();
    for (const applicant of tables.applicants ?? []) search.putApplicant(applicant);
    for (const appeal of tables.appeals ?? []) search.putAppeal(appeal);
    for (const agency of tables.agencies ?? []) search.putAgency(agency);
    for (const collection of [search.appeals, search.applicants, search.agencies]) {
      collection.pack();
    }
    return search;
  }

  /**
   * The same index as `build`, in slices of `sliceSize` records with `pause` awaited
   * between them, so a page stays responsive while 90,000 records are indexed (about
   * 25 ms of work per 1,000 records here). The index answers queries from the start,
   * with what it holds so far; `onProgress` reports the records done.
   */
  static async buildInSlices(
    tables: OfficeTables,
    options: {
      pause: () => Promise<void>;
      sliceSize?: number;
      onProgress?: (progress: { done: number; total: number }) => void;
      into?: OfficeSearch;
    },
  ): Promise<OfficeSearch> {
    const search = options.into ?? new OfficeSearch();
    const size = Math.max(1, options.sliceSize ?? 1000);
    const steps: (() => void)[] = [
      ...(tables.applicants ?? []).map((a) => () => search.putApplicant(a)),
      ...(tables.appeals ?? []).map((a) => () => search.putAppeal(a)),
      ...(tables.agencies ?? []).map((a) => () => search.putAgency(a)),
    ];
    for (let done = 0; done < steps.length;) {
      const end = Math.min(done + size, steps.length);
      for (; done < end; done++) steps[done]!();
      options.onProgress?.({ done, total: steps.length });
      if (done < steps.length) await options.pause();
    }
    for (const collection of [search.appeals, search.applicants, search.agencies]) {
      collection.pack();
    }
    return search;
  }

  /** Adds or replaces an appeal; a deleted one is removed. */
  putAppeal(appeal: AppealSearchSource): void {
    if (appeal.deletedAt !== null) this.appeals.remove(appeal.id);
    else this.appeals.put(appealDocument(appeal));
  }

  /** Adds or replaces an applicant; a deleted (or merged) one is removed. */
  putApplicant(applicant: ApplicantSearchSource): void {
    this.unlinkName(applicant.id);
    if (applicant.deletedAt !== null) {
      this.applicants.remove(applicant.id);
      return;
    }
    this.applicants.put(applicantDocument(applicant));
    const key = personNameKey(applicant.fullName);
    if (key === '') return;
    this.nameKeyOf.set(applicant.id, key);
    const ids = this.byNameKey.get(key);
    if (ids) ids.add(applicant.id);
    else this.byNameKey.set(key, new Set([applicant.id]));
  }

  putAgency(agency: AgencySearchSource): void {
    if (agency.deletedAt !== null) this.agencies.remove(agency.id);
    else this.agencies.put(agencyDocument(agency));
  }

  remove(table: SearchTable, id: string): void {
    if (table === 'appeals') {
      this.appeals.remove(id);
    } else if (table === 'applicants') {
      this.unlinkName(id);
      this.applicants.remove(id);
    } else {
      this.agencies.remove(id);
    }
  }

  /** Applies committed changes in the order they were committed. */
  apply(changes: Iterable<SearchChange>): void {
    for (const change of changes) {
      if (change.op === 'delete') this.remove(change.table, change.id);
      else if (change.table === 'appeals') this.putAppeal(change.record);
      else if (change.table === 'applicants') this.putApplicant(change.record);
      else this.putAgency(change.record);
    }
  }

  /**
   * Appeals by their words, numbers (registry, journal, aliases), and their applicants'
   * names, phones and IIN. Null for an empty query.
   */
  searchAppeals(query: string, options: SearchOptions = {}): SearchResult | null {
    return searchCollection(this.appeals, query, options, {
      from: this.applicants,
      maxTier: TIER.name,
    });
  }

  /** Applicants by name, phone, IIN and address. Null for an empty query. */
  searchApplicants(query: string, options: SearchOptions = {}): SearchResult | null {
    return searchCollection(this.applicants, query, options);
  }

  /** Agencies by their names and short names in both languages, head, address, e-mail. */
  searchAgencies(query: string, options: SearchOptions = {}): SearchResult | null {
    return searchCollection(this.agencies, query, options);
  }

  /**
   * Applicants whose name has the same `personNameKey` (the duplicate check: same person
   * typed differently), without `excludeId`.
   */
  applicantsNamed(fullName: string, excludeId?: string): string[] {
    const ids = this.byNameKey.get(personNameKey(fullName));
    return ids ? [...ids].filter((id) => id !== excludeId) : [];
  }

  private unlinkName(applicantId: string): void {
    const key = this.nameKeyOf.get(applicantId);
    if (key === undefined) return;
    const ids = this.byNameKey.get(key);
    ids?.delete(applicantId);
    if (ids?.size === 0) this.byNameKey.delete(key);
    this.nameKeyOf.delete(applicantId);
  }
}
