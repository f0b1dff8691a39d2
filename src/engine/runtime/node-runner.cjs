'use strict';
// The Node.js event-function runtime. Plain CommonJS on purpose: this file runs inside the
// function's own process, started with plain `node` (no tsx, no loader), so that a cold start
// stays within the 150 ms budget. It talks to the engine over the fork IPC channel in JSON: the
// 'advanced' serialization cost a large share of the engine's time per request (npm run bench).
//
// Engine → runner: {t: 'invoke', id, event: string (UTF-8) | eventBase64: string, context: {requestId, ...}}
//                  {t: 'preStop'}: the instance is reclaimed: run the preStop hook, then exit
// Runner → engine: {t: 'log', id, text} (id null: printed outside an invocation)
//                  {t: 'phase', id, phase: 'initializer' | 'handler'}: the initializer starts or ended well
//                    (the engine times each against its own timeout)
//                  {t: 'result', id, ok: true, value}: a value JSON carries unchanged;
//                  {t: 'result', id, ok: true, v8}: any other, as v8.serialize (base64) keeps it, so
//                    Buffers stay Buffers; {t: 'result', id, ok: true, json}: not even that (functions...)
//                  {t: 'result', id, ok: false, code, errorType, message, stackTrace}
// One invocation at a time per instance, as FC runs event functions.
const path = require('node:path');
const fs = require('node:fs');
const util = require('node:util');
const v8 = require('node:v8');
const { pathToFileURL } = require('node:url');

const config = JSON.parse(process.argv[2]);
// The running invocation, or the last one: what it prints after answering still carries its
// request id (the engine drops it from the answered request's log rather than mislabel it).
let current = null;

function send(message) {
  if (process.connected) process.send(message);
}

function emitLog(level, requestId, id, args) {
  // util.format gives back a lone string unchanged ('%' signs too): the common console.log('...') skips it.
  const message = args.length === 1 && typeof args[0] === 'string' ? args[0] : util.format(...args);
  send({ t: 'log', id, text: `${new Date().toISOString()} ${requestId || '-'} [${level}] ${message}` });
}

const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG' };
for (const [method, level] of Object.entries(LEVELS)) {
  console[method] = (...args) => emitLog(level, current && current.requestId, current && current.id, args);
}

function importCode(modulePath) {
  if (!fs.existsSync(`${modulePath}.js`) && fs.existsSync(`${modulePath}.mjs`)) {
    return import(pathToFileURL(`${modulePath}.mjs`).href);
  }
  try {
    return require(modulePath);
  } catch (error) {
    if (error && (error.code === 'ERR_REQUIRE_ESM' || error.code === 'ERR_REQUIRE_ASYNC_MODULE')) {
      return import(pathToFileURL(require.resolve(modulePath)).href);
    }
    throw error;
  }
}

/** `what` names it in errors: 'Handler' or 'Initializer'. */
async function loadHandler(handler = config.handler, what = 'Handler') {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) {
    return {
      code: 'HandlerNotFound',
      error: new Error(`Invalid ${what.toLowerCase()} "${handler}": expected <file>.<function>`),
    };
  }
  const file = handler.slice(0, dot);
  const name = handler.slice(dot + 1);
  let mod;
  try {
    mod = await importCode(path.resolve(config.codeDir, file));
  } catch (error) {
    return { code: 'UnhandledInvocationError', error };
  }
  const fn = mod && mod[name];
  if (typeof fn !== 'function') {
    return { code: 'HandlerNotFound', error: new Error(`${what} "${name}" is not a function exported by ${file}`) };
  }
  return { fn };
}

// Loading the code at start-up takes it out of the first request's latency; its errors are
// reported to each request, and a failed load is tried again for the next one.
let loading = loadHandler();

function failure(id, code, error) {
  const isError = error instanceof Error;
  const stack = isError && typeof error.stack === 'string' ? error.stack.split('\n') : [];
  return {
    t: 'result',
    id,
    ok: false,
    code,
    errorType: isError ? error.name : typeof error,
    message: isError ? error.message : util.format(error),
    stackTrace: stack.slice(1).map((line) => line.trim()),
  };
}

function settle(invocation, outcome) {
  if (invocation.settled) return;
  invocation.settled = true;
  if (outcome.failed) {
    const error = outcome.error;
    emitLog('ERROR', invocation.requestId, invocation.id, [error instanceof Error ? error : util.inspect(error)]);
    send(failure(invocation.id, 'UnhandledInvocationError', error));
    return;
  }
  try {
    const value = outcome.value;
    if (isPlainJson(value, 0)) send({ t: 'result', id: invocation.id, ok: true, value });
    else send({ t: 'result', id: invocation.id, ok: true, v8: v8.serialize(value).toString('base64') });
  } catch {
    // Not structured-cloneable (functions, class instances...): what JSON keeps of it.
    let json;
    try {
      json = JSON.stringify(outcome.value);
    } catch (error) {
      send({
        t: 'result',
        id: invocation.id,
        ok: false,
        code: 'BadResponse',
        message: `The result cannot be serialized: ${error.message}`,
      });
      return;
    }
    send({ t: 'result', id: invocation.id, ok: true, json });
  }
}

