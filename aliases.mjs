// Path aliases, one list for every tool that resolves the project's imports: TypeScript reads
// the same names from tsconfig.base.json ("paths"); Vite, Vitest, rolldown and the scripts'
// module runner take them from here. `@shared/x` is shared/x, `@renderer/x` is renderer/src/x.
import { fileURLToPath } from 'node:url';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Alias name → absolute folder. */
export const ALIASES = {
  '@shared': at('./shared'),
  '@renderer': at('./renderer/src'),
  '@electron': at('./electron'),
  '@test': at('./test'),
};

/** The same list as Vite's `resolve.alias` entries (prefix match on `name/`). */
export const viteAliases = Object.entries(ALIASES).map(([name, dir]) => ({
  find: new RegExp(`^${name}/`),
  replacement: `${dir}/`,
}));
