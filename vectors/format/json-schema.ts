// JSON Schema (draft 2020-12) exported from io-ts codecs (issue 5 §1: "io-ts codecs are the source of
// truth; a JSON Schema is exported from them"). No maintained library does this for io-ts 2, so this
// walks the codec kinds the vector format uses. Refinements carry no machine-readable predicate, so a
// refined codec is annotated with its schema fragment (`withSchema`) where it is defined.
import * as t from 'io-ts';
import { MpcspecError } from '../../core/errors.ts';

export type JsonSchema = { readonly [key: string]: unknown };

const annotations = new WeakMap<t.Mixed, JsonSchema>();

/** Attach the JSON Schema of a codec whose constraint io-ts cannot show (refinements, patterns). */
export function withSchema<C extends t.Mixed>(codec: C, schema: JsonSchema): C {
  annotations.set(codec, schema);
  return codec;
}

function objectSchema(props: t.Props, required: readonly string[], closed: boolean): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toJsonSchema(v)])),
    required: [...required],
    ...(closed ? { additionalProperties: false } : {}),
  };
}

/** Merge `t.type` and `t.partial` members of an intersection into one object schema. */
function intersectionSchema(types: readonly t.Mixed[], closed: boolean): JsonSchema {
  const props: Record<string, t.Mixed> = {};
  const required: string[] = [];
  for (const member of types) {
    const inner = member instanceof t.ExactType ? (member.type as t.Mixed) : member;
    if (inner instanceof t.InterfaceType) {
      Object.assign(props, inner.props);
      required.push(...Object.keys(inner.props as t.Props));
    } else if (inner instanceof t.PartialType) {
      Object.assign(props, inner.props);
    } else {
      throw new MpcspecError('internal', `json-schema: cannot merge ${member.name} into an object`);
    }
  }
  return objectSchema(props, required, closed);
}

export function toJsonSchema(codec: t.Mixed): JsonSchema {
  const annotated = annotations.get(codec);
  if (annotated !== undefined) return annotated;
  if (codec instanceof t.StringType) return { type: 'string' };
  if (codec instanceof t.NumberType) return { type: 'number' };
  if (codec instanceof t.BooleanType) return { type: 'boolean' };
  if (codec instanceof t.LiteralType) return { const: codec.value };
  if (codec instanceof t.KeyofType) return { enum: Object.keys(codec.keys as object) };
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType)
    return { type: 'array', items: toJsonSchema(codec.type as t.Mixed) };
  if (codec instanceof t.InterfaceType) return objectSchema(codec.props, Object.keys(codec.props), false);
  if (codec instanceof t.PartialType) return objectSchema(codec.props, [], false);
  if (codec instanceof t.ExactType) {
    const inner = codec.type as t.Mixed;
    if (inner instanceof t.InterfaceType) return objectSchema(inner.props, Object.keys(inner.props), true);
    if (inner instanceof t.IntersectionType) return intersectionSchema(inner.types, true);
    return toJsonSchema(inner);
  }
  if (codec instanceof t.IntersectionType) return intersectionSchema(codec.types, false);
  if (codec instanceof t.UnionType) return { anyOf: (codec.types as t.Mixed[]).map(toJsonSchema) };
  if (codec instanceof t.DictionaryType)
    return { type: 'object', additionalProperties: toJsonSchema(codec.codomain as t.Mixed) };
  if (codec instanceof t.ReadonlyType) return toJsonSchema(codec.type as t.Mixed);
  if (codec === (t.Int as t.Mixed)) return { type: 'integer' };
  if (codec instanceof t.UnknownType) return {};
  throw new MpcspecError(
    'internal',
    `json-schema: codec '${codec.name}' has no JSON Schema; annotate it with withSchema()`,
  );
}

/** A complete schema document for a top-level codec. */
export function schemaDocument(codec: t.Mixed, id: string, title: string, description: string): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    description,
    ...toJsonSchema(codec),
  };
}
