import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface BenchCpu {
  processKind(pid: number): string;
  browserCpu(): { total: number; byKind: Record<string, number> } | null;
}

/**
 * The benchmarks' CPU accounting (scripts/bench-cpu.mjs): a Node child of the benchmark (the
 * sync bench's test server) is not the browser process.
 */
describe('bench-cpu', () => {
  it('counts a Node child as `node`, outside the browser total', async () => {
    const { processKind, browserCpu } = (await import(
      pathToFileURL(join(root, 'scripts', 'bench-cpu.mjs')).href
    )) as BenchCpu;
    // A child that works until it has used 300 ms of CPU, says so, and waits to be closed.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `while (process.cpuUsage().user < 300000) {}
         process.stdout.write('busy\\n');
         process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await once(child.stdout, 'data');
      expect(processKind(child.pid!)).toBe('node');
      const cpu = browserCpu();
      expect(cpu).not.toBeNull();
      const node = cpu!.byKind.node ?? 0;
      expect(node).toBeGreaterThanOrEqual(0.25);
      const all = Object.values(cpu!.byKind).reduce((a, b) => a + b, 0);
      // The browser total leaves the Node child out.
      expect(all - cpu!.total).toBeGreaterThanOrEqual(node - 0.01);
    } finally {
      child.stdin.end();
      child.kill();
    }
  });
});
