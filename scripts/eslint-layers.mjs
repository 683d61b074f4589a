// ESLint rule enforcing the import layers of docs/architecture (ARCHITECTURE.md):
// which folder may import which. It resolves each relative import against the file,
// so `../../main/x` from the renderer is caught however it is spelled.
import path from 'node:path';

const ROOT = process.cwd();
const SERVICES_WITH_INDEX = ['vault', 'store', 'llm', 'coach', 'platform', 'api'];

/** The layer a file belongs to, by its path relative to the repository root. */
export function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  if (p.startsWith('src/shared/')) return { layer: 'shared' };
  if (p.startsWith('src/renderer/')) return { layer: 'renderer' };
  if (p.startsWith('src/preload/')) return { layer: 'preload' };
  if (p.startsWith('src/relay/')) return { layer: 'relay' };
  const m = /^src\/main\/([^/]+)\//.exec(p);
  if (m) {
    const name = m[1];
    if (name === 'api') return { layer: 'api', name };
    if (['electron', 'server', 'cli'].includes(name)) return { layer: 'shell', name };
    return { layer: 'service', name };
  }
  return { layer: 'other' };
}

/** Returns an error message, or null when the import is allowed. */
export function checkImport(fromRel, spec) {
  const from = layerOf(fromRel);
  if (from.layer === 'other') return null;
  if (spec === 'electron' || spec.startsWith('electron/')) {
    const okElectron = (from.layer === 'shell' && from.name === 'electron') || from.layer === 'preload';
    return okElectron ? null : `'electron' may only be imported in src/main/electron and src/preload`;
  }
  if (!spec.startsWith('.')) {
    if (from.layer === 'shared' && spec !== 'zod') return `src/shared may import only zod (found '${spec}')`;
    if (from.layer === 'renderer' && spec.startsWith('node:')) return `the renderer must not import Node built-ins`;
    return null;
  }
  const targetRel = path.relative(ROOT, path.resolve(ROOT, path.dirname(fromRel), spec));
  const to = layerOf(targetRel + (targetRel.endsWith('.ts') ? '' : '/x'));
  const toExact = layerOf(targetRel + '.ts');
  const target = to.layer === 'other' ? toExact : toExact.layer !== 'other' ? toExact : to;
  if (target.layer === 'other') return null;
  const same = target.layer === from.layer && target.name === from.name;
  if (same) return null;
  const isIndex =
    /\/index(\.ts)?$/.test(targetRel.split(path.sep).join('/')) ||
    SERVICES_WITH_INDEX.some((s) => targetRel.split(path.sep).join('/') === `src/main/${s}`);
  const allowed = {
    shared: () => false,
    renderer: () => target.layer === 'shared',
    preload: () => target.layer === 'shared',
    relay: () => target.layer === 'shared',
    service: () => target.layer === 'shared' || (target.layer === 'service' && isIndex),
    api: () => target.layer === 'shared' || (target.layer === 'service' && isIndex),
    shell: () =>
      target.layer === 'shared' ||
      (target.layer === 'api' && isIndex) ||
      // `dbt-coach serve` is the browser shell's entry point: the CLI may start it through its index.
      (from.name === 'cli' && target.layer === 'shell' && target.name === 'server' && isIndex),
  }[from.layer];
  if (allowed()) return null;
  const describe = (l) => (l.name ? `src/main/${l.name}` : `src/${l.layer}`);
  const hint = target.layer === 'service' || target.layer === 'api' ? ' (import its index.ts instead)' : '';
  return `${describe(from)} must not import ${describe(target)}${hint}`;
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Enforce the architecture import layers' } },
  create(context) {
    const rel = path.relative(ROOT, context.filename);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const message = checkImport(rel, spec);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { imports: rule } };
