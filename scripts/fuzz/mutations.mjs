import { isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';

/** Fragments that YAML, Kubernetes or the sysctl parser treat specially. */
const TOKENS = [
  ':', ': ', '- ', '-', '---\n', '...\n', '#', '&a ', '*a', '&b ', '*b', '<<: *a\n', '{', '}', '[', ']', ',', '"', "'", '|', '>', '|-\n', '!!str ',
  '!!binary ', '?', '%YAML 1.2\n', '\t', '\r', '\r\n', '\n', '  ', '\0', '\uFEFF', '\uD83D', '\uDE00', '😀', 'é', '\u2028', '{{ .Values.x }}',
  'kind: Service\n', 'kind: Deployment\n', 'kind: List\nitems:\n', 'kind: ConfigMap\nmetadata: {name: kube-proxy}\ndata:\n  config.conf: |\n    ',
  'replicas: 3\n', 'sessionAffinity: ClientIP\n', 'timeoutSeconds: 1e9', 'net.ipv4.tcp_keepalive_time = 7200\n', 'net.netfilter.nf_conntrack_tcp_timeout_established=60\n',
  '=', ' = ', '-net.ipv4.tcp_keepalive_time=1\n', 'null', '~', '0x10', '1e400', '-1', '.inf', 'true', '99999999999999999999', '',
];

/** Values that replace a node in a structural mutation: the wrong types Kubernetes fields meet. */
const VALUES = [null, '', 'two', '2', 2, -1, 0, 1e9, 1.5, true, [], {}, ['Service'], { a: 1 }, 'ClientIP', 'None', '7200', '1h', 'x'.repeat(300)];

/** One to four mutations of a text, at byte, line or YAML-structure level. */
export function mutate(text, rng, seeds) {
  let result = text;
  const count = 1 + rng.int(4);
  for (let i = 0; i < count; i++) {
    const kind = rng.int(10);
    if (kind < 4) result = byteMutation(result, rng);
    else if (kind < 6) result = lineMutation(result, rng);
    else if (kind < 9) result = structureMutation(result, rng) ?? byteMutation(result, rng);
    else result = splice(result, rng.pick(seeds).text, rng);
  }
  return result;
}

function byteMutation(text, rng) {
  const at = rng.int(text.length + 1);
  switch (rng.int(6)) {
    case 0:
      return text.slice(0, at) + rng.pick(TOKENS) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + rng.int(20));
    case 2:
      return text.slice(0, at) + String.fromCharCode(rng.int(0x10000)) + text.slice(at + 1);
    case 3:
      return text.slice(0, at);
    case 4: {
      const end = at + rng.int(200);
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    }
    default:
      return text.slice(0, at) + String.fromCharCode(rng.int(128)) + text.slice(at);
  }
}

function lineMutation(text, rng) {
  const lines = text.split('\n');
  const i = rng.int(lines.length);
  const j = rng.int(lines.length);
  switch (rng.int(5)) {
    case 0:
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    case 1:
      lines[i] = '  ' + lines[i];
      break;
    case 2:
      lines[i] = lines[i].replace(/^ {1,2}/, '');
      break;
    case 3:
      lines.splice(i, 0, lines[j]);
      break;
    default:
      lines.splice(i, 1);
  }
  return lines.join('\n');
}

/** Replaces a random node of a random document with another value, node, alias or duplicate key. */
function structureMutation(text, rng) {
  const documents = text.split(/^---/m);
  const index = rng.int(documents.length);
  let document;
  try {
    document = parseDocument(documents[index], { prettyErrors: false });
  } catch {
    return undefined;
  }
  if (document.errors.length > 0) return undefined;
  const nodes = [];
  visit(document, { Node: (_key, node) => void nodes.push(node) });
  if (nodes.length === 0) return undefined;
  const target = rng.pick(nodes);
  const donor = rng.pick(nodes);
  try {
    switch (rng.int(5)) {
      case 0:
        replaceIn(document, target, document.createNode(rng.pick(VALUES)));
        break;
      case 1:
        replaceIn(document, target, donor.clone ? donor.clone() : donor);
        break;
      case 2:
        if (!isCollection(donor) && !isScalar(donor)) return undefined;
        donor.anchor = 'a';
        replaceIn(document, target, document.createAlias(donor, 'a'));
        break;
      case 3:
        if (isMap(target) && target.items.length > 0) target.items.push(rng.pick(target.items).clone());
        else return undefined;
        break;
      default:
        if (isScalar(target)) target.type = rng.pick([Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED]);
        else if (isSeq(target) || isMap(target)) target.flow = !target.flow;
        else return undefined;
    }
    documents[index] = (index === 0 ? '' : '\n') + document.toString({ lineWidth: 0 });
  } catch {
    return undefined;
  }
  return documents.join('---');
}

function replaceIn(document, target, replacement) {
  let done = false;
  visit(document, (_key, node) => {
    if (done || node !== target) return undefined;
    done = true;
    return replacement;
  });
}

/** The text cut somewhere, with part of another seed file in between. */
function splice(text, other, rng) {
  const at = rng.int(text.length + 1);
  const from = rng.int(other.length + 1);
  return text.slice(0, at) + other.slice(from, from + rng.int(400)) + text.slice(at);
}
