/**
 * Checks a JSON value against a swagger 2.0 schema as the Azure SDKs read it: types, required properties, enums
 * (not those with `x-ms-enum.modelAsString`, which accept any string), date-time/uuid/duration formats, arrays,
 * `allOf`, and polymorphism (the discriminator's value picks the subtype; an unknown value is a problem).
 * Properties the swagger does not declare are problems too. Written by hand: ajv and the like do not do swagger's
 * `discriminator` + `x-ms-discriminator-value`.
 */
import { discriminatorValue, type Located, type Schema, type SpecSet } from './specs';

export type ProblemKind = 'type' | 'required' | 'enum' | 'format' | 'undeclared' | 'discriminator' | 'null';

export interface Problem {
  kind: ProblemKind;
  /** Where in the body, array indices written `[]` so one waiver covers every element: `value[].properties.x`. */
  at: string;
  message: string;
}

/** The properties, required names, discriminator and additionalProperties of a schema with its `allOf` parents merged. */
interface Flat {
  properties: Map<string, Located>;
  required: Set<string>;
  discriminator?: string;
  additionalProperties?: Located | boolean;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DURATION =
  /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?!$)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

export class SchemaChecker {
  constructor(private readonly specs: SpecSet) {}

  check(value: unknown, schema: Located, at = ''): Problem[] {
    const problems: Problem[] = [];
    this.visit(value, schema, at, problems);
    return problems;
  }

  private visit(value: unknown, loc: Located, at: string, problems: Problem[]): void {
    const target = this.specs.deref(loc);
    const s = target.schema;
    const type = schemaType(s);
    if (value === null) {
      if (s['x-nullable'] !== true && type !== undefined)
        problems.push({ kind: 'null', at, message: `null where the swagger expects ${type}` });
      return;
    }
    switch (type) {
      case 'string':
        this.visitString(value, s, at, problems);
        return;
      case 'integer':
        if (!Number.isInteger(value))
          problems.push({ kind: 'type', at, message: `expected an integer, got ${describe(value)}` });
        else checkEnum(value as number, s, at, problems);
        return;
      case 'number':
        if (typeof value !== 'number')
          problems.push({ kind: 'type', at, message: `expected a number, got ${describe(value)}` });
        return;
      case 'boolean':
        if (typeof value !== 'boolean')
          problems.push({ kind: 'type', at, message: `expected a boolean, got ${describe(value)}` });
        return;
      case 'array':
        if (!Array.isArray(value)) {
          problems.push({ kind: 'type', at, message: `expected an array, got ${describe(value)}` });
          return;
        }
        if (s.items)
          for (const item of value)
            this.visit(item, { schema: s.items as Schema, file: target.file }, `${at}[]`, problems);
        return;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) {
          problems.push({ kind: 'type', at, message: `expected an object, got ${describe(value)}` });
          return;
        }
        this.visitObject(value as Record<string, unknown>, target, at, problems);
        return;
      default:
        return; // no type: the swagger accepts anything here
    }
  }

  private visitString(value: unknown, s: Schema, at: string, problems: Problem[]): void {
    if (typeof value !== 'string') {
      problems.push({ kind: 'type', at, message: `expected a string, got ${describe(value)}` });
      return;
    }
    checkEnum(value, s, at, problems);
    const format = s.format;
    const bad =
      (format === 'date-time' && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) ||
      (format === 'uuid' && !UUID.test(value)) ||
      (format === 'duration' && !DURATION.test(value));
    if (bad) problems.push({ kind: 'format', at, message: `'${value}' is not a ${String(format)}` });
  }

  private visitObject(value: Record<string, unknown>, loc: Located, at: string, problems: Problem[]): void {
    let target = loc;
    let flat = this.flatten(loc);
    if (flat.discriminator) {
      const chosen = value[flat.discriminator];
      if (typeof chosen === 'string') {
        const subtype = this.subtype(loc, chosen);
        if (!subtype) {
          const known = [loc, ...this.specs.descendants(loc)].map(discriminatorValue).filter(Boolean).join(', ');
          problems.push({
            kind: 'discriminator',
            at: join(at, flat.discriminator),
            message: `unknown ${flat.discriminator} '${chosen}' (the swagger knows: ${known})`,
          });
          return;
        }
        target = subtype;
        flat = this.flatten(subtype);
      }
    }
    for (const name of flat.required) {
      if (!(name in value))
        problems.push({
          kind: 'required',
          at: join(at, name),
          message: `required property '${name}' is missing${target.name ? ` (${target.name})` : ''}`,
        });
    }
    // `{"type": "object"}` alone is a free-form object in swagger (AutoRest's AnyObject): any property goes.
    const freeForm = flat.properties.size === 0 && flat.additionalProperties === undefined && !target.schema.allOf;
    for (const [name, child] of Object.entries(value)) {
      if (freeForm) break;
      const declared = flat.properties.get(name);
      if (declared) this.visit(child, declared, join(at, name), problems);
      else if (typeof flat.additionalProperties === 'object')
        this.visit(child, flat.additionalProperties, join(at, name), problems);
      else if (flat.additionalProperties !== true) {
        problems.push({
          kind: 'undeclared',
          at: join(at, name),
          message: `property '${name}' is not declared${target.name ? ` in ${target.name}` : ''}`,
        });
      }
    }
  }

  /** The definition among `base` and its descendants whose discriminator value is `value`. */
  private subtype(base: Located, value: string): Located | undefined {
    if (base.name && discriminatorValue(base) === value) return base;
    return this.specs.descendants(base).find((d) => discriminatorValue(d) === value);
  }

  private flatten(loc: Located): Flat {
    const target = this.specs.deref(loc);
    const flat: Flat = { properties: new Map(), required: new Set() };
    for (const parent of (target.schema.allOf ?? []) as Schema[]) {
      const p = this.flatten({ schema: parent, file: target.file });
      for (const [k, v] of p.properties) flat.properties.set(k, v);
      for (const r of p.required) flat.required.add(r);
      flat.discriminator ??= p.discriminator;
      flat.additionalProperties ??= p.additionalProperties;
    }
    const s = target.schema;
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>))
      flat.properties.set(k, { schema: v, file: target.file });
    for (const r of (s.required ?? []) as string[]) flat.required.add(r);
    if (typeof s.discriminator === 'string') flat.discriminator = s.discriminator;
    if (typeof s.additionalProperties === 'boolean') flat.additionalProperties = s.additionalProperties;
    else if (s.additionalProperties)
      flat.additionalProperties = { schema: s.additionalProperties as Schema, file: target.file };
    return flat;
  }
}

function schemaType(s: Schema): string | undefined {
  if (typeof s.type === 'string') return s.type;
  if (s.properties || s.allOf || s.additionalProperties || s.discriminator) return 'object';
  return undefined;
}

function checkEnum(value: string | number, s: Schema, at: string, problems: Problem[]): void {
  if (!Array.isArray(s.enum)) return;
  const extension = s['x-ms-enum'] as { modelAsString?: boolean } | undefined;
  if (extension?.modelAsString === true) return;
  if (!s.enum.includes(value))
    problems.push({ kind: 'enum', at, message: `'${value}' is not one of ${s.enum.join(', ')}` });
}

function join(at: string, name: string): string {
  return at ? `${at}.${name}` : name;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
