// Resolve hook (runs on node's loader thread): try the normal resolution first, so a stack's
// own node_modules always wins; only a bare specifier that was not found is retried from
// Ballast's install.

let fallbackParentURL;

export function initialize(data) {
  fallbackParentURL = data.fallbackParentURL;
}

function isBare(specifier) {
  return !/^(\.{1,2}(\/|$)|\/|[a-zA-Z][a-zA-Z0-9+.-]*:)/.test(specifier);
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    if (!fallbackParentURL || !isBare(specifier) || err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    try {
      return await nextResolve(specifier, { ...context, parentURL: fallbackParentURL });
    } catch {
      throw err; // report the stack's own failure, not ours
    }
  }
}