/** True when a JSON round trip gives back the same value (undefined members aside, which both drop). */
function isPlainJson(value, depth) {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return true;
  if (type === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (type !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!isPlainJson(value[key], depth + 1)) return false;
  }
  return true;
}

// The same for every invocation; each context gets its own copy (a handler may change it).
const FUNCTION_INFO = {
  name: config.functionName,
  handler: config.handler,
  memory: config.memory,
  timeout: config.timeout,
};

/** FC's context: built per invocation without a spread or closure factories (bench: the runner's largest JS frame). */
function makeContext(invocation) {
  const { requestId, id } = invocation;
  return {
    requestId,
    credentials: {},
    function: { ...FUNCTION_INFO },
    region: config.region,
    accountId: config.accountId,
    retryCount: 0,
    logger: {
      log: (...args) => emitLog('INFO', requestId, id, args),
      info: (...args) => emitLog('INFO', requestId, id, args),
      warn: (...args) => emitLog('WARN', requestId, id, args),
      error: (...args) => emitLog('ERROR', requestId, id, args),
      debug: (...args) => emitLog('DEBUG', requestId, id, args),
    },
  };
}

/** The handler once loaded and initialized: a warm invocation calls it without waiting on a promise. */
let ready = null;

function invoke(message) {
  const invocation = { id: message.id, requestId: message.context.requestId, settled: false, settle: null };
  current = invocation;
  if (ready !== null) callHandler(invocation, ready, message);
  else void prepareAndCall(invocation, message);
}

async function prepareAndCall(invocation, message) {
  const loaded = await loading;
  if (!loaded.fn) {
    loading = loadHandler();
    current = null;
    emitLog('ERROR', invocation.requestId, invocation.id, [loaded.error]);
    send(failure(invocation.id, loaded.code, loaded.error));
    return;
  }
  if (!(await initialize(invocation))) return;
  ready = loaded.fn;
  callHandler(invocation, loaded.fn, message);
}

function callHandler(invocation, fn, message) {
  invocation.settle = (outcome) => settle(invocation, outcome);
  const callback = (error, value) =>
    invocation.settle(error !== undefined && error !== null ? { error, failed: true } : { value });
  try {
    const event = message.event !== undefined ? Buffer.from(message.event) : Buffer.from(message.eventBase64, 'base64');
    const returned = fn(event, makeContext(invocation), callback);
    // An async handler answers with its promise; a plain one must call the callback (as in FC).
    if (returned && typeof returned.then === 'function') {
      returned.then(
        (value) => invocation.settle({ value }),
        (error) => invocation.settle({ error, failed: true }),
      );
    }
  } catch (error) {
    invocation.settle({ error, failed: true });
  }
}

// FC runs the initializer once per instance before its first request; one that fails is run again
// with the next request (python-runner.py does the same).
let initialized = !config.initializer;

/** Runs the initializer when it has not succeeded yet; false when it failed (the invocation is answered). */
async function initialize(invocation) {
  if (initialized) return true;
  send({ t: 'phase', id: invocation.id, phase: 'initializer' });
  const loaded = await loadHandler(config.initializer, 'Initializer');
  const fail = (code, error) => {
    current = null;
    emitLog('ERROR', invocation.requestId, invocation.id, [error instanceof Error ? error : util.inspect(error)]);
    send(failure(invocation.id, code, error));
    return false;
  };
  if (!loaded.fn) return fail(loaded.code, loaded.error);
  try {
    await runHook(invocation, loaded.fn, makeContext(invocation));
  } catch (error) {
    return fail('UnhandledInvocationError', error);
  }
  initialized = true;
  send({ t: 'phase', id: invocation.id, phase: 'handler' });
  return true;
}

/** A hook `(context, callback)` or `async (context)`; one taking no callback that returns no promise is done. */
function runHook(invocation, fn, context) {
  return new Promise((resolve, reject) => {
    // What the hook throws later (uncaughtException) fails it too.
    invocation.settle = (outcome) => (outcome.failed ? reject(outcome.error) : resolve());
    const callback = (error) => (error !== undefined && error !== null ? reject(error) : resolve());
    try {
      const returned = fn(context, callback);
      if (returned && typeof returned.then === 'function') returned.then(() => resolve(), reject);
      else if (fn.length < 2) resolve();
    } catch (error) {
      reject(error);
    }
  });
}

/** FC's preStop hook: its logs belong to no request (FC shows them only in the function's logs). */
async function preStop() {
  const invocation = { id: null, requestId: require('node:crypto').randomUUID(), settled: false };
  current = invocation;
  const loaded = await loadHandler(config.preStop, 'PreStop hook');
  try {
    if (!loaded.fn) throw loaded.error;
    await runHook(invocation, loaded.fn, makeContext(invocation));
  } catch (error) {
    emitLog('ERROR', invocation.requestId, null, ['PreStop hook failed:', error]);
  }
  process.exit(0);
}

process.on('message', (message) => {
  if (message && message.t === 'invoke') invoke(message);
  else if (message && message.t === 'preStop') void preStop();
});

function uncaught(error) {
  if (current && current.settle && !current.settled) current.settle({ error, failed: true });
  else emitLog('ERROR', null, null, ['Uncaught', error]);
}
process.on('uncaughtException', uncaught);
process.on('unhandledRejection', uncaught);
// The engine went away: nobody can call this instance any more.
process.on('disconnect', () => process.exit(0));
