import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  typeFromAST,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type SelectionSetNode,
} from 'graphql';
import { estimateCost, isPagedField, LIMITS, LIST_BOUNDS } from '../../src/app/limits';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const schema = buildSchema(readFileSync(path.join(ROOT, 'packages', 'graphql-schema', 'schema.graphql'), 'utf8'));

it('every list field is paged, the items of a page, or has a bound', () => {
  const unbounded: string[] = [];
  const fields = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      fields.add(key);
      if (isPagedField(field) || !isListType(getNullableType(field.type))) continue;
      if (field.name === 'items' && type.name.endsWith('Page')) continue;
      if (!(key in LIST_BOUNDS)) unbounded.push(key);
    }
  }
  expect(unbounded).toEqual([]);
  expect(Object.keys(LIST_BOUNDS).filter((k) => !fields.has(k))).toEqual([]);
});

/** A value of the variable's type; `limit` at its largest, as the dashboard could send. */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type, f.name)]));
  }
  const scalars: Record<string, unknown> = {
    Int: name === 'limit' ? LIMITS.maxPageSize : 1,
    Float: 1,
    Boolean: false,
    ID: '00000000-0000-4000-8000-000000000000',
  };
  return scalars[type.name] ?? 'x';
}

/**
 * The document as urql sends it: `__typename` added to every selection set below the operation's
 * root (its cache needs them), and each costs like any other field.
 */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node: SelectionSetNode, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
        return {
          ...node,
          selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
        };
      },
    },
  });
}

it('every operation of the dashboard is within the cost limit', () => {
  const features = path.join(ROOT, 'dashboard', 'src', 'features');
  const definitions = readdirSync(features).flatMap((dir) =>
    readdirSync(path.join(features, dir))
      .filter((f) => f.endsWith('.graphql.ts'))
      .flatMap((file) =>
        [...readFileSync(path.join(features, dir, file), 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].flatMap(
          ([, text]) => parse(text).definitions,
        ),
      ),
  );
  // Every operation is estimated with all the fragments (codegen adds the ones it spreads), so a
  // selection moved into a fragment still counts.
  const fragments = definitions.filter((d) => d.kind === 'FragmentDefinition');
  const costs: Record<string, number> = {};
  const bare: Record<string, number> = {};
  for (const op of definitions) {
    if (op.kind !== 'OperationDefinition') continue;
    const document = { kind: Kind.DOCUMENT, definitions: [op, ...fragments] } as const;
    const variables = Object.fromEntries(
      (op.variableDefinitions ?? []).map((d) => [
        d.variable.name.value,
        sample(typeFromAST(schema, d.type as never) as GraphQLInputType, d.variable.name.value),
      ]),
    );
    costs[op.name!.value] = estimateCost(schema, withTypenames(document), variables, op.name!.value);
    bare[op.name!.value] = estimateCost(schema, document, variables, op.name!.value);
  }
  expect(Object.keys(costs).length).toBeGreaterThan(50);
  // The typenames count (the server estimates what urql sends, not what the source file says).
  expect(Object.keys(costs).filter((name) => costs[name] > bare[name]).length).toBeGreaterThan(50);
  expect(Object.entries(costs).filter(([, cost]) => cost > LIMITS.maxCost)).toEqual([]);
});
