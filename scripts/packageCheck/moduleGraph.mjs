// Follows every require/import of a packaged app, from its entry points through the packaged
// node_modules, the way Electron will load them: each bare specifier must resolve inside the
// package (package.json "exports" with Node's conditions, else "main"), a CommonJS file must not
// require() an ES module, and every file the code reads beside itself (`join(__dirname, '…')`,
// `${__dirname}/…`, `new URL('…', import.meta.url)`: worker scripts, .wasm, the preload, the
// renderer page) must be in the package.
import { parse } from 'acorn';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

/**
 * @typedef {'node' | 'preload' | 'browser'} EntryKind  node: main process or worker thread;
 *   preload: a sandboxed preload (only electron and a few polyfilled modules); browser: the page.
 * @typedef {{ path: string, kind: EntryKind }} Entry
 * @typedef {{ file: string, message: string }} Problem
 */

const builtins = new Set(builtinModules);
const electronModules = new Set(['electron', 'original-fs']);
/** What `require` offers a sandboxed preload (Electron's "Preload scripts" sandbox docs). */
const sandboxedPreloadModules = new Set(['electron', 'events', 'timers', 'url']);
const requireConditions = ['node', 'require', 'default'];
const importConditions = ['node', 'import', 'default'];

const isStaticString = (node) =>
  (node?.type === 'Literal' && typeof node.value === 'string') ||
  (node?.type === 'TemplateLiteral' && node.expressions.length === 0);
const staticString = (node) => (node.type === 'Literal' ? node.value : node.quasis[0].value.cooked);
const isDirname = (node) => node?.type === 'Identifier' && node.name === '__dirname';
const isImportMetaUrl = (node) =>
  node?.type === 'MemberExpression' &&
  node.object.type === 'MetaProperty' &&
  node.property.type === 'Identifier' &&
  node.property.name === 'url';
/** `f`, `x.f` or the bundlers' `(0, x.f)` → 'f'. */
const calleeName = (callee) =>
  callee.type === 'SequenceExpression'
    ? calleeName(callee.expressions.at(-1))
    : callee.type === 'Identifier'
      ? callee.name
      : callee.type === 'MemberExpression' && !callee.computed
        ? callee.property.name
        : undefined;

/** Parses one file; CommonJS as a script (top-level return allowed), ES modules as modules. */
export function parseSource(code, isModule) {
  return parse(code, {
    ecmaVersion: 'latest',
    sourceType: isModule ? 'module' : 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: !isModule,
    allowAwaitOutsideFunction: !isModule,
  });
}

/**
 * What one file loads. `imports`: module specifiers with how they are loaded; `files`: paths it
 * reads relative to its own folder; `workers`: how many `new Worker(…)` it starts.
 */
export function collectLoads(ast) {
  const imports = [];
  const files = [];
  let workers = 0;
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source && isStaticString(node.source))
          imports.push({ specifier: staticString(node.source), how: 'import' });
        break;
      case 'ImportExpression':
        if (isStaticString(node.source))
          imports.push({ specifier: staticString(node.source), how: 'import()' });
        break;
      case 'CallExpression': {
        const { callee, arguments: args } = node;
        if (callee.type === 'Identifier' && callee.name === 'require' && isStaticString(args[0])) {
          imports.push({ specifier: staticString(args[0]), how: 'require' });
        } else if (
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'require' &&
          calleeName(callee) === 'resolve' &&
          isStaticString(args[0])
        ) {
          imports.push({ specifier: staticString(args[0]), how: 'require.resolve' });
        } else if (
          ['join', 'resolve'].includes(calleeName(callee)) &&
          isDirname(args[0]) &&
          args.length > 1 &&
          args.slice(1).every(isStaticString)
        ) {
          files.push(posix.join(...args.slice(1).map(staticString)));
        }
        break;
      }
      case 'TemplateLiteral':
        if (
          node.expressions.length === 1 &&
          isDirname(node.expressions[0]) &&
          node.quasis[0].value.cooked === ''
        ) {
          files.push(node.quasis[1].value.cooked.replace(/^\//, ''));
        }
        break;
      case 'BinaryExpression':
        if (node.operator === '+' && isDirname(node.left) && isStaticString(node.right)) {
          files.push(staticString(node.right).replace(/^\//, ''));
        }
        break;
      case 'NewExpression':
        if (calleeName(node.callee) === 'Worker') workers += 1;
        if (
          calleeName(node.callee) === 'URL' &&
          isStaticString(node.arguments[0]) &&
          isImportMetaUrl(node.arguments[1])
        ) {
          files.push(staticString(node.arguments[0]));
        }
        break;
    }
    for (const key of Object.keys(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      const child = node[key];
      if (Array.isArray(child)) for (const item of child) visit(item);
      else if (child && typeof child === 'object') visit(child);
    }
  };
  visit(ast);
  return { imports, files, workers };
}

/** Node's package.json "exports" resolution for one subpath ('.' or './x'); null when not exported. */
export function resolveExports(exportsField, subpath, conditions) {
  const sugar =
    typeof exportsField === 'string' ||
    Array.isArray(exportsField) ||
    (exportsField &&
      typeof exportsField === 'object' &&
      !Object.keys(exportsField).some((k) => k.startsWith('.')));
  const map = sugar ? { '.': exportsField } : (exportsField ?? {});
  const target = (value, star) => {
    if (typeof value === 'string') return value.replaceAll('*', star);
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = target(item, star);
        if (found) return found;
      }
      return null;
    }
    if (value && typeof value === 'object') {
      for (const [condition, nested] of Object.entries(value)) {
        if (!conditions.includes(condition)) continue;
        const found = target(nested, star);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    return null;
  };
  if (Object.hasOwn(map, subpath) && !subpath.includes('*')) return target(map[subpath], '') ?? null;
  let best;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      if (!best || prefix.length > best.prefix.length) {
        best = { key, prefix, star: subpath.slice(prefix.length, subpath.length - suffix.length) };
      }
    }
  }
  return best ? (target(map[best.key], best.star) ?? null) : null;
}

