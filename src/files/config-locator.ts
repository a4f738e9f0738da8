/**
 * Finds where a config element is written. The config is TypeScript spread over several files
 * (routing/index.ts composes routing/reps.ts, routing/pools.ts...), so the locator follows the
 * syntax: from the entry file's default export through object and array literals, shorthand
 * properties, spreads, `defineRouting(...)` and imported constants. Where that trail stops (a
 * value computed by code), it looks for the element's `id: "..."` (or `email: "..."`) instead.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type * as TS from "typescript";
import { valueAt, type PathSegment } from "../config/validate";

/** A place in a source file (absolute path; 1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

interface Place {
  node: TS.Node;
  sf: TS.SourceFile;
}

interface Step {
  /** What to point at: a property name, an element's id property, an array element. */
  anchor: Place;
  /** Where the value is written, to go on from. */
  value: Place;
}

// TypeScript's parser is a large module: it is loaded on first use, so that only a config with
// findings to locate pays for it (most `routeops validate` runs have none).
let typescript: typeof TS | undefined;
const ts = new Proxy({} as typeof TS, {
  get: (_, key) => (typescript ??= createRequire(__filename)("typescript") as typeof TS)[key as keyof typeof TS],
});

const MAX_HOPS = 32;
const extensions = ["", ".ts", ".tsx", ".mts", ".cts", ".js", ".cjs", ".mjs", "/index.ts", "/index.js"];

/** Locates config paths in the files a config was loaded from. */
export class ConfigLocator {
  private readonly files = new Map<string, TS.SourceFile>();

