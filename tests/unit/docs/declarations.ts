/**
 * Every name the code declares (functions, methods, classes, types, interfaces, constants and
 * the properties of object types), read with the TypeScript parser. The docs test checks the
 * names and signatures that docs/ARCHITECTURE.md mentions against this.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type Parameter = { name: string; optional: boolean };
export type Declaration = {
  file: string;
  /** Present for anything callable: a function, a method, an arrow function held by a name. */
  parameters?: Parameter[];
  /** Property names, for classes, interfaces, object types and `z.object({...})` schemas. */
  members?: Set<string>;
};
export type Declarations = Map<string, Declaration[]>;

// Production code only: a name that survives only in a test is drift too.
const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'bench', 'tools'];
const SOURCE_FILE = /\.(ts|tsx)$/;

export function collectDeclarations(root: string): Declarations {
  const declarations: Declarations = new Map();
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const relative = path.relative(root, file);
    visit(source, (name, declaration) => {
      const list = declarations.get(name) ?? [];
      list.push({ file: relative, ...declaration });
      declarations.set(name, list);
    });
  }
  return declarations;
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // a folder the project does not have (yet) holds no declarations
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return SOURCE_FILE.test(entry.name) ? [full] : [];
  });
}

type Found = (name: string, declaration: Omit<Declaration, 'file'>) => void;

function visit(node: ts.Node, found: Found): void {
  const name = declaredName(node);
  if (name !== null) found(name, describe(node));
  ts.forEachChild(node, (child) => visit(child, found));
}

function declaredName(node: ts.Node): string | null {
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertySignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isParameter(node) ||
    // A name imported from a library (Dexie's `liveQuery`) is one the code really uses.
    ts.isImportSpecifier(node)
  ) {
    const nameNode = node.name;
    if (nameNode !== undefined && (ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode))) return nameNode.text;
  }
  return null;
}

function describe(node: ts.Node): Omit<Declaration, 'file'> {
  const callable = callableOf(node);
  const members = membersOf(node);
  return {
    ...(callable ? { parameters: callable.parameters.map(parameterOf) } : {}),
    ...(members ? { members } : {}),
  };
}

function callableOf(node: ts.Node): ts.SignatureDeclaration | null {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) return node;
  const initializer =
    ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node) ? node.initializer : undefined;
  if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return initializer;
  if (ts.isPropertySignature(node) && node.type && ts.isFunctionTypeNode(node.type)) return node.type;
  return null;
}

function parameterOf(parameter: ts.ParameterDeclaration): Parameter {
  const name = ts.isIdentifier(parameter.name) ? parameter.name.text : parameter.name.getText();
  return { name, optional: parameter.questionToken !== undefined || parameter.initializer !== undefined };
}

function membersOf(node: ts.Node): Set<string> | null {
  if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) return namesOf(node.members);
  if (ts.isTypeAliasDeclaration(node)) return typeMembers(node.type);
  if (ts.isVariableDeclaration(node) && node.initializer) return schemaMembers(node.initializer);
  return null;
}

function typeMembers(type: ts.TypeNode): Set<string> | null {
  if (ts.isTypeLiteralNode(type)) return namesOf(type.members);
  if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) {
    const all = type.types.map(typeMembers).filter((set): set is Set<string> => set !== null);
    return all.length === 0 ? null : new Set(all.flatMap((set) => [...set]));
  }
  return null;
}

/** The keys of a `z.object({...})` (also through `.extend({...})`, `.strict()` and the like). */
function schemaMembers(expression: ts.Expression): Set<string> | null {
  const names = new Set<string>();
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      for (const argument of node.arguments) {
        if (ts.isObjectLiteralExpression(argument)) for (const name of namesOf(argument.properties)) names.add(name);
      }
    }
    ts.forEachChild(node, walk);
  };
  walk(expression);
  return names.size === 0 ? null : names;
}

function namesOf(members: ts.NodeArray<ts.Node>): Set<string> {
  const names = new Set<string>();
  for (const member of members) {
    const name = declaredName(member);
    if (name !== null) names.add(name);
  }
  return names;
}
