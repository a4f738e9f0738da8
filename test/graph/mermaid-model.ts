/**
 * A strict reader for the subset of Mermaid flowchart syntax that `routingGraph` writes: every
 * line must be a comment, the header, a node, an edge, a subgraph, `end`, a classDef or a class
 * assignment. Anything else, an unbalanced bracket or a stray quote fails the read.
 */

export interface MermaidNode {
  id: string;
  shape: string;
  /** Label text with `<br/>` turned into newlines and Mermaid entities decoded. */
  label: string;
}

export interface MermaidEdge {
  from: string;
  to: string;
  label?: string;
  dotted: boolean;
}

export interface MermaidModel {
  nodes: MermaidNode[];
  edges: MermaidEdge[];
  subgraphs: string[];
  /** Class name -> node ids. */
  classes: Map<string, string[]>;
  classDefs: string[];
}

const ID = "[A-Za-z_][A-Za-z0-9_]*";
// Inside a quoted label nothing of Mermaid's own syntax may appear raw.
const LABEL = '"((?:[^"|\\[\\]{}()<>`;#]|#(?:\\d+|[a-z]+);|<br/>)*)"';
const NODE = new RegExp(`^(${ID})(\\(\\[|\\[|\\{|\\()${LABEL}(\\]\\)|\\]|\\}|\\))$`);
const EDGE = new RegExp(`^(${ID}) (-->|-\\.->)(?:\\|${LABEL}\\|)? (${ID})$`);
const SUBGRAPH = new RegExp(`^subgraph (${ID})\\[${LABEL}\\]$`);
const CLOSERS: Record<string, string> = { "([": "])", "[": "]", "{": "}", "(": ")" };

/** Decodes the entity codes our escaping produces (`#quot;`, `#35;`...). */
export function decodeMermaidText(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">" };
  return text
    .split("<br/>")
    .join("\n")
    .replace(/#(\d+|[a-z]+);/g, (whole, code: string) =>
      /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (named[code] ?? whole),
    );
}

export function readMermaid(source: string): MermaidModel {
  const model: MermaidModel = { nodes: [], edges: [], subgraphs: [], classes: new Map(), classDefs: [] };
  const lines = source.split("\n");
  if (lines.at(-1) !== "") throw new Error("the graph must end with a newline");
  let sawHeader = false;
  let depth = 0;
  lines.slice(0, -1).forEach((raw, index) => {
    const line = raw.trim();
    const fail = (why: string): never => {
      throw new Error(`line ${index + 1}: ${why}: ${raw}`);
    };
    if (line.startsWith("%%")) return;
    if (line === "flowchart TD") {
      if (sawHeader) fail("second header");
      sawHeader = true;
      return;
    }
    if (!sawHeader) fail("statement before the flowchart header");
    let match: RegExpExecArray | null;
    if ((match = SUBGRAPH.exec(line))) {
      depth++;
      model.subgraphs.push(match[1] as string);
    } else if (line === "end") {
      if (--depth < 0) fail("end without subgraph");
    } else if ((match = NODE.exec(line))) {
      if (CLOSERS[match[2] as string] !== match[4]) fail("node brackets do not match");
      model.nodes.push({
        id: match[1] as string,
        shape: match[2] as string,
        label: decodeMermaidText(match[3] as string),
      });
    } else if ((match = EDGE.exec(line))) {
      model.edges.push({
        from: match[1] as string,
        to: match[4] as string,
        dotted: match[2] === "-.->",
        ...(match[3] !== undefined ? { label: decodeMermaidText(match[3]) } : {}),
      });
    } else if (/^classDef [a-z]+ [^;]+$/.test(line)) {
      model.classDefs.push(line.split(" ")[1] as string);
    } else if ((match = new RegExp(`^class ((?:${ID},)*${ID}) ([a-z]+)$`).exec(line))) {
      model.classes.set(match[2] as string, (match[1] as string).split(","));
    } else {
      fail("not a statement the graph writes");
    }
  });
  if (!sawHeader) throw new Error("no flowchart header");
  if (depth !== 0) throw new Error("a subgraph is not closed");
  return model;
}
