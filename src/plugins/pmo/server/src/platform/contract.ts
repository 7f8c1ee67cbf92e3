/**
 * The contract validator: every route declares its contract (shared/contracts/), and this checks
 * the request against it before the handler runs, after authentication and the route's policy (so
 * a caller without the right learns nothing about the input). A refusal is the one 400 of
 * DESIGN.md "Errors": `details.errors: [{ path, message }]`, every problem named by its path.
 */
import type { z } from 'zod';
import {
  parseWith,
  type InputPart,
  type RouteContract,
  type RouteInput,
} from '../../../shared/contracts/common';
import { invalidFields } from './errors';

export type { RouteContract, RouteInput };

type ContractCtx = {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  request: { body?: unknown };
  state: Record<string, unknown>;
};

/** Where the parsed input waits for the handler. */
const INPUT = 'pmoRouteInput';

/** The value, or a 400 listing each problem. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, part: InputPart = 'body'): z.output<S> {
  const parsed = parseWith(schema, value, part);
  if (!parsed.ok) throw invalidFields(parsed.problems);
  return parsed.value;
}

/** A body that is absent reads as `{}`, so a required field is reported by name. */
const bodyOf = (ctx: ContractCtx) => (ctx.request.body === undefined || ctx.request.body === null ? {} : ctx.request.body);

function parseRoute<C extends RouteContract>(ctx: ContractCtx, contract: C): RouteInput<C> {
  return {
    params: parseOrRefuse(contract.params, { ...(ctx.params ?? {}) }, 'params') as RouteInput<C>['params'],
    query: parseOrRefuse(contract.query, { ...(ctx.query ?? {}) }, 'query') as RouteInput<C>['query'],
    body: (contract.body ? parseOrRefuse(contract.body, bodyOf(ctx), 'body') : undefined) as RouteInput<C>['body'],
  };
}

/** The route middleware: parses the request once and keeps the result for the handler. */
export function validateInput(contract: RouteContract) {
  const middleware = async (ctx: ContractCtx, next: () => Promise<unknown>) => {
    ctx.state[INPUT] = { contract, input: parseRoute(ctx, contract) };
    await next();
  };
  return Object.assign(middleware, { contract });
}

/** The contract a mounted route checks, if any (for the test that every route has one). */
export function contractOf(route: { config?: { middlewares?: unknown } }): RouteContract | null {
  const middlewares = Array.isArray(route.config?.middlewares) ? (route.config.middlewares as unknown[]) : [];
  const checker = middlewares.find((m): m is { contract: RouteContract } => typeof m === 'function' && 'contract' in m);
  return checker?.contract ?? null;
}

/**
 * The handler's view of its input, typed by the contract. Parsed by the route middleware; parsed
 * here when a handler is reached another way (a test calling the controller).
 */
export function routeInput<C extends RouteContract>(ctx: ContractCtx, contract: C): RouteInput<C> {
  const kept = ctx.state[INPUT] as { contract: RouteContract; input: RouteInput<C> } | undefined;
  if (kept && kept.contract === contract) return kept.input;
  const input = parseRoute(ctx, contract);
  ctx.state[INPUT] = { contract, input };
  return input;
}

/**
 * What a PMO route handler reads and writes of Koa's context. `State` is what the admin's
 * authentication put on `ctx.state` (the user, their abilities).
 */
export type RouteContext<State = Record<string, unknown>> = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: State & Record<string, unknown>;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
  attachment(filename: string): void;
  /** Koa's: whether the response has begun, and the response (a streamed download is cut off on failure: download.ts). */
  headerSent?: boolean;
  res?: { destroy(): void };
};
