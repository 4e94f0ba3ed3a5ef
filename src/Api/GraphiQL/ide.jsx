// The GraphiQL IDE the API serves at GET /graphql to browsers. Everything it loads comes from this origin:
// the bundle, its stylesheet and Monaco's workers (built by build.mjs as separate files next to this one).
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { createCodeScanFetcher } from './fetcher.js';

// The folder this script was served from (/graphql/ide/), where its workers are too.
const assets = new URL('.', document.currentScript.src);

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(new URL(file, assets));
  },
};

const endpoint = new URL('/graphql', location.href);
const socket = new URL(endpoint);
socket.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';

// Answers anonymously (me is null until a token is written in the headers editor below).
const defaultQuery = `# CodeScan: queries and mutations go over HTTP, subscriptions over graphql-ws.
# To sign in (requestSignInCode, then signIn), put the accessToken after
# "Bearer " in the headers below.
{
  me {
    id
    phone
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={createCodeScanFetcher(endpoint.href, socket.href)}
    defaultQuery={defaultQuery}
    defaultHeaders={'{\n  "Authorization": "Bearer "\n}'}
    defaultEditorToolsVisibility="headers"
  />,
);
