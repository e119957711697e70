// import() of a URL, from a JavaScript module: tsx resolves a `.js` specifier imported by a
// TypeScript module to a sibling `.ts` file when there is one; imported from here, `x.js` is x.js.
export const importExact = (url) => import(url);
