// Derives everything the peers and the load scripts need from Fintoro's spec, so all three servers see the
// same requests: the request bodies (the spec's own examples) and WireMock mappings that answer the same
// routes with the spec's example answers. Usage: node fixtures.js SPEC OUT_DIR (run with NODE_PATH set to
// the local Prism install, which brings js-yaml).
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

const [specFile, out] = process.argv.slice(2);
const spec = yaml.load(fs.readFileSync(specFile, 'utf8'));
const base = new URL(spec.servers[0].url).pathname;
const clients = spec.paths['/clients'];
const client = spec.paths['/clients/{client}'];
const first = (examples) => Object.values(examples)[0].value;

// JSON Schema for WireMock's matchesJsonSchema: the create schema with every local $ref inlined.
function inline(node, seen = new Set()) {
  if (Array.isArray(node)) return node.map((n) => inline(n, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (seen.has(ref)) return {};
    const target = ref.replace(/^#\//, '').split('/').reduce((n, k) => n[k], spec);
    return inline(target, new Set([...seen, ref]));
  }
  const copy = {};
  for (const [k, v] of Object.entries(node)) {
    if (!k.startsWith('x-')) copy[k] = inline(v, seen);
  }
  return copy;
}

const createBody = first(clients.post.requestBody.content['application/json'].examples);
const updateBody = first(client.put.requestBody.content['application/json'].examples);
const invalidBody = { name: '', type: 'alien', email: 'not-an-email', countryId: 'x' };
const schema = JSON.stringify(inline(clients.post.requestBody.content['application/json'].schema));
const answer = (op, status) => {
  let r = op.responses[status];
  if (r.$ref) r = inline(r);
  return JSON.stringify(first(r.content['application/json'].examples));
};
const json = { 'Content-Type': 'application/json' };
// Any bearer token, as the fake accepts any of the seed's (creates run as another company).
const bearer = { matches: '^Bearer \\S+$' };
const mappings = [
  { request: { method: 'GET', url: `${base}/clients/101` },
    response: { status: 200, headers: json, body: answer(client.get, '200') } },
  { request: { method: 'GET', url: `${base}/clients` },
    response: { status: 200, headers: json, body: answer(clients.get, '200') } },
  { priority: 1,
    request: { method: 'POST', url: `${base}/clients`, headers: { Authorization: bearer },
      bodyPatterns: [{ matchesJsonSchema: schema, schemaVersion: 'V202012' }] },
    response: { status: 201, headers: json, body: answer(clients.post, '201') } },
  { priority: 1,
    request: { method: 'PUT', url: `${base}/clients/101`, headers: { Authorization: bearer },
      bodyPatterns: [{ matchesJsonSchema: schema, schemaVersion: 'V202012' }] },
    response: { status: 200, headers: json, body: answer(client.put, '200') } },
  { priority: 5, request: { method: 'POST', url: `${base}/clients` },
    response: { status: 422, headers: json, body: answer(clients.post, '422') } },
];

fs.mkdirSync(path.join(out, 'wiremock', 'mappings'), { recursive: true });
fs.writeFileSync(path.join(out, 'wiremock', 'mappings', 'fintoro.json'), JSON.stringify({ mappings }, null, 2));
fs.mkdirSync(path.join(out, 'bodies'), { recursive: true });
fs.writeFileSync(path.join(out, 'bodies', 'create.json'), JSON.stringify(createBody));
fs.writeFileSync(path.join(out, 'bodies', 'update.json'), JSON.stringify(updateBody));
fs.writeFileSync(path.join(out, 'bodies', 'invalid.json'), JSON.stringify(invalidBody));
console.log(base);
