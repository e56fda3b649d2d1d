// `url http[s]://[user:pass@]host[:port]/path?query [content ...]`: an HTTP(S) test on the URL's host
// and port, with the path and query as the request and the URL's credentials as Basic auth.
import type { ConnectionTest, ProtocolSpec } from '../../model/rule.ts';
import type { ProbeFn } from './types.ts';

function failed(message: string): ReturnType<ProbeFn> {
  return Promise.resolve({ ok: false, responseTimeMs: null, message });
}

/** The port test a URL stands for, or why it cannot be one. */
export function urlAsPortTest(test: ConnectionTest): ConnectionTest | string {
  if (test.target.type !== 'url') return `cannot test a ${test.target.type} target`;
  let url: URL;
  try {
    url = new URL(test.target.url);
  } catch {
    return `'${test.target.url}' is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `'${test.target.url}' is not an http or https URL`;
  const secure = url.protocol === 'https:';
  const options: ProtocolSpec['options'] = { ...test.protocol?.options, request: `${url.pathname || '/'}${url.search}` };
  if (url.username !== '') {
    options.username = decodeURIComponent(url.username);
    options.password = decodeURIComponent(url.password);
  }
  return {
    ...test,
    target: {
      type: 'port',
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      socket: secure ? 'tcpssl' : 'tcp',
    },
    protocol: { name: secure ? 'https' : 'http', options },
  };
}

export function urlProbe(httpProbe: ProbeFn, httpsProbe: ProbeFn): ProbeFn {
  return (test, context, io) => {
    const derived = urlAsPortTest(test);
    if (typeof derived === 'string') return failed(`URL: ${derived}`);
    return (derived.protocol?.name === 'https' ? httpsProbe : httpProbe)(derived, context, io);
  };
}
