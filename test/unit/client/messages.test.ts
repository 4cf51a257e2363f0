import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import { CONNECTION_INACTIVE, METHOD_NOT_FOUND, requestFailureMessage } from '../../../client/src/messages';

test('the error codes are vscode-jsonrpc\'s', async () => {
  const { ErrorCodes } = await import('vscode-jsonrpc');
  assert.equal(METHOD_NOT_FOUND, ErrorCodes.MethodNotFound);
  assert.equal(CONNECTION_INACTIVE, ErrorCodes.ConnectionInactive);
});

test('a server without the request is told apart from other failures', () => {
  assert.equal(
    requestFailureMessage('grlint/sessions', new ResponseError(METHOD_NOT_FOUND, 'Unhandled method grlint/sessions')),
    'grlint: this grlint language server does not implement grlint/sessions yet; update grlint.',
  );
  assert.equal(
    requestFailureMessage('grlint/render', new ResponseError(CONNECTION_INACTIVE, 'Client is not running')),
    'grlint: the language server is not running; see the "grlint" output for why.',
  );
  assert.equal(
    requestFailureMessage('grlint/render', new ResponseError(-32603, 'boom')),
    'grlint: grlint/render failed: boom',
  );
  assert.equal(requestFailureMessage('grlint/render', 'odd'), 'grlint: grlint/render failed: odd');
  assert.equal(requestFailureMessage('grlint/render', null), 'grlint: grlint/render failed: null');
});
