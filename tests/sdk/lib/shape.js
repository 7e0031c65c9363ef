'use strict';
// Reading and asserting response shapes the same way whichever client produced them: the 7.x SDKs' typed models
// (camelCase properties, declared by each model's static names()/types()) or pop-core's raw JSON (PascalCase keys).
// Paths are always written with the wire (PascalCase) names, e.g. list(body, 'EipAddresses', 'EipAddress').

const assert = require('node:assert/strict');

/** json-bigint (pop-core) turns integers of more than 15 digits into BigNumber objects. */
function isBigNumber(value) {
  return value !== null && typeof value === 'object' && value._isBigNumber === true;
}

function isModel(value) {
  return value !== null && typeof value === 'object' && typeof value.constructor?.names === 'function';
}

/** One step of a path: a wire field name on a typed model or raw object, or an index into an array. */
function pick(value, name) {
  if (value === null || value === undefined) return undefined;
  if (typeof name === 'number') return value[name];
  if (isModel(value)) {
    const names = value.constructor.names();
    const key = Object.keys(names).find((k) => names[k] === name);
    if (key === undefined) throw new Error(`The SDK model ${value.constructor.name} declares no field ${name} (a mistake in the test).`);
    return value[key];
  }
  return value[name];
}

function walk(value, path) {
  return path.reduce(pick, value);
}

function show(value) {
  if (value === undefined) return 'undefined (missing)';
  if (isBigNumber(value)) return `BigNumber ${value.toString()}`;
  if (Array.isArray(value)) return `array ${JSON.stringify(value).slice(0, 120)}`;
  return `${value === null ? 'null' : typeof value} ${JSON.stringify(value)?.slice(0, 120)}`;
}

function where(path) {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

/** The string at path; fails unless it is a JSON string (not a number or boolean the SDK would convert). */
function str(value, ...path) {
  const v = walk(value, path);
  assert.equal(typeof v, 'string', `${where(path)} must be a string, got ${show(v)}`);
  return v;
}

/** The number at path; fails unless it is a JSON number. */
function num(value, ...path) {
  const v = walk(value, path);
  if (isBigNumber(v)) return Number(v.toString());
  assert.equal(typeof v, 'number', `${where(path)} must be a number, got ${show(v)}`);
  return v;
}

/** The boolean at path; fails unless it is a JSON boolean. */
function bool(value, ...path) {
  const v = walk(value, path);
  assert.equal(typeof v, 'boolean', `${where(path)} must be a boolean, got ${show(v)}`);
  return v;
}

/** The object (model) at path. */
function obj(value, ...path) {
  const v = walk(value, path);
  assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v) && !isBigNumber(v), `${where(path)} must be an object, got ${show(v)}`);
  return v;
}

/** A twice-wrapped list (Outer.Inner[]): the wrapper must be an object and the list an array ([] when empty). */
function list(value, ...path) {
  assert.ok(path.length >= 2, 'list() needs the wrapper and the list name');
  obj(value, ...path.slice(0, -1));
  const v = walk(value, path);
  assert.ok(Array.isArray(v), `${where(path)} must be an array (an empty list is []), got ${show(v)}`);
  return v;
}

/** A list of strings (Outer.Inner[] of string). */
function strings(value, ...path) {
  const items = list(value, ...path);
  items.forEach((item, i) => assert.equal(typeof item, 'string', `${where(path)}[${i}] must be a string, got ${show(item)}`));
  return items;
}

/**
 * Checks raw JSON against an SDK model's declared types, strictly: a declared string must be a JSON string, a number a
 * JSON number, a boolean a JSON boolean, a list a JSON array, a nested model a JSON object; and every field the server
 * sends must be declared (an undeclared one is dropped by the SDK, so a client never sees it). Absent fields are allowed,
 * as the SDK allows them; the tests assert the ones callers need. Returns the problems found.
 */
const EIPNET_FIELDS = new Set(['EipnetHost']);

function conformance(raw, Model, at = '') {
  const problems = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return [`${at.replace(/\.$/, '') || Model.name}: the SDK declares an object (${Model.name}), the server sent ${show(raw)}`];
  }
  const names = Model.names();
  const types = Model.types();
  const declared = new Map(Object.keys(names).map((k) => [names[k], types[k]]));
  for (const key of Object.keys(raw)) {
    // Eipnet's own fields (docs/api.md, "Eipnet's fields") are named Eipnet*: where Alibaba's models have no field for
    // something Eipnet must show (the host an instance runs on), raw API and CLI users see it and SDKs ignore it.
    if (!declared.has(key) && !EIPNET_FIELDS.has(key)) problems.push(`${at}${key}: not declared by the SDK model ${Model.name}, so SDK users never see it`);
  }
  for (const [name, type] of declared) {
    const value = raw[name];
    if (value === undefined || value === null) continue;
    problems.push(...valueConformance(value, type, at + name));
  }
  return problems;
}

function valueConformance(value, type, at) {
  if (typeof type === 'string') {
    const ok = {
      string: () => typeof value === 'string',
      number: () => typeof value === 'number' || isBigNumber(value),
      boolean: () => typeof value === 'boolean',
    }[type];
    return !ok || ok() ? [] : [`${at}: the SDK declares ${type}, the server sent ${show(value)}`];
  }
  if (typeof type === 'function') return conformance(value, type, at + '.');
  if (type.type === 'array') {
    if (!Array.isArray(value)) return [`${at}: the SDK declares an array, the server sent ${show(value)}`];
    return value.flatMap((item, i) => valueConformance(item, type.itemType, `${at}[${i}]`));
  }
  if (type.type === 'map') {
    return value !== null && typeof value === 'object' ? [] : [`${at}: the SDK declares an object, the server sent ${show(value)}`];
  }
  return [];
}

module.exports = { pick, walk, str, num, bool, obj, list, strings, conformance, isBigNumber, show };
