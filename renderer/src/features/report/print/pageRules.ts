import type { TFunction } from 'i18next';
import type { QuarterlyReport } from '@shared/report/types';

/** Text for a CSS `content: "…"` string: quotes and backslashes escaped, on one line. */
export function cssString(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\n\r\t]+/g, ' ')}"`;
}

/**
 * The running header and footer of each language's pages, as @page margin boxes: Chromium
 * draws them in the page margins both in Playwright's page.pdf and in Electron's printToPDF,
 * with page numbers from the page counter. The texts depend on the data, so the rules are
 * written into a <style> element; each language gets its own named page.
 */
export function pageRules(reports: QuarterlyReport[], t: (lang: string) => TFunction): string {
  return reports
    .map((report) => {
      const tt = t(report.lang);
      const { header } = report;
      const left = [
        header.deputyName,
        header.okrugNumber !== null ? tt('report.doc.okrug', { number: header.okrugNumber }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const name = `report-${report.lang}`;
      const box = "font-family: 'PT Sans', sans-serif; font-size: 8.5pt; color: #5b6a71;";
      return `@page ${name} {
  @top-left { content: ${cssString(left)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { content: ${cssString(report.quarter.label)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-left { content: ${cssString(tt('report.doc.generated', { date: report.generatedOnLabel }))}; ${box} vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: counter(page) " / " counter(pages); ${box} vertical-align: top; padding-top: 4mm; }
}`;
    })
    .join('\n');
}
