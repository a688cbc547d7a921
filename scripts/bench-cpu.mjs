// CPU time of the browser a benchmark started, from /proc (Linux): IndexedDB's work happens
// outside the page (in the browser process), and CPU time is far less sensitive than wall
// time to other work on a loaded machine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The kind of a Chromium process: `renderer`, `storage` (IndexedDB's backend), `browser`...;
 * `node` for a Node process the benchmark started (the sync bench's test server), which is
 * no part of the browser.
 */
export function processKind(pid) {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    if (args[0] === process.execPath || basename(args[0] ?? '') === 'node') return 'node';
    const type = args.find((a) => a.startsWith('--type='))?.slice(7);
    if (type === undefined) return 'browser';
    if (type !== 'utility') return type;
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19) ?? '';
    return sub.includes('Storage') ? 'storage' : 'utility';
  } catch {
    return 'other';
  }
}

/**
 * CPU seconds used so far by this process's descendants: `total` is the browser's (its
 * renderer, GPU and storage processes), `byKind` splits every descendant by kind
 * (processKind), a Node child such as the sync bench's test server as `node`. null where
 * /proc is not there.
 */
export function browserCpu() {
  if (!existsSync('/proc/self/stat')) return null;
  const parents = new Map();
  const cpu = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) in parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  let ticks = 0;
  const byKind = {};
  for (const [pid, used] of cpu) {
    let up = parents.get(pid);
    while (up !== undefined && up !== process.pid && up > 1) up = parents.get(up);
    if (up !== process.pid) continue;
    const kind = processKind(pid);
    if (kind !== 'node') ticks += used;
    byKind[kind] = (byKind[kind] ?? 0) + used / 100;
  }
  return { total: ticks / 100, byKind };
}

/**
 * Waits until the browser is at rest: under `share` of a core for `windows` one-second
 * windows in a row (a database just written goes on being compacted by the browser's
 * storage backend for a while), or until `limitS` seconds have passed. Resolves with the
 * seconds waited and whether rest was reached. Without /proc it returns at once.
 */
export async function browserAtRest({ share = 0.05, windows = 3, limitS = 180 } = {}) {
  const start = Date.now();
  let last = browserCpu();
  if (last === null) return { waitedS: 0, atRest: false };
  let quiet = 0;
  while (quiet < windows && Date.now() - start < limitS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = browserCpu();
    quiet = now.total - last.total < share ? quiet + 1 : 0;
    last = now;
  }
  return { waitedS: Math.round((Date.now() - start) / 100) / 10, atRest: quiet >= windows };
}
