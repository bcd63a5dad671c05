import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one app; a registry per instance so tests can run several apps in one process. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'frontline_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly httpErrors = new Counter({
    name: 'frontline_http_errors_total',
    help: 'HTTP answers with a 4xx or 5xx status, by route',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'frontline_events_appended_total',
    help: 'Events appended to the event store',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'frontline_' });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequestDuration.observe(labels, seconds);
    if (status >= 400) this.httpErrors.inc(labels);
  }
}
