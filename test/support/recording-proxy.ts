/**
 * A real HTTP proxy on a random loopback port that forwards every request to `target` unchanged
 * and keeps each request's method, path and parsed JSON body: what the project sent over the wire,
 * as the official client serialised it, for tests to check against HubSpot's contract.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
}

export interface RecordingProxy {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "host",
]);

export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", target);
      requests.push({
        method: req.method ?? "GET",
        path: url.pathname,
        body: raw.length === 0 ? undefined : (JSON.parse(raw.toString("utf8")) as unknown),
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(name) && typeof value === "string") headers[name] = value;
      }
      fetch(url, { method: req.method, headers, ...(raw.length > 0 ? { body: raw } : {}) })
        .then(async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          const out: Record<string, string> = {};
          answer.headers.forEach((value, name) => {
            if (!HOP_BY_HOP.has(name)) out[name] = value;
          });
          res.writeHead(answer.status, out);
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(502, { "content-type": "application/json" });
          res.end(JSON.stringify({ status: "error", message: `proxy: ${String(error)}` }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