const splitBare = (specifier) => {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, count).join('/'), subpath: parts.slice(count).join('/') };
};

/**
 * Walks the module graph of a packaged app from its entries and returns the problems found,
 * plus what was reached (for the shipped-files check and the summary).
 * @param {import('./packageView.mjs').PackageView} view
 * @param {Entry[]} entries
 */
export function checkModuleGraph(view, entries) {
  /** @type {Problem[]} */
  const problems = [];
  const reached = new Map(); // path -> kind
  const loadedFiles = new Set(); // every file the code loads or reads, entries included
  const queue = [];
  let workers = 0;
  const has = (path) => view.files.has(path);
  // A folder the code reads from (the renderer's, served through the app:// protocol) is in the
  // package when a file inside it is; the files themselves are reached as the page.
  const hasFolder = (path) => [...view.files.keys()].some((name) => name.startsWith(`${path}/`));
  const text = (path) => view.read(path).toString('utf8');
  const packageJsonCache = new Map();
  const packageJson = (path) => {
    if (!packageJsonCache.has(path)) {
      let value = null;
      try {
        value = JSON.parse(text(path));
      } catch (error) {
        problems.push({ file: path, message: `unreadable package.json: ${error.message}` });
      }
      packageJsonCache.set(path, value);
    }
    return packageJsonCache.get(path);
  };
  /** 'esm' | 'cjs' for a .js/.mjs/.cjs file: its extension, else the nearest package.json "type". */
  const formatOf = (path) => {
    if (path.endsWith('.mjs')) return 'esm';
    if (path.endsWith('.cjs')) return 'cjs';
    for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
      const pj = dir === '.' ? 'package.json' : `${dir}/package.json`;
      if (has(pj)) return packageJson(pj)?.type === 'module' ? 'esm' : 'cjs';
      if (dir === '.') return 'cjs';
    }
  };
  const enqueue = (path, kind) => {
    loadedFiles.add(path);
    if (reached.has(path)) return;
    reached.set(path, kind);
    if (/\.[cm]?js$/.test(path) || path.endsWith('.html')) queue.push(path);
  };
  /** CommonJS file resolution: the file, with .js/.json/.node, or a folder's main/index. */
  const resolveFile = (path, commonJs) => {
    if (has(path)) return path;
    if (!commonJs) return null;
    for (const ext of ['.js', '.json', '.node']) if (has(path + ext)) return path + ext;
    const pj = `${path}/package.json`;
    if (has(pj)) {
      const main = packageJson(pj)?.main;
      if (main) {
        const found = resolveFile(posix.join(path, main), true);
        if (found) return found;
      }
    }
    for (const index of ['index.js', 'index.json', 'index.node'])
      if (has(`${path}/${index}`)) return `${path}/${index}`;
    return null;
  };
  const resolveBare = (from, specifier, commonJs) => {
    const { name, subpath } = splitBare(specifier);
    for (let dir = posix.dirname(from); ; dir = posix.dirname(dir)) {
      const base = dir === '.' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
      const pj = `${base}/package.json`;
      if (has(pj)) {
        const meta = packageJson(pj) ?? {};
        if (meta.exports !== undefined) {
          const target = resolveExports(
            meta.exports,
            subpath ? `./${subpath}` : '.',
            commonJs ? requireConditions : importConditions,
          );
          if (!target) return { error: `"${specifier}" is not exported by ${pj}` };
          const path = posix.join(base, target);
          return has(path)
            ? { path }
            : { error: `"${specifier}" maps to ${path}, which is not in the package` };
        }
        const path = resolveFile(subpath ? `${base}/${subpath}` : base, true);
        return path ? { path } : { error: `"${specifier}" has no file in ${base}` };
      }
      if (dir === '.' || dir === '/') break;
    }
    return { error: `cannot find package "${name}" in the packaged node_modules` };
  };

  for (const entry of entries) {
    if (!has(entry.path)) problems.push({ file: entry.path, message: 'entry point is not in the package' });
    else enqueue(entry.path, entry.kind);
  }

  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    const kind = reached.get(file);
    const dir = posix.dirname(file);
    if (file.endsWith('.html')) {
      for (const match of text(file).matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
        const ref = match[1];
        if (/^[a-z]+:/i.test(ref) || ref.startsWith('/')) {
          if (ref.startsWith('/'))
            problems.push({ file, message: `"${ref}" is absolute: it breaks under file://` });
          continue;
        }
        const path = posix.join(dir, ref);
        if (!has(path)) problems.push({ file, message: `"${ref}" is not in the package` });
        else enqueue(path, 'browser');
      }
      continue;
    }
    const format = kind === 'browser' ? 'esm' : formatOf(file);
    let loads;
    try {
      loads = collectLoads(parseSource(text(file), format === 'esm'));
    } catch (error) {
      problems.push({
        file,
        message: `cannot be parsed as ${format === 'esm' ? 'an ES module' : 'CommonJS'}: ${error.message}`,
      });
      continue;
    }
    workers += loads.workers;
    for (const ref of loads.files) {
      const path = posix.normalize(posix.join(dir, ref));
      if (path.startsWith('../')) problems.push({ file, message: `reads "${ref}", outside the package` });
      else if (hasFolder(path)) continue;
      else if (!has(path))
        problems.push({ file, message: `reads "${ref}" (${path}), which is not in the package` });
      else enqueue(path, kind === 'browser' ? 'browser' : 'node');
    }
    for (const { specifier, how } of loads.imports) {
      const commonJs = how === 'require' || how === 'require.resolve';
      const bareName = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
      if (kind === 'preload') {
        if (!sandboxedPreloadModules.has(bareName)) {
          problems.push({
            file,
            message: `${how} "${specifier}": a sandboxed preload can load only electron, events, timers and url`,
          });
        }
        continue;
      }
      const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
      if (kind === 'browser' && !relative) {
        problems.push({
          file,
          message: `${how} "${specifier}": the page can only import files of the package`,
        });
        continue;
      }
      if (!relative) {
        if (specifier.startsWith('node:') || builtins.has(specifier) || electronModules.has(specifier))
          continue;
      }
      let target;
      if (relative) {
        const path = posix.normalize(
          specifier.startsWith('/') ? specifier.slice(1) : posix.join(dir, specifier),
        );
        const found = path.startsWith('../') ? null : resolveFile(path, commonJs && kind !== 'browser');
        target = found ? { path: found } : { error: `${how} "${specifier}": ${path} is not in the package` };
      } else {
        target = resolveBare(file, specifier, commonJs);
        if (target.error) target.error = `${how} "${specifier}": ${target.error}`;
      }
      if (target.error) {
        problems.push({ file, message: target.error });
        continue;
      }
      if (how === 'require' && /\.[cm]?js$/.test(target.path) && formatOf(target.path) === 'esm') {
        problems.push({
          file,
          message: `require "${specifier}": ${target.path} is an ES module (ESM-only package), which CommonJS cannot require()`,
        });
        continue;
      }
      enqueue(target.path, kind);
    }
  }
  return { problems, reached, loadedFiles, workers };
}
