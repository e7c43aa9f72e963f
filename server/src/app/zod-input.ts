import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';

/**
 * One declaration per input: the zod schema the service parses with is also the GraphQL input
 * type. `inputType` builds the type-graphql class from the schema's fields, so a new field is
 * written once (the zod rule) and appears in the schema with the same nullability.
 *
 * Validation stays with `parseInput` in the service: type-graphql's `validateFn` only checks an
 * argument (it returns nothing, and the resolver receives the raw value), while the services need
 * zod's output (trimmed text, null for empty, lower-case ids, defaults) and are also called
 * without GraphQL (imports, seeds, tests).
 *
 * How a field's GraphQL type is found:
 * - `z.string()` → String, `z.boolean()` → Boolean, `z.number()` → Int with `.int()`, else Float;
 * - a schema marked `graphqlId` (the `rules.uuid` rule) → ID;
 * - `z.enum(LIST)` → the GraphQL enum registered for exactly those values (`enumOf` registers);
 * - an object schema → the input class built from it before (build nested inputs first);
 * - `z.array(x)` → `[x]`;
 * - optional, nullable or defaulted → nullable; a transform or refinement → its input side.
 * `overrides` names the type where it cannot be derived, and carries descriptions.
 */

/** Marks a schema as an ID in GraphQL (see `rules.uuid`). */
export const GRAPHQL_ID = { graphqlId: true } as const;

type TypeThunk = () => unknown;

export interface FieldOverride {
  /** The GraphQL type, for example `() => PartyRole` or `() => [SomeEnum]`. */
  type?: TypeThunk;
  description?: string;
  /** Forces nullability (the default follows the schema). */
  nullable?: boolean;
}

export interface InputTypeOptions<Shape> {
  description?: string;
  fields?: { [K in keyof Shape]?: FieldOverride };
}

const ENUMS = new Map<string, object>();
const INPUTS = new Map<z.ZodType, TypeThunk>();

const enumKey = (values: readonly (string | number)[]) => [...values].map(String).sort().join('|');

/** Lets `inputType` map `z.enum(values)` to this registered GraphQL enum (called by `enumOf`). */
export function registerZodEnum(values: readonly string[], graphqlEnum: object): void {
  const key = enumKey(values);
  // Two GraphQL enums over the same values: the field must say which (an override).
  ENUMS.set(key, ENUMS.has(key) && ENUMS.get(key) !== graphqlEnum ? AMBIGUOUS : graphqlEnum);
}
const AMBIGUOUS = {};

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (s: z.ZodType) => z.globalRegistry.get(s) as { description?: string; graphqlId?: boolean } | undefined;

interface Described {
  nullable: boolean;
  type: TypeThunk;
  description?: string;
}

function describe(schema: z.ZodType, where: string, typed = true): Described {
  let s = schema;
  let nullable = false;
  let id = false;
  let description: string | undefined;
  for (;;) {
    const meta = metaOf(s);
    if (meta?.graphqlId) id = true;
    if (meta?.description && description === undefined) description = meta.description;
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault') {
      nullable = true;
      s = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      s = def.in as z.ZodType;
    } else if (def.type === 'readonly') {
      s = def.innerType as z.ZodType;
    } else break;
  }
  return { nullable, type: typed ? typeOf(s, id, where) : () => undefined, description };
}

function typeOf(s: z.ZodType, id: boolean, where: string): TypeThunk {
  const def = defOf(s);
  switch (def.type) {
    case 'string':
      return id ? () => ID : () => String;
    case 'boolean':
      return () => Boolean;
    case 'number': {
      const checks = (def.checks ?? []) as { _zod: { def: { check: string; format?: string } } }[];
      const int = checks.some((c) => c._zod.def.check === 'number_format' && /int/.test(c._zod.def.format ?? ''));
      return int ? () => Int : () => Float;
    }
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string>);
      const found = ENUMS.get(enumKey(values));
      if (!found || found === AMBIGUOUS) throw new Error(`${where}: no single GraphQL enum for ${values.join(', ')}`);
      return () => found;
    }
    case 'array': {
      const inner = describe(def.element as z.ZodType, `${where}[]`);
      return () => [inner.type()];
    }
    case 'object': {
      const found = INPUTS.get(s);
      if (!found) throw new Error(`${where}: build the nested input type first (inputType)`);
      return found;
    }
    default:
      throw new Error(`${where}: no GraphQL type for zod ${def.type}; give one in the overrides`);
  }
}

/**
 * The GraphQL input type named `name` for an object schema. The class is the schema's input shape
 * (`z.input`): what the resolver receives and passes on to the service's `parseInput`.
 */
export function inputType<S extends z.ZodObject>(
  name: string,
  schema: S,
  options: InputTypeOptions<z.input<S>> = {},
): { new (): z.input<S> } {
  const cls = { [name]: class {} }[name] as { new (): z.input<S> };
  const overrides = (options.fields ?? {}) as Record<string, FieldOverride | undefined>;
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const o = overrides[key] ?? {};
    const derived = describe(field, `${name}.${key}`, !o.type);
    const type = o.type ?? derived.type;
    const description = o.description ?? derived.description;
    Field(type as () => StringConstructor, {
      nullable: o.nullable ?? derived.nullable,
      ...(description ? { description } : {}),
    })(cls.prototype as object, key);
  }
  InputType(name, options.description ? { description: options.description } : {})(cls);
  INPUTS.set(schema, () => cls);
  return cls;
}
