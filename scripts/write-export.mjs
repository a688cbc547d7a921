// Writes an export file table by table: one JSON.stringify of 50,000 appeals with their
// histories would come close to V8's largest string. Used by demo-data and merge.
import { closeSync, openSync, writeSync } from 'node:fs';

export function writeExportFile(target, file, tableNames) {
  const fd = openSync(target, 'w');
  try {
    const { tables, ...header } = file;
    writeSync(fd, JSON.stringify(header).slice(0, -1) + ',"tables":{');
    tableNames.forEach((name, t) => {
      writeSync(fd, `${t === 0 ? '' : ','}${JSON.stringify(name)}:[`);
      const rows = tables[name] ?? [];
      for (let i = 0; i < rows.length; i += 1000) {
        const part = rows.slice(i, i + 1000).map((row) => JSON.stringify(row));
        writeSync(fd, (i === 0 ? '' : ',') + part.join(','));
      }
      writeSync(fd, ']');
    });
    writeSync(fd, '}}\n');
  } finally {
    closeSync(fd);
  }
}