  constructor(
    private readonly entryFile: string,
    sourceFiles: ReadonlyMap<string, string>,
    /** The loaded config value, to tell apart elements that share an id. */
    private readonly root: unknown,
  ) {
    for (const [file, text] of sourceFiles) {
      const kind = /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
      this.files.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind));
    }
  }

  /** Where the element at `segments` is written; undefined when not even the entry file is known. */
  locate(segments: readonly PathSegment[]): SourcePosition | undefined {
    const entry = this.files.get(this.entryFile);
    if (!entry) return undefined;
    const start = this.entryExpression(entry);
    if (!start) return position({ node: entry, sf: entry }, true);
    let anchor: Place = start;
    let cursor: Place | undefined = start;
    let index = 0;
    while (index < segments.length) {
      const step: Step | undefined = cursor && this.step(cursor, segments[index]!);
      if (step) {
        anchor = step.anchor;
        cursor = step.value;
        index++;
        continue;
      }
      // The trail stopped: jump to the deepest element further down the path that has an id.
      const jump = this.deepestById(segments, index);
      if (!jump) break;
      anchor = jump.anchor;
      cursor = jump.value;
      index = jump.next;
    }
    return position(anchor);
  }

  private entryExpression(sf: TS.SourceFile): Place | undefined {
    for (const statement of sf.statements) {
      if (ts.isExportAssignment(statement)) return { node: statement.expression, sf };
    }
    for (const statement of sf.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.name.text === "routing" && declaration.initializer) {
            return { node: declaration.initializer, sf };
          }
        }
      }
      // CommonJS: `exports.routing = ...`, `module.exports.default = ...`.
      if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
        const { left, operatorToken, right } = statement.expression;
        if (
          operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          /^(module\.)?exports\.(default|routing)$/.test(left.getText(sf))
        ) {
          return { node: right, sf };
        }
      }
    }
    return undefined;
  }

  private step(from: Place, segment: PathSegment): Step | undefined {
    const target = this.resolve(from);
    if (!target) return undefined;
    if (typeof segment === "string") {
      if (!ts.isObjectLiteralExpression(target.node)) return undefined;
      return this.property(target.node, target.sf, segment, 0);
    }
    if (!ts.isArrayLiteralExpression(target.node)) return undefined;
    const items = this.elements(target.node, target.sf, 0);
    const item = items?.[typeof segment === "number" ? segment : segment.index];
    if (!item) return undefined;
    return { anchor: this.identityAnchor(item) ?? item, value: item };
  }

  /** Follows wrappers and names to the expression that holds the value. */
  private resolve(place: Place, hops = 0): Place | undefined {
    if (hops > MAX_HOPS) return undefined;
    const { node, sf } = place;
    if (
      ts.isParenthesizedExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isTypeAssertionExpression(node) ||
      ts.isNonNullExpression(node)
    ) {
      return this.resolve({ node: node.expression, sf }, hops + 1);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length === 1) {
      // An identity wrapper such as defineRouting({...}).
      return this.resolve({ node: node.arguments[0]!, sf }, hops + 1);
    }
    if (ts.isIdentifier(node)) {
      const declared = this.declaration(node.text, sf, hops);
      return declared && this.resolve(declared, hops + 1);
    }
    if (ts.isShorthandPropertyAssignment(node)) return this.resolve({ node: node.name, sf }, hops + 1);
    return place;
  }

  /** The initializer of a top-level `const name = ...` in `sf`, or of what `name` is imported as. */
  private declaration(name: string, sf: TS.SourceFile, hops: number): Place | undefined {
    for (const statement of sf.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
            return { node: declaration.initializer, sf };
          }
        }
      }
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const clause = statement.importClause;
        if (!clause || clause.isTypeOnly) continue;
        const target = this.moduleFile(sf, statement.moduleSpecifier.text);
        if (!target) continue;
        if (clause.name?.text === name) return this.entryExpression(target);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          const binding = bindings.elements.find((e) => e.name.text === name);
          if (binding) return this.exported((binding.propertyName ?? binding.name).text, target, hops + 1);
        }
      }
    }
    return undefined;
  }

  private exported(name: string, sf: TS.SourceFile, hops: number): Place | undefined {
    if (hops > MAX_HOPS) return undefined;
    for (const statement of sf.statements) {
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        const specifier = statement.exportClause.elements.find((e) => e.name.text === name);
        if (!specifier) continue;
        const local = (specifier.propertyName ?? specifier.name).text;
        if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
          const target = this.moduleFile(sf, statement.moduleSpecifier.text);
          return target && this.exported(local, target, hops + 1);
        }
        return this.declaration(local, sf, hops + 1);
      }
    }
    return this.declaration(name, sf, hops + 1);
  }

  private moduleFile(from: TS.SourceFile, specifier: string): TS.SourceFile | undefined {
    if (!specifier.startsWith(".")) return undefined;
    const base = path.resolve(path.dirname(from.fileName), specifier);
    for (const extension of extensions) {
      const file = this.files.get(base + extension) ?? this.files.get(base.replace(/\.js$/, ".ts") + extension);
      if (file) return file;
    }
    return undefined;
  }

  private property(object: TS.ObjectLiteralExpression, sf: TS.SourceFile, key: string, hops: number): Step | undefined {
    if (hops > MAX_HOPS) return undefined;
    // Later properties win in JavaScript, so the last one that names the key is the one in effect.
    for (const property of [...object.properties].reverse()) {
      if (ts.isPropertyAssignment(property) && propertyName(property.name) === key) {
        return { anchor: { node: property.name, sf }, value: { node: property.initializer, sf } };
      }
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) {
        return { anchor: { node: property.name, sf }, value: { node: property.name, sf } };
      }
      if (ts.isSpreadAssignment(property)) {
        const spread = this.resolve({ node: property.expression, sf }, hops + 1);
        if (spread && ts.isObjectLiteralExpression(spread.node)) {
          const found = this.property(spread.node, spread.sf, key, hops + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  /** The array's elements with spreads of literal arrays expanded; undefined when a spread is computed. */
  private elements(array: TS.ArrayLiteralExpression, sf: TS.SourceFile, hops: number): Place[] | undefined {
    if (hops > MAX_HOPS) return undefined;
    const items: Place[] = [];
    for (const element of array.elements) {
      if (!ts.isSpreadElement(element)) {
        items.push({ node: element, sf });
        continue;
      }
      const spread = this.resolve({ node: element.expression, sf }, hops + 1);
      if (!spread || !ts.isArrayLiteralExpression(spread.node)) return undefined;
      const inner = this.elements(spread.node, spread.sf, hops + 1);
      if (!inner) return undefined;
      items.push(...inner);
    }
    return items;
  }

  /** The `id:` (or `email:`) property of an element written as an object literal. */
  private identityAnchor(item: Place): Place | undefined {
    const object = this.resolve(item);
    if (!object || !ts.isObjectLiteralExpression(object.node)) return undefined;
    const found = this.property(object.node, object.sf, "id", 0) ?? this.property(object.node, object.sf, "email", 0);
    return found?.anchor;
  }

  /**
   * Searches every file for the object literal of the deepest element at or after `from` that
   * has an id. Elements of different collections can share an id (a rule and an SLA policy both
   * called "inbound-standard"), so candidates are ranked by how well their properties fit.
   */
  private deepestById(segments: readonly PathSegment[], from: number): (Step & { next: number }) | undefined {
    for (let k = segments.length - 1; k >= from; k--) {
      const segment = segments[k]!;
      if (typeof segment !== "object") continue;
      const value = valueAt(this.root, segments.slice(0, k + 1));
      const collection = segments[k - 1];
      let best: { place: Place; anchor: Place; score: number } | undefined;
      for (const sf of this.files.values()) {
        visitObjects(sf, (object) => {
          const id = this.property(object, sf, "id", 0) ?? this.property(object, sf, "email", 0);
          if (!id || !ts.isPropertyAssignment(id.anchor.node.parent)) return;
          const literal = id.value.node;
          if (!ts.isStringLiteralLike(literal) || literal.text !== segment.id) return;
          const score = fitScore(object, value, typeof collection === "string" ? collection : undefined);
          if (!best || score > best.score) best = { place: { node: object, sf }, anchor: id.anchor, score };
        });
      }
      if (best) return { anchor: best.anchor, value: best.place, next: k + 1 };
    }
    return undefined;
  }
}

function propertyName(name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

function visitObjects(node: TS.Node, visit: (object: TS.ObjectLiteralExpression) => void): void {
  if (ts.isObjectLiteralExpression(node)) visit(node);
  node.forEachChild((child) => visitObjects(child, visit));
}

/** How well an object literal fits a config element: shared property names, and the collection it sits in. */
function fitScore(object: TS.ObjectLiteralExpression, value: unknown, collection: string | undefined): number {
  const written = new Set(object.properties.map((p) => (p.name ? propertyName(p.name) : undefined)));
  const expected = typeof value === "object" && value !== null ? Object.keys(value) : [];
  let score = 0;
  for (const key of expected) if (written.has(key)) score += 2;
  for (const key of written) if (key !== undefined && !expected.includes(key)) score -= 1;
  for (let node: TS.Node | undefined = object.parent; node && collection; node = node.parent) {
    const name =
      (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name)
        ? node.name.text
        : undefined;
    if (name === collection) {
      score += 1;
      break;
    }
  }
  return score;
}

function position(place: Place, wholeFile = false): SourcePosition {
  const offset = wholeFile ? 0 : place.node.getStart(place.sf);
  const { line, character } = place.sf.getLineAndCharacterOfPosition(offset);
  return { file: place.sf.fileName, line: line + 1, column: character + 1 };
}
