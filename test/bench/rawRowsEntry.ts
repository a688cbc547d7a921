// The machine's floor for the registry's first rows (`rawFirstRowsMs` of bench:registry):
// a page on the app's origin that does only what the first screen cannot do without — its
// stylesheet and fonts, the same early read of the newest rows with plain IndexedDB
// (boot/earlyRead.ts), and those rows written as the registry's table markup with plain
// DOM calls. No React, no router, no Dexie, no session, no sidebar.
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import '@renderer/styles.css';
import '@renderer/ui.css';
import '@renderer/features/registry/registry.css';
import { EARLY_DB_NAMES, readEarly } from '@renderer/boot/earlyRead';
import type { RegistryRow } from '@renderer/db/registryRow';

const ROW_HEIGHT = 40;
/** As many rows as the registry renders at 1366×768 (the view and one beyond each edge). */
const WINDOW = 14;

function cell(className: string, text: string, bold = false): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('role', 'gridcell');
  el.className = `cell col-${className}`;
  if (bold) {
    const strong = document.createElement('strong');
    strong.textContent = text;
    el.append(strong);
  } else el.textContent = text;
  return el;
}

function badge(className: string, text: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('role', 'gridcell');
  el.className = `cell col-${className}`;
  const span = document.createElement('span');
  span.className = className === 'status' ? `status-badge ${text}` : 'deadline-badge';
  span.textContent = text;
  el.append(span);
  return el;
}

function render(rows: RegistryRow[]): void {
  const table = document.createElement('div');
  table.className = 'registry-table';
  table.setAttribute('role', 'grid');
  table.style.cssText = 'width: 1082px; height: 520px; margin: 230px 0 0 252px';
  const body = document.createElement('div');
  body.className = 'registry-body';
  const inner = document.createElement('div');
  inner.style.cssText = `position: relative; height: ${rows.length * ROW_HEIGHT}px`;
  rows.slice(0, WINDOW).forEach((row, i) => {
    const el = document.createElement('div');
    el.setAttribute('role', 'row');
    el.className = 'registry-row';
    el.style.cssText = `transform: translateY(${i * ROW_HEIGHT}px); height: ${ROW_HEIGHT}px`;
    el.append(
      cell('regNo', row.regNo, true),
      cell('receivedAt', row.receivedAt.replace('T', ' ')),
      cell('applicantName', row.applicantName),
      cell('subject', row.subject),
      cell('topic', row.topic),
      badge('status', row.status),
      badge('deadline', row.decideBy),
      cell('assignee', row.assignee ?? ''),
    );
    inner.append(el);
  });
  body.append(inner);
  table.append(body);
  document.getElementById('root')!.append(table);
}

void readEarly(indexedDB, EARLY_DB_NAMES.office).then((read) => {
  if (read) render(read.rows as RegistryRow[]);
  else document.getElementById('root')!.textContent = 'no database to read';
});
