// Runs graphql-js's own introspection query, with every option on, against a GraphQL endpoint, the way
// graphql-codegen, GraphiQL and IDE plugins do; then builds a client schema from the answer (which checks its
// shape) and prints it as SDL. Usage: node introspect.mjs URL [SCHEMA_FILE]
// Prints the SDL on stdout. With SCHEMA_FILE (an SDL file such as the repository's schema.graphql), also checks
// that both describe the same schema, each normalized by graphql-js (parsed, sorted, printed). On any failure
// prints the reason on stderr and exits 1.
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';

const [url, schemaFile] = process.argv.slice(2);
const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

const response = await fetch(url, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  },
  body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
});
const body = await response.json();
if (!response.ok || body.errors?.length || !body.data) {
  console.error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  process.exit(1);
}

let served;
try {
  served = buildClientSchema(body.data);
} catch (error) {
  console.error(`The introspection answer does not build a schema: ${error.message}`);
  process.exit(1);
}

console.log(printSchema(served));
if (schemaFile) {
  const normalized = (schema) => printSchema(lexicographicSortSchema(schema));
  const servedText = normalized(served);
  const fileText = normalized(buildSchema(readFileSync(schemaFile, 'utf8')));
  if (servedText !== fileText) {
    const servedLines = servedText.split('\n');
    const fileLines = fileText.split('\n');
    const at = servedLines.findIndex((line, i) => line !== fileLines[i]);
    console.error(`Introspection and ${schemaFile} differ from line ${at + 1} of the normalized SDL:\n` +
      `  served: ${servedLines[at]}\n  file:   ${fileLines[at]}`);
    process.exit(1);
  }
}
