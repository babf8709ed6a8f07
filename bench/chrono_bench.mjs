// chrono_bench.mjs: chrono-node (dates only) over the same JSON lines as newsner, for
// bench/run.sh. Reads FILE.jsonl, parses each record, runs chrono.parse(text, DCT) with the
// record's "dct" (YYYY-MM-DD) as the reference date when present, and prints one line:
//   docs=N bytes=B mentions=M
// chrono-node is installed by run.sh into bench/work/node (pinned), not into the repo.
// Usage: node bench/chrono_bench.mjs NODE_PREFIX FILE.jsonl [TEXT_FIELD]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [prefix, file, field = "text"] = process.argv.slice(2);
if (!prefix || !file) {
  console.error("usage: node chrono_bench.mjs NODE_PREFIX FILE.jsonl [TEXT_FIELD]");
  process.exit(2);
}
const require = createRequire(join(resolve(prefix), "package.json"));
const chrono = require("chrono-node");

let docs = 0, bytes = 0, mentions = 0, errors = 0;
for (const line of readFileSync(file, "utf8").split("\n")) {
  if (line.length === 0) continue;
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    errors++;
    continue;
  }
  const text = record[field];
  if (typeof text !== "string") {
    errors++;
    continue;
  }
  const dct = typeof record.dct === "string" ? new Date(record.dct + "T12:00:00Z") : new Date(0);
  mentions += chrono.parse(text, dct).length;
  docs++;
  bytes += Buffer.byteLength(text, "utf8");
}
console.log(`docs=${docs} bytes=${bytes} mentions=${mentions}`);
if (errors) {
  console.error(`chrono_bench: ${errors} lines without a string "${field}" field`);
  process.exit(1);
}
