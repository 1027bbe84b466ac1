import * as assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { PipelineResponse } from '@azure/core-rest-pipeline';
import { AzureError } from '../../../src/azure/errors';

const envelope = {
  error: { code: 'BMSUserErrorDataSourceObjectNotFound', message: 'Item not found.', target: 'item' },
};

function response(status: number, headers: Record<string, string>, body?: unknown): PipelineResponse {
  const request = createPipelineRequest({ url: 'https://127.0.0.1/subscriptions/s1?api-version=1' });
  return {
    request,
    status,
    headers: createHttpHeaders(headers),
    bodyAsText: body === undefined ? undefined : JSON.stringify(body),
  };
}

describe('AzureError.from', () => {
  it('reads the HLC shape: envelope in response.parsedBody, request id from the headers', () => {
    const res = Object.assign(response(404, { 'x-ms-request-id': 'req-hlc' }), { parsedBody: envelope });
    const e = new RestError('Item not found.', {
      code: 'BMSUserErrorDataSourceObjectNotFound',
      statusCode: 404,
      response: res,
    });
    const error = AzureError.from(e);
    assert.equal(error.code, 'BMSUserErrorDataSourceObjectNotFound');
    assert.equal(error.status, 404);
    assert.equal(error.requestId, 'req-hlc');
    assert.equal(error.target, 'item');
    assert.equal(error.retryable, false);
    assert.equal(error.message, 'Item not found.');
  });

  it('reads the modular shape: envelope in details', () => {
    const e = new RestError('The Resource was not found.', {
      code: 'ResourceNotFound',
      statusCode: 404,
      response: response(404, { 'x-ms-request-id': 'req-mod' }),
    });
    e.details = {
      error: {
        code: 'ResourceNotFound',
        message: "The Resource 'Microsoft.RecoveryServices/vaults/v1' was not found.",
      },
    };
    const error = AzureError.from(e);
    assert.equal(error.code, 'ResourceNotFound');
    assert.equal(error.requestId, 'req-mod');
    assert.match(error.message, /vaults\/v1/);
  });

  it('falls back to the raw body text when nothing was parsed', () => {
    const e = new RestError('Bad', {
      statusCode: 400,
      response: response(400, {}, { error: { code: 'StorageModelModifyError', message: 'locked' } }),
    });
    const error = AzureError.from(e);
    assert.equal(error.code, 'StorageModelModifyError');
    assert.equal(error.message, 'locked');
  });

  it('marks throttling and 5xx as retryable, 501 not', () => {
    assert.equal(AzureError.from(new RestError('x', { statusCode: 429, response: response(429, {}) })).retryable, true);
    assert.equal(AzureError.from(new RestError('x', { statusCode: 503, response: response(503, {}) })).retryable, true);
    assert.equal(
      AzureError.from(new RestError('x', { statusCode: 501, response: response(501, {}) })).retryable,
      false,
    );
  });

  it('names a status-only error after its status', () => {
    assert.equal(AzureError.from(new RestError('x', { statusCode: 409, response: response(409, {}) })).code, 'Http409');
  });

  it('treats socket errors as retryable', () => {
    const e = new RestError('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' });
    const error = AzureError.from(e);
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(error.retryable, true);
    const plain = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    assert.equal(AzureError.from(plain).retryable, true);
  });

  it('parses core-lro failures', () => {
    const error = AzureError.from(
      new Error('The long-running operation has failed. BMSUserErrorPolicyObjectInUse. The policy is in use.'),
    );
    assert.equal(error.code, 'BMSUserErrorPolicyObjectInUse');
    assert.equal(error.message, 'The policy is in use.');
  });

  it('maps AbortError to Cancelled', () => {
    const abort = new Error('The operation was aborted.');
    abort.name = 'AbortError';
    const error = AzureError.from(abort);
    assert.equal(error.code, 'Cancelled');
    assert.equal(error.retryable, false);
  });

  it('returns an AzureError unchanged and wraps anything else', () => {
    const original = new AzureError({ code: 'X', message: 'y' });
    assert.equal(AzureError.from(original), original);
    assert.equal(AzureError.from('boom').message, 'boom');
  });

  it('gives the operation error shape with the request id', () => {
    assert.deepEqual(new AzureError({ code: 'C', message: 'M', requestId: 'R' }).toOperationError(), {
      code: 'C',
      message: 'M',
      requestId: 'R',
    });
  });
});
