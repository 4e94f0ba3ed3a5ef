// Opens the GraphiQL IDE (GET /graphql, as a browser asks for it) in the system's headless Chromium and uses it as
// a person would, for tests/Api.Tests/Api/GraphiQLBrowserTests.cs: reads the prefilled headers, writes a token in
// them, runs a query and a subscription with the Run button, and opens the docs (the schema, by introspection).
//
// Usage: node ide.mjs <http://host:port/graphql> <access token> [chromium binary, default $CODESCAN_CHROMIUM or /usr/bin/chromium]
// stdout: one JSON object with what the page showed and what went over its WebSocket; stderr: diagnostics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [url, token, chromium] = process.argv.slice(2);
const executablePath = chromium || process.env.CODESCAN_CHROMIUM || '/usr/bin/chromium';
const QUERY_EDITOR = '.graphiql-query-editor .monaco-editor';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor';
const RESPONSE = '.graphiql-response .monaco-editor';

const userDataDir = mkdtempSync(path.join(tmpdir(), 'codescan-graphiql-'));
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});

try {
  process.stdout.write(`${JSON.stringify(await drive(await browser.newPage()))}\n`);
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

async function drive(page) {
  const seen = { consoleErrors: [], pageErrors: [], files: [], framesSent: [], framesReceived: [] };
  // Monaco only warns when it cannot start a worker (it falls back to the page's thread).
  page.on('console', (message) => ['error', 'warn'].includes(message.type()) && seen.consoleErrors.push(message.text()));
  page.on('response', (answer) => answer.url().startsWith('http') && seen.files.push(`${answer.status()} ${new URL(answer.url()).pathname}`));
  page.on('pageerror', (error) => seen.pageErrors.push(String(error?.message ?? error)));
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameSent', ({ response }) => seen.framesSent.push(JSON.parse(response.payloadData)));
  cdp.on('Network.webSocketFrameReceived', ({ response }) => seen.framesReceived.push(JSON.parse(response.payloadData)));

  // Whatever it got to, with the reason it stopped: the test shows both when it fails.
  const result = {};
  try {
    await use(page, result, seen);
  } catch (error) {
    result.error = String(error?.stack ?? error);
    result.screen = await page.evaluate(() => document.body.innerText).catch(() => null);
  }

  return { ...result, ...seen };
}

async function use(page, result, seen) {
  const response = await page.goto(url, { waitUntil: 'load' });
  Object.assign(result, { status: response.status(), headers: response.headers() });
  await page.waitForSelector(RESPONSE, { timeout: 30000 });
  await page.waitForSelector(HEADERS_EDITOR, { visible: true, timeout: 30000 });
  result.headersAtStart = await textOf(page, HEADERS_EDITOR);

  await replaceText(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${token}` }));
  await replaceText(page, QUERY_EDITOR, '{ me { phone } }');
  result.query = await run(page);

  await replaceText(page, QUERY_EDITOR, 'subscription { merchantReviewed { merchantId status } }');
  await page.click('.graphiql-execute-button');
  await waitFor(() => seen.framesReceived.some((frame) => frame.type === 'connection_ack'), 'the WebSocket connection_ack');

  await page.click('button[aria-label="Show Documentation Explorer"]');
  await page.waitForSelector('.graphiql-doc-explorer', { timeout: 10000 });
  result.docs = await page.$eval('.graphiql-doc-explorer', (element) => element.innerText);

  // Monaco starts its GraphQL worker when it gets to it, which on a busy machine can be after all of the above.
  await waitFor(() => seen.files.some((file) => file.endsWith('/graphql/ide/graphql.worker.js')), 'the GraphQL worker to load');
}

/**
 * Clicks into a Monaco editor (near its top left: its lines are as wide as the longest one, and their middle can be
 * over the next pane), selects everything and inserts the text as one input, as a paste does. Monaco may still
 * close a bracket or quote after it: whatever follows the text is deleted.
 */
async function replaceText(page, selector, text) {
  await page.click(selector, { offset: { x: 60, y: 8 } });
  await chord(page, 'KeyA');
  await page.keyboard.sendCharacter(text);
  await deleteToEnd(page);

  // Monaco draws a frame later, and may close a bracket after the text even then: delete what trails until it shows
  // the text alone.
  let shown = '';
  await waitFor(async () => {
    shown = (await textOf(page, selector)).trim();
    if (shown !== text && shown.startsWith(text)) {
      await deleteToEnd(page);
    }

    return shown === text;
  }, `the editor to show ${JSON.stringify(text)} alone`, 10000);
}

async function deleteToEnd(page) {
  await page.keyboard.down('Shift');
  await chord(page, 'End');
  await page.keyboard.up('Shift');
  await page.keyboard.press('Delete');
}

async function chord(page, key) {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

/** Runs the query editor's operation and returns the response pane's text once it shows one. */
async function run(page) {
  const before = await textOf(page, RESPONSE);
  await page.click('.graphiql-execute-button');
  let shown = before;
  await waitFor(async () => {
    shown = await textOf(page, RESPONSE);
    return shown !== before && /"(data|errors)"/.test(shown);
  }, 'a response in the response pane');
  return shown;
}

/** What a Monaco editor shows (its rendered lines; Monaco draws spaces as no-break spaces). */
function textOf(page, selector) {
  return page.$eval(`${selector} .view-lines`, (element) => element.innerText.replaceAll('\u00a0', ' '));
}

async function waitFor(condition, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`Waited in vain for ${what}.`);
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
