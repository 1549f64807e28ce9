// validate.js - validate SARIF logs against the SARIF 2.1.0 JSON schema.
// usage: node validate.js SCHEMA FILE...   (exit 0: all valid, 1: not)
// The schema is JSON-schema draft-04, hence Ajv's draft-04 class; formats
// (uri, uri-reference, date-time) are checked too, not ignored.
// sarif-schema-2.1.0.json beside this file is the official SARIF 2.1.0
// schema (sarif-2.1.0-rtm.5.json), copied unchanged from the npm package
// @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/), sha256
// 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8.
'use strict';
const fs = require('fs');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: node validate.js SCHEMA FILE...');
  process.exit(2);
}
// unicodeRegExp off: the schema's "language" pattern has a stray ']', which
// is legal in ECMA-262 patterns without the u flag (as JSON schema intends)
// but an error with it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let bad = 0;
for (const f of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(f, 'utf8'));
  } catch (e) {
    console.log(`${f}: not JSON: ${e.message}`);
    bad++;
    continue;
  }
  if (validate(doc)) continue;
  bad++;
  for (const e of validate.errors)
    console.log(`${f}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
process.exit(bad ? 1 : 0);
