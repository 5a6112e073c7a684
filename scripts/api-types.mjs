// Writes the TypeScript declarations of the JS API, dist/api/zettaflop.d.ts, from
//   - the JSON Schema of the contract (`zettaflop schema`, generated from the Rust types), and
//   - the .d.ts wasm-bindgen wrote, whose function signatures name those types
//     (`unchecked_param_type` / `unchecked_return_type` in crates/estimator/src/wasm.rs).
// Run by scripts/build-api.sh after wasm-bindgen:
//
//   node scripts/api-types.mjs SCHEMA.json DIST/api/zettaflop.d.ts
//
// Fails (exit 1) if an exported function is still typed `any`, or names a type the schema
// does not define: a new export must be typed in wasm.rs, a new type must derive JsonSchema.
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const [schemaPath, dtsPath] = process.argv.slice(2);
if (!schemaPath || !dtsPath) {
  console.error('usage: node scripts/api-types.mjs SCHEMA.json ZETTAFLOP.d.ts');
  process.exit(2);
}

const bundle = JSON.parse(readFileSync(schemaPath, 'utf8'));
const roots = bundle.roots ?? {};

// In draft-07 the keywords beside a `$ref` are ignored (schemars puts the field's description
// and default there); json-schema-to-typescript would make a copy of the referenced type for
// each such use (Peaks1, Range2…). Keep the bare reference: the type carries its own docs.
function bareRefs(v) {
  if (Array.isArray(v)) return v.map(bareRefs);
  if (v && typeof v === 'object') {
    if (typeof v.$ref === 'string') return { $ref: v.$ref };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bareRefs(x)]));
  }
  return v;
}

// The top level: one property per document of the contract (`ZettaflopDocuments['report']`).
const schema = {
  title: 'ZettaflopDocuments',
  description: 'The documents of the JSON contract, by their `zettaflop schema` name.',
  type: 'object',
  properties: Object.fromEntries(
    Object.entries(roots).map(([id, type]) => [id, { $ref: `#/definitions/${type}` }]),
  ),
  required: Object.keys(roots),
  additionalProperties: false,
  definitions: bareRefs(bundle.definitions),
};

let types = await compile(schema, 'ZettaflopDocuments', {
  bannerComment: '',
  unreachableDefinitions: true,
  additionalProperties: false,
  strictIndexSignatures: true,
  format: true,
});
// The generator's own provenance notes say nothing a reader needs.
types = types.replace(
  /\n \*\n \* This interface was referenced by `ZettaflopDocuments`'s JSON-Schema\n \* via the `definition` "[^"]+"\./g,
  '',
);
types = types.replace(
  /\/\*\*\n \* This interface was referenced by `ZettaflopDocuments`'s JSON-Schema\n \* via the `definition` "[^"]+"\.\n \*\/\n/g,
  '',
);

const declared = new Set([...types.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]));
const bindgen = readFileSync(dtsPath, 'utf8');

// Every exported function of the API (not wasm-bindgen's init functions) must be typed.
// TypeScript's own types a signature may use (`sweep` takes a scenario whose count may be absent).
const TS_BUILTINS = new Set(['Omit', 'Float64Array']);
const problems = [];
const fnRe = /^export function (\w+)\(([^)]*)\): ([^;]+);/gm;
for (const [, name, params, ret] of bindgen.matchAll(fnRe)) {
  if (name === 'initSync') continue;
  const sig = `${params} ${ret}`;
  if (/\bany\b/.test(sig)) problems.push(`${name}: still typed \`any\` (${params}): ${ret}`);
  for (const [, t] of sig.matchAll(/\b([A-Z]\w*)\b/g)) {
    if (!declared.has(t) && !TS_BUILTINS.has(t)) problems.push(`${name}: type ${t} is not in the schema`);
  }
}
if (problems.length > 0) {
  console.error(`api-types: ${dtsPath}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const header = `/* Zettaflop JS API. Function signatures: wasm-bindgen; types: generated from the JSON Schema
 * of the contract (\`zettaflop schema\`, from the Rust types) by scripts/api-types.mjs.
 * Do not edit: rebuilt by every \`trunk build\`. */
`;
writeFileSync(dtsPath, `${header}${bindgen.replace(/^\/\* tslint:disable \*\/\n\/\* eslint-disable \*\/\n/, '')}\n${types}`);
console.log(`api-types: ${declared.size} types in ${dtsPath}`);
