/**
 * What schema.prisma says the PostgreSQL tables must look like, derived with Prisma's own naming and type
 * conventions. A small parser rather than Prisma's DMMF because the full DMMF needs @prisma/internals (not installed)
 * and the generated client carries only a reduced data model (no native types, nullability or indexes).
 * It covers the schema language Levante uses and throws on anything it does not understand, so a new construct
 * makes the check fail loudly instead of passing silently.
 */

export interface ExpectedColumn {
  name: string;
  /** As PostgreSQL's format_type() prints it, e.g. "timestamp(3) without time zone". */
  type: string;
  nullable: boolean;
  /** As pg_get_expr() prints the column default; null when the database has none. */
  default: string | null;
}

export interface ExpectedIndex {
  name: string;
  columns: string[];
  unique: boolean;
}

export interface ExpectedForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface ExpectedTable {
  model: string;
  name: string;
  columns: ExpectedColumn[];
  primaryKey: ExpectedIndex;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
}

interface Attribute {
  name: string;
  args: string | null;
}

interface ParsedField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: Attribute[];
}

interface ParsedModel {
  name: string;
  fields: ParsedField[];
  attributes: Attribute[];
}

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes']);

/** Parses schema.prisma text into the tables, columns, keys, indexes and foreign keys it implies. */
export function expectedTables(schema: string): ExpectedTable[] {
  const models = parseModels(schema);
  const byName = new Map(models.map((model) => [model.name, model]));
  return models.map((model) => toTable(model, byName));
}

function parseModels(schema: string): ParsedModel[] {
  const models: ParsedModel[] = [];
  let current: ParsedModel | null = null;
  for (const rawLine of schema.split('\n')) {
    const line = stripComment(rawLine).trim();
    if (line === '') continue;
    const opening = /^(model|enum|view|type)\s+(\w+)\s*\{$/.exec(line);
    if (opening) {
      if (opening[1] !== 'model') throw new Error(`schema-model: "${opening[1]} ${opening[2]}" is not supported yet`);
      current = { name: opening[2]!, fields: [], attributes: [] };
      continue;
    }
    if (current === null) continue; // generator and datasource blocks
    if (line === '}') {
      models.push(current);
      current = null;
    } else if (line.startsWith('@@')) {
      current.attributes.push(...parseAttributes(line.slice(1)));
    } else {
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!field) throw new Error(`schema-model: cannot parse line "${line}" in model ${current.name}`);
      current.fields.push({
        name: field[1]!,
        type: field[2]!,
        list: field[3] !== undefined,
        optional: field[4] !== undefined,
        attributes: parseAttributes(field[5]!),
      });
    }
  }
  return models;
}

/** Removes a `//` comment unless it sits inside a string literal. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && inString) i++;
    else if (char === '"') inString = !inString;
    else if (!inString && char === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

/** Splits `@id @default(uuid()) @db.Char(11)` into attributes with their raw argument text. */
function parseAttributes(text: string): Attribute[] {
  const attributes: Attribute[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '@') {
      if (!/\s/.test(text[i]!)) throw new Error(`schema-model: unexpected "${text.slice(i)}"`);
      i++;
      continue;
    }
    const name = /^@+([\w.]+)/.exec(text.slice(i))!;
    i += name[0].length;
    let args: string | null = null;
    if (text[i] === '(') {
      const end = closingParen(text, i);
      args = text.slice(i + 1, end);
      i = end + 1;
    }
    attributes.push({ name: name[1]!, args });
  }
  return attributes;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  throw new Error(`schema-model: unbalanced parentheses in "${text}"`);
}

function attribute(attributes: Attribute[], name: string): Attribute | undefined {
  return attributes.find((candidate) => candidate.name === name);
}

/** The value of a named argument (`map: "x"`, `onDelete: Cascade`), or of the first positional one. */
function argument(args: string | null, name: string | null): string | undefined {
  if (args === null) return undefined;
  if (name === null) {
    const positional = /^\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,:]+?)\s*(?:,|$)/.exec(args);
    return positional && !/^\s*\w+\s*:/.test(args) ? positional[1] : undefined;
  }
  const named = new RegExp(`\\b${name}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\[[^\\]]*\\]|\\w+)`).exec(args);
  return named?.[1];
}

function unquote(value: string): string {
  return JSON.parse(value) as string;
}

function fieldList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((item) => item.replace(/\(.*\)/, '').trim())
    .filter((item) => item !== '');
}

function tableName(model: ParsedModel): string {
  const map = argument(attribute(model.attributes, 'map')?.args ?? null, null);
  return map === undefined ? model.name : unquote(map);
}

function columnName(field: ParsedField): string {
  const map = argument(attribute(field.attributes, 'map')?.args ?? null, null);
  return map === undefined ? field.name : unquote(map);
}

