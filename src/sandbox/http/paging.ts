/** Paged list answers: `{value: [...], nextLink?}` with an absolute nextLink carrying api-version and $filter. */
import { errors } from './errors';
import { queryValue, type Reply, type RouteRequest } from './router';
import type { ListKind } from './pageSizes';
import type { Site } from './site';

export function pagedReply<T>(
  site: Site,
  list: ListKind,
  req: RouteRequest,
  all: readonly T[],
  render: (item: T) => unknown,
): Reply {
  const token = queryValue(req.query, '$skipToken');
  const skip = token === undefined ? 0 : Number(token);
  if (!Number.isInteger(skip) || skip < 0) throw errors.invalidInput(`invalid $skipToken '${token}'`);
  const end = skip + site.pageSizes[list];
  const body: { value: unknown[]; nextLink?: string } = { value: all.slice(skip, end).map(render) };
  if (end < all.length) body.nextLink = nextLink(site, req, end);
  return { status: 200, body };
}

function nextLink(site: Site, req: RouteRequest, skip: number): string {
  const parts: string[] = [];
  for (const [k, v] of req.query) {
    if (k.toLowerCase() === '$skiptoken') continue;
    parts.push(`${k.startsWith('$') ? k : encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  parts.push(`$skipToken=${skip}`);
  return `${site.endpoint}${req.rawPath}?${parts.join('&')}`;
}
