// Entry point of the bundled language server (server/out/server.js): stdio, node-ipc or socket transport.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
