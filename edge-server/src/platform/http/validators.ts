import type { FastifyInstance } from 'fastify';
import type { FastifySchemaCompiler } from 'fastify';
import { createRequire } from 'node:module';

// ajv and ajv-formats are CommonJS whose module.exports is the class / plugin itself.
const require = createRequire(import.meta.url);
interface AjvLike {
  compile(schema: object): unknown;
}
const Ajv = require('ajv') as new (options: Record<string, unknown>) => AjvLike;
const addFormats = require('ajv-formats') as (ajv: AjvLike) => AjvLike;

/**
 * Bodies are validated strictly: wrong types are errors, never coerced, and unknown keys are
 * refused where the schema says so. Querystrings and params arrive as strings, so those
 * are coerced to the schema's types.
 */
export function installValidators(app: FastifyInstance) {
  const strict = addFormats(new Ajv({ allErrors: false, coerceTypes: false, removeAdditional: false, useDefaults: true, strict: false }));
  const coercing = addFormats(new Ajv({ allErrors: false, coerceTypes: 'array', removeAdditional: false, useDefaults: true, strict: false }));
  const compiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
  app.setValidatorCompiler(compiler);
}
