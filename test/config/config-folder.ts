// Real config files in a temporary folder: a copy of the reference routing/ whose import of the
// config model points back at this repository, so that tests can break one file and load the whole.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyReferenceProject } from "../support/reference";

/** A temporary working directory holding `routing/` (a copy of the reference organisation). */
export class ConfigFolder {
  readonly cwd: string;

  constructor() {
    this.cwd = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-config-"));
    copyReferenceProject(this.cwd);
  }

  /** Absolute path of a file in the folder. */
  path(file: string): string {
    return path.join(this.cwd, file);
  }

  read(file: string): string {
    return fs.readFileSync(this.path(file), "utf8");
  }

  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(this.path(file)), { recursive: true });
    fs.writeFileSync(this.path(file), text);
  }

  /** Replaces one exact piece of a file's text (failing when it is not there exactly once). */
  edit(file: string, from: string, to: string): void {
    const text = this.read(file);
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${file}: expected "${from}" once, found it ${count} times`);
    this.write(file, text.replace(from, to));
  }

  /** 1-based line of the first line containing `needle` (after `after`, when given). */
  lineOf(file: string, needle: string, after?: string): number {
    const text = this.read(file);
    const start = after === undefined ? 0 : text.indexOf(after);
    if (start < 0) throw new Error(`${file}: no "${after}"`);
    const index = text.indexOf(needle, start);
    if (index < 0) throw new Error(`${file}: no "${needle}"`);
    return text.slice(0, index).split("\n").length;
  }

  /** 1-based column of `needle` on the first line that contains it. */
  columnOf(file: string, needle: string): number {
    const line = this.read(file).split("\n")[this.lineOf(file, needle) - 1]!;
    return line.indexOf(needle) + 1;
  }

  remove(): void {
    fs.rmSync(this.cwd, { recursive: true, force: true });
  }
}
