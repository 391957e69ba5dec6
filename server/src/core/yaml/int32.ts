import { Scalar } from 'yaml';

/** The smallest and largest values of an int32 field (replicas, timeoutSeconds, maxReplicas). */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/** An integer as Go's strconv.ParseInt reads it with base 0: a sign, then hex, octal (`0o17`, `017`), binary or decimal digits. */
const GO_INTEGER = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]+)|([0-9]+))$/;

/** The floats go-yaml v2 resolves a plain scalar to, when it is not an integer. */
const GO_YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go writes a float64 in JSON without an exponent below this magnitude: `3.0` as `3`, `1e3` as `1000`. */
const JSON_PLAIN_FLOAT_LIMIT = 1e21;

const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';

/**
 * The value of an int32 field as the API server ends up with it, or `undefined` when the object
 * would be refused or the field holds no number. kubectl (like Helm, Argo CD and kube-proxy reading
 * its own configuration) turns YAML into JSON with go-yaml v2 through sigs.k8s.io/yaml, which reads
 * a plain scalar as YAML 1.1 does: with its underscores removed, a Go integer (`3_000` is 3000,
 * `0x1F` 31, `0o17` and `017` 15, `0b11` 3) or a float (`3.0`, `1e3`). The API server then takes a
 * JSON number without a fraction that fits in an int32: `3.0` (written `3`) is 3; `3.5`,
 * `3000000000` and a quoted `"3"` are refused.
 */
export function kubernetesInt32(scalar: Scalar | undefined): number | undefined {
  if (scalar === undefined) return undefined;
  const tagged = scalar.tag === INT_TAG || scalar.tag === FLOAT_TAG;
  if (!tagged && (scalar.tag !== undefined || scalar.type !== Scalar.PLAIN)) return undefined;
  const text = scalar.source ?? (typeof scalar.value === 'number' ? String(scalar.value) : undefined);
  if (text === undefined || !/^[-+.0-9]/.test(text)) return undefined;
  const value = goYamlNumber(text.replace(/_/g, ''));
  if (value === undefined || !Number.isInteger(value) || Math.abs(value) >= JSON_PLAIN_FLOAT_LIMIT) return undefined;
  return value >= INT32_MIN && value <= INT32_MAX ? value + 0 : undefined;
}

/** The number go-yaml v2 reads from a plain scalar (underscores removed), or `undefined` for a string. */
function goYamlNumber(plain: string): number | undefined {
  const integer = GO_INTEGER.exec(plain);
  if (integer !== null) {
    const [, sign, hex, octal, binary, legacyOctal, decimal] = integer;
    const magnitude =
      hex !== undefined ? parseInt(hex, 16) : binary !== undefined ? parseInt(binary, 2) : decimal !== undefined ? parseInt(decimal, 10) : parseInt((octal ?? legacyOctal)!, 8);
    return sign === '-' ? -magnitude : magnitude;
  }
  return GO_YAML_FLOAT.test(plain) ? Number(plain) : undefined;
}
