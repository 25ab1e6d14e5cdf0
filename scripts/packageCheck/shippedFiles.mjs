// What a package ships that nothing needs: source maps, tests, benchmarks, the emulator,
// TypeScript sources, node_modules packages nothing loads, .wasm files nothing reads.

/** Kinds of file an app package should not ship, each with the pattern that finds it. */
export const unwantedFiles = [
  { what: 'source map', pattern: /\.map$/ },
  {
    what: 'test file',
    pattern: /(^|\/)(__tests__|__mocks__|tests?|testing|specs?|e2e|fixtures?)\/|\.(test|spec)\.[cm]?[jt]sx?$/,
  },
  { what: 'benchmark', pattern: /(^|\/)(bench|benchmarks?)\/|\.bench\.[cm]?[jt]sx?$/ },
  { what: 'emulator file', pattern: /(^|\/)emulator\// },
  { what: 'TypeScript source', pattern: /\.[cm]?tsx?$/ },
];

/** Each node_modules package folder of the package (nested ones too), e.g. node_modules/@a/b. */
export function packageFolders(view) {
  const folders = new Set();
  for (const path of view.files.keys()) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(path);
    if (match) folders.add(match[1]);
  }
  return [...folders];
}

/**
 * @param {import('./packageView.mjs').PackageView} view
 * @param {{ loadedFiles: Set<string> }} graph  the result of checkModuleGraph
 * @param {{ allow?: RegExp[] }} [options]  files meant to be shipped although they match a pattern
 * @returns {import('./moduleGraph.mjs').Problem[]}
 */
export function checkShippedFiles(view, graph, { allow = [] } = {}) {
  const problems = [];
  const allowed = (path) => allow.some((pattern) => pattern.test(path));
  for (const path of view.files.keys()) {
    if (allowed(path)) continue;
    const unwanted = unwantedFiles.find(({ pattern }) => pattern.test(path));
    if (unwanted) problems.push({ file: path, message: `${unwanted.what} shipped` });
    else if (path.endsWith('.wasm') && !graph.loadedFiles.has(path)) {
      problems.push({ file: path, message: '.wasm shipped that no packaged code loads' });
    }
  }
  for (const path of view.missingUnpacked) {
    problems.push({ file: path, message: 'marked unpacked in app.asar but missing from app.asar.unpacked' });
  }
  const loaded = [...graph.loadedFiles];
  for (const folder of packageFolders(view)) {
    if (allowed(`${folder}/`)) continue;
    if (!loaded.some((path) => path.startsWith(`${folder}/`))) {
      problems.push({
        file: folder,
        message: 'package shipped that nothing loads: bundle it (make it a devDependency) or drop it',
      });
    }
  }
  return problems;
}

/** Bytes per part of the package: out/main, out/renderer, each node_modules package, the rest. */
export function packageSizes(view) {
  const parts = new Map();
  let total = 0;
  let unpacked = 0;
  for (const [path, { size, unpacked: isUnpacked }] of view.files) {
    const part =
      /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+/.exec(path)?.[0] ?? /^out\/[^/]+/.exec(path)?.[0] ?? path;
    parts.set(part, (parts.get(part) ?? 0) + size);
    total += size;
    if (isUnpacked) unpacked += size;
  }
  return { total, unpacked, files: view.files.size, parts: [...parts].sort((a, b) => b[1] - a[1]) };
}

export const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
