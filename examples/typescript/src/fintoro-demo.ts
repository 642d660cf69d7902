// A frontend's Fintoro client, typed from openapi/fintoro.yaml: run `npm run generate` first.
// Creates a client on the fake, reads it back and shows a validation error, checking each answer.
import assert from "node:assert/strict";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/fintoro.js";

type ClientCreate = components["schemas"]["ClientCreate"];

const base = process.env.COUNTERFEIT_URL ?? "http://127.0.0.1:8080";
const fintoro = createClient<paths>({
  baseUrl: `${base}/api/public/v1`,
  headers: { Authorization: "Bearer ft_demo_acme_write" },
});

// `type` has a default in the spec; without --default-non-nullable=false it would be required here.
const draft: ClientCreate = { name: "Typed Client s.r.o.", vatId: "SK2020999999", countryId: 703 };
const created = await fintoro.POST("/clients", { body: draft });
assert.equal(created.response.status, 201, JSON.stringify(created.error));
assert.ok(created.data);
const id: number = created.data.id;
assert.equal(created.data.type, "company", "a VAT id without a type makes a company");
console.log(`created client ${id}: ${created.data.name} (${created.data.type})`);

const read = await fintoro.GET("/clients/{client}", { params: { path: { client: id } } });
assert.equal(read.response.status, 200);
assert.equal(read.data?.name, draft.name);
assert.equal(read.data?.country?.code, "SK");
console.log(`read it back: ${read.data?.name}, ${read.data?.country?.name}`);

const page = await fintoro.GET("/clients", { params: { query: { search: "Typed" } } });
assert.ok(page.data?.data.some((client) => client.id === id), "the new client is listed");

// @ts-expect-error the spec requires a name, so this does not type-check; sent anyway to see the fake refuse it.
const refused = await fintoro.POST("/clients", { body: { countryId: 703 } });
assert.equal(refused.response.status, 422);
assert.ok(refused.error && "errors" in refused.error);
console.log(`without a name: ${refused.response.status} ${refused.error.message}`);
