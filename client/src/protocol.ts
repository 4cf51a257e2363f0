// grlint's custom LSP requests, as the client sends them. The server answers them in server/src/lsp/.
import { RequestType } from 'vscode-languageclient/node';

/** Params of `grlint/sessions`: the document the user is looking at (a URI string), absent when there is none. */
export interface SessionsParams {
  uri?: string;
}

/**
 * `grlint/sessions`: the BGP sessions the workspace describes, with each direction's restart verdict,
 * as a markdown document; `null` when there are none.
 */
export const SESSIONS_REQUEST = new RequestType<SessionsParams, string | null, void>('grlint/sessions');

/** Params of `grlint/render`: none yet (an empty object). */
export type RenderParams = Record<string, never>;

/**
 * `grlint/render`: the frr.conf text that MetalLB / frr-k8s would render from the workspace's objects;
 * `null` when the workspace holds none.
 */
export const RENDER_REQUEST = new RequestType<RenderParams, string | null, void>('grlint/render');
