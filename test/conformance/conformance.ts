/**
 * Checks a whole record of the sandbox's answers: each against its swagger operation, problems grouped by
 * operation, known differences applied (and counted, so a stale one shows), skipped routes counted by name.
 */
import * as path from 'node:path';
import type { RecordedExchange } from '../../src/sandbox/http/exchangeRecorder';
import { ExchangeChecker, type ExchangeProblem } from './checkExchange';
import { KNOWN_DIFFERENCES, type KnownDifference, NO_SWAGGER_HERE } from './differences';
import { type Operation, OperationIndex } from './operations';
import { SchemaChecker } from './schemaCheck';
import { SpecSet } from './specs';

/** One problem as seen across answers: how often, and one answer that showed it. */
export interface Finding {
  problem: ExchangeProblem;
  count: number;
  example: string;
}

export interface OperationResult {
  operation: Operation;
  answers: number;
  statuses: Set<number>;
  findings: Map<string, Finding>;
}

export class ConformanceRun {
  readonly byOperation = new Map<string, OperationResult>();
  /** Answers to paths the swagger does not declare that were not refusals. */
  readonly undeclared = new Map<string, Finding>();
  readonly skipped = new Map<string, number>();
  readonly refused = new Map<string, number>();
  readonly differencesUsed = new Map<string, number>();
  private readonly checker: ExchangeChecker;

  constructor(
    specRoot: string,
    private readonly differences: readonly KnownDifference[] = KNOWN_DIFFERENCES,
  ) {
    const specs = SpecSet.load(specRoot);
    const armError = specs.resolveRef(
      '#/definitions/ErrorResponse',
      path.join(specRoot, 'common-types/resource-management/v5/types.json'),
    );
    this.checker = new ExchangeChecker(new OperationIndex(specs), new SchemaChecker(specs), armError);
  }

  add(exchange: RecordedExchange): void {
    const skip = NO_SWAGGER_HERE.find((r) => r.method === exchange.method && r.path.test(exchange.path));
    if (skip) {
      this.skipped.set(skip.name, (this.skipped.get(skip.name) ?? 0) + 1);
      return;
    }
    const verdict = this.checker.check(exchange);
    const example = `${exchange.method} ${exchange.path}${exchange.query ? `?${exchange.query}` : ''} → ${exchange.status}`;
    if (verdict.kind === 'refused') {
      this.refused.set(verdict.reason, (this.refused.get(verdict.reason) ?? 0) + 1);
      return;
    }
    if (verdict.kind === 'undeclared') {
      for (const problem of verdict.problems) {
        if (this.waived(problem, exchange, undefined)) continue;
        note(this.undeclared, problem, example);
      }
      return;
    }
    const key = `${verdict.operation.operationId} (${verdict.operation.source})`;
    const result = this.byOperation.get(key) ?? {
      operation: verdict.operation,
      answers: 0,
      statuses: new Set<number>(),
      findings: new Map<string, Finding>(),
    };
    this.byOperation.set(key, result);
    result.answers++;
    result.statuses.add(exchange.status);
    for (const problem of verdict.problems) {
      if (this.waived(problem, exchange, verdict.operation)) continue;
      note(result.findings, problem, example);
    }
  }

  staleDifferences(): KnownDifference[] {
    return this.differences.filter((d) => !this.differencesUsed.has(d.id));
  }

  private waived(problem: ExchangeProblem, exchange: RecordedExchange, operation: Operation | undefined): boolean {
    const difference = this.differences.find(
      (d) =>
        d.kinds.includes(problem.kind) &&
        (!d.operations || (operation !== undefined && d.operations.includes(operation.operationId))) &&
        (!d.files || (operation !== undefined && d.files.includes(operation.source.split(' ')[0]))) &&
        (!d.at || d.at.test(problem.at)) &&
        (!d.path || d.path.test(problem.url ?? exchange.path)) &&
        (!d.newerApiVersionOnly || (operation !== undefined && apiVersionOf(exchange) > operation.apiVersion)),
    );
    if (!difference) return false;
    this.differencesUsed.set(difference.id, (this.differencesUsed.get(difference.id) ?? 0) + 1);
    return true;
  }
}

function note(findings: Map<string, Finding>, problem: ExchangeProblem, example: string): void {
  const key = `${problem.kind} ${problem.at} ${problem.message}`;
  const found = findings.get(key);
  if (found) found.count++;
  else findings.set(key, { problem, count: 1, example });
}

function apiVersionOf(exchange: RecordedExchange): string {
  return new URLSearchParams(exchange.query).get('api-version') ?? '';
}

/** `../shared/azure-specs/swagger/specification` beside the repository (override: AZB_AZURE_SPECS = the azure-specs folder). */
export function specificationRoot(repoRoot: string): string {
  const specs = process.env.AZB_AZURE_SPECS ?? path.resolve(repoRoot, '../shared/azure-specs');
  return path.join(specs, 'swagger', 'specification');
}

export function describeFindings(findings: Iterable<Finding>): string {
  return [...findings]
    .map(
      (f) =>
        `  [${f.problem.kind}] ${f.problem.at ? `${f.problem.at}: ` : ''}${f.problem.message} (×${f.count}; e.g. ${f.example})`,
    )
    .join('\n');
}
