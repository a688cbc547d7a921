import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));

interface TargetEntry {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  win?: { target?: TargetEntry[]; icon?: string };
  nsis?: { oneClick?: boolean; perMachine?: boolean; allowToChangeInstallationDirectory?: boolean };
  linux?: { target?: TargetEntry[]; category?: string; maintainer?: string };
  mac?: { target?: TargetEntry[]; category?: string };
  electronFuses?: Record<string, boolean>;
  artifactName?: string;
}

const config = yaml.load(
  readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

const targets = (entries: TargetEntry[] | undefined) =>
  (entries ?? []).map((entry) => entry.target);

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('kz.tizilim.app');
    expect(config.productName).toBe('Tizilim');
  });

  it('builds every agreed target', () => {
    expect(targets(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    for (const entry of config.win?.target ?? []) expect(entry.arch).toContain('x64');
  });

  it('ships only the built app, packed in an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/renderer/**/*', 'dist/electron/**/*', 'package.json']),
    );
    const included = (config.files ?? []).filter((pattern) => !pattern.startsWith('!'));
    expect(
      included.every((pattern) => pattern.startsWith('dist/') || pattern === 'package.json'),
    ).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['!test/**', '!electron/**', '!shared/**']),
    );
  });

  it('installs per user, with a choice of folder', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
    });
  });

  it('has the platform metadata packages need', () => {
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.artifactName).toContain('${version}');
    expect(existsSync(path.join(repo, 'build', 'icon.png'))).toBe(true);
  });

  it('turns off the fuses that would let Node run outside the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('matches electron-builder’s own schema', async () => {
    // app-builder-lib comes with electron-builder; validating needs no Electron binary.
    const requireFromBuilder = createRequire(
      createRequire(path.join(repo, 'package.json')).resolve('electron-builder/package.json'),
    );
    const { validateConfiguration } = requireFromBuilder(
      'app-builder-lib/out/util/config/config',
    ) as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = requireFromBuilder('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean }>;
  };

  it('lists no runtime dependencies: Vite bundles everything the app runs into dist/', () => {
    // electron-builder copies production dependencies into the asar; there must be none, as
    // electron-builder.yml assumes. The bundles' own imports are checked below.
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    for (const name of ['react', 'dexie', 'zod', 'libphonenumber-js', 'exceljs', 'docx']) {
      expect(pkg.devDependencies[name], name).toBeDefined();
      expect(lock.packages[`node_modules/${name}`]?.dev, name).toBe(true);
    }
  });

  it('pins Electron to a 45.x release, the same in package.json and the lock', () => {
    const wanted = pkg.devDependencies['electron'] ?? '';
    expect(wanted).toMatch(/^\^45\.\d+\.\d+$/);
    const locked = lock.packages['node_modules/electron']?.version ?? '';
    expect(locked).toBe(wanted.slice(1));
    // 45.6.1 was the newest 45.x patch when this was written (npm view electron versions).
    const [, minor, patch] = locked.split('.').map(Number);
    expect((minor ?? 0) * 1000 + (patch ?? 0)).toBeGreaterThanOrEqual(6 * 1000 + 1);
  });
});

describe('icon', () => {
  it('is a 512×512 PNG', () => {
    const png = readFileSync(path.join(repo, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});

describe('vite.electron.config.ts', () => {
  let outDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'tizilim-electron-build-'));
    const vite = path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
    for (const mode of ['main', 'preload']) {
      execFileSync(
        process.execPath,
        [vite, 'build', '-c', 'vite.electron.config.ts', '--mode', mode],
        {
          cwd: repo,
          env: { ...process.env, TIZILIM_ELECTRON_OUT_DIR: outDir },
          stdio: 'pipe',
          timeout: 60_000,
        },
      );
    }
  }, 90_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const requires = (file: string) =>
    [
      ...readFileSync(path.join(outDir, file), 'utf8').matchAll(
        /\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g,
      ),
    ].map((match) => match[2]);

  it('writes main.cjs and preload.cjs', () => {
    expect(existsSync(path.join(outDir, 'main.cjs'))).toBe(true);
    expect(existsSync(path.join(outDir, 'preload.cjs'))).toBe(true);
  });

  it('makes the preload one self-contained file that requires only electron', () => {
    const source = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(new Set(requires('preload.cjs'))).toEqual(new Set(['electron']));
    // Any other way of loading code would fail in the sandbox too.
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).toContain('exposeInMainWorld("tizilim"');
  });

  it('bundles main so that it requires only electron and Node built-ins', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const external = requires('main.cjs').filter(
      (id) => id !== 'electron' && !builtins.has(id ?? ''),
    );
    expect(external).toEqual([]);
    expect(readFileSync(path.join(outDir, 'main.cjs'), 'utf8')).toContain(
      'process.type === "browser"',
    );
  });
});
