import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A static server for a built site, published under a path prefix as on GitHub Pages. */
export interface SiteServer {
  /** The site's address, ending in the prefix: `http://127.0.0.1:<port>/repo-name/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` under `prefix` on a free port of 127.0.0.1; folders answer with their index.html.
 * For browser tests and measurements of a built site.
 * @example const server = await serveSite("_site", "/repo-name/"); await server.close();
 */
export async function serveSite(dir: string, prefix = "/"): Promise<SiteServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (!path.startsWith(prefix)) return void response.writeHead(404).end();
    let file = join(dir, normalize(`/${path.slice(prefix.length)}`));
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, "index.html");
    const found = await stat(file).catch(() => undefined);
    if (found === undefined || !found.isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
