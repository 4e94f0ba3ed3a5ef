// Drives the merchant console (/console) in the system's headless Chromium through puppeteer-core,
// one command at a time, for the C# integration tests (tests/Api.Tests/Console).
//
// Usage: CODESCAN_CHROMIUM=/usr/bin/chromium node drive.mjs
// stdin: one JSON command per line; stdout: one JSON answer per command, in order:
//   {"cmd":"open","url":"http://127.0.0.1:5000/console"}      launches the browser and opens the page
//   {"cmd":"type","selector":"#phone","text":"139..."}         clicks into a field, clears it, types
//   {"cmd":"click","selector":"#request-code"}
//   {"cmd":"select","selector":"#language","value":"zh-CN"}     picks an option, as a user would
//   {"cmd":"snapshot"}                                          what a user would see, and what was spoken
//   {"cmd":"dashboard"}                                         what the dashboard (/dashboard) shows instead
//   {"cmd":"follow","selector":"#dashboard-link"}               clicks a link and waits for the page it opens
//   {"cmd":"goto","url":"http://127.0.0.1:5000/dashboard"}     another page in the same tab (sessionStorage stays)
//   {"cmd":"close"}
// answers: {"ok":true,"result":…} or {"ok":false,"error":"…"}. stderr: diagnostics.
//
// Speech is observed, not faked: before any page script runs, speechSynthesis.speak is wrapped so each
// utterance's text and lang is recorded in window.__spoken, and then the browser's own speak is called.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import puppeteer from 'puppeteer-core';
import { DASHBOARD_SNAPSHOT } from './dashboard-snapshot.mjs';

const executablePath = process.env.CODESCAN_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  process.stderr.write(`Chromium was not found at ${executablePath}: install Debian's chromium package or set CODESCAN_CHROMIUM.\n`);
  process.exit(2);
}

const RECORD_SPEECH = () => {
  const spoken = [];
  Object.defineProperty(window, '__spoken', { value: spoken });
  if (!('speechSynthesis' in window)) {
    return;
  }

  const synthesis = window.speechSynthesis;
  const original = synthesis.speak.bind(synthesis);
  synthesis.speak = (utterance) => {
    spoken.push({ text: utterance.text, lang: utterance.lang });
    return original(utterance);
  };
};

const SNAPSHOT = () => {
  const visible = (id) => {
    const element = document.getElementById(id);
    return element !== null && !element.hidden && element.offsetParent !== null;
  };
  const error = document.getElementById('error');
  const connection = document.getElementById('connection');
  return {
    lang: document.documentElement.lang,
    screen: ['sign-in', 'merchant-picker', 'alerts-panel'].find(visible) ?? null,
    codeFormVisible: visible('code-form'),
    error: error.hidden ? null : { code: error.dataset.code ?? null, text: error.textContent },
    connection: { state: connection.dataset.state, text: connection.textContent },
    merchantName: document.getElementById('merchant-name').textContent,
    alertsRefused: visible('alerts-refused') ? document.getElementById('alerts-refused').textContent.replace(/\s+/g, ' ').trim() : null,
    alerts: [...document.querySelectorAll('#alerts > li')].map((item) => ({
      id: item.dataset.alertId,
      time: item.querySelector('time')?.textContent ?? null,
      text: item.querySelector('.spoken')?.textContent ?? null,
      lang: item.querySelector('.spoken')?.lang ?? null,
      amount: item.querySelector('.amount')?.textContent ?? null,
    })),
    spoken: [...window.__spoken],
    storage: {
      localStorageKeys: Object.keys(localStorage),
      sessionStorageKeys: Object.keys(sessionStorage),
    },
    url: location.href,
  };
};

let browser = null;
let page = null;
let userDataDir = null;
const pageErrors = [];
const consoleErrors = [];
const sockets = [];

async function open(url) {
  userDataDir = mkdtempSync(path.join(tmpdir(), 'codescan-console-'));
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      '--mute-audio',
    ],
  });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text());
    }
  });

  // What the browser's network stack did with WebSockets, as the DevTools protocol reports it.
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketCreated', ({ requestId, url: socketUrl }) => sockets.push({ requestId, url: socketUrl, state: 'created' }));
  cdp.on('Network.webSocketHandshakeResponseReceived', ({ requestId, response }) => {
    const socket = sockets.find((candidate) => candidate.requestId === requestId);
    if (socket) {
      socket.state = response.status === 101 ? 'open' : `refused ${response.status}`;
    }
  });
  cdp.on('Network.webSocketClosed', ({ requestId }) => {
    const socket = sockets.find((candidate) => candidate.requestId === requestId);
    if (socket) {
      socket.state = 'closed';
    }
  });

  await page.evaluateOnNewDocument(RECORD_SPEECH);
  const response = await page.goto(url, { waitUntil: 'load' });
  return {
    status: response.status(),
    headers: response.headers(),
  };
}

async function type(selector, text) {
  await page.waitForSelector(selector, { visible: true, timeout: 10000 });
  await page.click(selector, { clickCount: 3 });
  await page.$eval(selector, (element) => {
    element.value = '';
  });
  await page.type(selector, text);
  return null;
}

async function click(selector) {
  await page.waitForSelector(selector, { visible: true, timeout: 10000 });
  await page.click(selector);
  return null;
}

async function select(selector, value) {
  await page.waitForSelector(selector, { visible: true, timeout: 10000 });
  await page.select(selector, value);
  return null;
}

async function snapshot() {
  const seen = await page.evaluate(SNAPSHOT);
  return { ...seen, pageErrors: [...pageErrors], consoleErrors: [...consoleErrors], sockets: sockets.map((socket) => ({ ...socket })) };
}

async function dashboard() {
  const seen = await page.evaluate(DASHBOARD_SNAPSHOT);
  return { ...seen, pageErrors: [...pageErrors], consoleErrors: [...consoleErrors] };
}

async function follow(selector) {
  await page.waitForSelector(selector, { visible: true, timeout: 10000 });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  return { url: page.url() };
}

async function goto(url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  return { status: response.status(), headers: response.headers() };
}

async function close() {
  if (browser) {
    await browser.close();
    browser = null;
  }

  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
    userDataDir = null;
  }

  return null;
}

async function run(command) {
  switch (command.cmd) {
    case 'open':
      return open(command.url);
    case 'type':
      return type(command.selector, command.text);
    case 'click':
      return click(command.selector);
    case 'select':
      return select(command.selector, command.value);
    case 'snapshot':
      return snapshot();
    case 'dashboard':
      return dashboard();
    case 'follow':
      return follow(command.selector);
    case 'goto':
      return goto(command.url);
    case 'close':
      return close();
    default:
      throw new Error(`Unknown command ${command.cmd}.`);
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) {
    continue;
  }

  let answer;
  try {
    const command = JSON.parse(line);
    answer = { ok: true, result: (await run(command)) ?? null };
    if (command.cmd === 'close') {
      process.stdout.write(`${JSON.stringify(answer)}\n`);
      break;
    }
  } catch (error) {
    answer = { ok: false, error: String(error?.stack ?? error) };
  }

  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

await close();
process.exit(0);
