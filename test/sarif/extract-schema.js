// extract-schema.js BUNDLE OUT: the SARIF 2.1.0 schema object literal that
// the bundle (see fetch-schema.sh) embeds, evaluated in an empty context and
// written as JSON. Refuses anything that is not the OASIS schema.
const fs = require('fs'), vm = require('vm');
const [bundle, out] = process.argv.slice(2);
const src = fs.readFileSync(bundle, 'utf8');
const marker = 'var sarif_schema_2_1_0_default = ';
const start = src.indexOf(marker);
const end = src.indexOf('\n};\n', start);
if (start < 0 || end < 0) throw new Error(`${bundle}: no SARIF schema found`);
const schema = vm.runInNewContext('(' + src.slice(start + marker.length, end + 2) + ')', {});
const id = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';
if (schema.$id !== id || schema.$schema !== 'http://json-schema.org/draft-07/schema#')
  throw new Error(`${bundle}: the embedded schema is not ${id}`);
fs.writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
