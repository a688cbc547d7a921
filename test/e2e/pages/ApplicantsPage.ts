import type { Locator, Page } from 'playwright-core';

/** Page model of the applicants list, an applicant's page and its dialogs. */
export class ApplicantsPage {
  constructor(readonly page: Page) {}

  // List
  get search(): Locator {
    return this.page.locator('.applicants-search-input').first();
  }

  rows(): Locator {
    return this.page.locator('.applicants-row');
  }

  /** Names in the list, top to bottom. */
  async names(): Promise<string[]> {
    return this.page.locator('.applicants-row .col-name').allTextContents();
  }

  async searchFor(text: string) {
    await this.search.fill(text);
  }

  // Applicant page
  heading(): Locator {
    return this.page.locator('main h1');
  }

  button(name: string): Locator {
    return this.page.locator('main').getByRole('button', { name, exact: true });
  }

  get iin(): Locator {
    return this.page.getByTestId('iin');
  }

  /** Registry numbers of the applicant's appeals on the page. */
  async appealRegNos(): Promise<string[]> {
    return this.page.locator('.applicant-appeals-table tbody tr td:first-child').allTextContents();
  }

  // Dialogs
  get dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  dialogButton(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** The merge preview's "after the merge" cell of one field (data-field). */
  resultCell(field: string): Locator {
    return this.dialog.locator(`.merge-preview tr[data-field="${field}"] td.merge-result`);
  }
}

/** Reads a whole object store of the app's IndexedDB in the page. */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}
