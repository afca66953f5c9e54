// Live updates of the overview over server-sent events: one shared renderer runs while anyone
// listens, and sends the new overview body only when it changed.

import type { ServerResponse } from 'node:http';

const TICK_MS = 1000;
const KEEPALIVE_MS = 15_000;

export class LiveOverview {
  private readonly clients = new Set<ServerResponse>();
  private timer: NodeJS.Timeout | null = null;
  private last = '';
  private lastSentAt = 0;
  private rendering = false;

  constructor(
    private readonly render: () => Promise<string>,
    private readonly onError: (e: Error) => void,
  ) {}

  subscribe(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    this.clients.add(res);
    res.on('close', () => {
      this.clients.delete(res);
      if (!this.clients.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    });
    // a new listener gets the current body at once
    if (this.last) send(res, this.last);
    if (!this.timer) {
      this.timer = setInterval(() => void this.tick(), TICK_MS);
      this.timer.unref();
      void this.tick();
    }
  }

  private async tick(): Promise<void> {
    if (this.rendering) return;
    this.rendering = true;
    try {
      const body = await this.render();
      if (body !== this.last) {
        this.last = body;
        for (const c of this.clients) send(c, body);
        this.lastSentAt = Date.now();
      } else if (Date.now() - this.lastSentAt > KEEPALIVE_MS) {
        for (const c of this.clients) c.write(': keep-alive\n\n');
        this.lastSentAt = Date.now();
      }
    } catch (e) {
      this.onError(e as Error);
    } finally {
      this.rendering = false;
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}

function send(res: ServerResponse, body: string): void {
  res.write(
    `event: overview\n${body
      .split('\n')
      .map((l) => `data: ${l}`)
      .join('\n')}\n\n`,
  );
}
