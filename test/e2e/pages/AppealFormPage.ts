import type { Locator, Page } from 'playwright-core';

/**
 * Page model of the appeal form (/appeals/new, /appeals/:id/edit). Controls are found by
 * their visible labels in the current language, as an assistant finds them; the labels are
 * passed in by the test so the same model works in Kazakh and in Russian.
 */
export class AppealFormPage {
  constructor(readonly page: Page) {}

  async openNew(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/appeals/new`);
    await this.form.waitFor();
  }

  get form(): Locator {
    return this.page.locator('form.appeal-form');
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  /** A control by its label; the required mark « *» after a label is ignored. */
  field(label: string | RegExp): Locator {
    const pattern =
      typeof label === 'string'
        ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`)
        : label;
    return this.form.getByLabel(pattern);
  }

  /** The applicant search box (a combobox). */
  get applicantSearch(): Locator {
    return this.form.locator('input[role=combobox]').first();
  }

  get applicantOptions(): Locator {
    return this.form.getByRole('option');
  }

  get newApplicantPanel(): Locator {
    return this.form.locator('.new-applicant').first();
  }

  panelField(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.newApplicantPanel.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
  }

  get duplicatePrompt(): Locator {
    return this.form.locator('.duplicates');
  }

  get chosenApplicant(): Locator {
    return this.form.locator('.chosen-applicant');
  }

  get deadlineLine(): Locator {
    return this.form.locator('.deadline-line');
  }

  get draftStatus(): Locator {
    return this.form.locator('.draft-status');
  }

  get draftOffer(): Locator {
    return this.page.locator('.draft-offer');
  }

  get submitButton(): Locator {
    return this.form.locator('button[type=submit]');
  }

  /** Error texts shown under fields. */
  get fieldErrors(): Locator {
    return this.form.locator('.field-error');
  }

  /** Types into the applicant search and opens the inline form for a new person. */
  async startNewApplicant(query: string) {
    await this.applicantSearch.fill(query);
    await this.form.locator('.combobox-option.create').click();
    await this.newApplicantPanel.waitFor();
  }

  async save() {
    await this.page.keyboard.press('Control+Enter');
  }

  /** Waits until the footer says the draft was autosaved. */
  async waitForDraftSaved() {
    await this.page.waitForFunction(() =>
      /\d\d:\d\d/.test(document.querySelector('.draft-status')?.textContent ?? ''),
    );
  }

  /** The problem text held by the stored draft of the new-appeal form, if any. */
  async draftText(): Promise<string | null> {
    return this.page.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          const request = indexedDB.open('tizilim');
          request.onerror = () => resolve(null);
          request.onsuccess = () => {
            const db = request.result;
            const all = db.transaction('drafts').objectStore('drafts').getAll();
            all.onsuccess = () => {
              db.close();
              const drafts = all.result as {
                kind: string;
                key: string;
                data: { values?: { text?: string } };
              }[];
              const draft = drafts.find((d) => d.kind === 'appeal' && d.key === 'new');
              resolve(draft?.data.values?.text ?? null);
            };
            all.onerror = () => resolve(null);
          };
        }),
    );
  }

  /** Waits until the autosave has written `text` into the stored draft. */
  async waitForDraftText(text: string, timeoutMs = 10_000) {
    const until = Date.now() + timeoutMs;
    while ((await this.draftText()) !== text) {
      if (Date.now() > until) throw new Error(`the draft never held: ${text}`);
      await this.page.waitForTimeout(100);
    }
  }
}