function toTable(model: ParsedModel, models: Map<string, ParsedModel>): ExpectedTable {
  const table = tableName(model);
  const scalars = model.fields.filter((field) => !models.has(field.type));
  const column = (fieldName: string): string => {
    const field = scalars.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`schema-model: ${model.name} has no scalar field ${fieldName}`);
    return columnName(field);
  };
  const named = (args: string | null, fallback: string): string => {
    const map = argument(args, 'map');
    return map === undefined ? fallback : unquote(map);
  };

  const columns = scalars.map((field) => toColumn(model, field, table));
  const idField = scalars.find((field) => attribute(field.attributes, 'id'));
  const compoundId = attribute(model.attributes, 'id');
  const pkColumns = idField ? [columnName(idField)] : fieldList(argument(compoundId?.args ?? null, null)).map(column);
  if (pkColumns.length === 0) throw new Error(`schema-model: ${model.name} has no primary key`);
  const pkArgs = idField ? attribute(idField.attributes, 'id')!.args : compoundId!.args;
  const primaryKey = { name: named(pkArgs, `${table}_pkey`), columns: pkColumns, unique: true };

  const indexes: ExpectedIndex[] = [];
  for (const field of scalars) {
    const unique = attribute(field.attributes, 'unique');
    if (unique) indexes.push({ name: named(unique.args, `${table}_${columnName(field)}_key`), columns: [columnName(field)], unique: true });
  }
  for (const attr of model.attributes.filter((candidate) => candidate.name === 'unique' || candidate.name === 'index')) {
    const cols = fieldList(argument(attr.args, 'fields') ?? argument(attr.args, null)).map(column);
    const unique = attr.name === 'unique';
    indexes.push({ name: named(attr.args, `${table}_${cols.join('_')}_${unique ? 'key' : 'idx'}`), columns: cols, unique });
  }

  const foreignKeys: ExpectedForeignKey[] = [];
  for (const field of model.fields.filter((candidate) => models.has(candidate.type))) {
    const relation = attribute(field.attributes, 'relation');
    const fields = fieldList(argument(relation?.args ?? null, 'fields'));
    if (fields.length === 0) continue; // the other side of the relation holds the key
    const target = models.get(field.type)!;
    const targetScalars = target.fields.filter((candidate) => !models.has(candidate.type));
    const references = fieldList(argument(relation!.args, 'references')).map((name) => {
      const referenced = targetScalars.find((candidate) => candidate.name === name);
      if (!referenced) throw new Error(`schema-model: ${target.name} has no field ${name}`);
      return columnName(referenced);
    });
    const cols = fields.map(column);
    foreignKeys.push({
      name: named(relation!.args, `${table}_${cols.join('_')}_fkey`),
      columns: cols,
      referencedTable: tableName(target),
      referencedColumns: references,
      // Prisma's defaults: a required relation restricts deletes, an optional one sets null; updates cascade.
      onDelete: argument(relation!.args, 'onDelete') ?? (field.optional ? 'SetNull' : 'Restrict'),
      onUpdate: argument(relation!.args, 'onUpdate') ?? 'Cascade',
    });
  }
  return { model: model.name, name: table, columns, primaryKey, indexes, foreignKeys };
}

function toColumn(model: ParsedModel, field: ParsedField, table: string): ExpectedColumn {
  if (!SCALARS.has(field.type)) throw new Error(`schema-model: type ${field.type} of ${model.name}.${field.name} is not supported`);
  const native = field.attributes.find((candidate) => candidate.name.startsWith('db.'));
  const base = pgType(field.type, native, `${model.name}.${field.name}`);
  const type = field.list ? `${base}[]` : base;
  return {
    name: columnName(field),
    type,
    nullable: field.optional,
    default: pgDefault(attribute(field.attributes, 'default')?.args ?? null, base, `${table}.${columnName(field)}`),
  };
}

/** Prisma's PostgreSQL type for a scalar and optional native type attribute, as format_type() prints it. */
function pgType(scalar: string, native: Attribute | undefined, where: string): string {
  const nativeName = native?.name.slice(3);
  const args = native?.args ?? '';
  if (nativeName === undefined) {
    const defaults: Record<string, string> = {
      String: 'text', Int: 'integer', BigInt: 'bigint', Float: 'double precision', Decimal: 'numeric(65,30)',
      Boolean: 'boolean', DateTime: 'timestamp(3) without time zone', Json: 'jsonb', Bytes: 'bytea',
    };
    return defaults[scalar]!;
  }
  const precision = args.trim() === '' ? '' : `(${args.replace(/\s/g, '')})`;
  const natives: Record<string, string> = {
    Text: 'text', Char: `character${precision}`, VarChar: `character varying${precision}`, Uuid: 'uuid',
    Integer: 'integer', SmallInt: 'smallint', BigInt: 'bigint', DoublePrecision: 'double precision', Real: 'real',
    Decimal: `numeric${precision}`, Boolean: 'boolean', Date: 'date', Json: 'json', JsonB: 'jsonb', ByteA: 'bytea',
    Timestamp: `timestamp${precision || '(3)'} without time zone`, Timestamptz: `timestamp${precision || '(3)'} with time zone`,
    Time: `time${precision || '(3)'} without time zone`, Timetz: `time${precision || '(3)'} with time zone`,
  };
  const type = natives[nativeName];
  if (type === undefined) throw new Error(`schema-model: native type @db.${nativeName} of ${where} is not supported`);
  return type;
}

/** The database default Prisma creates for `@default(...)`; null for defaults Prisma Client fills in itself. */
function pgDefault(args: string | null, type: string, where: string): string | null {
  if (args === null) return null;
  const value = args.trim();
  if (/^(uuid|cuid|nanoid|ulid)\(.*\)$/.test(value)) return null;
  if (value === 'now()') return 'CURRENT_TIMESTAMP';
  if (value === 'autoincrement()') return 'autoincrement()';
  if (value === 'true' || value === 'false' || /^-?\d+(\.\d+)?$/.test(value)) return value;
  const generated = /^dbgenerated\((".*")\)$/.exec(value);
  if (generated) return unquote(generated[1]!);
  if (value.startsWith('"')) {
    const casts: Record<string, string> = { text: 'text', jsonb: 'jsonb', json: 'json', uuid: 'uuid' };
    const cast = casts[type] ?? (type.startsWith('character varying') ? 'character varying' : type.startsWith('character') ? 'bpchar' : undefined);
    if (cast === undefined) throw new Error(`schema-model: string default on ${where} (${type}) is not supported`);
    return `'${unquote(value).replace(/'/g, "''")}'::${cast}`;
  }
  throw new Error(`schema-model: default ${value} on ${where} is not supported`);
}
