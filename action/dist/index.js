// Connlint GitHub Action, bundled by `npm run bundle:action` from server/src/action/main.ts: do not edit.
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e2) {
    throw mod = 0, e2;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap4;
    exports2.isNode = isNode;
    exports2.isPair = isPair;
    exports2.isScalar = isScalar3;
    exports2.isSeq = isSeq4;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path9) {
      const ctrl = callVisitor(key, node, visitor, path9);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path9, ctrl);
        return visit_(key, ctrl, visitor, path9);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path9 = Object.freeze(path9.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = visit_(i2, node.items[i2], visitor, path9);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path9 = Object.freeze(path9.concat(node));
          const ck = visit_("key", node.key, visitor, path9);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path9);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path9) {
      const ctrl = await callVisitor(key, node, visitor, path9);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path9, ctrl);
        return visitAsync_(key, ctrl, visitor, path9);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path9 = Object.freeze(path9.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = await visitAsync_(i2, node.items[i2], visitor, path9);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path9 = Object.freeze(path9.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path9);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path9);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path9) {
      if (typeof visitor === "function")
        return visitor(key, node, path9);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path9);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path9);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path9);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path9);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path9);
      return void 0;
    }
    function replaceNode(key, path9, node) {
      const parent = path9[path9.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit2;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i2 = 1; true; ++i2) {
        const name = `${prefix}${i2}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i2 = 0, len = val.length; i2 < len; ++i2) {
            const v0 = val[i2];
            const v1 = applyReviver(reviver, val, String(i2), v0);
            if (v1 === void 0)
              delete val[i2];
            else if (v1 !== v0)
              val[i2] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v2, i2) => toJS(v2, String(i2), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c2 = getAliasCount(doc, item, anchors2);
          if (c2 > count)
            count = c2;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar4 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar4.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar4.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar4.PLAIN = "PLAIN";
    Scalar4.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar4.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar4;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar4 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t2) => t2.tag === tagName);
        const tagObj = match.find((t2) => !t2.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t2) => t2.identify?.(value) && !t2.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar4.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar4.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path9, value) {
      let v2 = value;
      for (let i2 = path9.length - 1; i2 >= 0; --i2) {
        const k = path9[i2];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a2 = [];
          a2[k] = v2;
          v2 = a2;
        } else {
          v2 = /* @__PURE__ */ new Map([[k, v2]]);
        }
      }
      return createNode.createNode(v2, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path9) => path9 == null || typeof path9 === "object" && !!path9[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path9, value) {
        if (isEmptyPath(path9))
          this.add(value);
        else {
          const [key, ...rest] = path9;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path9) {
        const [key, ...rest] = path9;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path9, keepScalar) {
        const [key, ...rest] = path9;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n2 = node.value;
          return n2 == null || allowScalar && identity.isScalar(n2) && n2.value == null && !n2.commentBefore && !n2.comment && !n2.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path9) {
        const [key, ...rest] = path9;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path9, value) {
        const [key, ...rest] = path9;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i2 = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i2 = consumeMoreIndentedLines(text, i2, indent.length);
        if (i2 !== -1)
          end = i2 + endStep;
      }
      for (let ch; ch = text[i2 += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i2;
          switch (text[i2 + 1]) {
            case "x":
              i2 += 3;
              break;
            case "u":
              i2 += 5;
              break;
            case "U":
              i2 += 9;
              break;
            default:
              i2 += 1;
          }
          escEnd = i2;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i2 = consumeMoreIndentedLines(text, i2, indent.length);
          end = i2 + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i2 + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i2;
          }
          if (i2 >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i2 += 1];
                overflow = true;
              }
              const j = i2 > escEnd + 1 ? i2 - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i3 = 0; i3 < folds.length; ++i3) {
        const fold = folds[i3];
        const end2 = folds[i3 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i2, indent) {
      let end = i2;
      let start = i2 + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i2 < start + indent) {
          ch = text[++i2];
        } else {
          do {
            ch = text[++i2];
          } while (ch && ch !== "\n");
          end = i2;
          start = i2 + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i2 = 0, start = 0; i2 < strLen; ++i2) {
        if (str[i2] === "\n") {
          if (i2 - start > limit)
            return true;
          start = i2 + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i2 = 0, ch = json[i2]; ch; ch = json[++i2]) {
        if (ch === " " && json[i2 + 1] === "\\" && json[i2 + 2] === "n") {
          str += json.slice(start, i2) + "\\ ";
          i2 += 1;
          start = i2;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i2 + 1]) {
            case "u":
              {
                str += json.slice(start, i2);
                const code = json.substr(i2 + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i2, 6);
                }
                i2 += 5;
                start = i2 + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i2 + 2] === '"' || json.length < minMultiLineLength) {
                i2 += 1;
              } else {
                str += json.slice(start, i2) + "\n\n";
                while (json[i2 + 2] === "\\" && json[i2 + 3] === "n" && json[i2 + 4] !== '"') {
                  str += "\n";
                  i2 += 2;
                }
                str += indent;
                if (json[i2 + 2] === " ")
                  str += "\\";
                i2 += 1;
                start = i2 + 1;
              }
              break;
            default:
              i2 += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar4.Scalar.BLOCK_FOLDED ? false : type === Scalar4.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar4.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep: indentStep2, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar4.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep2) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar4.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar4.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar4.Scalar.BLOCK_FOLDED:
          case Scalar4.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar4.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar4.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar4.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t2 = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t2);
        if (res === null)
          throw new Error(`Unsupported default string type ${t2}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t2) => t2.tag === item.tag);
        if (match.length > 0)
          return match.find((t2) => t2.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t2) => t2.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t2) => t2.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t2) => t2.format === item.format) ?? match.find((t2) => !t2.format);
      } else {
        obj = item;
        tagObj = tags.find((t2) => t2.nodeClass && obj instanceof t2.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify2(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o2) => tagObj = o2 });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify2;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar4 = require_Scalar();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep: indentStep2, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar4.Scalar.BLOCK_FOLDED || key.type === Scalar4.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep2
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify2.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep2.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify2.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar4 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar4.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey2 = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar4.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey2;
    exports2.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify2 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify2.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v2 = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v2);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_2, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify3 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify3(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify2.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i2 = 1; i2 < lines.length; ++i2) {
          const line = lines[i2];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep: indentStep2, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep2;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify2.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i2 < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep2}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar4 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar4.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i2 = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i2 === -1)
            this.items.push(_pair);
          else
            this.items.splice(i2, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_2, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports2.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar4 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar4.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_2, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i2 = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i2++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i2 = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i2++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports2.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar4.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar4.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar4.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n2 = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n2) && !n2.includes("e")) {
        let i2 = n2.indexOf(".");
        if (i2 < 0) {
          i2 = n2.length;
          n2 += ".";
        }
        let d2 = minFractionDigits - (n2.length - i2 - 1);
        while (d2-- > 0)
          n2 += "0";
      }
      return n2;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar4.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar4.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer");
    var Scalar4 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i2 = 0; i2 < str.length; ++i2)
            buffer[i2] = str.charCodeAt(i2);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s2 = "";
          for (let i2 = 0; i2 < buf.length; ++i2)
            s2 += String.fromCharCode(buf[i2]);
          str = btoa(s2);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar4.Scalar.BLOCK_LITERAL);
        if (type !== Scalar4.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n2 = Math.ceil(str.length / lineWidth);
          const lines = new Array(n2);
          for (let i2 = 0, o2 = 0; i2 < n2; ++i2, o2 += lineWidth) {
            lines[i2] = str.substr(o2, lineWidth);
          }
          str = lines.join(type === Scalar4.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar4 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i2 = 0; i2 < seq.items.length; ++i2) {
          let item = seq.items[i2];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar4.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i2] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i2 = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i2++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_2, ctx) {
        if (!ctx)
          return super.toJSON(_2);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar4.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar4.Scalar(false),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar4.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f2 = str.substring(dot + 1).replace(/_/g, "");
          if (f2[f2.length - 1] === "0")
            node.minFractionDigits = f2.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n3 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n3 : n3;
      }
      const n2 = parseInt(str, radix);
      return sign === "-" ? -1 * n2 : n2;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_2, ctx) {
        return super.toJSON(_2, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n2) => asBigInt ? BigInt(n2) : Number(n2);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p2) => res2 * num(60) + num(p2), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n2) => n2;
      if (typeof value === "bigint")
        num = (n2) => BigInt(n2);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n2) => String(n2).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d2 = parseSexagesimal(tz, false);
          if (Math.abs(d2) < 30)
            d2 *= 60;
          date -= 6e4 * d2;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a2, b2) => a2.key < b2.key ? -1 : a2.key > b2.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify2.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify2.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify2.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path9, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path9, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v2) => typeof v2 === "number" || v2 instanceof String || v2 instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v2 = this.createNode(value, null, options);
        return new Pair.Pair(k, v2);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path9) {
        if (Collection.isEmptyPath(path9)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path9) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path9, keepScalar) {
        if (Collection.isEmptyPath(path9))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path9, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path9) {
        if (Collection.isEmptyPath(path9))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path9) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path9, value) {
        if (Collection.isEmptyPath(path9)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path9), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path9, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s2 = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s2}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message2) {
        super();
        this.name = name;
        this.code = code;
        this.message = message2;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLParseError", pos, code, message2);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLWarning", pos, code, message2);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a2, b2) => a2 === b2 || identity.isScalar(a2) && identity.isScalar(b2) && a2.value === b2.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep4, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep4?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep4) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep4 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep4, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep4 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep4 + cb;
              sep4 = "";
              break;
            }
            case "newline":
              if (comment)
                sep4 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap4 = fc.start.source === "{";
      const fcName = isMap4 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap4 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i2 = 0; i2 < fc.items.length; ++i2) {
        const collItem = fc.items[i2];
        const { start, key, sep: sep4, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep4?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep4 && !value) {
            if (i2 === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i2 < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap4 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i2 === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap4 && !sep4 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep4, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep4 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap4 && !props.found && ctx.options.strict) {
              if (sep4)
                for (const st of sep4) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep4, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap4) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap4 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar4 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message2 = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message2);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t2) => t2.tag === tagName && t2.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar4.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar4.Scalar.BLOCK_FOLDED : Scalar4.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i2 = lines.length - 1; i2 >= 0; --i2) {
        const content = lines[i2][1];
        if (content === "" || content === "\r")
          chompStart = i2;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i2 = 0; i2 < chompStart; ++i2) {
        const [indent, content] = lines[i2];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message2 = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message2);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i2;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message2 = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message2);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i2 = lines.length - 1; i2 >= chompStart; --i2) {
        if (lines[i2][0].length > trimIndent)
          chompStart = i2 + 1;
      }
      let value = "";
      let sep4 = "";
      let prevMoreIndented = false;
      for (let i2 = 0; i2 < contentStart; ++i2)
        value += lines[i2][0].slice(trimIndent) + "\n";
      for (let i2 = contentStart; i2 < chompStart; ++i2) {
        let [indent, content] = lines[i2];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message2 = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message2);
          indent = "";
        }
        if (type === Scalar4.Scalar.BLOCK_LITERAL) {
          value += sep4 + indent.slice(trimIndent) + content;
          sep4 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep4 === " ")
            sep4 = "\n";
          else if (!prevMoreIndented && sep4 === "\n")
            sep4 = "\n\n";
          value += sep4 + indent.slice(trimIndent) + content;
          sep4 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep4 === "\n")
            value += "\n";
          else
            sep4 = "\n";
        } else {
          value += sep4 + content;
          sep4 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i2 = chompStart; i2 < lines.length; ++i2)
            value += "\n" + lines[i2][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i2 = 1; i2 < source.length; ++i2) {
        const ch = source[i2];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n2 = Number(ch);
          if (!indent && n2)
            indent = n2;
          else if (error === -1)
            error = offset + i2;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i2 = 1; i2 < props.length; ++i2) {
        const token = props[i2];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message2 = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message2);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message2 = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message2);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m2 = first.match(/^( *)/);
      const line0 = m2?.[1] ? [m2[1], first.slice(m2[1].length)] : ["", first];
      const lines = [line0];
      for (let i2 = 1; i2 < split.length; i2 += 2)
        lines.push([split[i2], split[i2 + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar4.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar4.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar4.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep4 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep4 === "\n")
            res += sep4;
          else
            sep4 = "\n";
        } else {
          res += sep4 + lm;
          sep4 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep4 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i2 = 1; i2 < source.length - 1; ++i2) {
        const ch = source[i2];
        if (ch === "\r" && source[i2 + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i2);
          res += fold;
          i2 = offset;
        } else if (ch === "\\") {
          let next = source[++i2];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "\r" && source[i2 + 1] === "\n") {
            next = source[++i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i2 + 1, length, onError);
            i2 += length;
          } else {
            const raw = source.substr(i2 - 1, 2);
            onError(i2 - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i2;
          let next = source[i2 + 1];
          while (next === " " || next === "	")
            next = source[++i2 + 1];
          if (next !== "\n" && !(next === "\r" && source[i2 + 2] === "\n"))
            res += i2 > wsStart ? source.slice(wsStart, i2 + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar4 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar4.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar4.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i2 = pos - 1; i2 >= 0; --i2) {
          let st = before[i2];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i2];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i2];
          }
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message2 = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message2);
          }
          break;
        default: {
          const message2 = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message2);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i2 = 0; i2 < prelude.length; ++i2) {
        const source = prelude[i2];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i2 + 1]?.[0] !== "#")
              i2 += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message2, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message2));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message2));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i2 = 0; i2 < this.errors.length; ++i2)
            doc.errors.push(this.errors[i2]);
          for (let i2 = 0; i2 < this.warnings.length; ++i2)
            doc.warnings.push(this.warnings[i2]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (void 0)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message2, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message2, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports2.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message2) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message2);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message2);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify2 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep4, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep4)
        for (const st of sep4)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify2;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path9) => {
      let item = cst;
      for (const [field, index] of path9) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path9) => {
      const parent = visit2.itemAtPath(cst, path9.slice(0, -1));
      const field = path9[path9.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path9, item, visitor) {
      let ctrl = visitor(item, path9);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i2 = 0; i2 < token.items.length; ++i2) {
            const ci = _visit(Object.freeze(path9.concat([[field, i2]])), token.items[i2], visitor);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i2, 1);
              i2 -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path9);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path9) : ctrl;
    }
    exports2.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection;
    exports2.isScalar = isScalar3;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i2];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i2 + 1] === "\n";
        return false;
      }
      charAt(n2) {
        return this.buffer[this.pos + n2];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n2) {
        return this.pos + n2 <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n2) {
        return this.buffer.substr(this.pos, n2);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n2 = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n2);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s2 = this.peek(3);
          if ((s2 === "---" || s2 === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s2 === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n2 = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n2;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n2 = yield* this.pushIndicators();
        switch (line[n2]) {
          case "#":
            yield* this.pushCount(line.length - n2);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n2 += yield* this.parseBlockScalarHeader();
            n2 += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n2);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n2 = 0;
        while (line[n2] === ",") {
          n2 += yield* this.pushCount(1);
          n2 += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n2 += yield* this.pushIndicators();
        switch (line[n2]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n2);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n2 = 0;
            while (this.buffer[end - 1 - n2] === "\\")
              n2 += 1;
            if (n2 % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i2 = this.pos;
        while (true) {
          const ch = this.buffer[++i2];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i3 = this.pos; ch = this.buffer[i3]; ++i3) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i3;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i3 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i2 = nl + 1;
        ch = this.buffer[i2];
        while (ch === " ")
          ch = this.buffer[++i2];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i2];
          nl = i2 - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i3 = nl - 1;
            let ch2 = this.buffer[i3];
            if (ch2 === "\r")
              ch2 = this.buffer[--i3];
            const lastChar = i3;
            while (ch2 === " ")
              ch2 = this.buffer[--i3];
            if (ch2 === "\n" && i3 >= this.pos && i3 + 1 + indent > lastChar)
              nl = i3;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i2 = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i2]) {
          if (ch === ":") {
            const next = this.buffer[i2 + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i2;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i2 + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i2 += 1;
                ch = "\n";
                next = this.buffer[i2 + 1];
              } else
                end = i2;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i2 + 1);
              if (cs === -1)
                break;
              i2 = Math.max(i2, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i2;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n2) {
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos += n2;
          return n2;
        }
        return 0;
      }
      *pushToIndex(i2, allowEmpty) {
        const s2 = this.buffer.slice(this.pos, i2);
        if (s2) {
          yield s2;
          this.pos += s2.length;
          return s2.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n2 = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n2 += yield* this.pushTag();
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n2 += yield* this.pushUntil(isNotAnchorChar);
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n2 += yield* this.pushCount(1);
                n2 += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n2;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i2 = this.pos + 2;
          let ch = this.buffer[i2];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i2];
          return yield* this.pushToIndex(ch === ">" ? i2 + 1 : i2, false);
        } else {
          let i2 = this.pos + 1;
          let ch = this.buffer[i2];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i2];
            else if (ch === "%" && hexDigits.has(this.buffer[i2 + 1]) && hexDigits.has(this.buffer[i2 + 2])) {
              ch = this.buffer[i2 += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i2, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i2 = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i2];
        } while (ch === " " || allowTabs && ch === "	");
        const n2 = i2 - this.pos;
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos = i2;
        }
        return n2;
      }
      *pushUntil(test) {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (!test(ch))
          ch = this.buffer[++i2];
        return yield* this.pushToIndex(i2, false);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i2 = 0; i2 < list.length; ++i2)
        if (list[i2].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i2 = 0; i2 < list.length; ++i2) {
        switch (list[i2].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i2;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i2 = prev.length;
      loop: while (--i2 >= 0) {
        switch (prev[i2].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i2]?.type === "space") {
      }
      return prev.splice(i2, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i2 = 0; i2 < source.length; ++i2)
          target.push(source[i2]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (void 0)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message2 = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message: message2, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n2) {
        return this.stack[this.stack.length - n2];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message2 = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message: message2 };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep4;
          if (scalar.end) {
            sep4 = scalar.end;
            sep4.push(this.sourceToken);
            delete scalar.end;
          } else
            sep4 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep4 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i2 = 0; i2 < it.sep.length; ++i2) {
              const st = it.sep[i2];
              switch (st.type) {
                case "newline":
                  nl.push(i2);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep4 = it.sep;
                  sep4.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep4 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep4 = fc.end.splice(1, fc.end.length);
            sep4.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep4 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports2.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument8(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse3(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument8(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify2(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse3;
    exports2.parseAllDocuments = parseAllDocuments3;
    exports2.parseDocument = parseDocument8;
    exports2.stringify = stringify2;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar4 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar4.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit2.visit;
    exports2.visitAsync = visit2.visitAsync;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports2.basename = (path9, { windows } = {}) => {
      const segs = path9.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes2 = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes2.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes2.length; idx++) {
          const n3 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i2 = slashes2[idx];
          const value2 = input.slice(n3, i2);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i2 >= start) {
            parts.push(value2);
            prevIndex = i2;
          }
        }
        const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n2);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes2;
        state.parts = parts;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v2) => utils.escapeRegex(v2)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i2 = 0; i2 < values.length; i2++) {
        for (let j = i2 + 1; j < values.length; j++) {
          const a2 = values[i2];
          const b2 = values[j];
          const char = a2[0];
          if (!char || a2 !== char.repeat(a2.length) || b2 !== char.repeat(b2.length)) {
            continue;
          }
          if (a2 === b2 || a2.startsWith(b2) || b2.startsWith(a2)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i2 = 1; i2 < pattern.length; i2++) {
        const ch = pattern[i2];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i2 !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i2),
              end: i2
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse3 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n2 = 1) => input[state.index + n2];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i2 = token.tokensIndex + 1; i2 < tokens.length; i2++) {
            tokens[i2].value = "";
            tokens[i2].output = "";
            delete tokens[i2].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse3(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m2, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m2;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m2 : `\\${m2}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m2) => {
              return m2.length % 2 === 0 ? "\\\\" : m2 ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes2 = 0;
          if (match && match[0].length > 2) {
            slashes2 = match[0].length;
            state.index += slashes2;
            if (slashes2 % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i2 = arr.length - 1; i2 >= 0; i2--) {
              tokens.pop();
              if (arr[i2].type === "brace") {
                break;
              }
              if (arr[i2].type !== "dots") {
                range.unshift(arr[i2].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t2 of toks) {
              state.output += t2.output || t2.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse3.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse3;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var scan = require_scan();
    var parse3 = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored2 = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored2 = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored2(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p2) => picomatch3.parse(p2, options));
      return parse3(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse3.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse3(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants2;
    module2.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module2.exports = picomatch3;
  }
});

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports2, module2) {
    var p2 = process || {};
    var argv = p2.argv || [];
    var env = p2.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p2.platform === "win32" || (p2.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors2 = (enabled = isColorSupported) => {
      let f2 = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f2("\x1B[0m", "\x1B[0m"),
        bold: f2("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f2("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f2("\x1B[3m", "\x1B[23m"),
        underline: f2("\x1B[4m", "\x1B[24m"),
        inverse: f2("\x1B[7m", "\x1B[27m"),
        hidden: f2("\x1B[8m", "\x1B[28m"),
        strikethrough: f2("\x1B[9m", "\x1B[29m"),
        black: f2("\x1B[30m", "\x1B[39m"),
        red: f2("\x1B[31m", "\x1B[39m"),
        green: f2("\x1B[32m", "\x1B[39m"),
        yellow: f2("\x1B[33m", "\x1B[39m"),
        blue: f2("\x1B[34m", "\x1B[39m"),
        magenta: f2("\x1B[35m", "\x1B[39m"),
        cyan: f2("\x1B[36m", "\x1B[39m"),
        white: f2("\x1B[37m", "\x1B[39m"),
        gray: f2("\x1B[90m", "\x1B[39m"),
        bgBlack: f2("\x1B[40m", "\x1B[49m"),
        bgRed: f2("\x1B[41m", "\x1B[49m"),
        bgGreen: f2("\x1B[42m", "\x1B[49m"),
        bgYellow: f2("\x1B[43m", "\x1B[49m"),
        bgBlue: f2("\x1B[44m", "\x1B[49m"),
        bgMagenta: f2("\x1B[45m", "\x1B[49m"),
        bgCyan: f2("\x1B[46m", "\x1B[49m"),
        bgWhite: f2("\x1B[47m", "\x1B[49m"),
        blackBright: f2("\x1B[90m", "\x1B[39m"),
        redBright: f2("\x1B[91m", "\x1B[39m"),
        greenBright: f2("\x1B[92m", "\x1B[39m"),
        yellowBright: f2("\x1B[93m", "\x1B[39m"),
        blueBright: f2("\x1B[94m", "\x1B[39m"),
        magentaBright: f2("\x1B[95m", "\x1B[39m"),
        cyanBright: f2("\x1B[96m", "\x1B[39m"),
        whiteBright: f2("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f2("\x1B[100m", "\x1B[49m"),
        bgRedBright: f2("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f2("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f2("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f2("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f2("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f2("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f2("\x1B[107m", "\x1B[49m")
      };
    };
    module2.exports = createColors2();
    module2.exports.createColors = createColors2;
  }
});

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports2, module2) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH2 = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH2 && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_2, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_2, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH2
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH2
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_2, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_2, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH2 ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_2, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH2) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH2);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path9) => {
      const end = path9.length - 1;
      const index = path9.lastIndexOf(
        SLASH2,
        path9[end] === SLASH2 ? end - 1 : end
      );
      return index < 0 ? path9 : path9.slice(index + 1);
    };
    var parentOf = (path9) => {
      if (path9.charCodeAt(0) === SLASH_CODE || path9.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path9.split(SLASH2).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH2) + SLASH2 : EMPTY;
      }
      const end = path9.length - 1;
      const cut = path9.lastIndexOf(
        SLASH2,
        path9.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path9.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path9) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH2 ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path9)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path9, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename2 = shortcut ? basenameOf(path9) : path9;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename2 : path9
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message2, Ctor) => {
      throw new Ctor(message2);
    };
    var checkPath = (path9, originalPath, doThrow) => {
      if (!isString(path9)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path9) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path9)) {
        const r2 = "`path.relative()`d";
        return doThrow(
          `path should be a ${r2} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path9) => {
      const first = path9.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path9.length === 1) {
        return true;
      }
      const second = path9.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path9.length === 2 || path9.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p2) => p2;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path9) {
        checkPath(
          path9,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path9 ? this._t(path9, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path9 = convertPath(target);
        if (!path9 || path9.charCodeAt(path9.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path9);
        }
        const dir = this._t(path9, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path9);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path9, cache) {
        if (path9 in cache) {
          return cache[path9];
        }
        const parentPath = parentOf(path9);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path9] = parent && parent.ignored ? parent : this._rules.test(path9, MODE_IGNORE);
      }
      ignores(path9) {
        return this._test(path9, this._ignoreCache, convertPath(path9)).ignored;
      }
      createFilter() {
        return (path9) => !this.ignores(path9);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path9) {
        return this._test(path9, this._testCache, convertPath(path9));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path9) => checkPath(convertPath(path9), path9, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path9) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path9) || isNotRelative(path9);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module2.exports = factory;
    factory.default = factory;
    module2.exports.isPathValid = isPathValid;
    define(module2.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// server/src/action/main.ts
var import_node_fs8 = require("node:fs");
var path8 = __toESM(require("node:path"));

// server/src/cli/format/escape.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var SHORT_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function unicodeEscape(character) {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function escapeControl(text) {
  return text.replace(UNSAFE, (character) => SHORT_ESCAPES[character] ?? unicodeEscape(character));
}
function inertJson(value) {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, unicodeEscape)}
`;
}

// server/src/cli/format/github.ts
function githubCommand(severity) {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "notice";
}
function formatGithub(diagnostics) {
  return diagnostics.map((diagnostic) => {
    const { start, end } = diagnostic.range;
    const properties = [
      ["file", escapeControl(diagnostic.file)],
      ["line", String(start.line + 1)],
      ["col", String(start.character + 1)],
      ["endLine", String(end.line + 1)],
      ["endColumn", String(end.character + 1)],
      ["title", `connlint ${diagnostic.rule}`]
    ].map(([name, value]) => `${name}=${escapeProperty(value)}`).join(",");
    const related2 = diagnostic.related.map(
      (place) => `
\u21B3 ${escapeControl(place.file)}:${place.range.start.line + 1}:${place.range.start.character + 1}  ${escapeControl(place.message)}`
    );
    return `::${githubCommand(diagnostic.severity)} ${properties}::${escapeData(escapeControl(diagnostic.message) + related2.join(""))}
`;
  }).join("");
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// server/src/action/run.ts
var import_node_fs7 = require("node:fs");
var path7 = __toESM(require("node:path"));

// server/src/core/collections.ts
function pushTo(map, key, value) {
  const list = map.get(key);
  if (list === void 0) map.set(key, [value]);
  else list.push(value);
}
function someIn(items, set) {
  for (const item of items) if (set.has(item)) return true;
  return false;
}

// server/src/core/k8s/pathObjects.ts
var PATH_KINDS = ["Ingress", "DestinationRule"];
var CILIUM_CONFIG_NAME = /\bname["']?[ \t]*:[ \t]*["']?cilium-config["']?[ \t]*(?:[,}#]|\r?$)/m;
var ISTIO_CONFIG_NAME = /\bname["']?[ \t]*:[ \t]*["']?istio(?:-[\w.-]*)?["']?[ \t]*(?:[,}#]|\r?$)/m;
var MESH_KEY = /(?:^[ \t]+|[{,][ \t]*)["']?mesh["']?[ \t]*:/m;
function mayHoldPathTimers(configMapText) {
  return CILIUM_CONFIG_NAME.test(configMapText) || ISTIO_CONFIG_NAME.test(configMapText) && MESH_KEY.test(configMapText);
}

// server/src/core/k8s/objects.ts
var WORKLOAD_KINDS = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DaemonSet", "Pod", "Rollout"];
var KEDA_DEFAULT_MAX_REPLICAS = 100;
var MODELLED_KINDS = /* @__PURE__ */ new Set([
  ...WORKLOAD_KINDS,
  "Service",
  "HorizontalPodAutoscaler",
  "Endpoints",
  "EndpointSlice",
  "KubeProxyConfiguration",
  "ConfigMap",
  "ScaledObject",
  "Namespace",
  "FelixConfiguration",
  "List",
  ...PATH_KINDS
]);
function objectLabel(object) {
  return `${object.kind} "${object.name ?? "(unnamed)"}"`;
}
function isWorkload(object) {
  return WORKLOAD_KINDS.includes(object.kind);
}

// server/src/core/kustomize/strategicMerge.ts
function fileOfValue(object, value) {
  return "file" in value && typeof value.file === "string" ? value.file : object.file;
}
function isPatched(object, value) {
  return value !== void 0 && fileOfValue(object, value) !== object.file;
}
var EMPTY_TEMPLATE = { labels: /* @__PURE__ */ new Map(), annotations: /* @__PURE__ */ new Map(), hostNetwork: void 0, sysctls: [] };
function mergePatch(object, patch) {
  if (isWorkload(object) && isWorkload(patch)) return mergeWorkload(object, patch);
  if (object.kind === "Service" && patch.kind === "Service") return mergeService(object, patch);
  if (object.kind === "HorizontalPodAutoscaler" && patch.kind === "HorizontalPodAutoscaler") {
    return { ...object, target: patch.target ?? object.target, maxReplicas: sourced(patch.maxReplicas, patch.file) ?? object.maxReplicas };
  }
  if (object.kind === "KubeProxyConfiguration" && patch.kind === "KubeProxyConfiguration") return mergeKubeProxyConfigMap(object, patch);
  return object;
}
function mergeWorkload(object, patch) {
  const template = patch.template === void 0 ? object.template : mergeTemplate(object.template, patch.template, patch.file);
  return { ...object, replicas: sourced(patch.replicas, patch.file) ?? object.replicas, template };
}
function mergeTemplate(template, patch, file) {
  const base = template ?? EMPTY_TEMPLATE;
  return {
    labels: new Map([...base.labels, ...patch.labels]),
    annotations: new Map([...base.annotations, ...patch.annotations]),
    hostNetwork: sourced(patch.hostNetwork, file) ?? base.hostNetwork,
    sysctls: mergeSysctls(base.sysctls, patch.sysctls, file)
  };
}
function mergeSysctls(sysctls, patch, file) {
  if (patch.length === 0) return sysctls;
  const merged = [...sysctls];
  for (const entry of patch) {
    const index = merged.findIndex((existing) => existing.name === entry.name);
    if (index === -1) merged.push(patchedEntry(entry, file));
    else if (entry.valueSpan !== void 0) merged[index] = patchedEntry(entry, file);
  }
  return merged;
}
function mergeService(object, patch) {
  const selector = patch.selector === void 0 ? object.selector : new Map([...object.selector ?? [], ...patch.selector]);
  return {
    ...object,
    selector,
    type: patch.type !== "ClusterIP" ? patch.type : object.type,
    headless: object.headless || patch.headless,
    sessionAffinity: sourced(patch.sessionAffinity, patch.file) ?? object.sessionAffinity,
    affinityTimeoutSeconds: sourced(patch.affinityTimeoutSeconds, patch.file) ?? object.affinityTimeoutSeconds,
    affinityTimeoutText: sourced(patch.affinityTimeoutText, patch.file) ?? object.affinityTimeoutText,
    ports: mergePorts(object.ports, patch.ports, patch.file),
    internalTrafficPolicy: sourced(patch.internalTrafficPolicy, patch.file) ?? object.internalTrafficPolicy,
    externalTrafficPolicy: sourced(patch.externalTrafficPolicy, patch.file) ?? object.externalTrafficPolicy,
    annotations: mergeAnnotations(object.annotations, patch.annotations, patch.file),
    loadBalancerClass: patch.loadBalancerClass ?? object.loadBalancerClass
  };
}
function mergePorts(ports, patch, file) {
  if (patch.length === 0) return ports;
  const merged = [...ports];
  for (const entry of patch) {
    const index = entry.port === void 0 ? -1 : merged.findIndex((existing) => existing.port === entry.port && existing.protocol === entry.protocol);
    if (index === -1) merged.push(patchedEntry(entry, file));
    else merged[index] = patchedEntry({ ...entry, name: entry.name ?? merged[index].name }, file);
  }
  return merged;
}
function mergeAnnotations(annotations, patch, file) {
  if (patch.size === 0) return annotations;
  const merged = new Map(annotations);
  for (const [key, annotation] of patch) merged.set(key, patchedEntry(annotation, file));
  return merged;
}
function mergeKubeProxyConfigMap(object, patch) {
  if (object.embeddedKey === void 0 || patch.embeddedKey !== object.embeddedKey) return object;
  return { ...patch, name: object.name, namespace: object.namespace, ignoredRules: [...object.ignoredRules, ...patch.ignoredRules] };
}
function patchedEntry(entry, file) {
  return { ...entry, file };
}
function sourced(value, file) {
  return value === void 0 ? void 0 : { value: value.value, span: value.span, file };
}

// server/src/core/kustomize/transform.ts
function holdsPatchedValues(object) {
  if (object.kind !== "Service") return false;
  return [object.sessionAffinity, object.affinityTimeoutSeconds, object.affinityTimeoutText].some((value) => isPatched(object, value));
}
function patchMatches(emitted, kind, name) {
  return emitted.object.kind === kind && name !== void 0 && emitted.names.includes(name);
}
function targetMatches(emitted, target) {
  const { object } = emitted;
  if (target.kind !== void 0 && target.kind !== writtenKind(object)) return false;
  if (target.namespace !== void 0 && !anchoredMatch(target.namespace, object.namespace)) return false;
  if (target.name !== void 0 && !emitted.names.some((name) => anchoredMatch(target.name, name))) return false;
  if (target.labelSelector !== void 0) {
    const labels = isWorkload(object) ? object.template?.labels : void 0;
    for (const [key, value] of target.labelSelector) if (labels?.get(key) !== value) return false;
  }
  return true;
}
function writtenKind(object) {
  return object.kind === "KubeProxyConfiguration" && object.embeddedKey !== void 0 ? "ConfigMap" : object.kind;
}
function anchoredMatch(pattern, name) {
  try {
    return new RegExp(`^(?:${pattern})$`).test(name);
  } catch {
    return pattern === name;
  }
}
function applyOperations(object, operations) {
  let result = object;
  for (const operation of operations) result = applyOperation(result, operation);
  return result;
}
function applyOperation(object, operation) {
  const [first, second, ...rest] = operation.path;
  if (first === "metadata" && second === "annotations" && object.kind === "Service") return { ...object, annotations: editAnnotations(object.annotations, rest, operation) };
  if (first !== "spec") return object;
  if (isWorkload(object)) return workloadOperation(object, second, rest, operation);
  if (object.kind === "Service") return serviceOperation(object, second, rest, operation);
  const scalar = scalarOf(operation);
  if (object.kind === "HorizontalPodAutoscaler" && second === "maxReplicas" && scalar !== void 0 && Number.isInteger(Number(scalar))) {
    return { ...object, maxReplicas: { value: Number(scalar), span: operation.span, file: operation.file } };
  }
  return object;
}
function workloadOperation(object, field, rest, operation) {
  const scalar = scalarOf(operation);
  if (field === "replicas" && rest.length === 0) {
    const count = scalar === void 0 ? void 0 : Number(scalar);
    return { ...object, replicas: count === void 0 || !Number.isInteger(count) ? void 0 : { value: count, span: operation.span, file: operation.file } };
  }
  if (field !== "template") return object;
  if (rest[0] === "metadata" && rest[1] === "labels") return { ...object, template: withLabels(object.template, rest.slice(2), operation) };
  if (rest[0] === "spec" && rest[1] === "hostNetwork" && rest.length === 2) {
    const hostNetwork = scalar === "true" || scalar === "false" ? { value: scalar === "true", span: operation.span, file: operation.file } : void 0;
    return { ...object, template: { ...object.template ?? EMPTY_TEMPLATE, hostNetwork } };
  }
  return object;
}
function serviceOperation(object, field, rest, operation) {
  const scalar = scalarOf(operation);
  const at = scalar === void 0 ? void 0 : { value: scalar, span: operation.span, file: operation.file };
  if (field === "selector") return { ...object, selector: nonEmpty(editMap(object.selector, rest, operation)) };
  if (rest.length > 0) return object;
  if (field === "sessionAffinity") return { ...object, sessionAffinity: at };
  if (field === "internalTrafficPolicy") return { ...object, internalTrafficPolicy: at };
  if (field === "externalTrafficPolicy") return { ...object, externalTrafficPolicy: at };
  if (field === "loadBalancerClass") return { ...object, loadBalancerClass: scalar };
  return object;
}
function scalarOf(operation) {
  return operation.op !== "remove" && typeof operation.value === "string" ? operation.value : void 0;
}
function editAnnotations(annotations, rest, operation) {
  const written = (value) => ({ value, keySpan: operation.span, valueSpan: operation.span, file: operation.file });
  if (rest.length === 0) {
    const map = operation.op !== "remove" && typeof operation.value === "object" ? operation.value : /* @__PURE__ */ new Map();
    return new Map([...map].map(([key, value]) => [key, written(value)]));
  }
  const result = new Map(annotations);
  const scalar = scalarOf(operation);
  if (scalar === void 0) result.delete(rest[0]);
  else result.set(rest[0], written(scalar));
  return result;
}
function withLabels(template, rest, operation) {
  const base = template ?? EMPTY_TEMPLATE;
  return { ...base, labels: editMap(base.labels, rest, operation) };
}
function editMap(map, rest, operation) {
  if (rest.length === 0) return operation.op === "remove" || typeof operation.value !== "object" ? /* @__PURE__ */ new Map() : new Map(operation.value);
  const result = new Map(map ?? []);
  if (operation.op === "remove") result.delete(rest[0]);
  else if (typeof operation.value === "string") result.set(rest[0], operation.value);
  return result;
}
function nonEmpty(map) {
  return map.size > 0 ? map : void 0;
}
function setNamespace(object, namespace2) {
  return { ...object, namespace: namespace2 };
}
function addLabels(object, entry) {
  if (object.kind === "Service" && entry.selectors) {
    return { ...object, selector: new Map([...object.selector ?? [], ...entry.pairs]) };
  }
  if (isWorkload(object) && entry.templates) {
    const template = object.template ?? EMPTY_TEMPLATE;
    return { ...object, template: { ...template, labels: new Map([...template.labels, ...entry.pairs]) } };
  }
  return object;
}
var SCALABLE_KINDS = /* @__PURE__ */ new Set(["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet"]);
function setReplicas(emitted, entry) {
  const { object } = emitted;
  if (!SCALABLE_KINDS.has(object.kind) || !emitted.names.includes(entry.name) || !isWorkload(object)) return object;
  const replicas = { value: entry.count, span: entry.span, file: entry.file };
  return { ...object, replicas };
}
function mapObjects(objects, change) {
  return objects.map((item) => {
    const object = change(item.object);
    return object === item.object ? item : { object, names: item.names };
  });
}
function rename(objects, prefix, suffix) {
  const renamed = /* @__PURE__ */ new Map();
  const named = objects.map((item) => {
    if (item.object.name === void 0) return item;
    const name = `${prefix}${item.object.name}${suffix}`;
    renamed.set(`${item.object.kind}/${item.object.name}`, name);
    return { object: { ...item.object, name }, names: [...item.names, name] };
  });
  return named.map((item) => {
    const { object } = item;
    if (object.kind !== "HorizontalPodAutoscaler" || object.target === void 0) return item;
    const name = renamed.get(`${object.target.kind}/${object.target.name}`);
    return name === void 0 ? item : { object: { ...object, target: { ...object.target, name } }, names: item.names };
  });
}

// node_modules/vscode-uri/lib/esm/index.mjs
var t = { 975(t2) {
  function e2(t3) {
    if ("string" != typeof t3) throw new TypeError("Path must be a string. Received " + JSON.stringify(t3));
  }
  function r2(t3, e3) {
    for (var r3, n3 = "", i2 = 0, o2 = -1, h2 = 0, s2 = 0; s2 <= t3.length; ++s2) {
      if (s2 < t3.length) r3 = t3.charCodeAt(s2);
      else {
        if (47 === r3) break;
        r3 = 47;
      }
      if (47 === r3) {
        if (o2 === s2 - 1 || 1 === h2) ;
        else if (o2 !== s2 - 1 && 2 === h2) {
          if (n3.length < 2 || 2 !== i2 || 46 !== n3.charCodeAt(n3.length - 1) || 46 !== n3.charCodeAt(n3.length - 2)) {
            if (n3.length > 2) {
              var a2 = n3.lastIndexOf("/");
              if (a2 !== n3.length - 1) {
                -1 === a2 ? (n3 = "", i2 = 0) : i2 = (n3 = n3.slice(0, a2)).length - 1 - n3.lastIndexOf("/"), o2 = s2, h2 = 0;
                continue;
              }
            } else if (2 === n3.length || 1 === n3.length) {
              n3 = "", i2 = 0, o2 = s2, h2 = 0;
              continue;
            }
          }
          e3 && (n3.length > 0 ? n3 += "/.." : n3 = "..", i2 = 2);
        } else n3.length > 0 ? n3 += "/" + t3.slice(o2 + 1, s2) : n3 = t3.slice(o2 + 1, s2), i2 = s2 - o2 - 1;
        o2 = s2, h2 = 0;
      } else 46 === r3 && -1 !== h2 ? ++h2 : h2 = -1;
    }
    return n3;
  }
  var n2 = { resolve: function() {
    for (var t3, n3 = "", i2 = false, o2 = arguments.length - 1; o2 >= -1 && !i2; o2--) {
      var h2;
      o2 >= 0 ? h2 = arguments[o2] : (void 0 === t3 && (t3 = process.cwd()), h2 = t3), e2(h2), 0 !== h2.length && (n3 = h2 + "/" + n3, i2 = 47 === h2.charCodeAt(0));
    }
    return n3 = r2(n3, !i2), i2 ? n3.length > 0 ? "/" + n3 : "/" : n3.length > 0 ? n3 : ".";
  }, normalize: function(t3) {
    if (e2(t3), 0 === t3.length) return ".";
    var n3 = 47 === t3.charCodeAt(0), i2 = 47 === t3.charCodeAt(t3.length - 1);
    return 0 !== (t3 = r2(t3, !n3)).length || n3 || (t3 = "."), t3.length > 0 && i2 && (t3 += "/"), n3 ? "/" + t3 : t3;
  }, isAbsolute: function(t3) {
    return e2(t3), t3.length > 0 && 47 === t3.charCodeAt(0);
  }, join: function() {
    if (0 === arguments.length) return ".";
    for (var t3, r3 = 0; r3 < arguments.length; ++r3) {
      var i2 = arguments[r3];
      e2(i2), i2.length > 0 && (void 0 === t3 ? t3 = i2 : t3 += "/" + i2);
    }
    return void 0 === t3 ? "." : n2.normalize(t3);
  }, relative: function(t3, r3) {
    if (e2(t3), e2(r3), t3 === r3) return "";
    if ((t3 = n2.resolve(t3)) === (r3 = n2.resolve(r3))) return "";
    for (var i2 = 1; i2 < t3.length && 47 === t3.charCodeAt(i2); ++i2) ;
    for (var o2 = t3.length, h2 = o2 - i2, s2 = 1; s2 < r3.length && 47 === r3.charCodeAt(s2); ++s2) ;
    for (var a2 = r3.length - s2, c2 = h2 < a2 ? h2 : a2, f2 = -1, u2 = 0; u2 <= c2; ++u2) {
      if (u2 === c2) {
        if (a2 > c2) {
          if (47 === r3.charCodeAt(s2 + u2)) return r3.slice(s2 + u2 + 1);
          if (0 === u2) return r3.slice(s2 + u2);
        } else h2 > c2 && (47 === t3.charCodeAt(i2 + u2) ? f2 = u2 : 0 === u2 && (f2 = 0));
        break;
      }
      var l2 = t3.charCodeAt(i2 + u2);
      if (l2 !== r3.charCodeAt(s2 + u2)) break;
      47 === l2 && (f2 = u2);
    }
    var g2 = "";
    for (u2 = i2 + f2 + 1; u2 <= o2; ++u2) u2 !== o2 && 47 !== t3.charCodeAt(u2) || (0 === g2.length ? g2 += ".." : g2 += "/..");
    return g2.length > 0 ? g2 + r3.slice(s2 + f2) : (s2 += f2, 47 === r3.charCodeAt(s2) && ++s2, r3.slice(s2));
  }, _makeLong: function(t3) {
    return t3;
  }, dirname: function(t3) {
    if (e2(t3), 0 === t3.length) return ".";
    for (var r3 = t3.charCodeAt(0), n3 = 47 === r3, i2 = -1, o2 = true, h2 = t3.length - 1; h2 >= 1; --h2) if (47 === (r3 = t3.charCodeAt(h2))) {
      if (!o2) {
        i2 = h2;
        break;
      }
    } else o2 = false;
    return -1 === i2 ? n3 ? "/" : "." : n3 && 1 === i2 ? "//" : t3.slice(0, i2);
  }, basename: function(t3, r3) {
    if (void 0 !== r3 && "string" != typeof r3) throw new TypeError('"ext" argument must be a string');
    e2(t3);
    var n3, i2 = 0, o2 = -1, h2 = true;
    if (void 0 !== r3 && r3.length > 0 && r3.length <= t3.length) {
      if (r3.length === t3.length && r3 === t3) return "";
      var s2 = r3.length - 1, a2 = -1;
      for (n3 = t3.length - 1; n3 >= 0; --n3) {
        var c2 = t3.charCodeAt(n3);
        if (47 === c2) {
          if (!h2) {
            i2 = n3 + 1;
            break;
          }
        } else -1 === a2 && (h2 = false, a2 = n3 + 1), s2 >= 0 && (c2 === r3.charCodeAt(s2) ? -1 === --s2 && (o2 = n3) : (s2 = -1, o2 = a2));
      }
      return i2 === o2 ? o2 = a2 : -1 === o2 && (o2 = t3.length), t3.slice(i2, o2);
    }
    for (n3 = t3.length - 1; n3 >= 0; --n3) if (47 === t3.charCodeAt(n3)) {
      if (!h2) {
        i2 = n3 + 1;
        break;
      }
    } else -1 === o2 && (h2 = false, o2 = n3 + 1);
    return -1 === o2 ? "" : t3.slice(i2, o2);
  }, extname: function(t3) {
    e2(t3);
    for (var r3 = -1, n3 = 0, i2 = -1, o2 = true, h2 = 0, s2 = t3.length - 1; s2 >= 0; --s2) {
      var a2 = t3.charCodeAt(s2);
      if (47 !== a2) -1 === i2 && (o2 = false, i2 = s2 + 1), 46 === a2 ? -1 === r3 ? r3 = s2 : 1 !== h2 && (h2 = 1) : -1 !== r3 && (h2 = -1);
      else if (!o2) {
        n3 = s2 + 1;
        break;
      }
    }
    return -1 === r3 || -1 === i2 || 0 === h2 || 1 === h2 && r3 === i2 - 1 && r3 === n3 + 1 ? "" : t3.slice(r3, i2);
  }, format: function(t3) {
    if (null === t3 || "object" != typeof t3) throw new TypeError('The "pathObject" argument must be of type Object. Received type ' + typeof t3);
    return (function(t4, e3) {
      var r3 = e3.dir || e3.root, n3 = e3.base || (e3.name || "") + (e3.ext || "");
      return r3 ? r3 === e3.root ? r3 + n3 : r3 + "/" + n3 : n3;
    })(0, t3);
  }, parse: function(t3) {
    e2(t3);
    var r3 = { root: "", dir: "", base: "", ext: "", name: "" };
    if (0 === t3.length) return r3;
    var n3, i2 = t3.charCodeAt(0), o2 = 47 === i2;
    o2 ? (r3.root = "/", n3 = 1) : n3 = 0;
    for (var h2 = -1, s2 = 0, a2 = -1, c2 = true, f2 = t3.length - 1, u2 = 0; f2 >= n3; --f2) if (47 !== (i2 = t3.charCodeAt(f2))) -1 === a2 && (c2 = false, a2 = f2 + 1), 46 === i2 ? -1 === h2 ? h2 = f2 : 1 !== u2 && (u2 = 1) : -1 !== h2 && (u2 = -1);
    else if (!c2) {
      s2 = f2 + 1;
      break;
    }
    return -1 === h2 || -1 === a2 || 0 === u2 || 1 === u2 && h2 === a2 - 1 && h2 === s2 + 1 ? -1 !== a2 && (r3.base = r3.name = 0 === s2 && o2 ? t3.slice(1, a2) : t3.slice(s2, a2)) : (0 === s2 && o2 ? (r3.name = t3.slice(1, h2), r3.base = t3.slice(1, a2)) : (r3.name = t3.slice(s2, h2), r3.base = t3.slice(s2, a2)), r3.ext = t3.slice(h2, a2)), s2 > 0 ? r3.dir = t3.slice(0, s2 - 1) : o2 && (r3.dir = "/"), r3;
  }, sep: "/", delimiter: ":", win32: null, posix: null };
  n2.posix = n2, t2.exports = n2;
} };
var e = {};
function r(n2) {
  var i2 = e[n2];
  if (void 0 !== i2) return i2.exports;
  var o2 = e[n2] = { exports: {} };
  return t[n2](o2, o2.exports, r), o2.exports;
}
var n;
if (r.d = (t2, e2) => {
  for (var n2 in e2) r.o(e2, n2) && !r.o(t2, n2) && Object.defineProperty(t2, n2, { enumerable: true, get: e2[n2] });
}, r.o = (t2, e2) => Object.prototype.hasOwnProperty.call(t2, e2), "object" == typeof process) n = "win32" === process.platform;
else if ("object" == typeof navigator) {
  let t2 = navigator.userAgent;
  n = t2.indexOf("Windows") >= 0;
}
var i = /^\w[\w\d+.-]*$/;
var o = /^\//;
var h = /^\/\//;
function s(t2, e2) {
  if (!t2.scheme && e2) throw new Error(`[UriError]: Scheme is missing: {scheme: "", authority: "${t2.authority}", path: "${t2.path}", query: "${t2.query}", fragment: "${t2.fragment}"}`);
  if (t2.scheme && !i.test(t2.scheme)) throw new Error("[UriError]: Scheme contains illegal characters.");
  if (t2.path) {
    if (t2.authority) {
      if (!o.test(t2.path)) throw new Error('[UriError]: If a URI contains an authority component, then the path component must either be empty or begin with a slash ("/") character');
    } else if (h.test(t2.path)) throw new Error('[UriError]: If a URI does not contain an authority component, then the path cannot begin with two slash characters ("//")');
  }
}
var a = "";
var c = "/";
var f = /^(([^:/?#]+?):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/;
var u = class _u {
  static isUri(t2) {
    return t2 instanceof _u || !!t2 && "string" == typeof t2.authority && "string" == typeof t2.fragment && "string" == typeof t2.path && "string" == typeof t2.query && "string" == typeof t2.scheme && "string" == typeof t2.fsPath && "function" == typeof t2.with && "function" == typeof t2.toString;
  }
  scheme;
  authority;
  path;
  query;
  fragment;
  constructor(t2, e2, r2, n2, i2, o2 = false) {
    "object" == typeof t2 ? (this.scheme = t2.scheme || a, this.authority = t2.authority || a, this.path = t2.path || a, this.query = t2.query || a, this.fragment = t2.fragment || a) : (this.scheme = /* @__PURE__ */ (function(t3, e3) {
      return t3 || e3 ? t3 : "file";
    })(t2, o2), this.authority = e2 || a, this.path = (function(t3, e3) {
      switch (t3) {
        case "https":
        case "http":
        case "file":
          e3 ? e3[0] !== c && (e3 = c + e3) : e3 = c;
      }
      return e3;
    })(this.scheme, r2 || a), this.query = n2 || a, this.fragment = i2 || a, s(this, o2));
  }
  get fsPath() {
    return y(this, false);
  }
  with(t2) {
    if (!t2) return this;
    let { scheme: e2, authority: r2, path: n2, query: i2, fragment: o2 } = t2;
    return void 0 === e2 ? e2 = this.scheme : null === e2 && (e2 = a), void 0 === r2 ? r2 = this.authority : null === r2 && (r2 = a), void 0 === n2 ? n2 = this.path : null === n2 && (n2 = a), void 0 === i2 ? i2 = this.query : null === i2 && (i2 = a), void 0 === o2 ? o2 = this.fragment : null === o2 && (o2 = a), e2 === this.scheme && r2 === this.authority && n2 === this.path && i2 === this.query && o2 === this.fragment ? this : new g(e2, r2, n2, i2, o2);
  }
  static parse(t2, e2 = false) {
    const r2 = f.exec(t2);
    return r2 ? new g(r2[2] || a, A(r2[4] || a), A(r2[5] || a), A(r2[7] || a), A(r2[9] || a), e2) : new g(a, a, a, a, a);
  }
  static file(t2) {
    let e2 = a;
    if (n && (t2 = t2.replace(/\\/g, c)), t2[0] === c && t2[1] === c) {
      const r2 = t2.indexOf(c, 2);
      -1 === r2 ? (e2 = t2.substring(2), t2 = c) : (e2 = t2.substring(2, r2), t2 = t2.substring(r2) || c);
    }
    return new g("file", e2, t2, a, a);
  }
  static from(t2) {
    const e2 = new g(t2.scheme, t2.authority, t2.path, t2.query, t2.fragment);
    return s(e2, true), e2;
  }
  toString(t2 = false) {
    return v(this, t2);
  }
  toJSON() {
    return this;
  }
  static revive(t2) {
    if (t2) {
      if (t2 instanceof _u) return t2;
      {
        const e2 = new g(t2);
        return e2._formatted = t2.external, e2._fsPath = t2._sep === l ? t2.fsPath : null, e2;
      }
    }
    return t2;
  }
};
var l = n ? 1 : void 0;
var g = class extends u {
  _formatted = null;
  _fsPath = null;
  get fsPath() {
    return this._fsPath || (this._fsPath = y(this, false)), this._fsPath;
  }
  toString(t2 = false) {
    return t2 ? v(this, true) : (this._formatted || (this._formatted = v(this, false)), this._formatted);
  }
  toJSON() {
    const t2 = { $mid: 1 };
    return this._fsPath && (t2.fsPath = this._fsPath, t2._sep = l), this._formatted && (t2.external = this._formatted), this.path && (t2.path = this.path), this.scheme && (t2.scheme = this.scheme), this.authority && (t2.authority = this.authority), this.query && (t2.query = this.query), this.fragment && (t2.fragment = this.fragment), t2;
  }
};
var p = { 58: "%3A", 47: "%2F", 63: "%3F", 35: "%23", 91: "%5B", 93: "%5D", 64: "%40", 33: "%21", 36: "%24", 38: "%26", 39: "%27", 40: "%28", 41: "%29", 42: "%2A", 43: "%2B", 44: "%2C", 59: "%3B", 61: "%3D", 32: "%20" };
function d(t2, e2, r2) {
  let n2, i2 = -1;
  for (let o2 = 0; o2 < t2.length; o2++) {
    const h2 = t2.charCodeAt(o2);
    if (h2 >= 97 && h2 <= 122 || h2 >= 65 && h2 <= 90 || h2 >= 48 && h2 <= 57 || 45 === h2 || 46 === h2 || 95 === h2 || 126 === h2 || e2 && 47 === h2 || r2 && 91 === h2 || r2 && 93 === h2 || r2 && 58 === h2) -1 !== i2 && (n2 += encodeURIComponent(t2.substring(i2, o2)), i2 = -1), void 0 !== n2 && (n2 += t2.charAt(o2));
    else {
      void 0 === n2 && (n2 = t2.substr(0, o2));
      const e3 = p[h2];
      void 0 !== e3 ? (-1 !== i2 && (n2 += encodeURIComponent(t2.substring(i2, o2)), i2 = -1), n2 += e3) : -1 === i2 && (i2 = o2);
    }
  }
  return -1 !== i2 && (n2 += encodeURIComponent(t2.substring(i2))), void 0 !== n2 ? n2 : t2;
}
function m(t2) {
  let e2;
  for (let r2 = 0; r2 < t2.length; r2++) {
    const n2 = t2.charCodeAt(r2);
    35 === n2 || 63 === n2 ? (void 0 === e2 && (e2 = t2.substr(0, r2)), e2 += p[n2]) : void 0 !== e2 && (e2 += t2[r2]);
  }
  return void 0 !== e2 ? e2 : t2;
}
function y(t2, e2) {
  let r2;
  return r2 = t2.authority && t2.path.length > 1 && "file" === t2.scheme ? `//${t2.authority}${t2.path}` : 47 === t2.path.charCodeAt(0) && (t2.path.charCodeAt(1) >= 65 && t2.path.charCodeAt(1) <= 90 || t2.path.charCodeAt(1) >= 97 && t2.path.charCodeAt(1) <= 122) && 58 === t2.path.charCodeAt(2) ? e2 ? t2.path.substr(1) : t2.path[1].toLowerCase() + t2.path.substr(2) : t2.path, n && (r2 = r2.replace(/\//g, "\\")), r2;
}
function v(t2, e2) {
  const r2 = e2 ? m : d;
  let n2 = "", { scheme: i2, authority: o2, path: h2, query: s2, fragment: a2 } = t2;
  if (i2 && (n2 += i2, n2 += ":"), (o2 || "file" === i2) && (n2 += c, n2 += c), o2) {
    let t3 = o2.indexOf("@");
    if (-1 !== t3) {
      const e3 = o2.substr(0, t3);
      o2 = o2.substr(t3 + 1), t3 = e3.lastIndexOf(":"), -1 === t3 ? n2 += r2(e3, false, false) : (n2 += r2(e3.substr(0, t3), false, false), n2 += ":", n2 += r2(e3.substr(t3 + 1), false, true)), n2 += "@";
    }
    o2 = o2.toLowerCase(), t3 = o2.lastIndexOf(":"), -1 === t3 ? n2 += r2(o2, false, true) : (n2 += r2(o2.substr(0, t3), false, true), n2 += o2.substr(t3));
  }
  if (h2) {
    if (h2.length >= 3 && 47 === h2.charCodeAt(0) && 58 === h2.charCodeAt(2)) {
      const t3 = h2.charCodeAt(1);
      t3 >= 65 && t3 <= 90 && (h2 = `/${String.fromCharCode(t3 + 32)}:${h2.substr(3)}`);
    } else if (h2.length >= 2 && 58 === h2.charCodeAt(1)) {
      const t3 = h2.charCodeAt(0);
      t3 >= 65 && t3 <= 90 && (h2 = `${String.fromCharCode(t3 + 32)}:${h2.substr(2)}`);
    }
    n2 += r2(h2, true, false);
  }
  return s2 && (n2 += "?", n2 += r2(s2, false, false)), a2 && (n2 += "#", n2 += e2 ? a2 : d(a2, false, false)), n2;
}
function b(t2) {
  try {
    return decodeURIComponent(t2);
  } catch {
    return t2.length > 3 ? t2.substr(0, 3) + b(t2.substr(3)) : t2;
  }
}
var C = /(%[0-9A-Za-z][0-9A-Za-z])+/g;
function A(t2) {
  return t2.match(C) ? t2.replace(C, (t3) => b(t3)) : t2;
}
var w = r(975);
var x = w.posix || w;
var P = "/";
var _;
!(function(t2) {
  t2.joinPath = function(t3, ...e2) {
    return t3.with({ path: x.join(t3.path, ...e2) });
  }, t2.resolvePath = function(t3, ...e2) {
    let r2 = t3.path, n2 = false;
    r2[0] !== P && (r2 = P + r2, n2 = true);
    let i2 = x.resolve(r2, ...e2);
    return n2 && i2[0] === P && !t3.authority && (i2 = i2.substring(1)), t3.with({ path: i2 });
  }, t2.dirname = function(t3) {
    if (0 === t3.path.length || t3.path === P) return t3;
    let e2 = x.dirname(t3.path);
    return 1 === e2.length && 46 === e2.charCodeAt(0) && (e2 = ""), t3.with({ path: e2 });
  }, t2.basename = function(t3) {
    return x.basename(t3.path);
  }, t2.extname = function(t3) {
    return x.extname(t3.path);
  };
})(_ || (_ = {}));

// server/src/core/kustomize/paths.ts
function directoryOf(path9) {
  const slash = path9.lastIndexOf("/");
  return slash === -1 ? "" : path9.slice(0, slash);
}
var URI_PATH = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;
function joinPath(directory, written) {
  if (URI_PATH.test(directory)) return joinUri(directory, written);
  const absolute = written.startsWith("/");
  const segments = absolute ? [] : directory.split("/").filter((segment, index) => segment !== "" || index === 0);
  const leading = directory.startsWith("/") && !absolute ? "/" : "";
  for (const segment of written.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && segments.length > 0 && segments[segments.length - 1] !== ".." && segments[segments.length - 1] !== "") segments.pop();
    else segments.push(segment);
  }
  const joined = segments.filter((segment) => segment !== "").join("/");
  return (absolute ? "/" : leading) + joined;
}
function joinUri(directory, written) {
  const base = u.parse(directory);
  const joined = written.startsWith("/") ? base.with({ path: written }) : _.joinPath(base, written);
  return joined.with({ path: joined.path.replace(/(?<=.)\/+$/, "") }).toString();
}
function buildName(directory) {
  return directory === "" ? "." : directory;
}

// server/src/core/model/backends.ts
function backendsOf(service2, model) {
  const sources = service2.selector === void 0 ? endpointSources(service2, model) : selectedSources(service2, service2.selector, model);
  const contributing = sources.filter((source) => source.count > 0);
  return {
    count: contributing.reduce((sum, source) => sum + source.count, 0),
    sources: contributing,
    upTo: contributing.some((source) => source.autoscaled)
  };
}
function selectedSources(service2, selector, model) {
  const build = model.buildOf(service2);
  const matching = model.workloadsSelectedBy(service2.namespace, selector, build);
  const identities = /* @__PURE__ */ new Set();
  const near = nearest(service2.file, matching);
  return (build === void 0 && definedElsewhereBeside(service2, model) ? sameVariant(service2.file, near) : near).filter((workload2) => {
    const identity = `${workload2.kind}/${workload2.name ?? ""}`;
    const first = !identities.has(identity);
    identities.add(identity);
    return first;
  }).flatMap((workload2) => {
    const rollouts = model.rolloutsReferencing(workload2);
    if (rollouts.length === 0) return [workloadSource(workload2, workload2, model)];
    return nearest(workload2.file, rollouts).map((rollout) => workloadSource(rollout, workload2, model));
  });
}
function nearest(file, objects) {
  const sameFile = objects.filter((object) => object.file === file);
  if (sameFile.length > 0) return sameFile;
  const distances = objects.map((object) => directoryDistance(file, object.file));
  const best = distances.reduce((min, distance) => Math.min(min, distance), Infinity);
  return objects.filter((_2, index) => distances[index] === best);
}
function isNearby(from, to) {
  const distance = directoryDistance(from, to);
  return Math.floor(distance / 1e3) <= 1 && distance % 1e3 <= 1;
}
function definedElsewhereBeside(service2, model) {
  if (service2.name === void 0) return false;
  const folder = directoryOf(service2.file);
  return model.servicesNamed(service2.namespace, service2.name).some((other) => other.file !== service2.file && directoryOf(other.file) === folder);
}
function sameVariant(serviceFile, workloads) {
  const words = nameWords(serviceFile);
  const shared = workloads.map((workload2) => workload2.file === serviceFile ? Infinity : commonWords(words, nameWords(workload2.file)));
  const best = Math.max(...shared);
  return workloads.filter((_2, index) => shared[index] === best);
}
function nameWords(file) {
  return file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "").split(/[-_.]/);
}
function commonWords(a2, b2) {
  let count = 0;
  while (count < a2.length && count < b2.length && a2[count] === b2[count]) count++;
  return count;
}
function directoryDistance(from, to) {
  const limit = Math.min(from.lastIndexOf("/"), to.lastIndexOf("/"));
  let common = 0;
  for (let i2 = 0; i2 <= limit && from.charCodeAt(i2) === to.charCodeAt(i2); i2++) if (from.charCodeAt(i2) === SLASH) common++;
  return (slashes(from) - common) * 1e3 + (slashes(to) - common);
}
var SLASH = 47;
function slashes(path9) {
  let count = 0;
  for (let at = path9.indexOf("/"); at !== -1; at = path9.indexOf("/", at + 1)) count++;
  return count;
}
function workloadSource(workload2, template, model) {
  const build = model.buildOf(workload2);
  const label = build === void 0 ? objectLabel(workload2) : `${objectLabel(workload2)} of ${build.name}`;
  const name = workload2 === template ? label : `${label} (the pods of ${objectLabel(template)})`;
  const place = workload2.replicas === void 0 ? { file: workload2.file, span: workload2.nameSpan } : { file: fileOfValue(workload2, workload2.replicas), span: workload2.replicas.span };
  const at = { ...place, workload: template, autoscaled: false };
  if (workload2.kind === "Pod") return { object: workload2, count: 1, reason: objectLabel(workload2), ...at };
  if (workload2.kind === "DaemonSet") return { object: workload2, count: Infinity, reason: `${name} runs a pod on every node`, ...at };
  const replicas = workload2.replicas?.value ?? 1;
  const written = workload2.replicas === void 0 ? "leaves replicas unset (1)" : `has replicas: ${replicas}`;
  const autoscaler2 = replicas === 0 ? void 0 : largestAutoscaler(workload2, model);
  if (autoscaler2?.maxReplicas !== void 0 && autoscaler2.maxReplicas.value > replicas) {
    return {
      object: autoscaler2,
      count: autoscaler2.maxReplicas.value,
      reason: `${name} ${written} and ${objectLabel(autoscaler2)} scales it up to ${maxReplicasText(autoscaler2)}`,
      file: fileOfValue(autoscaler2, autoscaler2.maxReplicas),
      span: autoscaler2.maxReplicas.span,
      workload: template,
      autoscaled: true
    };
  }
  return { object: workload2, count: Math.max(replicas, 0), reason: `${name} ${written}`, ...at };
}
function maxReplicasText(autoscaler2) {
  const value = autoscaler2.maxReplicas?.value;
  if (autoscaler2.kind === "HorizontalPodAutoscaler") return `maxReplicas: ${value}`;
  return autoscaler2.maxReplicasWritten ? `maxReplicaCount: ${value}` : `maxReplicaCount: ${value} (KEDA's default)`;
}
function largestAutoscaler(workload2, model) {
  let largest;
  for (const autoscaler2 of nearest(workload2.file, model.autoscalersOf(workload2))) {
    if ((autoscaler2.maxReplicas?.value ?? 0) > (largest?.maxReplicas?.value ?? 0)) largest = autoscaler2;
  }
  return largest;
}
function endpointSources(service2, model) {
  return nearest(service2.file, model.endpointSetsOf(service2)).map((set) => ({
    object: set,
    count: set.addressCount,
    reason: `${objectLabel(set)} lists ${set.addressCount} address${set.addressCount === 1 ? "" : "es"}`,
    file: set.file,
    span: set.nameSpan,
    workload: void 0,
    autoscaled: false
  }));
}
function formatCount(count, upTo = false) {
  if (!Number.isFinite(count)) return "one backend per node";
  return `${upTo ? "up to " : ""}${count} backend${count === 1 ? "" : "s"}`;
}

// server/src/core/model/derivedValues.ts
var DerivedValues = class {
  constructor(facets) {
    this.facets = facets;
  }
  facets;
  values = /* @__PURE__ */ new Map();
  /** The value of that name, computed by `compute` when it is not kept; records a read of its facet. */
  read(name, compute, same) {
    this.facets.read(valueFacet(name), void 0);
    let derived = this.values.get(name);
    if (derived === void 0) {
      const { result, reads } = this.facets.recordReads(compute, true);
      derived = { value: result, reads, compute, same };
      this.values.set(name, derived);
    }
    return derived.value;
  }
  /** Brings the kept values up to date after `changes`; the changes, with the facet of each value that changed. */
  update(changes) {
    let updated = changes;
    for (const [name, derived] of this.values) {
      if (!someIn(derived.reads, changes)) continue;
      const { result, reads } = this.facets.recordReads(derived.compute, true);
      this.values.set(name, { ...derived, value: result, reads });
      if (derived.same(derived.value, result)) continue;
      if (updated === changes) updated = new Set(changes);
      updated.add(valueFacet(name));
    }
    return updated;
  }
  /** Forgets every value: after a change to everything. */
  clear() {
    this.values.clear();
  }
};
var valueFacet = (name) => `value:${name}`;

// server/src/core/model/facetLog.ts
var EVERYTHING = "everything";
var MAX_LISTED_CHANGES = 5e4;
var FacetLog = class {
  changes = /* @__PURE__ */ new Set();
  reads;
  derived = new DerivedValues(this);
  /**
   * Runs `compute` and returns the facets it read, with its result; an enclosing recording gets
   * them too, unless `apart` (a value kept apart, read by the enclosing one as a facet of its own).
   */
  recordReads(compute, apart = false) {
    const outer = this.reads;
    const reads = /* @__PURE__ */ new Set();
    this.reads = reads;
    try {
      return { result: compute(), reads };
    } finally {
      this.reads = outer;
      if (outer !== void 0 && !apart) for (const facet of reads) outer.add(facet);
    }
  }
  /** Notes that the computation being recorded read a facet, and passes its value through. */
  read(facet, value) {
    this.reads?.add(facet);
    return value;
  }
  /** Notes that a facet changed. */
  changed(facet) {
    if (this.changes === EVERYTHING) return;
    this.changes.add(facet);
    if (this.changes.size > MAX_LISTED_CHANGES) this.changes = EVERYTHING;
  }
  /** Notes that every facet changed. */
  changedEverything() {
    this.changes = EVERYTHING;
  }
  /**
   * A value computed from what `compute` reads, read as a facet of its own that changes only when
   * the value does (see DerivedValues); computed again when `takeChanges` finds a facet it read changed.
   */
  derive(name, compute, same) {
    return this.derived.read(name, compute, same);
  }
  /** The facets changed since the last call (or since the log was made), or EVERYTHING. */
  takeChanges() {
    const changes = this.changes;
    this.changes = /* @__PURE__ */ new Set();
    if (changes !== EVERYTHING) return this.derived.update(changes);
    this.derived.clear();
    return changes;
  }
};

// server/src/core/sysctl/order.ts
var SYSTEM_DIRECTORIES = ["etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d", "usr/lib/sysctl.d", "lib/sysctl.d"];
function sysctlApplicationOrder(paths) {
  const dropIns = [];
  const mainFiles = [];
  for (const path9 of paths) {
    const { directory, name } = splitPath(path9);
    if (name === "sysctl.conf" && !directory.endsWith("sysctl.d")) {
      mainFiles.push(path9);
      continue;
    }
    const system = SYSTEM_DIRECTORIES.findIndex((suffix) => directory === suffix || directory.endsWith(`/${suffix}`));
    const root = system === -1 ? void 0 : directory.slice(0, directory.length - SYSTEM_DIRECTORIES[system].length);
    dropIns.push({ path: path9, name, root, precedence: system === -1 ? SYSTEM_DIRECTORIES.length : system });
  }
  const winners = /* @__PURE__ */ new Map();
  const kept = [];
  for (const file of dropIns) {
    if (file.root === void 0) {
      kept.push(file);
      continue;
    }
    const id = `${file.root}\0${file.name}`;
    const current = winners.get(id);
    if (current === void 0 || file.precedence < current.precedence) winners.set(id, file);
  }
  kept.push(...winners.values());
  kept.sort((a2, b2) => compare(a2.name, b2.name) || compare(a2.path, b2.path));
  mainFiles.sort(compare);
  return [...kept.map((file) => file.path), ...mainFiles];
}
function splitPath(path9) {
  const normalised2 = path9.replace(/\\/g, "/");
  const slash = normalised2.lastIndexOf("/");
  return { directory: normalised2.slice(0, Math.max(slash, 0)), name: normalised2.slice(slash + 1) };
}
function compare(a2, b2) {
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}
function nodeRootOf(path9) {
  const { directory, name } = splitPath(path9);
  for (const suffix of [...SYSTEM_DIRECTORIES, "etc"]) {
    if (suffix === "etc" && name !== "sysctl.conf") continue;
    if (directory === suffix) return "";
    if (directory.endsWith(`/${suffix}`)) return directory.slice(0, directory.length - suffix.length);
  }
  if (directory === "sysctl.d") return "";
  if (directory.endsWith("/sysctl.d")) return directory.slice(0, directory.length - "sysctl.d".length);
  return `${directory}/`;
}
var SYSCTL_CONF_BOOT_NAME = "99-sysctl.conf";
function isMainSysctlFile(path9) {
  const { directory, name } = splitPath(path9);
  return name === "sysctl.conf" && !directory.endsWith("sysctl.d");
}
function bootOrder(entries3) {
  const bootName = (file) => isMainSysctlFile(file) ? SYSCTL_CONF_BOOT_NAME : splitPath(file).name;
  return entries3.map((entry, index) => ({ entry, index, name: bootName(entry.file) })).sort((a2, b2) => compare(a2.name, b2.name) || a2.index - b2.index).map(({ entry }) => entry);
}
function modulesLoadRootOf(path9) {
  return nodeRootOf(path9.replace(/\\/g, "/").replace(/(^|\/)modules-load\.d(\/[^/]*)$/, "$1sysctl.d$2"));
}
function moduleOfKey(key) {
  if (key.startsWith("net.netfilter.nf_conntrack_")) return "nf_conntrack";
  if (key.startsWith("net.ipv4.vs.")) return "ip_vs";
  return void 0;
}

// server/src/core/model/nodeFiles.ts
var NodeFiles = class {
  sysctlOrder = [];
  assignmentsByKey = /* @__PURE__ */ new Map();
  assignmentsByImage = /* @__PURE__ */ new Map();
  imageRoots = [];
  modulesByRoot = /* @__PURE__ */ new Map();
  /** Sysctl files in application order. */
  get sysctlFiles() {
    return this.sysctlOrder;
  }
  /** The node images of the sysctl files (their roots, see nodeRootOf), in path order. */
  get images() {
    return this.imageRoots;
  }
  /** Every assignment of a sysctl key, in the order the node applies them: on every image, or on one. */
  assignments(key, image) {
    return (image === void 0 ? this.assignmentsByKey : this.assignmentsByImage.get(image))?.get(key) ?? [];
  }
  /** The modules the modules-load.d files of a node root list; undefined when there are none. */
  modulesLoadedAtBoot(root) {
    return this.modulesByRoot.get(root);
  }
  /** Updates after file `previous` became `next` among `files`, calling `changed` with the facets that changed. */
  update(files, previous, next, changed) {
    if (previous?.role === "sysctl" || next?.role === "sysctl") {
      ({ files: this.sysctlOrder, assignmentsByKey: this.assignmentsByKey, assignmentsByImage: this.assignmentsByImage } = nodeSysctlOrder(files.values()));
      this.imageRoots = [...this.assignmentsByImage.keys()].sort(comparePaths);
      changed("sysctlFiles");
      for (const file of [previous, next]) for (const assignment of file?.sysctl?.assignments ?? []) changed(`nodeSysctl:${assignment.key}`);
    }
    if (previous?.role === "modules-load" || next?.role === "modules-load") {
      this.modulesByRoot = modulesLoadedByRoot(files.values());
      changed("modulesLoad");
    }
  }
};
function nodeSysctlOrder(files) {
  const byPath = /* @__PURE__ */ new Map();
  for (const file of files) if (file.role === "sysctl") byPath.set(file.path, file);
  const ordered = sysctlApplicationOrder([...byPath.keys()].sort(comparePaths)).map((path9) => byPath.get(path9));
  const assignmentsByKey = /* @__PURE__ */ new Map();
  const assignmentsByImage = /* @__PURE__ */ new Map();
  for (const file of ordered) {
    const root = nodeRootOf(file.path);
    const ofImage = assignmentsByImage.get(root) ?? /* @__PURE__ */ new Map();
    assignmentsByImage.set(root, ofImage);
    for (const assignment of file.sysctl?.assignments ?? []) {
      if (assignment.isGlob) continue;
      pushTo(assignmentsByKey, assignment.key, { file: file.path, assignment });
      pushTo(ofImage, assignment.key, { file: file.path, assignment });
    }
  }
  return { files: ordered, assignmentsByKey, assignmentsByImage };
}
function modulesLoadedByRoot(files) {
  const modulesByRoot = /* @__PURE__ */ new Map();
  for (const file of files) {
    if (file.role !== "modules-load") continue;
    const root = modulesLoadRootOf(file.path);
    const modules = modulesByRoot.get(root) ?? /* @__PURE__ */ new Set();
    for (const module2 of file.modules ?? []) modules.add(module2);
    modulesByRoot.set(root, modules);
  }
  return modulesByRoot;
}
function comparePaths(a2, b2) {
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}

// server/src/core/model/orderedIndex.ts
var OrderedIndex = class _OrderedIndex {
  lists = /* @__PURE__ */ new Map();
  static EMPTY = [];
  /** The objects under a key, in workspace order. */
  get(key) {
    return this.lists.get(key) ?? _OrderedIndex.EMPTY;
  }
  /**
   * Replaces what file `path` contributes: `before` and `after` list its objects with their keys,
   * in document order. Calls `changed` with every key whose list changed.
   */
  replaceFile(path9, before, after, changed) {
    const addedByKey = /* @__PURE__ */ new Map();
    for (const [key] of before) addedByKey.set(key, []);
    for (const [key, item] of after) pushTo(addedByKey, key, item);
    for (const [key, added] of addedByKey) {
      const list = this.lists.get(key) ?? [];
      const start = firstAtOrAfter(list, path9);
      let end = start;
      while (end < list.length && list[end].file === path9) end++;
      const replaced = end === start && added.length === 0 ? list : [...list.slice(0, start), ...added, ...list.slice(end)];
      if (replaced.length === 0) this.lists.delete(key);
      else this.lists.set(key, replaced);
      changed(key);
    }
  }
};
function firstAtOrAfter(list, path9) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (list[middle].file < path9) low = middle + 1;
    else high = middle;
  }
  return low;
}

// server/src/core/model/objectIndexes.ts
var KUBE_PROXY = "kube-proxy";
var PATH_OBJECT_KINDS = /* @__PURE__ */ new Set(["Ingress", "DestinationRule", "MeshConfig"]);
var ObjectIndexes = class {
  services = new OrderedIndex();
  /** Every workload under '', and those that run kube-proxy under KUBE_PROXY too. */
  workloads = new OrderedIndex();
  kubeProxyConfigurations = new OrderedIndex();
  dataPlaneConfigurations = new OrderedIndex();
  namespacesByName = new OrderedIndex();
  /** Services by `namespace/name`: a folder that defines one Service twice holds variants of an application. */
  servicesByName = new OrderedIndex();
  /** Argo Rollouts by the target key (see targetKey) of the workload their `workloadRef` names. */
  rolloutsByWorkloadRef = new OrderedIndex();
  workloadsByNamespace = new OrderedIndex();
  /** Workloads by each label pair of their pod template (see labelIndexKey). */
  workloadsByLabel = new OrderedIndex();
  /** Autoscalers by the target key of their `scaleTargetRef`. */
  autoscalersByTarget = new OrderedIndex();
  /** Endpoints and EndpointSlices by `namespace/service`. */
  endpointSetsByService = new OrderedIndex();
  pathObjectsByKind = new OrderedIndex();
  /** Replaces file `path`'s objects, `before` by `after`, calling `changed` with every model facet whose list changed. */
  replaceFile(path9, before, after, changed) {
    const update = (index, keysOf, facet) => index.replaceFile(path9, entries(before, keysOf), entries(after, keysOf), (key) => changed(facet(key)));
    update(this.services, (object) => object.kind === "Service" ? [""] : [], () => "services");
    update(this.workloads, globalWorkloadKeys, (key) => key === KUBE_PROXY ? "kubeProxyDaemonSets" : "workloads");
    update(this.kubeProxyConfigurations, (object) => object.kind === "KubeProxyConfiguration" ? [""] : [], () => "kubeProxyConfigurations");
    update(this.workloadsByNamespace, (object) => isWorkload(object) ? [object.namespace] : [], (key) => `workloadsIn:${key}`);
    update(this.workloadsByLabel, labelKeys, (key) => `label:${key}`);
    update(this.autoscalersByTarget, autoscalerKeys, (key) => `autoscalers:${key}`);
    update(this.endpointSetsByService, endpointKeys, (key) => `endpoints:${key}`);
    update(this.dataPlaneConfigurations, (object) => object.kind === "DataPlaneConfiguration" ? [""] : [], () => "dataPlaneConfigurations");
    update(this.namespacesByName, (object) => object.kind === "Namespace" && object.name !== void 0 ? [object.name] : [], (key) => `namespace:${key}`);
    update(this.servicesByName, (object) => object.kind === "Service" && object.name !== void 0 ? [`${object.namespace}/${object.name}`] : [], (key) => `servicesNamed:${key}`);
    update(this.rolloutsByWorkloadRef, rolloutKeys, (key) => `rollouts:${key}`);
    update(this.pathObjectsByKind, (object) => PATH_OBJECT_KINDS.has(object.kind) ? [object.kind] : [], (key) => `kind:${key}`);
  }
  /**
   * The fewest workloads of a namespace that can match `selector`: those under its rarest label
   * pair (all of the namespace's for an empty selector), with the facet of the model they are.
   */
  selectorCandidates(namespace2, selector) {
    let candidates;
    let facet = `workloadsIn:${namespace2}`;
    for (const [key, value] of selector) {
      const labelKey = labelIndexKey(namespace2, key, value);
      const list = this.workloadsByLabel.get(labelKey);
      if (candidates === void 0 || list.length < candidates.length) [candidates, facet] = [list, `label:${labelKey}`];
    }
    return { facet, candidates: candidates ?? this.workloadsByNamespace.get(namespace2) };
  }
  /** Whether the indexes hold any Kubernetes object the analysis models. */
  holdsManifests() {
    return this.services.get("").length > 0 || this.workloads.get("").length > 0 || this.kubeProxyConfigurations.get("").length > 0;
  }
};
function labelIndexKey(namespace2, key, value) {
  return `${namespace2}\0${key}=${value}`;
}
function targetKey(namespace2, kind, name) {
  return `${namespace2}/${kind}/${name ?? ""}`;
}
function globalWorkloadKeys(object) {
  if (!isWorkload(object)) return [];
  return object.kubeProxyFlags.length > 0 || object.kubeProxyImage !== void 0 ? ["", KUBE_PROXY] : [""];
}
function labelKeys(object) {
  if (!isWorkload(object) || object.template === void 0) return [];
  return [...object.template.labels].map(([key, value]) => labelIndexKey(object.namespace, key, value));
}
function rolloutKeys(object) {
  if (object.kind !== "Rollout" || object.workloadRef === void 0) return [];
  return [targetKey(object.namespace, object.workloadRef.kind, object.workloadRef.name)];
}
function autoscalerKeys(object) {
  if (object.kind !== "HorizontalPodAutoscaler" && object.kind !== "ScaledObject" || object.target === void 0) return [];
  return [targetKey(object.namespace, object.target.kind, object.target.name)];
}
function endpointKeys(object) {
  if (object.kind !== "Endpoints" && object.kind !== "EndpointSlice" || object.serviceName === void 0) return [];
  return [`${object.namespace}/${object.serviceName}`];
}
function entries(objects, keysOf) {
  return objects.flatMap((object) => keysOf(object).map((key) => [key, object]));
}

// server/src/core/kustomize/build.ts
var import_yaml7 = __toESM(require_dist());

// server/src/core/yaml/nodes.ts
var import_yaml2 = __toESM(require_dist());

// server/src/core/yaml/int32.ts
var import_yaml = __toESM(require_dist());
var INT32_MIN = -(2 ** 31);
var INT32_MAX = 2 ** 31 - 1;
var GO_INTEGER = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]+)|([0-9]+))$/;
var GO_YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var JSON_PLAIN_FLOAT_LIMIT = 1e21;
var INT_TAG = "tag:yaml.org,2002:int";
var FLOAT_TAG = "tag:yaml.org,2002:float";
function kubernetesInt32(scalar) {
  if (scalar === void 0) return void 0;
  const tagged = scalar.tag === INT_TAG || scalar.tag === FLOAT_TAG;
  if (!tagged && (scalar.tag !== void 0 || scalar.type !== import_yaml.Scalar.PLAIN)) return void 0;
  const text = scalar.source ?? (typeof scalar.value === "number" ? String(scalar.value) : void 0);
  if (text === void 0 || !/^[-+.0-9]/.test(text)) return void 0;
  const value = goYamlNumber(text.replace(/_/g, ""));
  if (value === void 0 || !Number.isInteger(value) || Math.abs(value) >= JSON_PLAIN_FLOAT_LIMIT) return void 0;
  return value >= INT32_MIN && value <= INT32_MAX ? value + 0 : void 0;
}
function goYamlNumber(plain) {
  const integer = GO_INTEGER.exec(plain);
  if (integer !== null) {
    const [, sign, hex, octal, binary, legacyOctal, decimal] = integer;
    const magnitude = hex !== void 0 ? parseInt(hex, 16) : binary !== void 0 ? parseInt(binary, 2) : decimal !== void 0 ? parseInt(decimal, 10) : parseInt(octal ?? legacyOctal, 8);
    return sign === "-" ? -magnitude : magnitude;
  }
  return GO_YAML_FLOAT.test(plain) ? Number(plain) : void 0;
}

// server/src/core/yaml/nodes.ts
var NO_STRINGS = /* @__PURE__ */ new Map();
var NodeReader = class {
  constructor(document, offset, source) {
    this.document = document;
    this.offset = offset;
    this.source = source;
  }
  document;
  offset;
  source;
  /** Each alias's anchored node, found in one pass over the document on first need. */
  anchored;
  /** The node at a path of mapping keys below `node`, if every step is a mapping. */
  get(node, ...path9) {
    let current = this.resolve(node);
    for (const key of path9) {
      const map = this.map(current);
      if (map === void 0) return void 0;
      current = this.resolve(this.pair(map, key)?.value);
    }
    return current;
  }
  /** The pair's key node for `key` in a mapping: where the key is written. */
  keyNode(node, key) {
    const map = this.map(node);
    const pair = map === void 0 ? void 0 : this.pair(map, key);
    return (0, import_yaml2.isScalar)(pair?.key) ? pair.key : void 0;
  }
  map(node) {
    const resolved = this.resolve(node);
    return (0, import_yaml2.isMap)(resolved) ? resolved : void 0;
  }
  /** The items of a sequence, or none. */
  items(node) {
    const resolved = this.resolve(node);
    return (0, import_yaml2.isSeq)(resolved) ? resolved.items.map((item) => this.resolve(item)).filter(isDefined) : [];
  }
  scalar(node) {
    const resolved = this.resolve(node);
    return (0, import_yaml2.isScalar)(resolved) ? resolved : void 0;
  }
  /** A scalar's value as text (numbers and booleans as written), or undefined. */
  string(node) {
    const scalar = this.scalar(node);
    if (scalar === void 0 || scalar.value === null || typeof scalar.value === "object") return void 0;
    return typeof scalar.value === "string" ? scalar.value : scalar.source ?? String(scalar.value);
  }
  /** An int32 field's value as the API server reads it (see kubernetesInt32), or undefined. */
  int32(node) {
    return kubernetesInt32(this.scalar(node));
  }
  /**
   * A mapping of scalars to scalars (labels, selectors, annotations). An absent or empty one is
   * a map shared by all: most objects have no annotations, and a workspace holds tens of thousands.
   */
  stringMap(node) {
    let result;
    const map = this.map(node);
    for (const pair of map === void 0 ? [] : this.pairs(map)) {
      const key = this.string(pair.key);
      const value = this.string(pair.value) ?? (this.scalar(pair.value)?.value === null ? "" : void 0);
      if (key !== void 0 && value !== void 0) (result ??= /* @__PURE__ */ new Map()).set(key, value);
    }
    return result ?? NO_STRINGS;
  }
  /**
   * Where a node's value is written in the file (without a trailing comment). A block scalar's
   * (`|`, `>-`) runs from its header to its last content character: the line break after it
   * belongs to what follows, so replacing the value keeps the next key on its own line.
   */
  span(node) {
    if (!isNodeWithRange(node)) return void 0;
    const [start, valueEnd] = node.range;
    const end = this.source !== void 0 && isBlockScalar(node) ? blockScalarEnd(this.source, start, valueEnd) : valueEnd;
    return { start: start + this.offset, end: end + this.offset };
  }
  /**
   * The pair that gives `key` its value in a mapping, merge keys included: the last one written,
   * where a merge key writes its mappings' pairs in its place (of a list of mappings, the first
   * wins). Each mapping is searched once: merge cycles and merge bombs cost one pass over them.
   */
  pair(map, key, searched) {
    for (let i2 = map.items.length - 1; i2 >= 0; i2--) {
      const pair = map.items[i2];
      if (!isMergeKey(pair.key)) {
        if ((0, import_yaml2.isScalar)(pair.key) && String(pair.key.value) === key) return pair;
        continue;
      }
      searched ??= /* @__PURE__ */ new Set([map]);
      for (const source of this.mergeSources(pair.value)) {
        if (searched.has(source)) continue;
        searched.add(source);
        const merged = this.pair(source, key, searched);
        if (merged !== void 0) return merged;
      }
    }
    return void 0;
  }
  /** A mapping's pairs as kubectl ends up with them (see `pair`), without the merge keys, each key once. */
  pairs(map) {
    if (!map.items.some((pair) => isMergeKey(pair.key))) return map.items;
    const byKey = /* @__PURE__ */ new Map();
    const expansions = { left: MAX_MERGE_EXPANSIONS };
    const write = (current, path9) => {
      for (const pair of current.items) {
        if (!isMergeKey(pair.key)) {
          if ((0, import_yaml2.isScalar)(pair.key)) byKey.set(String(pair.key.value), pair);
          continue;
        }
        for (const source of this.mergeSources(pair.value).reverse()) {
          if (path9.has(source) || --expansions.left < 0) continue;
          write(source, /* @__PURE__ */ new Set([...path9, source]));
        }
      }
    };
    write(map, /* @__PURE__ */ new Set([map]));
    return [...byKey.values()];
  }
  /** The mappings a merge key's value names: a mapping, or a list of them (aliases resolved). */
  mergeSources(value) {
    const resolved = this.resolve(value);
    if ((0, import_yaml2.isMap)(resolved)) return [resolved];
    return (0, import_yaml2.isSeq)(resolved) ? resolved.items.flatMap((item) => this.map(item) ?? []) : [];
  }
  resolve(node) {
    if ((0, import_yaml2.isAlias)(node)) return (this.anchored ??= anchorsOf(this.document)).get(node);
    return isNodeWithRange(node) ? node : void 0;
  }
};
function anchorsOf(document) {
  const latest = /* @__PURE__ */ new Map();
  const anchored = /* @__PURE__ */ new Map();
  (0, import_yaml2.visit)(document, (_key, node) => {
    if ((0, import_yaml2.isAlias)(node)) anchored.set(node, latest.get(node.source));
    else if (isNodeWithRange(node) && node.anchor) latest.set(node.anchor, node);
  });
  return anchored;
}
var MAX_MERGE_EXPANSIONS = 1e3;
function isMergeKey(key) {
  return (0, import_yaml2.isScalar)(key) && (typeof key.value === "symbol" || key.value === "<<" && key.type === "PLAIN" && key.tag === void 0);
}
function isBlockScalar(node) {
  return (0, import_yaml2.isScalar)(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED");
}
function blockScalarEnd(source, start, valueEnd) {
  let end = valueEnd;
  while (end > start + 1 && /\s/.test(source.charAt(end - 1))) end--;
  return end;
}
function isNodeWithRange(node) {
  return typeof node === "object" && node !== null && Array.isArray(node.range);
}
function isDefined(value) {
  return value !== void 0;
}

// server/src/core/kustomize/json6902.ts
var OPERATIONS = /* @__PURE__ */ new Set(["add", "replace", "remove"]);
function readJson6902(reader, root, file) {
  const operations = [];
  for (const item of reader.items(root)) {
    const op = reader.string(reader.get(item, "op"));
    const path9 = reader.string(reader.get(item, "path"));
    const valueNode = reader.get(item, "value");
    const span = reader.span(valueNode) ?? reader.span(item);
    if (op === void 0 || !OPERATIONS.has(op) || path9 === void 0 || !path9.startsWith("/") || span === void 0) continue;
    const value = reader.map(valueNode) !== void 0 ? reader.stringMap(valueNode) : reader.string(valueNode);
    operations.push({ op, path: path9.slice(1).split("/").map(unescapePointer), value, file, span });
  }
  return operations;
}
function unescapePointer(segment) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

// server/src/core/kustomize/kustomization.ts
var import_yaml6 = __toESM(require_dist());

// server/src/core/text.ts
function indexWithin(text, needle, start, end) {
  const at = text.slice(start, end).indexOf(needle);
  return at === -1 ? -1 : start + at;
}
var LineIndex = class {
  constructor(text) {
    this.text = text;
  }
  text;
  /** Each line's start offset: a typed array, 4 bytes a line (a workspace's large files have hundreds of thousands of lines). */
  starts;
  ending;
  get lineStarts() {
    if (this.starts === void 0) {
      const starts = [0];
      const text = this.text;
      if (!text.includes("\r")) {
        for (let i2 = text.indexOf("\n"); i2 !== -1; i2 = text.indexOf("\n", i2 + 1)) starts.push(i2 + 1);
      } else {
        for (let i2 = 0; i2 < text.length; i2++) {
          const code = text.charCodeAt(i2);
          if (code === 13 && text.charCodeAt(i2 + 1) === 10) i2++;
          if (code === 10 || code === 13) starts.push(i2 + 1);
        }
      }
      this.starts = Uint32Array.from(starts);
    }
    return this.starts;
  }
  /** Number of lines (a text that ends with a line break has an empty last line). */
  get lineCount() {
    return this.lineStarts.length;
  }
  /** The position of an offset, clamped to the text; an offset between a CR and its LF is the line's end. */
  positionAt(offset) {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }
  /** The offset of a position, clamped to its line (a line's end excludes its line break). */
  offsetAt(position) {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
  /** The range of a span. */
  rangeOf(span) {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
  /** Offset where a line's content ends, before its `\n`, `\r\n` or `\r`. */
  lineEnd(line) {
    const starts = this.lineStarts;
    const index = Math.max(0, Math.min(line, starts.length - 1));
    if (index + 1 >= starts.length) return this.text.length;
    const next = starts[index + 1];
    return next - 1 > starts[index] && this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
  }
  /** The line ending of the text (see `lineEnding`), found once. */
  get eol() {
    return this.ending ??= lineEnding(this.text);
  }
  /** Offset where a line starts. */
  lineStart(line) {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
};
function stripBom(text) {
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
function parsableText(text) {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}
function lineEnding(text) {
  if (text.includes("\r\n")) return "\r\n";
  return text.includes("\r") && !text.includes("\n") ? "\r" : "\n";
}

// server/src/core/sysctl/parse.ts
function parseSysctl(text) {
  const assignments = [];
  const problems = [];
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    parseLine(text, start, end, line, assignments, problems);
    if (newline === -1) break;
    start = newline + 1;
  }
  return { assignments, problems };
}
function parseLine(text, lineStart, lineEnd, line, assignments, problems) {
  const [start, end] = trimSpan(text, lineStart, lineEnd);
  if (start === end) return;
  const first = text[start];
  if (first === "#" || first === ";") return;
  const lineSpan = { start, end };
  const equals = indexWithin(text, "=", start, end);
  if (equals === -1) {
    if (first === "-" && /^-\s*[^\s=]+$/.test(text.slice(start, end))) return;
    problems.push({ span: lineSpan, message: "This line is not a `key = value` assignment; sysctl ignores it." });
    return;
  }
  const ignoreFailure = first === "-";
  const [keyStart, keyEnd] = trimSpan(text, ignoreFailure ? start + 1 : start, equals);
  const [valueStart, valueEnd] = trimSpan(text, equals + 1, end);
  if (keyStart === keyEnd) {
    problems.push({ span: lineSpan, message: "This assignment has no key." });
    return;
  }
  const rawKey = text.slice(keyStart, keyEnd);
  const value = text.slice(valueStart, valueEnd);
  const valueSpan = { start: valueStart, end: valueEnd };
  if (value === "") {
    problems.push({ span: { start: keyStart, end: keyEnd }, message: `${rawKey} has an empty value; the kernel rejects it.` });
    return;
  }
  if (isQuoted(value)) {
    problems.push({
      span: valueSpan,
      message: `The value of ${rawKey} is quoted; sysctl files take no quotes and the kernel rejects ${value}.`
    });
    return;
  }
  assignments.push({
    key: normaliseSysctlKey(rawKey),
    value,
    keySpan: { start: keyStart, end: keyEnd },
    valueSpan,
    lineSpan,
    line,
    ignoreFailure,
    isGlob: /[*?[]/.test(rawKey)
  });
}
function normaliseSysctlKey(key) {
  const slash = key.indexOf("/");
  const dot = key.indexOf(".");
  if (slash === -1 || dot !== -1 && dot < slash) return key;
  return key.replace(/[./]/g, (separator) => separator === "/" ? "." : "/");
}
function isQuoted(value) {
  const first = value[0];
  return (first === '"' || first === "'") && value.length >= 2 && value[value.length - 1] === first;
}
function trimSpan(text, start, end) {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return [start, end];
}
function isBlank(code) {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12;
}

// server/src/core/k8s/extractKubeProxy.ts
var import_yaml4 = __toESM(require_dist());

// server/src/core/yaml/duration.ts
var UNIT_NANOSECONDS = {
  ns: 1n,
  us: 1000n,
  "\xB5s": 1000n,
  "\u03BCs": 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n
};
var DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
var PART = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/g;
function parseGoDuration(text) {
  const source = text.trim();
  if (/^[-+]?0$/.test(source)) return 0;
  if (!DURATION.test(source)) return void 0;
  let nanoseconds = 0n;
  for (const [, whole, fraction, unit] of source.matchAll(PART)) {
    const scale = UNIT_NANOSECONDS[unit];
    nanoseconds += BigInt(whole || "0") * scale;
    if (fraction) nanoseconds += BigInt(fraction) * scale / 10n ** BigInt(fraction.length);
  }
  const seconds = Number(nanoseconds / 1000000000n);
  return source.startsWith("-") ? -seconds : seconds;
}

// server/src/core/yaml/embedded.ts
var import_yaml3 = __toESM(require_dist());
function embeddedText(scalar, fileText, offset) {
  if (typeof scalar.value !== "string" || !scalar.range) return void 0;
  const value = scalar.value;
  const start = scalar.range[0] + offset;
  const end = scalar.range[1] + offset;
  const source = fileText.slice(start, end);
  if (scalar.type === import_yaml3.Scalar.BLOCK_LITERAL) return literalBlock(value, fileText, start, end);
  if (!source.includes("\n")) {
    const map = singleLineMap(source, scalar.type);
    if (map !== void 0 && map.length === value.length) {
      return { text: value, toFileOffset: (o2) => start + (o2 < map.length ? map[o2] : source.length) };
    }
  }
  return { text: value, toFileOffset: () => start };
}
function literalBlock(value, fileText, start, end) {
  const headerEnd = fileText.indexOf("\n", start);
  const lineStarts = [];
  for (let line = headerEnd + 1; headerEnd !== -1 && line < end; ) {
    lineStarts.push(line);
    const next = fileText.indexOf("\n", line);
    if (next === -1) break;
    line = next + 1;
  }
  const indent = blockIndent(fileText, lineStarts, end);
  const valueLineStarts = [0];
  for (let i2 = value.indexOf("\n"); i2 !== -1; i2 = value.indexOf("\n", i2 + 1)) valueLineStarts.push(i2 + 1);
  return {
    text: value,
    toFileOffset(offset) {
      let line = valueLineStarts.length - 1;
      while (line > 0 && valueLineStarts[line] > offset) line--;
      const lineStart = lineStarts[Math.min(line, lineStarts.length - 1)] ?? start;
      const lineEnd = fileText.indexOf("\n", lineStart);
      const limit = lineEnd === -1 ? fileText.length : lineEnd;
      return Math.min(lineStart + indent + (offset - valueLineStarts[line]), Math.max(limit, lineStart));
    }
  };
}
function blockIndent(fileText, lineStarts, end) {
  for (const lineStart of lineStarts) {
    let i2 = lineStart;
    while (i2 < end && fileText[i2] === " ") i2++;
    if (i2 < end && fileText[i2] !== "\n" && fileText[i2] !== "\r") return i2 - lineStart;
  }
  return 0;
}
function singleLineMap(source, type) {
  const map = [];
  if (type === import_yaml3.Scalar.PLAIN) {
    for (let i2 = 0; i2 < source.length; i2++) map.push(i2);
    return map;
  }
  if (type === import_yaml3.Scalar.QUOTE_SINGLE) {
    for (let i2 = 1; i2 < source.length - 1; i2++) {
      map.push(i2);
      if (source[i2] === "'" && source[i2 + 1] === "'") i2++;
    }
    return map;
  }
  if (type === import_yaml3.Scalar.QUOTE_DOUBLE) {
    for (let i2 = 1; i2 < source.length - 1; i2++) {
      map.push(i2);
      if (source[i2] !== "\\") continue;
      const escape = source[i2 + 1];
      const width = escape === "x" ? 3 : escape === "u" ? 5 : escape === "U" ? 9 : 1;
      if (escape === "U") return void 0;
      i2 += width;
    }
    return map;
  }
  return void 0;
}
var EmbeddedNodeReader = class extends NodeReader {
  constructor(document, embedded) {
    super(document, 0);
    this.embedded = embedded;
  }
  embedded;
  span(node) {
    const local = super.span(node);
    if (local === void 0) return void 0;
    let end = local.end;
    while (end > local.start && /\s/.test(this.embedded.text[end - 1])) end--;
    const start = this.embedded.toFileOffset(local.start);
    return { start, end: Math.max(start, this.embedded.toFileOffset(end)) };
  }
};

// server/src/core/k8s/fieldReaders.ts
var NOTHING = Object.freeze([]);
function exactList(list) {
  return list.length === 0 ? NOTHING : list.slice();
}
function isNonStringScalar(reader, node) {
  const value = reader.scalar(node)?.value;
  return typeof value === "number" || typeof value === "boolean" || typeof value === "bigint";
}
function located(reader, node, value) {
  const span = reader.span(node);
  return value === void 0 || span === void 0 ? void 0 : { value, span };
}
function locatedString(reader, node) {
  return located(reader, node, reader.string(node));
}

// server/src/core/k8s/extractKubeProxy.ts
function kubeProxyConfiguration(reader, node, base, embeddedKey) {
  const durations = DURATION_FIELDS.flatMap((path9) => {
    const valueNode = reader.get(node, ...path9);
    const text = reader.string(valueNode);
    const span = reader.span(valueNode);
    if (text === void 0 || span === void 0) return [];
    const notString = isNonStringScalar(reader, valueNode);
    const seconds = notString ? void 0 : parseGoDuration(text);
    return [{ field: path9.join("."), text, seconds: seconds !== void 0 && seconds < 0 ? void 0 : seconds, span, notString }];
  });
  const parsed = (field) => {
    const duration2 = durations.find((candidate) => candidate.field === field);
    return duration2?.seconds === void 0 ? void 0 : { value: duration2.seconds, span: duration2.span };
  };
  const modeNode = reader.get(node, "mode");
  const maxPerCoreNode = reader.get(node, "conntrack", "maxPerCore");
  const minNode = reader.get(node, "conntrack", "min");
  return Object.assign(base, {
    tcpEstablishedTimeout: parsed("conntrack.tcpEstablishedTimeout"),
    ipvsTcpTimeout: parsed("ipvs.tcpTimeout"),
    conntrackMaxPerCore: located(reader, maxPerCoreNode, reader.int32(maxPerCoreNode)),
    conntrackMin: located(reader, minNode, reader.int32(minNode)),
    durations,
    mode: located(reader, modeNode, reader.string(modeNode) || void 0),
    embeddedKey
  });
}
var DURATION_FIELDS = [
  ["conntrack", "tcpEstablishedTimeout"],
  ["conntrack", "tcpCloseWaitTimeout"],
  ["ipvs", "tcpTimeout"],
  ["ipvs", "tcpFinTimeout"],
  ["ipvs", "udpTimeout"]
];
function namesKubeProxyConfiguration(text) {
  return /\bkind["']?\s*:\s*["']?KubeProxyConfiguration\b/.test(text);
}
function embeddedKubeProxyConfiguration(reader, node, base, origin, problems) {
  const data = reader.get(node, "data");
  const key = [...reader.stringMap(data)].find(([, value]) => namesKubeProxyConfiguration(value))?.[0];
  const scalar = key === void 0 ? void 0 : reader.scalar(reader.get(data, key));
  const embedded = scalar && embeddedText(scalar, origin.fileText, reader.offset);
  if (key === void 0 || embedded === void 0) return void 0;
  const document = (0, import_yaml4.parseDocument)(embedded.text, { prettyErrors: false, merge: true });
  const toFile = (start, end) => {
    const fileStart = embedded.toFileOffset(start);
    return { start: fileStart, end: Math.max(fileStart, embedded.toFileOffset(end)) };
  };
  for (const error of document.errors) {
    problems.push({ span: toFile(error.pos[0], error.pos[1]), message: `In ${key}: ${firstLine(error.message)}`, embedded: true });
  }
  const embeddedReader = new EmbeddedNodeReader(document, embedded);
  return kubeProxyConfiguration(embeddedReader, document.contents ?? void 0, { ...base, kind: "KubeProxyConfiguration" }, key);
}
function firstLine(message2) {
  const end = message2.indexOf("\n");
  return (end === -1 ? message2 : message2.slice(0, end)).replace(/ at line \d+, column \d+:?$/, "");
}

// server/src/core/k8s/kubeProxyFlags.ts
var KUBE_PROXY_FLAGS = [
  "proxy-mode",
  "conntrack-tcp-timeout-established",
  "conntrack-tcp-timeout-close-wait",
  "conntrack-max-per-core",
  "conntrack-min",
  "ipvs-tcp-timeout"
];
function kubeProxyFlags(reader, podSpec, fileText) {
  const flags = [];
  for (const container of kubeProxyContainers(reader, podSpec)) {
    const words = [...reader.items(reader.get(container, "command")), ...reader.items(reader.get(container, "args"))];
    if (words.some((word) => /^--?config(?:=|$)/.test(reader.string(word) ?? ""))) continue;
    words.forEach((word, index) => {
      const flag = readFlag(reader, word, words[index + 1], fileText);
      if (flag !== void 0) flags.push(flag);
    });
  }
  return flags;
}
function kubeProxyImage(reader, podSpec) {
  for (const container of kubeProxyContainers(reader, podSpec)) {
    const node = reader.get(container, "image");
    const image = reader.string(node);
    const span = reader.span(node);
    if (image !== void 0 && span !== void 0) return { value: image, span };
  }
  return void 0;
}
function kubeProxyContainers(reader, podSpec) {
  return reader.items(reader.get(podSpec, "containers")).filter((container) => {
    const name = reader.string(reader.get(container, "name")) ?? "";
    const image = reader.string(reader.get(container, "image")) ?? "";
    return name.includes("kube-proxy") || image.includes("kube-proxy");
  });
}
function readFlag(reader, word, next, fileText) {
  const text = reader.string(word);
  const match = text === void 0 ? null : /^--?([a-z-]+)(?:=(.*))?$/.exec(text);
  if (match === null || !KUBE_PROXY_FLAGS.includes(match[1])) return void 0;
  const name = match[1];
  if (match[2] !== void 0) {
    const scalar = reader.scalar(word);
    const mapped = embeddedText(scalar, fileText, reader.offset);
    const valueStart = text.length - match[2].length;
    if (mapped === void 0) return void 0;
    const start = mapped.toFileOffset(valueStart);
    const end = match[2] === "" ? start : mapped.toFileOffset(text.length - 1) + 1;
    return { name, value: { value: match[2], span: { start, end: Math.max(start, end) } } };
  }
  const value = reader.string(next);
  const span = reader.span(next);
  return value === void 0 || span === void 0 || value.startsWith("-") ? void 0 : { name, value: { value, span } };
}

// server/src/core/k8s/extractNetwork.ts
var CILIUM_CONFIG_MAP = "cilium-config";
var CILIUM_KEYS = ["kube-proxy-replacement", "bpf-lb-sock", "bpf-lb-sock-hostns-only"];
var CILIUM_TIMEOUT_KEYS = ["bpf-ct-timeout-service-tcp", "bpf-ct-timeout-regular-tcp"];
var CILIUM_VALUES = [["kubeProxyReplacement"], ["socketLB", "enabled"], ["socketLB", "hostNamespaceOnly"]];
var FELIX_FIELDS = ["bpfEnabled", "bpfConnectTimeLoadBalancingEnabled", "bpfConnectTimeLoadBalancing"];
function scaledObject(reader, node, base) {
  const spec = reader.get(node, "spec");
  const name = reader.string(reader.get(spec, "scaleTargetRef", "name"));
  const kind = reader.string(reader.get(spec, "scaleTargetRef", "kind")) || "Deployment";
  const maxNode = reader.get(spec, "maxReplicaCount");
  const written = reader.int32(maxNode);
  const span = reader.span(maxNode);
  return {
    ...base,
    kind: "ScaledObject",
    target: name === void 0 ? void 0 : { kind, name },
    maxReplicas: written !== void 0 && span !== void 0 ? { value: written, span } : { value: KEDA_DEFAULT_MAX_REPLICAS, span: base.nameSpan },
    maxReplicasWritten: written !== void 0
  };
}
function ciliumConfigMap(reader, node, base) {
  const data = reader.get(node, "data");
  const settings = CILIUM_KEYS.flatMap((key) => setting(reader, reader.get(data, key), key));
  const timeouts = CILIUM_TIMEOUT_KEYS.flatMap((key) => timeout(reader, reader.get(data, key), key));
  return settings.length + timeouts.length === 0 ? void 0 : dataPlane(base, "cilium", `ConfigMap "${CILIUM_CONFIG_MAP}"`, settings, timeouts);
}
function felixConfiguration(reader, node, base) {
  const spec = reader.get(node, "spec");
  const settings = FELIX_FIELDS.flatMap((key) => setting(reader, reader.get(spec, key), key));
  const timeouts = timeout(reader, reader.get(spec, "bpfConntrackTimeouts", "tcpEstablished"), "bpfConntrackTimeouts.tcpEstablished");
  return settings.length + timeouts.length === 0 ? void 0 : dataPlane(base, "calico", `FelixConfiguration "${base.name ?? "(unnamed)"}"`, settings, timeouts);
}
function ciliumHelmValues(reader, root, base) {
  const settings = CILIUM_VALUES.flatMap((path9) => setting(reader, reader.get(root, ...path9), path9.join(".")));
  return settings.length === 0 ? void 0 : dataPlane(base, "cilium", "Helm values", settings, []);
}
function setting(reader, node, key) {
  const value = reader.string(node);
  const span = reader.span(node);
  return value === void 0 || span === void 0 ? [] : [{ key, value, span }];
}
function timeout(reader, node, key) {
  const text = reader.string(node);
  const seconds = text === void 0 ? void 0 : parseGoDuration(text);
  const span = reader.span(node);
  return seconds === void 0 || span === void 0 ? [] : [{ key, seconds, span }];
}
function dataPlane(base, provider, origin, settings, conntrackTimeouts) {
  return { ...base, kind: "DataPlaneConfiguration", provider, origin, settings, conntrackTimeouts };
}

// server/src/core/k8s/pathReaders.ts
var import_yaml5 = __toESM(require_dist());
var NO_ANNOTATIONS = /* @__PURE__ */ new Map();
function readAnnotations(reader, metadata) {
  let annotations;
  const node = reader.get(metadata, "annotations");
  for (const [key, value] of reader.stringMap(node)) {
    const keySpan = reader.span(reader.keyNode(node, key));
    const valueSpan = reader.span(reader.get(node, key));
    if (keySpan !== void 0 && valueSpan !== void 0) (annotations ??= /* @__PURE__ */ new Map()).set(key, { value, keySpan, valueSpan });
  }
  return annotations ?? NO_ANNOTATIONS;
}
function readPathObject(reader, node, base, fileText) {
  switch (base.kind) {
    case "Ingress":
      return ingress(reader, node, base);
    case "DestinationRule":
      return destinationRule(reader, node, base);
    case "ConfigMap":
      if (base.name === "istio" || base.name?.startsWith("istio-") === true) return meshConfig(reader, node, base, fileText);
      return void 0;
    default:
      return void 0;
  }
}
function located2(reader, node, value) {
  const span = reader.span(node);
  return value === void 0 || span === void 0 ? void 0 : { value, span };
}
function duration(reader, node) {
  const text = reader.string(node);
  return located2(reader, node, text === void 0 ? void 0 : parseGoDuration(text));
}
function ingress(reader, node, base) {
  const spec = reader.get(node, "spec");
  const backends = [reader.get(spec, "defaultBackend"), reader.get(spec, "backend")];
  for (const rule of reader.items(reader.get(spec, "rules"))) backends.push(...reader.items(reader.get(rule, "http", "paths")).map((path9) => reader.get(path9, "backend")));
  const serviceNames = backends.flatMap((backend) => reader.string(reader.get(backend, "service", "name")) ?? reader.string(reader.get(backend, "serviceName")) ?? []);
  return Object.assign(base, {
    annotations: readAnnotations(reader, reader.get(node, "metadata")),
    ingressClassName: reader.string(reader.get(spec, "ingressClassName")),
    serviceNames: [...new Set(serviceNames)]
  });
}
function destinationRule(reader, node, base) {
  const spec = reader.get(node, "spec");
  const tcp = reader.get(spec, "trafficPolicy", "connectionPool", "tcp");
  return Object.assign(base, {
    host: reader.string(reader.get(spec, "host")),
    idleTimeout: duration(reader, reader.get(tcp, "idleTimeout")),
    tcpKeepalive: tcpKeepalive(reader, reader.get(tcp, "tcpKeepalive"))
  });
}
function tcpKeepalive(reader, node) {
  const span = reader.span(node);
  if (span === void 0 || reader.map(node) === void 0) return void 0;
  return { span, time: duration(reader, reader.get(node, "time")), interval: duration(reader, reader.get(node, "interval")) };
}
function meshConfig(reader, node, base, fileText) {
  const scalar = reader.scalar(reader.get(node, "data", "mesh"));
  const embedded = scalar && embeddedText(scalar, fileText, reader.offset);
  if (embedded === void 0) return void 0;
  const document = (0, import_yaml5.parseDocument)(embedded.text, { prettyErrors: false, merge: true });
  const mesh = new EmbeddedNodeReader(document, embedded);
  const root = document.contents ?? void 0;
  return Object.assign({ ...base, kind: "MeshConfig" }, {
    tcpKeepalive: tcpKeepalive(mesh, mesh.get(root, "tcpKeepalive")),
    idleTimeout: duration(mesh, mesh.get(root, "defaultConfig", "proxyMetadata", "ISTIO_META_IDLE_TIMEOUT"))
  });
}

// server/src/core/k8s/extract.ts
var IGNORE_ANNOTATION = "connlint.dev/ignore";
function extractObjects(reader, root, origin, problems) {
  const kind = reader.string(reader.get(root, "kind"));
  if (kind === void 0) return kindlessObjects(reader, root, origin);
  if (kind === "List" || kind?.endsWith("List") && reader.get(root, "items") !== void 0) {
    return reader.items(reader.get(root, "items")).flatMap((item, itemIndex) => extractObject(reader, item, origin, itemIndex, problems) ?? []);
  }
  const object = extractObject(reader, reader.get(root), origin, void 0, problems);
  return object === void 0 ? [] : [object];
}
function extractObject(reader, node, origin, itemIndex, problems) {
  const kindNode = reader.get(node, "kind");
  const kind = reader.string(kindNode);
  const span = reader.span(node);
  if (node === void 0 || kind === void 0 || span === void 0) return void 0;
  const isWorkload2 = WORKLOAD_KINDS.includes(kind);
  const template = kind === "Pod" ? node : isWorkload2 ? reader.get(node, "spec", "template") : void 0;
  const templateIgnores = template === void 0 ? [] : parseRuleList(reader.stringMap(reader.get(template, "metadata", "annotations")).get(IGNORE_ANNOTATION));
  const base = objectBase(reader, node, origin, itemIndex, kind, span, reader.span(kindNode) ?? span, templateIgnores);
  if (isWorkload2) return workload(reader, node, base, template, origin.fileText);
  switch (kind) {
    case "Service":
      return service(reader, node, base);
    case "HorizontalPodAutoscaler":
      return autoscaler(reader, node, base);
    case "Endpoints":
    case "EndpointSlice":
      return endpointSet(reader, node, base);
    case "KubeProxyConfiguration":
      return kubeProxyConfiguration(reader, node, base, void 0);
    case "Namespace":
      return namespace(reader, node, base);
    case "ConfigMap":
      if (base.name === CILIUM_CONFIG_MAP) return ciliumConfigMap(reader, node, base);
      return readPathObject(reader, node, base, origin.fileText) ?? embeddedKubeProxyConfiguration(reader, node, base, origin, problems);
    case "ScaledObject":
      return scaledObject(reader, node, base);
    case "FelixConfiguration":
      return felixConfiguration(reader, node, base);
    default:
      return readPathObject(reader, node, base, origin.fileText);
  }
}
function kindlessObjects(reader, root, origin) {
  const span = reader.span(reader.get(root));
  const name = origin.file.slice(origin.file.lastIndexOf("/") + 1);
  if (span === void 0 || !/^values.*\.ya?ml$/i.test(name)) return [];
  const base = {
    file: origin.file,
    documentIndex: origin.documentIndex,
    itemIndex: void 0,
    kind: "DataPlaneConfiguration",
    name,
    namespace: "default",
    span,
    nameSpan: { start: span.start, end: span.start },
    ignoredRules: []
  };
  const values = ciliumHelmValues(reader, root, base);
  return values === void 0 ? [] : [values];
}
function objectBase(reader, node, origin, itemIndex, kind, span, kindSpan, alsoIgnored) {
  const metadata = reader.get(node, "metadata");
  const nameNode = reader.get(metadata, "name");
  const annotations = reader.stringMap(reader.get(metadata, "annotations"));
  return {
    file: origin.file,
    documentIndex: origin.documentIndex,
    itemIndex,
    kind,
    name: reader.string(nameNode),
    namespace: reader.string(reader.get(metadata, "namespace")) || "default",
    span,
    nameSpan: reader.span(nameNode) ?? kindSpan,
    ignoredRules: exactList([...parseRuleList(annotations.get(IGNORE_ANNOTATION)), ...alsoIgnored])
  };
}
function parseRuleList(list) {
  if (list === void 0) return [];
  return list.split(",").map((rule) => rule.trim()).filter((rule) => rule !== "");
}
function workload(reader, node, base, template, fileText) {
  const replicasNode = base.kind === "Pod" ? void 0 : reader.get(node, "spec", "replicas");
  return Object.assign(base, {
    replicas: located(reader, replicasNode, reader.int32(replicasNode)),
    template: template === void 0 ? void 0 : podTemplate(reader, template),
    kubeProxyFlags: base.kind === "DaemonSet" ? kubeProxyFlags(reader, reader.get(template, "spec"), fileText) : [],
    kubeProxyImage: base.kind === "DaemonSet" ? kubeProxyImage(reader, reader.get(template, "spec")) : void 0,
    workloadRef: base.kind === "Rollout" ? objectRef(reader, reader.get(node, "spec", "workloadRef")) : void 0
  });
}
function objectRef(reader, node) {
  const kind = reader.string(reader.get(node, "kind"));
  const name = reader.string(reader.get(node, "name"));
  return kind === void 0 || name === void 0 ? void 0 : { kind, name };
}
function podTemplate(reader, template) {
  const spec = reader.get(template, "spec");
  const hostNetworkNode = reader.get(spec, "hostNetwork");
  const hostNetwork = reader.scalar(hostNetworkNode)?.value;
  return {
    labels: reader.stringMap(reader.get(template, "metadata", "labels")),
    annotations: reader.stringMap(reader.get(template, "metadata", "annotations")),
    hostNetwork: located(reader, hostNetworkNode, typeof hostNetwork === "boolean" ? hostNetwork : void 0),
    sysctls: exactList(reader.items(reader.get(spec, "securityContext", "sysctls")).flatMap((entry) => {
      const nameNode = reader.get(entry, "name");
      const valueNode = reader.get(entry, "value");
      const name = reader.string(nameNode);
      const nameSpan = reader.span(nameNode);
      if (name === void 0 || nameSpan === void 0) return [];
      const valueNotString = isNonStringScalar(reader, valueNode);
      return [{ name: normaliseSysctlKey(name), value: reader.string(valueNode), nameSpan, valueSpan: reader.span(valueNode), valueNotString }];
    }))
  };
}
function service(reader, node, base) {
  const spec = reader.get(node, "spec");
  const selector = reader.stringMap(reader.get(spec, "selector"));
  const clusterIPs = [reader.string(reader.get(spec, "clusterIP")), ...reader.items(reader.get(spec, "clusterIPs")).map((ip) => reader.string(ip))];
  const affinityNode = reader.get(spec, "sessionAffinity");
  const configNode = reader.get(spec, "sessionAffinityConfig");
  const timeoutNode = reader.get(configNode, "clientIP", "timeoutSeconds");
  return Object.assign(base, {
    selector: selector.size > 0 ? selector : void 0,
    type: reader.string(reader.get(spec, "type")) ?? "ClusterIP",
    headless: clusterIPs.includes("None"),
    sessionAffinity: located(reader, affinityNode, reader.string(affinityNode)),
    affinityTimeoutSeconds: located(reader, timeoutNode, reader.int32(timeoutNode)),
    affinityTimeoutText: located(reader, timeoutNode, reader.string(timeoutNode)),
    affinityConfigKey: configNode === void 0 || reader.scalar(configNode)?.value === null ? void 0 : reader.span(reader.keyNode(spec, "sessionAffinityConfig")),
    ports: exactList(
      reader.items(reader.get(spec, "ports")).flatMap((port) => {
        const span = reader.span(port);
        return span === void 0 ? [] : [{ protocol: reader.string(reader.get(port, "protocol")) || "TCP", port: reader.int32(reader.get(port, "port")), name: reader.string(reader.get(port, "name")), span }];
      })
    ),
    internalTrafficPolicy: locatedString(reader, reader.get(spec, "internalTrafficPolicy")),
    externalTrafficPolicy: locatedString(reader, reader.get(spec, "externalTrafficPolicy")),
    typeSpan: reader.span(reader.get(spec, "type")),
    annotations: readAnnotations(reader, reader.get(node, "metadata")),
    loadBalancerClass: reader.string(reader.get(spec, "loadBalancerClass"))
  });
}
function autoscaler(reader, node, base) {
  const spec = reader.get(node, "spec");
  const targetKind = reader.string(reader.get(spec, "scaleTargetRef", "kind"));
  const targetName = reader.string(reader.get(spec, "scaleTargetRef", "name"));
  const maxNode = reader.get(spec, "maxReplicas");
  return Object.assign(base, {
    target: targetKind !== void 0 && targetName !== void 0 ? { kind: targetKind, name: targetName } : void 0,
    maxReplicas: located(reader, maxNode, reader.int32(maxNode))
  });
}
function endpointSet(reader, node, base) {
  if (base.kind === "Endpoints") {
    const subsets = reader.items(reader.get(node, "subsets"));
    const addressCount = subsets.reduce((sum, subset) => sum + reader.items(reader.get(subset, "addresses")).length, 0);
    return Object.assign(base, { serviceName: base.name, addressCount });
  }
  const labels = reader.stringMap(reader.get(node, "metadata", "labels"));
  const endpoints = reader.items(reader.get(node, "endpoints"));
  const ready = endpoints.filter((endpoint) => reader.scalar(reader.get(endpoint, "conditions", "ready"))?.value !== false);
  return Object.assign(base, { serviceName: labels.get("kubernetes.io/service-name"), addressCount: ready.length });
}
function namespace(reader, node, base) {
  const labels = reader.get(node, "metadata", "labels");
  const label = (name) => {
    const value = reader.get(labels, name);
    return located(reader, value, reader.string(value));
  };
  return Object.assign(base, {
    namespace: base.name ?? base.namespace,
    labels: reader.stringMap(labels),
    annotations: reader.stringMap(reader.get(node, "metadata", "annotations")),
    podSecurityEnforce: label("pod-security.kubernetes.io/enforce"),
    podSecurityEnforceVersion: label("pod-security.kubernetes.io/enforce-version")
  });
}

// server/src/core/perAnalysis.ts
function perAnalysis(read) {
  const kept = /* @__PURE__ */ new WeakMap();
  return (file) => {
    let entry = kept.get(file);
    if (entry === void 0) kept.set(file, entry = { value: read(file) });
    return entry.value;
  };
}

// server/src/core/kustomize/kustomization.ts
var KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
function isKustomizationPath(path9) {
  const name = path9.slice(path9.lastIndexOf("/") + 1);
  return KUSTOMIZATION_FILE_NAMES.includes(name);
}
var SKIPPED_FIELDS = {
  configMapGenerator: "generators are not run",
  secretGenerator: "generators are not run",
  generators: "generator plugins are not run",
  transformers: "transformer plugins are not run",
  validators: "validator plugins are not run",
  helmCharts: "Helm charts are not inflated",
  helmChartInflationGenerator: "Helm charts are not inflated",
  replacements: "replacements are not applied",
  vars: "vars are not substituted"
};
var readKustomization = perAnalysis(parseKustomization);
function parseKustomization(file) {
  const directory = directoryOf(file.path);
  let document;
  try {
    document = (0, import_yaml6.parseDocument)(file.text, { prettyErrors: false, merge: true });
  } catch {
    return emptyKustomization(file.path, directory);
  }
  const reader = new NodeReader(document, 0, file.text);
  const root = document.contents;
  const skipped = [];
  const references = (field) => pathReferences(reader, root, field, directory, file.path, skipped);
  return {
    file: file.path,
    directory,
    component: reader.string(reader.get(root, "kind")) === "Component",
    resources: [...references("resources"), ...references("bases")],
    components: references("components"),
    namespace: reader.string(reader.get(root, "namespace")) || void 0,
    namePrefix: reader.string(reader.get(root, "namePrefix")) ?? "",
    nameSuffix: reader.string(reader.get(root, "nameSuffix")) ?? "",
    labels: labelEntries(reader, root),
    replicas: replicaEntries(reader, root, file.path),
    patches: patchEntries(reader, root, file, directory),
    skipped: [...skipped, ...skippedFields(reader, root, file.path)]
  };
}
function emptyKustomization(file, directory) {
  return { file, directory, component: false, resources: [], components: [], namespace: void 0, namePrefix: "", nameSuffix: "", labels: [], replicas: [], patches: [], skipped: [] };
}
function pathReferences(reader, root, field, directory, file, skipped) {
  const references = [];
  for (const item of reader.items(reader.get(root, field))) {
    const written = reader.string(item);
    const span = reader.span(item);
    if (written === void 0 || span === void 0) continue;
    if (isRemote(written)) skipped.push({ file, span, reason: `the remote ${field === "components" ? "component" : "resource"} ${written} is not fetched` });
    else references.push({ path: joinPath(directory, written), written, span });
  }
  return references;
}
function isRemote(written) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(written) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(written) || written.includes("?ref=");
}
function labelEntries(reader, root) {
  const entries3 = [];
  const common = reader.stringMap(reader.get(root, "commonLabels"));
  if (common.size > 0) entries3.push({ pairs: common, selectors: true, templates: true });
  for (const item of reader.items(reader.get(root, "labels"))) {
    const pairs = reader.stringMap(reader.get(item, "pairs"));
    const selectors = reader.string(reader.get(item, "includeSelectors")) === "true";
    const templates = selectors || reader.string(reader.get(item, "includeTemplates")) === "true";
    if (pairs.size > 0) entries3.push({ pairs, selectors, templates });
  }
  return entries3;
}
function replicaEntries(reader, root, file) {
  return reader.items(reader.get(root, "replicas")).flatMap((item) => {
    const name = reader.string(reader.get(item, "name"));
    const countNode = reader.get(item, "count");
    const count = reader.int32(countNode);
    const span = reader.span(countNode);
    return name === void 0 || count === void 0 || span === void 0 ? [] : [{ name, count, file, span }];
  });
}
function patchEntries(reader, root, file, directory) {
  const entries3 = [];
  const add = (item, late, target, pathNode, inlineNode) => {
    const span = reader.span(item);
    if (span === void 0) return;
    const written = reader.string(pathNode);
    const pathSpan = reader.span(pathNode);
    const reference = written === void 0 || pathSpan === void 0 ? void 0 : { path: joinPath(directory, written), written, span: pathSpan };
    const inline = reference === void 0 ? inlinePatch(reader, inlineNode, file) : NO_INLINE;
    if (reference === void 0 && inline.objects.length === 0 && inline.operations.length === 0) return;
    entries3.push({ span, target, file: reference, objects: inline.objects, operations: inline.operations, deletions: inline.deletions, late });
  };
  for (const item of reader.items(reader.get(root, "patchesStrategicMerge"))) {
    if (reader.string(item)?.includes("\n")) add(item, false, void 0, void 0, item);
    else add(item, false, void 0, item, void 0);
  }
  for (const item of reader.items(reader.get(root, "patches"))) {
    add(item, false, patchTarget(reader, reader.get(item, "target")), reader.get(item, "path"), reader.get(item, "patch"));
  }
  for (const item of reader.items(reader.get(root, "patchesJson6902"))) {
    add(item, true, patchTarget(reader, reader.get(item, "target")), reader.get(item, "path"), reader.get(item, "patch"));
  }
  return entries3;
}
var NO_INLINE = { objects: [], operations: [], deletions: [] };
var deletionsIn = perAnalysis((file) => readDeletions(file.text, file.objects));
function readDeletions(text, objects) {
  if (!text.includes("$patch")) return [];
  const deleting = /* @__PURE__ */ new Set();
  (0, import_yaml6.parseAllDocuments)(text, { prettyErrors: false }).forEach((document, index) => {
    if (isDeletion(document.contents)) deleting.add(index);
  });
  return objects.filter((object) => object.itemIndex === void 0 && deleting.has(object.documentIndex));
}
function isDeletion(root) {
  return (0, import_yaml6.isMap)(root) && root.get("$patch") === "delete";
}
function inlinePatch(reader, node, file) {
  const scalar = reader.scalar(node);
  const embedded = scalar && embeddedText(scalar, file.text, reader.offset);
  if (embedded === void 0) return NO_INLINE;
  const document = (0, import_yaml6.parseDocument)(embedded.text, { prettyErrors: false, merge: true });
  const embeddedReader = new EmbeddedNodeReader(document, embedded);
  const operations = readJson6902(embeddedReader, document.contents, file.path);
  if (operations.length > 0) return { objects: [], operations, deletions: [] };
  const objects = extractObjects(embeddedReader, document.contents, { file: file.path, fileText: file.text, documentIndex: 0 }, []);
  return { objects, operations: [], deletions: isDeletion(document.contents) ? objects : [] };
}
function patchTarget(reader, node) {
  if (reader.map(node) === void 0) return void 0;
  const text = (key) => reader.string(reader.get(node, key));
  const selector = text("labelSelector");
  return { kind: text("kind"), name: text("name"), namespace: text("namespace"), labelSelector: selector === void 0 ? void 0 : parseLabelSelector(selector) };
}
function parseLabelSelector(selector) {
  const pairs = /* @__PURE__ */ new Map();
  for (const term of selector.split(",")) {
    const match = /^\s*([^=!\s]+)\s*==?\s*(\S*)\s*$/.exec(term);
    if (match !== null) pairs.set(match[1], match[2]);
    else if (term.trim() !== "") pairs.set(`\0${term.trim()}`, "\0");
  }
  return pairs;
}
function skippedFields(reader, root, file) {
  return Object.entries(SKIPPED_FIELDS).flatMap(([field, reason]) => {
    const key = reader.keyNode(reader.map(root), field);
    const span = reader.span(key);
    return key === void 0 || span === void 0 ? [] : [{ file, span, reason: `${field}: ${reason}` }];
  });
}

// server/src/core/kustomize/build.ts
function kustomizeLayout(kustomizationPaths, fileAt, directoryName, since) {
  const evaluator = new BuildEvaluator(kustomizationPaths, fileAt);
  const previous = since?.layout instanceof Layout ? since.layout : void 0;
  const kept = new Map(previous?.builds.map((build) => [build.kustomization, build]));
  const changed = since?.changed ?? /* @__PURE__ */ new Set();
  const builds = [];
  const owners = previous?.owners ?? /* @__PURE__ */ new WeakMap();
  for (const kustomization of evaluator.roots()) {
    if (previous !== void 0 && kustomization.component) continue;
    const build = kept.get(kustomization.file);
    if (build !== void 0 && !someIn(changed, build.inputs)) {
      builds.push(build);
      continue;
    }
    const trace = { skipped: /* @__PURE__ */ new Set(), inputs: /* @__PURE__ */ new Set() };
    const emitted = evaluator.evaluate(kustomization, [], [], trace);
    if (kustomization.component) continue;
    const objects = emitted.map((item) => ({ ...item.object }));
    const evaluated = { name: directoryName(kustomization.directory), kustomization: kustomization.file, objects, skipped: [...trace.skipped], inputs: trace.inputs };
    for (const object of objects) owners.set(object, evaluated);
    builds.push(evaluated);
  }
  if (previous !== void 0) return new Layout(builds, previous, owners);
  const patchOnlyFiles = new Set([...evaluator.patches].filter((path9) => !evaluator.resources.has(path9)));
  return new Layout(builds, { claimedFiles: evaluator.claimed, patchOnlyFiles, patchFiles: evaluator.patches, inputs: evaluator.inputs }, owners);
}
var Layout = class {
  constructor(builds, files, owners) {
    this.builds = builds;
    this.owners = owners;
    ({ claimedFiles: this.claimedFiles, patchOnlyFiles: this.patchOnlyFiles, patchFiles: this.patchFiles, inputs: this.inputs } = files);
  }
  builds;
  owners;
  claimedFiles;
  patchOnlyFiles;
  patchFiles;
  inputs;
  readers;
  buildOf(object) {
    return this.owners.get(object);
  }
  buildsReading(path9) {
    if (this.readers === void 0) {
      this.readers = /* @__PURE__ */ new Map();
      for (const build of this.builds) for (const input of build.inputs) pushTo(this.readers, input, build);
    }
    return this.readers.get(path9) ?? [];
  }
};
var BuildEvaluator = class {
  constructor(paths, fileAt) {
    this.fileAt = fileAt;
    const sorted = [...paths].sort((a2, b2) => rank(a2) - rank(b2));
    for (const path9 of sorted) {
      const file = fileAt(path9);
      if (file === void 0) continue;
      const kustomization = readKustomization(file);
      if (!this.byDirectory.has(kustomization.directory)) this.byDirectory.set(kustomization.directory, kustomization);
      this.inputs.add(path9);
      this.claimed.add(path9);
    }
  }
  fileAt;
  claimed = /* @__PURE__ */ new Set();
  resources = /* @__PURE__ */ new Set();
  patches = /* @__PURE__ */ new Set();
  inputs = /* @__PURE__ */ new Set();
  byDirectory = /* @__PURE__ */ new Map();
  /** Each resource directory's output, evaluated once however many builds share it. */
  outputs = /* @__PURE__ */ new Map();
  /** Kustomizations that no other one uses as a resource or component, in path order (unused components too). */
  roots() {
    const used = /* @__PURE__ */ new Set();
    for (const kustomization of this.byDirectory.values()) {
      for (const reference of [...kustomization.resources, ...kustomization.components]) {
        const isOther = reference.path !== kustomization.directory;
        if (isOther && this.fileAt(reference.path) === void 0 && this.byDirectory.has(reference.path)) used.add(reference.path);
      }
    }
    return [...this.byDirectory.values()].filter((kustomization) => !used.has(kustomization.directory)).sort((a2, b2) => a2.file < b2.file ? -1 : a2.file > b2.file ? 1 : 0);
  }
  /** A kustomization's output over `input` (what its parent accumulated, for a component). */
  evaluate(kustomization, input, stack, trace) {
    trace.inputs.add(kustomization.file);
    if (stack.includes(kustomization.directory)) {
      trace.skipped.add({ file: kustomization.file, span: { start: 0, end: 0 }, reason: "it is part of a cycle of kustomizations" });
      return [...input];
    }
    const inner = [...stack, kustomization.directory];
    for (const input2 of kustomization.skipped) trace.skipped.add(input2);
    let objects = [...input];
    const read = new Set(objects);
    for (const reference of kustomization.resources) {
      for (const item of this.resource(reference, inner, trace)) if (!read.has(item)) objects.push(item), read.add(item);
    }
    for (const reference of kustomization.components) {
      const component = this.directory(reference.path, trace);
      if (component === void 0) trace.skipped.add({ file: kustomization.file, span: reference.span, reason: `the component ${reference.written} is not in the workspace` });
      else objects = this.evaluate(component, objects, inner, trace);
    }
    return this.transform(kustomization, objects, trace);
  }
  resource(reference, stack, trace) {
    this.look(reference.path, trace);
    const file = this.fileAt(reference.path);
    if (file !== void 0) {
      this.claimed.add(file.path);
      this.resources.add(file.path);
      return file.objects.map((object) => ({ object, names: object.name === void 0 ? [] : [object.name] }));
    }
    const kustomization = this.directory(reference.path, trace);
    if (kustomization !== void 0) {
      if (stack.includes(kustomization.directory)) return this.evaluate(kustomization, [], stack, trace);
      let output = this.outputs.get(kustomization.directory);
      if (output === void 0) {
        const own = { skipped: /* @__PURE__ */ new Set(), inputs: /* @__PURE__ */ new Set() };
        output = { objects: this.evaluate(kustomization, [], stack, own), trace: own };
        this.outputs.set(kustomization.directory, output);
      }
      for (const input of output.trace.skipped) trace.skipped.add(input);
      for (const path9 of output.trace.inputs) trace.inputs.add(path9);
      return output.objects;
    }
    const owner = stack[stack.length - 1];
    trace.skipped.add({ file: this.byDirectory.get(owner ?? "")?.file ?? reference.path, span: reference.span, reason: `the resource ${reference.written} is not in the workspace` });
    return [];
  }
  directory(path9, trace) {
    for (const name of KUSTOMIZATION_FILE_NAMES) this.look(joinPath(path9, name), trace);
    return this.byDirectory.get(path9);
  }
  /** Notes a path read or looked for: a change to it changes the build. */
  look(path9, trace) {
    this.inputs.add(path9);
    trace.inputs.add(path9);
  }
  /** The kustomization's own transformers, in kustomize's order. */
  transform(kustomization, input, trace) {
    let objects = input;
    for (const patch of kustomization.patches) if (!patch.late) objects = this.patch(objects, patch, kustomization, trace);
    if (kustomization.namespace !== void 0) objects = mapObjects(objects, (object) => setNamespace(object, kustomization.namespace));
    if (kustomization.namePrefix !== "" || kustomization.nameSuffix !== "") objects = rename(objects, kustomization.namePrefix, kustomization.nameSuffix);
    for (const entry of kustomization.labels) objects = mapObjects(objects, (object) => addLabels(object, entry));
    for (const patch of kustomization.patches) if (patch.late) objects = this.patch(objects, patch, kustomization, trace);
    for (const entry of kustomization.replicas) objects = objects.map((item) => ({ object: setReplicas(item, entry), names: item.names }));
    return objects;
  }
  patch(objects, patch, kustomization, trace) {
    const content = this.patchContent(patch, trace);
    if (content === void 0) {
      trace.skipped.add({ file: kustomization.file, span: patch.file?.span ?? patch.span, reason: `the patch ${patch.file?.written ?? ""} is not in the workspace` });
      return objects;
    }
    return objects.flatMap((item) => {
      let object = item.object;
      if (content.operations.length > 0 && patch.target !== void 0 && targetMatches(item, patch.target)) object = applyOperations(object, content.operations);
      for (const patchObject of content.objects) {
        const applies = patch.target !== void 0 ? targetMatches(item, patch.target) : patchMatches(item, patchObject.kind, patchObject.name);
        if (applies && content.deletions.includes(patchObject)) return [];
        if (applies) object = mergePatch(object, patchObject);
      }
      return [object === item.object ? item : { object, names: item.names }];
    });
  }
  patchContent(patch, trace) {
    if (patch.file === void 0) return patch;
    this.look(patch.file.path, trace);
    const file = this.fileAt(patch.file.path);
    if (file === void 0) return void 0;
    this.claimed.add(file.path);
    this.patches.add(file.path);
    if (file.objects.length > 0) return { objects: file.objects, operations: [], deletions: deletionsIn(file) };
    return { objects: [], operations: operationsOf(file), deletions: [] };
  }
};
function rank(path9) {
  const name = path9.slice(path9.lastIndexOf("/") + 1);
  return KUSTOMIZATION_FILE_NAMES.indexOf(name);
}
function operationsOf(file) {
  try {
    const document = (0, import_yaml7.parseDocument)(file.text, { prettyErrors: false });
    return readJson6902(new NodeReader(document, 0, file.text), document.contents, file.path);
  } catch {
    return [];
  }
}

// server/src/core/model/workspaceBuilds.ts
var EMITTED = "kustomize";
var CLAIMS = "kustomizeClaims";
var LISTS = { Service: isService, Workload: isWorkload, KubeProxyConfiguration: isKubeProxyConfiguration };
var listFacet = (list) => `kustomize:${list}`;
var LIST_NAMES = Object.keys(LISTS);
var buildFacet = (build) => `kustomize:build:${build.kustomization}`;
var WorkspaceBuilds = class {
  constructor(fileAt, directoryName) {
    this.fileAt = fileAt;
    this.directoryName = directoryName;
  }
  fileAt;
  directoryName;
  kustomizationPaths = /* @__PURE__ */ new Set();
  /** The last layout computed: changes are read against it until another is. */
  layout;
  /** Whether the layout is stale as a whole, and which files' text changed since it was computed. */
  restructured = true;
  edited = /* @__PURE__ */ new Set();
  lists;
  /** Takes in a change to a file (its analyses before and after); the facets of the builds it changed. */
  noteChange(path9, previous, next) {
    const isKustomization = isKustomizationPath(path9);
    if (isKustomization && next !== void 0) this.kustomizationPaths.add(path9);
    else if (isKustomization) this.kustomizationPaths.delete(path9);
    const layout = this.layout;
    const read = layout?.inputs.has(path9) === true;
    if (isKustomization || read && previous === void 0 !== (next === void 0)) {
      this.restructured = true;
      return [EMITTED, CLAIMS, ...LIST_NAMES.map(listFacet)];
    }
    if (layout === void 0 || !read) return [];
    this.edited.add(path9);
    const builds = layout.buildsReading(path9);
    const objects = [...previous?.objects ?? [], ...next?.objects ?? []];
    const inputs = layout.patchFiles.has(path9) ? builds.flatMap((build) => [...build.inputs].flatMap((input) => this.fileAt(input)?.objects ?? [])) : [];
    const lists = LIST_NAMES.filter((list) => objects.some(LISTS[list]) || inputs.some(LISTS[list]));
    return [EMITTED, ...builds.map(buildFacet), ...lists.map(listFacet)];
  }
  /** The builds, or undefined when the workspace holds no kustomization. */
  current() {
    if (this.kustomizationPaths.size === 0) return void 0;
    if (this.restructured || this.layout === void 0) {
      this.layout = kustomizeLayout(this.kustomizationPaths, this.fileAt, this.directoryName);
    } else if (this.edited.size > 0) {
      this.layout = kustomizeLayout(this.kustomizationPaths, this.fileAt, this.directoryName, { layout: this.layout, changed: this.edited });
    }
    this.restructured = false;
    this.edited.clear();
    return this.layout;
  }
  /** The builds, recording a read of everything they emit (and of whether there are any). */
  read(read) {
    read(EMITTED);
    read(CLAIMS);
    return this.current();
  }
  /** The builds, recording a read of what they emit of one list's kinds, and of which files they read. */
  readList(list, read) {
    read(listFacet(list));
    return this.readClaims(read);
  }
  /** The builds, recording a read of which files they read only (and of whether there are any). */
  readClaims(read) {
    read(CLAIMS);
    return this.current();
  }
  /** The builds when one of them reads `path` (recording a read of the objects of those that do), else undefined. */
  readFor(path9, read) {
    const layout = this.readClaims(read);
    if (layout?.claimedFiles.has(path9) !== true) return void 0;
    for (const build of layout.buildsReading(path9)) read(buildFacet(build));
    return layout;
  }
  /** A list of the whole workspace: the objects of files no build reads, then those each build emits. */
  withBuilds(layout, list, raw, generation) {
    const is = LISTS[list];
    return this.kept(list, generation, () => [...raw.filter((object) => !layout.claimedFiles.has(object.file)), ...layout.builds.flatMap((build) => build.objects.filter(is))]);
  }
  /** A file's objects as the builds that read it emit them (none for a patch). */
  emittedFrom(layout, path9, generation) {
    return this.kept(`file:${path9}`, generation, () => layout.buildsReading(path9).flatMap((build) => build.objects.filter((object) => object.file === path9)));
  }
  kept(key, generation, make) {
    if (this.lists?.generation !== generation) this.lists = { generation, byKey: /* @__PURE__ */ new Map() };
    let list = this.lists.byKey.get(key);
    if (list === void 0) this.lists.byKey.set(key, list = make());
    return list;
  }
};
function workloadsSelectedIn(build, namespace2, selector) {
  return build.objects.filter((object) => isWorkload(object) && object.namespace === namespace2 && selects(object, selector));
}
function autoscalersIn(build, workload2) {
  return build.objects.filter(
    (object) => (object.kind === "HorizontalPodAutoscaler" || object.kind === "ScaledObject") && object.namespace === workload2.namespace && object.target?.kind === workload2.kind && object.target.name === workload2.name
  );
}
function endpointSetsIn(build, service2) {
  return build.objects.filter(
    (object) => (object.kind === "Endpoints" || object.kind === "EndpointSlice") && object.namespace === service2.namespace && object.serviceName === service2.name
  );
}
function selects(workload2, selector) {
  if (workload2.template === void 0) return false;
  for (const [key, value] of selector) if (workload2.template.labels.get(key) !== value) return false;
  return true;
}
function isService(object) {
  return object.kind === "Service";
}
function isKubeProxyConfiguration(object) {
  return object.kind === "KubeProxyConfiguration";
}

// server/src/core/model/scopedView.ts
function scopePathOf(model) {
  return model.scopePath;
}
function scopedView(prototype, path9) {
  const view = Object.create(prototype);
  view.scopePath = path9;
  return view;
}
function scopePrototypeOf(model) {
  const own = (is) => ({
    get() {
      return model.objectsFrom(this.scopePath).filter(is);
    }
  });
  return Object.create(model, {
    services: own(isService),
    workloads: own(isWorkload),
    kubeProxyConfigurations: own(isKubeProxyConfiguration),
    workspaceKubeProxyConfigurations: {
      get() {
        return nearest(this.scopePath, model.workspaceKubeProxyConfigurations);
      }
    },
    nodeSysctlAssignments: {
      value(key, image) {
        return model.nodeSysctlAssignments(key, image ?? nodeImageOf(this.scopePath, model));
      }
    },
    kubeProxyDaemonSets: {
      get() {
        return nearest(this.scopePath, model.kubeProxyDaemonSets);
      }
    },
    files: {
      get() {
        const file = model.file(this.scopePath);
        return file === void 0 ? [] : [file];
      }
    }
  });
}
function kubeProxyChoice(file, configurations, daemonSets, scopePath) {
  const configurationFiles = filesOf(configurations);
  const all = configurationFiles.includes(file) ? configurationFiles : filesOf(daemonSets);
  if (all.length < 2 || !all.includes(file)) return "";
  if (scopePath === void 0) return `, the first of ${all.length} kube-proxy configurations`;
  const nearestFiles = new Set(nearest(scopePath, all.map((path9) => ({ file: path9 }))).map((candidate) => candidate.file));
  return nearestFiles.size > 1 ? `, the first of ${nearestFiles.size} equally near kube-proxy configurations` : `, the nearest of ${all.length} kube-proxy configurations`;
}
function filesOf(objects) {
  return [...new Set(objects.map((object) => object.file))];
}
function nodeImageOf(path9, model) {
  const images = model.nodeImages;
  if (images.length < 2) return void 0;
  const role = model.file(path9)?.role;
  if (role === "sysctl") return nodeRootOf(path9);
  if (role === "modules-load") return modulesLoadRootOf(path9);
  return nearestImages(path9, images)[0];
}
function nodeImageChoice(file, model, scopePath) {
  const images = model.nodeImages;
  if (images.length < 2 || model.file(file)?.role !== "sysctl") return "";
  if (scopePath === void 0) return `, the last applied of ${images.length} node images`;
  if (model.file(scopePath)?.role === "sysctl" || model.file(scopePath)?.role === "modules-load") return "";
  const equallyNear = nearestImages(scopePath, images).length;
  return equallyNear > 1 ? `, the first of ${equallyNear} equally near node images` : `, the nearest of ${images.length} node images`;
}
function nearestImages(path9, images) {
  return nearest(path9, images.map((root) => ({ file: `${root}-`, root }))).map((image) => image.root);
}

// server/src/core/model/sources.ts
function baseName(file) {
  const trimmed = file.replace(/[\\/]+$/, "");
  return decodeURIComponentSafe(trimmed.slice(Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\")) + 1));
}
function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function describeSource(source, lineOf, kubeProxyChoice2) {
  switch (source.kind) {
    case "file": {
      const line = lineOf(source.file, source.span.start);
      const choice = kubeProxyChoice2(source.file) || (source.choice ?? "");
      return `${source.setting} in ${baseName(source.file)}${line === void 0 ? "" : `:${line + 1}`}${choice}`;
    }
    case "default":
      return source.reason;
    case "assumption":
      return `the ${source.setting} setting`;
  }
}

// server/src/core/model/workspaceModel.ts
var WorkspaceModel = class {
  constructor(files = [], currentAssumptions = {}, directoryName) {
    this.currentAssumptions = currentAssumptions;
    this.directoryName = directoryName;
    for (const file of files) this.setFile(file);
  }
  currentAssumptions;
  directoryName;
  filesByPath = /* @__PURE__ */ new Map();
  all = new ObjectIndexes();
  node = new NodeFiles();
  kustomize = new WorkspaceBuilds(
    (path9) => this.filesByPath.get(path9),
    (directory) => this.directoryName?.(directory) ?? buildName(directory)
  );
  facets = new FacetLog();
  readFacet = (facet) => void this.facets.read(facet, void 0);
  /** What every view made by `scopedTo` inherits from (made once: views differ only in their path). */
  scopePrototype;
  /** Counts every update; a result computed at one generation is current while it stays the same. */
  updates = 0;
  /** What is assumed about the cluster: in a model scoped to a file, about that file's cluster. */
  get assumptions() {
    const scopePath = scopePathOf(this);
    return (scopePath === void 0 ? void 0 : this.clusterOf(scopePath)?.assumptions) ?? this.currentAssumptions;
  }
  /** The cluster of `clusters:` that holds a file, if any. */
  clusterOf(path9) {
    return this.currentAssumptions.clusters?.find((cluster) => cluster.contains(path9));
  }
  /** Increases with every change to the model. */
  get generation() {
    return this.updates;
  }
  /** Kubernetes Services, in workspace order. */
  get services() {
    return this.facets.read("services", this.withBuilds("Service", this.all.services.get("")));
  }
  /** Workloads and Pods, in workspace order. */
  get workloads() {
    return this.facets.read("workloads", this.withBuilds("Workload", this.all.workloads.get("")));
  }
  get kubeProxyConfigurations() {
    return this.facets.read("kubeProxyConfigurations", this.withBuilds("KubeProxyConfiguration", this.all.kubeProxyConfigurations.get("")));
  }
  /** The kustomize builds of the workspace (none without a kustomization file). */
  get builds() {
    return this.kustomize.read(this.readFacet)?.builds ?? [];
  }
  /** The build an object belongs to, when it is one a build emits. */
  buildOf(object) {
    return this.kustomize.readFor(object.file, this.readFacet)?.buildOf(object);
  }
  /**
   * A file's objects as the analysis sees them: as each build emits them when builds read the
   * file (none for a file used only as a patch), else as the file defines them.
   */
  objectsFrom(path9) {
    const file = this.file(path9);
    if (file === void 0) return [];
    const layout = this.kustomize.readFor(path9, this.readFacet);
    return layout === void 0 ? file.objects : this.kustomize.emittedFrom(layout, path9, this.updates);
  }
  /**
   * kube-proxy configurations that apply on the nodes: the whole workspace's, as the kustomize
   * builds emit them (a patch of the kube-proxy ConfigMap replaces its configuration); in a model
   * scoped to one file, those defined nearest to it (see `nearest`), when the workspace holds several.
   */
  get workspaceKubeProxyConfigurations() {
    return this.kubeProxyConfigurations;
  }
  /** DaemonSets that run kube-proxy (with command-line flags or a kube-proxy image), in workspace order. */
  get kubeProxyDaemonSets() {
    return this.facets.read("kubeProxyDaemonSets", this.all.workloads.get(KUBE_PROXY));
  }
  /** Sysctl files in application order. */
  get sysctlFiles() {
    return this.facets.read("sysctlFiles", this.node.sysctlFiles);
  }
  /** Every analysed file, relevant or not. */
  get files() {
    return this.facets.read("files", this.filesByPath.values());
  }
  file(path9) {
    return this.facets.read(`file:${path9}`, this.filesByPath.get(path9));
  }
  /** Whether the workspace holds any Kubernetes object the analysis models. */
  get hasManifests() {
    return this.facets.read("hasManifests", this.all.holdsManifests());
  }
  /** Workloads and Pods of a namespace. */
  workloadsIn(namespace2) {
    return this.facets.read(`workloadsIn:${namespace2}`, this.all.workloadsByNamespace.get(namespace2));
  }
  /**
   * Workloads of a namespace whose pod template's labels hold every pair of `selector`, in
   * workspace order: looked up by the selector's rarest pair rather than over the whole namespace.
   */
  workloadsSelectedBy(namespace2, selector, build) {
    if (build !== void 0) return workloadsSelectedIn(build, namespace2, selector);
    const { facet, candidates } = this.all.selectorCandidates(namespace2, selector);
    return this.unclaimed(this.facets.read(facet, candidates).filter((workload2) => selects(workload2, selector)));
  }
  /** Cilium and Calico data plane configurations of the whole workspace, even in a scoped model: what applies on the nodes. */
  get dataPlaneConfigurations() {
    return this.facets.read("dataPlaneConfigurations", this.all.dataPlaneConfigurations.get(""));
  }
  /** The Namespace objects of that name in the workspace. */
  namespacesNamed(name) {
    return this.facets.read(`namespace:${name}`, this.all.namespacesByName.get(name));
  }
  /** The Services of that namespace and name that the workspace's files define. */
  servicesNamed(namespace2, name) {
    return this.facets.read(`servicesNamed:${namespace2}/${name}`, this.all.servicesByName.get(`${namespace2}/${name}`));
  }
  /** Argo Rollouts whose `spec.workloadRef` names this workload: they run its pod template. */
  rolloutsReferencing(workload2) {
    const key = targetKey(workload2.namespace, workload2.kind, workload2.name);
    return this.facets.read(`rollouts:${key}`, this.all.rolloutsByWorkloadRef.get(key));
  }
  /**
   * Autoscalers (HorizontalPodAutoscalers, KEDA ScaledObjects) whose `scaleTargetRef` names this
   * workload: in its build when a build emits it, else outside every build.
   */
  autoscalersOf(workload2) {
    const build = this.buildOf(workload2);
    if (build !== void 0) return autoscalersIn(build, workload2);
    const key = targetKey(workload2.namespace, workload2.kind, workload2.name);
    const autoscalers = this.facets.read(`autoscalers:${key}`, this.all.autoscalersByTarget.get(key));
    const layout = this.kustomize.readClaims(this.readFacet);
    const unclaimed = layout === void 0 ? autoscalers : autoscalers.filter((autoscaler2) => !layout.claimedFiles.has(autoscaler2.file));
    return nearest(workload2.file, unclaimed).filter((autoscaler2) => isNearby(workload2.file, autoscaler2.file));
  }
  /** Endpoints and EndpointSlices written for a Service: in its build, when a build emits it. */
  endpointSetsOf(service2) {
    const build = this.buildOf(service2);
    if (build !== void 0) return endpointSetsIn(build, service2);
    const key = `${service2.namespace}/${service2.name}`;
    return this.unclaimed(this.facets.read(`endpoints:${key}`, this.all.endpointSetsByService.get(key)));
  }
  /** The workspace's objects of a kind read for connection paths (Ingress, DestinationRule, MeshConfig). */
  pathObjects(kind) {
    return this.facets.read(`kind:${kind}`, this.all.pathObjectsByKind.get(kind));
  }
  /**
   * Every assignment of a sysctl key on the nodes, in the order a node applies them: of every node
   * image, or of one (`image`); in a model scoped to a file, of the image nearest to it (see nodeImageOf).
   */
  nodeSysctlAssignments(key, image) {
    return this.facets.read(`nodeSysctl:${key}`, this.node.assignments(key, image));
  }
  /** The node images of the workspace's sysctl files (their roots, see nodeRootOf), in path order. */
  get nodeImages() {
    return this.facets.read("sysctlFiles", this.node.images);
  }
  /**
   * The kernel modules a node image loads at boot (its modules-load.d files), by node root (see
   * modulesLoadRootOf); undefined when the workspace holds no modules-load.d file of that image.
   */
  modulesLoadedAtBoot(root) {
    return this.facets.read("modulesLoad", this.node.modulesLoadedAtBoot(root));
  }
  /** A short description of where a value comes from, for messages: `tcpEstablishedTimeout in kube-proxy.yaml:12`. */
  describe(source) {
    return describeSource(
      source,
      (file, offset) => this.file(file)?.lineIndex.positionAt(offset).line,
      (file) => kubeProxyChoice(file, this.all.kubeProxyConfigurations.get(""), this.all.workloads.get(KUBE_PROXY), scopePathOf(this))
    );
  }
  /**
   * The same model with its lists of objects and files limited to one file's: a rule whose
   * findings are each about one of those, run over it, finds that file's findings. Lookups, and
   * what the whole workspace decides (workspaceKubeProxyConfigurations, node sysctls), are not limited.
   */
  scopedTo(path9) {
    return scopedView(this.scopePrototype ??= scopePrototypeOf(this), path9);
  }
  /**
   * A value computed from the whole workspace (by `compute`, given the whole model even in a
   * scoped one), read as one facet that changes only when the value does (see DerivedValues).
   */
  workspaceValue = (name, compute, same) => this.facets.derive(name, () => compute(this), same);
  /** Runs `compute` and returns the facets of the model it read, with its result. */
  recordReads(compute) {
    return this.facets.recordReads(compute);
  }
  /** The facets changed since the last call (or since the model was made), or EVERYTHING. */
  takeChanges() {
    return this.facets.takeChanges();
  }
  /** Replaces what is assumed about the cluster; everything computed from the model is stale. */
  setAssumptions(assumptions) {
    this.currentAssumptions = assumptions;
    this.facets.changedEverything();
    this.updates++;
  }
  /** Adds or replaces a file's part of the model. */
  setFile(file) {
    this.replace(file.path, file);
  }
  /** Removes a file's part of the model. */
  deleteFile(path9) {
    if (this.filesByPath.has(path9)) this.replace(path9, void 0);
  }
  replace(path9, next) {
    const previous = this.filesByPath.get(path9);
    if (previous === next) return;
    const hadManifests = this.all.holdsManifests();
    for (const facet of this.kustomize.noteChange(path9, previous, next)) this.facets.changed(facet);
    if (next === void 0) this.filesByPath.delete(path9);
    else this.filesByPath.set(path9, next);
    this.updates++;
    this.facets.changed(`file:${path9}`);
    this.facets.changed("files");
    this.all.replaceFile(path9, previous?.objects ?? [], next?.objects ?? [], (facet) => this.facets.changed(facet));
    this.node.update(this.filesByPath, previous, next, (facet) => this.facets.changed(facet));
    if (hadManifests !== this.all.holdsManifests()) this.facets.changed("hasManifests");
  }
  /** A list of objects of the whole workspace, with builds evaluated when there are any. */
  withBuilds(list, raw) {
    const layout = this.kustomize.readList(list, this.readFacet);
    return layout === void 0 ? raw : this.kustomize.withBuilds(layout, list, raw, this.updates);
  }
  /**
   * What an object outside every build can relate to: the workspace's objects as their files
   * define them (a Service applied beside a build's output finds the build's workloads by the
   * nearest-definitions rule), except those of files used only as patches.
   */
  unclaimed(objects) {
    const layout = this.kustomize.readClaims(this.readFacet);
    return layout === void 0 ? [...objects] : objects.filter((object) => !layout.patchOnlyFiles.has(object.file));
  }
};

// server/src/core/edits/yamlEdits.ts
var import_yaml8 = __toESM(require_dist());

// server/src/core/yaml/documents.ts
function splitDocuments(text) {
  const slices = [];
  let docStart = 0;
  let hasContent = false;
  let lineStart = text.charCodeAt(0) === 65279 ? 1 : 0;
  const finish = (end) => {
    if (hasContent) slices.push({ start: docStart, end, index: slices.length, kind: quickKind(text, docStart, end) });
    hasContent = false;
  };
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const marker = documentMarker(text, lineStart, lineEnd);
    if (marker === "---") {
      if (hasContent) {
        finish(lineStart);
        docStart = lineStart;
      }
      hasContent = true;
    } else if (marker === "...") {
      finish(lineEnd);
      docStart = newline === -1 ? text.length : newline + 1;
    } else if (!hasContent && isContentLine(text, lineStart, lineEnd)) {
      hasContent = true;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  finish(text.length);
  return slices.filter((slice) => isContentSpan(text, slice.start, slice.end));
}
function documentMarker(text, start, end) {
  if (end - start < 3) return void 0;
  const head = text.startsWith("---", start) ? "---" : text.startsWith("...", start) ? "..." : void 0;
  if (head === void 0) return void 0;
  const next = text.charCodeAt(start + 3);
  return start + 3 >= end || next === 32 || next === 9 || next === 13 ? head : void 0;
}
function isContentLine(text, start, end) {
  let i2 = start;
  while (i2 < end && (text[i2] === " " || text[i2] === "	" || text[i2] === "\r" || text[i2] === "\uFEFF")) i2++;
  if (i2 >= end) return false;
  const first = text[i2];
  if (first === "#") return false;
  return !(first === "%" && i2 === start);
}
function isContentSpan(text, start, end) {
  for (let lineStart = start; lineStart < end; ) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const marker = documentMarker(text, lineStart, lineEnd);
    const contentStart = marker === "---" ? lineStart + 3 : lineStart;
    if (marker !== "..." && isContentLine(text, contentStart, lineEnd)) return true;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return false;
}
var KIND_LINE = /(?:kind|"kind"|'kind')[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$/my;
var ROOT_KEY = /^[A-Za-z0-9_$/.-]/;
function quickKind(text, start, end) {
  const document = text.slice(start, end);
  const first = kindLine(document, 0);
  if (first === null) return !document.includes("kind") || isBlockMappingRoot(text, start, end) ? null : void 0;
  if (kindLine(document, first.index + 4) !== null) return void 0;
  return plainKindValue(first[1] ?? "");
}
function kindLine(document, from) {
  for (let at = document.indexOf("kind", from); at !== -1; at = document.indexOf("kind", at + 4)) {
    const quote = document[at - 1] === '"' || document[at - 1] === "'" ? 1 : 0;
    const lineStart = at - quote;
    if (lineStart !== 0 && document[lineStart - 1] !== "\n") continue;
    KIND_LINE.lastIndex = lineStart;
    const match = KIND_LINE.exec(document);
    if (match !== null) return match;
  }
  return null;
}
function plainKindValue(raw) {
  const value = raw.replace(/[ \t]+#.*$/, "");
  const quoted = /^"([A-Za-z0-9]+)"$|^'([A-Za-z0-9]+)'$/.exec(value);
  if (quoted) return quoted[1] ?? quoted[2];
  return /^[A-Za-z0-9]+$/.test(value) ? value : void 0;
}
function isBlockMappingRoot(text, start, end) {
  for (let lineStart = start; lineStart < end; ) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const marker = documentMarker(text, lineStart, lineEnd);
    if (marker === "---") {
      if (isContentLine(text, lineStart + 3, lineEnd)) return false;
    } else if (isContentLine(text, lineStart, lineEnd)) {
      const line = text.slice(lineStart, lineEnd);
      return ROOT_KEY.test(line) && /^[^#]*?:(?:[ \t]|\r?$)/.test(line) && !line.startsWith("- ") && line !== "-";
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return false;
}

// server/src/core/edits/yamlEdits.ts
function objectMap(file, object) {
  const parsed = parsedDocument(file, object.documentIndex);
  if (parsed === void 0) return void 0;
  const { reader, contents } = parsed;
  const root = object.itemIndex === void 0 ? reader.get(contents) : reader.items(reader.get(contents, "items"))[object.itemIndex];
  const map = reader.map(root);
  return map === void 0 ? void 0 : { map, reader, lines: file.lineIndex };
}
var editableDocuments = /* @__PURE__ */ new WeakMap();
function parsedDocument(file, index) {
  let documents = editableDocuments.get(file);
  if (documents === void 0) {
    const text = parsableText(file.text);
    documents = { text, slices: new Map(splitDocuments(text).map((slice2) => [slice2.index, slice2])), parsed: /* @__PURE__ */ new Map() };
    editableDocuments.set(file, documents);
  }
  let parsed = documents.parsed.get(index);
  const slice = documents.slices.get(index);
  if (parsed === void 0 && slice !== void 0) {
    const source = documents.text.slice(slice.start, slice.end);
    const document = (0, import_yaml8.parseDocument)(source, { prettyErrors: false });
    parsed = { reader: new NodeReader(document, slice.start, source), contents: document.contents };
    documents.parsed.set(index, parsed);
  }
  return parsed;
}
function childMap(target, key) {
  const map = target.reader.map(target.reader.get(target.map, key));
  return map === void 0 ? void 0 : { map, reader: target.reader, lines: target.lines };
}
function addToMap(fileText, target, entries3, file) {
  const edits = [];
  const absent = [];
  for (const entry of entries3) {
    const pair = pairOf(target, entry.key);
    if (pair === void 0) absent.push(entry);
    else {
      const edit = setValue(fileText, target, pair, entry, file);
      if (edit === void 0) return void 0;
      edits.push(edit);
    }
  }
  if (absent.length > 0) {
    const edit = appendEntries(fileText, target, absent, file);
    if (edit === void 0) return void 0;
    edits.push(edit);
  }
  return joinEdits(fileText, edits);
}
function pairOf(target, key) {
  const keyNode = target.reader.keyNode(target.map, key);
  return keyNode === void 0 ? void 0 : target.map.items.find((pair) => pair.key === keyNode);
}
function setValue(fileText, target, pair, entry, file) {
  const value = entry.value;
  const current = target.reader.get(pair.value);
  if (typeof value !== "string" && !("list" in value) && (0, import_yaml8.isMap)(current)) {
    return addToMap(fileText, { map: current, reader: target.reader, lines: target.lines }, value, file);
  }
  if (typeof value !== "string" && "list" in value && (0, import_yaml8.isSeq)(current)) {
    return joinEdits(fileText, value.list.map((item) => appendToList(fileText, target, current, item, file)));
  }
  return replaceValue(fileText, target, pair, entry, file);
}
function replaceValue(fileText, target, pair, entry, file) {
  const keySpan = target.reader.span(pair.key);
  if (keySpan === void 0) return void 0;
  const colon = fileText.indexOf(":", keySpan.end);
  if (colon === -1) return void 0;
  const written = target.reader.span(pair.value);
  const isEmpty = written === void 0 || written.end <= written.start || (0, import_yaml8.isScalar)(pair.value) && pair.value.value === null && fileText.slice(written.start, written.end).trim() === "";
  let end = isEmpty ? colon + 1 : written.end;
  while (end > colon + 1 && /\s/.test(fileText.charAt(end - 1))) end--;
  const value = entry.value;
  if (target.map.flow || typeof value === "string") return { file, span: { start: colon + 1, end }, newText: ` ${flowValue(value)}` };
  const lines = target.lines;
  const position = lines.positionAt(keySpan.start);
  const step = indentStepOf(fileText, lines);
  const eol = lines.eol;
  const nested = blockEntry(entry, step).slice(1).map((line) => eol + " ".repeat(position.character) + line).join("");
  const start = isEmpty ? lines.lineEnd(position.line) : colon + 1;
  return { file, span: { start, end: Math.max(start, end) }, newText: nested };
}
function joinEdits(fileText, edits) {
  if (edits.some((edit) => edit === void 0)) return void 0;
  const sorted = [...edits].sort((a2, b2) => a2.span.start - b2.span.start);
  if (sorted.length <= 1) return sorted[0];
  let newText = "";
  for (const [index, edit] of sorted.entries()) {
    if (index > 0) newText += fileText.slice(sorted[index - 1].span.end, edit.span.start);
    newText += edit.newText;
  }
  return { file: sorted[0].file, span: { start: sorted[0].span.start, end: sorted[sorted.length - 1].span.end }, newText };
}
function appendEntries(fileText, target, entries3, file) {
  const mapSpan = target.reader.span(target.map);
  if (mapSpan === void 0) return void 0;
  if (target.map.flow) {
    const text2 = entries3.map(flowEntry).join(", ");
    return insertInFlow(fileText, target, target.map.items, mapSpan, "}", text2, file);
  }
  const lines = target.lines;
  const indent = mappingIndent(fileText, lines, mapSpan.start);
  const step = indentStepOf(fileText, lines);
  const eol = lines.eol;
  const at = lines.lineEnd(lastContentLine(fileText, lines, mapSpan, indent));
  const text = entries3.flatMap((entry) => blockEntry(entry, step)).map((line) => eol + " ".repeat(indent) + line).join("");
  return { file, span: { start: at, end: at }, newText: text };
}
function mappingIndent(fileText, lines, mapStart) {
  const before = fileText.slice(lines.lineStart(lines.positionAt(mapStart).line), mapStart).replace(/^\uFEFF/, "");
  return /(?:(?:[&!]\S*|\?)[ \t]+)*$/.exec(before).index;
}
function insertInFlow(fileText, target, items, span, close, text, file) {
  const last = items[items.length - 1];
  const lastEnd = last === void 0 ? void 0 : target.reader.span(last.value ?? void 0)?.end ?? target.reader.span(last.key ?? last)?.end;
  if (lastEnd !== void 0) return { file, span: { start: lastEnd, end: lastEnd }, newText: `, ${text}` };
  const at = fileText.lastIndexOf(close, span.end - 1);
  return at < span.start ? void 0 : { file, span: { start: at, end: at }, newText: text };
}
function lastContentLine(fileText, lines, span, indent) {
  const first = lines.positionAt(span.start).line;
  let last = lines.positionAt(Math.max(span.start, span.end - 1)).line;
  while (last > first) {
    const text = fileText.slice(lines.lineStart(last), lines.lineEnd(last));
    const content = text.trimStart();
    if (content !== "" && !(content.startsWith("#") && text.length - content.length < indent)) break;
    last--;
  }
  return last;
}
function blockEntry(entry, step) {
  const value = entry.value;
  if (typeof value === "string") return [`${entry.key}: ${value}`];
  const pad = " ".repeat(step);
  if ("list" in value) return [`${entry.key}:`, ...value.list.flatMap((item) => listItem(item, step)).map((line) => pad + line)];
  return [`${entry.key}:`, ...value.flatMap((child) => blockEntry(child, step)).map((line) => pad + line)];
}
function listItem(entries3, step) {
  const lines = entries3.flatMap((entry) => blockEntry(entry, step));
  return lines.map((line, index) => (index === 0 ? "- " : "  ") + line);
}
function flowEntry(entry) {
  return `${entry.key}: ${flowValue(entry.value)}`;
}
function flowValue(value) {
  if (typeof value === "string") return value;
  if ("list" in value) return `[${value.list.map((item) => `{${item.map(flowEntry).join(", ")}}`).join(", ")}]`;
  return `{${value.map(flowEntry).join(", ")}}`;
}
function appendToList(fileText, target, list, item, file) {
  const listSpan = target.reader.span(list);
  if (listSpan === void 0) return void 0;
  if (list.flow) {
    const items = list.items.map((node) => (0, import_yaml8.isMap)(node) || (0, import_yaml8.isScalar)(node) || (0, import_yaml8.isSeq)(node) ? { value: node } : node);
    return insertInFlow(fileText, target, items, listSpan, "]", `{${item.map(flowEntry).join(", ")}}`, file);
  }
  const lines = target.lines;
  const dash = fileText.lastIndexOf("-", listSpan.start);
  const indent = lines.positionAt(dash).character;
  const eol = lines.eol;
  const at = lines.lineEnd(lines.positionAt(Math.max(listSpan.start, listSpan.end - 1)).line);
  const text = listItem(item, indentStepOf(fileText, lines)).map((line) => eol + " ".repeat(indent) + line).join("");
  return { file, span: { start: at, end: at }, newText: text };
}
var indentSteps = /* @__PURE__ */ new WeakMap();
function indentStepOf(fileText, lines) {
  let step = indentSteps.get(lines);
  if (step === void 0) indentSteps.set(lines, step = indentStep(fileText));
  return step;
}
function indentStep(fileText) {
  let step = Infinity;
  for (const match of fileText.matchAll(/^( +)[^ \r\n#-]/gm)) step = Math.min(step, match[1].length);
  return Number.isFinite(step) && step <= 8 ? step : 2;
}
function removeKey(fileText, target, key, file) {
  const keyNode = target.reader.keyNode(target.map, key);
  const index = keyNode === void 0 ? -1 : target.map.items.findIndex((pair2) => pair2.key === keyNode);
  const pair = target.map.items[index];
  const keySpan = target.reader.span(keyNode);
  if (pair === void 0 || keySpan === void 0) return void 0;
  const valueEnd = target.reader.span(pair.value)?.end ?? keySpan.end;
  if (target.map.flow) return removeFlowEntry(fileText, target, index, keySpan.start, valueEnd, file);
  const lines = target.lines;
  const first = lines.positionAt(keySpan.start);
  if (fileText.slice(lines.lineStart(first.line), keySpan.start).trim() !== "") return void 0;
  let end = Math.max(keySpan.end, valueEnd);
  while (end > keySpan.end && /\s/.test(fileText.charAt(end - 1))) end--;
  const last = lastContentLine(fileText, lines, { start: keySpan.start, end }, first.character + 1);
  const start = lines.lineStart(first.line);
  if (last + 1 < lines.lineCount) return { file, span: { start, end: lines.lineStart(last + 1) }, newText: "" };
  return { file, span: { start: first.line === 0 ? 0 : lines.lineEnd(first.line - 1), end: fileText.length }, newText: "" };
}
function removeFlowEntry(fileText, target, index, start, end, file) {
  const next = target.reader.span(target.map.items[index + 1]?.key);
  if (next !== void 0) return { file, span: { start, end: next.start }, newText: "" };
  const previous = target.map.items[index - 1];
  const previousEnd = target.reader.span(previous?.value)?.end ?? target.reader.span(previous?.key)?.end;
  if (previousEnd !== void 0) return { file, span: { start: previousEnd, end }, newText: "" };
  const after = /^[ \t]*/.exec(fileText.slice(end))[0].length;
  return { file, span: { start, end: end + after }, newText: "" };
}
function replaceSpan(file, span, newText) {
  return { file, span, newText };
}

// server/src/core/edits/ignoreAnnotation.ts
function ignoreForService(file, service2, rule) {
  const root = objectMap(file, service2);
  const metadata = root && childMap(root, "metadata");
  if (root === void 0 || metadata === void 0) return void 0;
  const annotations = childMap(metadata, "annotations");
  const existing = annotations?.reader.get(annotations.map, IGNORE_ANNOTATION);
  const existingSpan = annotations?.reader.span(existing);
  const title = `Ignore ${rule} for this Service`;
  if (annotations !== void 0 && existingSpan !== void 0) {
    const rules = [...parseRuleList(annotations.reader.string(existing)), rule];
    return { title, edits: [replaceSpan(file.path, existingSpan, JSON.stringify(rules.join(",")))], preferred: false };
  }
  const entry = { key: IGNORE_ANNOTATION, value: JSON.stringify(rule) };
  const target = annotations ?? metadata;
  const edit = addToMap(file.text, target, annotations ? [entry] : [{ key: "annotations", value: [entry] }], file.path);
  return edit === void 0 ? void 0 : { title, edits: [edit], preferred: false };
}

// server/src/core/model/dataPlane.ts
var KUBE_PROXY2 = { name: "kube-proxy", connectTimeBalancing: false };
function effectiveDataPlane(model) {
  for (const configuration of model.dataPlaneConfigurations) {
    const detected = configuration.provider === "cilium" ? cilium(configuration) : calico(configuration);
    if (detected !== void 0) return detected;
  }
  if (model.assumptions.kubeProxy === false) return { value: { name: "none", connectTimeBalancing: false }, source: { kind: "assumption", setting: "kubeProxy" } };
  return { value: KUBE_PROXY2, source: { kind: "default", reason: "no kube-proxy replacement in the workspace" } };
}
function kubeProxyRuns(model) {
  return effectiveDataPlane(model).value.name === "kube-proxy";
}
function describeDataPlane(plane) {
  switch (plane.name) {
    case "kube-proxy":
      return "kube-proxy";
    case "none":
      return "no kube-proxy";
    case "cilium":
      return `Cilium kube-proxy replacement${plane.connectTimeBalancing ? ", socket load balancing" : ""}`;
    case "calico-ebpf":
      return `Calico eBPF${plane.connectTimeBalancing ? ", connect-time load balancing" : ""}`;
  }
}
function cilium(configuration) {
  const replacement = find(configuration, "kube-proxy-replacement", "kubeProxyReplacement");
  const socket = find(configuration, "bpf-lb-sock", "socketLB.enabled");
  const hostOnly = find(configuration, "bpf-lb-sock-hostns-only", "socketLB.hostNamespaceOnly");
  const replaces = replacement !== void 0 && ["true", "strict"].includes(replacement.value.toLowerCase());
  const socketOn = replaces || isTrue(socket);
  if (!replaces && !socketOn) return void 0;
  const decisive = replaces ? replacement : socket;
  const value = { name: replaces ? "cilium" : "kube-proxy", connectTimeBalancing: socketOn && !isTrue(hostOnly) };
  return { value, source: { kind: "file", file: configuration.file, span: decisive.span, setting: `${decisive.key} in ${configuration.origin}` } };
}
function calico(configuration) {
  const enabled = find(configuration, "bpfEnabled");
  if (!isTrue(enabled)) return void 0;
  const legacy = find(configuration, "bpfConnectTimeLoadBalancingEnabled");
  const mode = find(configuration, "bpfConnectTimeLoadBalancing");
  const connectTime = legacy?.value.toLowerCase() !== "false" && mode?.value.toLowerCase() !== "disabled";
  return {
    value: { name: "calico-ebpf", connectTimeBalancing: connectTime },
    source: { kind: "file", file: configuration.file, span: enabled.span, setting: `bpfEnabled in ${configuration.origin}` }
  };
}
function find(configuration, ...keys) {
  return configuration.settings.find((setting2) => keys.includes(setting2.key));
}
function isTrue(setting2) {
  return setting2?.value.toLowerCase() === "true";
}

// server/src/core/model/proxy.ts
var KERNEL_IPVS_TCP_TIMEOUT = 900;
var MAX_AFFINITY_TIMEOUT = 86400;
function isProxied(service2) {
  return !service2.headless && service2.type !== "ExternalName";
}
function kubeProxyFlag(model, name) {
  for (const daemonSet of model.kubeProxyDaemonSets) {
    const flag = daemonSet.kubeProxyFlags.find((candidate) => candidate.name === name);
    if (flag !== void 0) return { daemonSet, flag };
  }
  return void 0;
}
function flagSource(located3) {
  return { kind: "file", file: located3.daemonSet.file, span: located3.flag.value.span, setting: `--${located3.flag.name}` };
}
function effectiveProxyMode(model) {
  const assumed = model.assumptions.proxyMode;
  if (assumed !== void 0) return { value: assumed, source: { kind: "assumption", setting: "proxyMode" } };
  const flag = kubeProxyFlag(model, "proxy-mode");
  if (flag !== void 0 && flag.flag.value.value !== "") return { value: flag.flag.value.value, source: flagSource(flag) };
  const configuration = model.workspaceKubeProxyConfigurations.find((candidate) => candidate.mode !== void 0);
  if (configuration?.mode !== void 0) {
    return { value: configuration.mode.value, source: { kind: "file", file: configuration.file, span: configuration.mode.span, setting: "mode" } };
  }
  return { value: "iptables", source: { kind: "default", reason: "kube-proxy's default on Linux" } };
}
function ipvsMode(model) {
  const mode = effectiveProxyMode(model);
  if (mode.value !== "ipvs") return void 0;
  return !kubeProxyRuns(model) && mode.source.kind !== "assumption" ? void 0 : mode;
}
function effectiveIpvsTcpTimeout(model) {
  const flag = kubeProxyFlag(model, "ipvs-tcp-timeout");
  const flagSeconds = flag === void 0 ? void 0 : parseGoDuration(flag.flag.value.value);
  if (flag !== void 0 && flagSeconds !== void 0 && flagSeconds > 0) return { value: flagSeconds, source: flagSource(flag) };
  const configuration = model.workspaceKubeProxyConfigurations.find((candidate) => candidate.ipvsTcpTimeout !== void 0);
  const timeout2 = configuration?.ipvsTcpTimeout;
  if (configuration !== void 0 && timeout2 !== void 0 && timeout2.value > 0 && flag === void 0) {
    return { value: timeout2.value, source: { kind: "file", file: configuration.file, span: timeout2.span, setting: "ipvs.tcpTimeout" } };
  }
  return { value: KERNEL_IPVS_TCP_TIMEOUT, source: { kind: "default", reason: "the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0)" } };
}

// server/src/core/rules/affinityIgnored.ts
var affinityIgnored = {
  id: "affinity-ignored",
  defaultSeverity: "warning",
  description: "sessionAffinity: ClientIP on a headless or ExternalName Service, which kube-proxy never handles; the affinity does nothing.",
  scope: "file",
  check(model, report) {
    for (const service2 of model.services) {
      const affinity = service2.sessionAffinity;
      if (affinity?.value !== "ClientIP" || isProxied(service2)) continue;
      const file = model.file(service2.file);
      report({
        file: service2.file,
        span: affinity.span,
        subject: service2,
        message: `${bypass(service2)}: its sessionAffinity: ClientIP does nothing`,
        fixes: () => [removeAffinity(file, service2), ignoreForService(file, service2, "affinity-ignored")].filter((fix) => fix !== void 0)
      });
    }
  }
};
function bypass(service2) {
  const name = objectLabel(service2);
  if (service2.type === "ExternalName") return `${name} is type: ExternalName, a DNS alias kube-proxy never handles`;
  return `${name} is headless (clusterIP: None): clients reach its pods without kube-proxy`;
}
function removeAffinity(file, service2) {
  const root = objectMap(file, service2);
  const spec = root && childMap(root, "spec");
  const affinity = spec && removeKey(file.text, spec, "sessionAffinity", file.path);
  if (spec === void 0 || affinity === void 0) return void 0;
  const config = removeKey(file.text, spec, "sessionAffinityConfig", file.path);
  const title = config === void 0 ? "Remove sessionAffinity" : "Remove sessionAffinity and sessionAffinityConfig";
  return { title, edits: config === void 0 ? [affinity] : joinRemovals(affinity, config), preferred: true };
}
function joinRemovals(a2, b2) {
  if (a2.span.end <= b2.span.start || b2.span.end <= a2.span.start) return [a2, b2];
  return [{ file: a2.file, span: { start: Math.min(a2.span.start, b2.span.start), end: Math.max(a2.span.end, b2.span.end) }, newText: "" }];
}

// server/src/core/model/kubernetesVersion.ts
function parseKubernetesVersion(text) {
  const match = /^v?(\d{1,3})\.(\d{1,3})(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  return match === null ? void 0 : { major: Number(match[1]), minor: Number(match[2]) };
}
function formatKubernetesVersion(version) {
  return `${version.major}.${version.minor}`;
}
function effectiveKubernetesVersion(model) {
  const assumed = model.assumptions.kubernetesVersion;
  const parsedAssumption = assumed === void 0 ? void 0 : parseKubernetesVersion(assumed);
  if (parsedAssumption !== void 0) return { value: parsedAssumption, source: { kind: "assumption", setting: "kubernetesVersion" } };
  for (const daemonSet of model.kubeProxyDaemonSets) {
    const image = daemonSet.kubeProxyImage;
    const version = image === void 0 ? void 0 : imageTagVersion(image.value);
    if (image !== void 0 && version !== void 0) {
      return { value: version, source: { kind: "file", file: daemonSet.file, span: image.span, setting: "the kube-proxy image" } };
    }
  }
  return { value: void 0, source: { kind: "default", reason: "the newest Kubernetes behaviour, no version in the workspace" } };
}
function imageTagVersion(image) {
  const withoutDigest = image.split("@")[0];
  const colon = withoutDigest.lastIndexOf(":");
  if (colon === -1 || withoutDigest.indexOf("/", colon) !== -1) return void 0;
  return parseKubernetesVersion(withoutDigest.slice(colon + 1));
}
function isAtLeast(version, major, minor) {
  return version === void 0 || version.major > major || version.major === major && version.minor >= minor;
}
function kubeProxyOnlyRaisesConntrack(version) {
  return isAtLeast(version, 1, 23) && !isAtLeast(version, 1, 29);
}
function podKeepaliveAllowed(version) {
  return isAtLeast(version, 1, 29);
}
function kubeProxyLeavesConnReuse(version) {
  return isAtLeast(version, 1, 22);
}
function kubeProxyCapsConntrackMax(version) {
  return isAtLeast(version, 1, 36);
}

// server/src/core/model/effective.ts
var DEFAULTS = {
  /** net.netfilter.nf_conntrack_tcp_timeout_established, the kernel's default (5 days). */
  kernelConntrackEstablished: 432e3,
  /** kube-proxy's conntrack.tcpEstablishedTimeout default, 24h0m0s. */
  kubeProxyConntrackEstablished: 86400,
  /** net.ipv4.tcp_keepalive_time, the kernel's default. */
  keepaliveTime: 7200
};
var CONNTRACK_ESTABLISHED_KEY = "net.netfilter.nf_conntrack_tcp_timeout_established";
var KEEPALIVE_TIME_KEY = "net.ipv4.tcp_keepalive_time";
function effectiveConntrackTimeout(model) {
  const assumed = model.assumptions.conntrackEstablishedTimeout;
  if (assumed !== void 0) return { value: assumed, source: { kind: "assumption", setting: "conntrackEstablishedTimeout" } };
  const node = nodeInteger(model, CONNTRACK_ESTABLISHED_KEY);
  const written = kubeProxyConntrackTimeout(model);
  if (written === void 0) return node ?? kernelConntrack();
  if (node !== void 0 && node.value > written.value && kubeProxyOnlyRaisesConntrack(effectiveKubernetesVersion(model).value)) return node;
  return written;
}
function kubeProxyConntrackTimeout(model) {
  if (!kubeProxyRuns(model)) return void 0;
  const flag = kubeProxyFlag(model, "conntrack-tcp-timeout-established");
  const flagSeconds = flag === void 0 ? void 0 : parseGoDuration(flag.flag.value.value);
  if (flag !== void 0 && flagSeconds !== void 0) return flagSeconds > 0 ? { value: flagSeconds, source: flagSource(flag) } : void 0;
  const configuration = model.workspaceKubeProxyConfigurations[0];
  if (configuration !== void 0) {
    const timeout2 = configuration.tcpEstablishedTimeout;
    if (timeout2 === void 0) {
      const reason = `kube-proxy's default, tcpEstablishedTimeout unset in ${baseName(configuration.file)}`;
      return { value: DEFAULTS.kubeProxyConntrackEstablished, source: { kind: "default", reason } };
    }
    return timeout2.value > 0 ? { value: timeout2.value, source: { kind: "file", file: configuration.file, span: timeout2.span, setting: "tcpEstablishedTimeout" } } : void 0;
  }
  if (!model.hasManifests && model.assumptions.kubeProxy !== true) return void 0;
  return { value: DEFAULTS.kubeProxyConntrackEstablished, source: { kind: "default", reason: "kube-proxy's default, no kube-proxy configuration in the workspace" } };
}
function kernelConntrack() {
  return { value: DEFAULTS.kernelConntrackEstablished, source: { kind: "default", reason: "the kernel's default" } };
}
function nodeKeepaliveTime(model) {
  return nodeInteger(model, KEEPALIVE_TIME_KEY) ?? { value: DEFAULTS.keepaliveTime, source: { kind: "default", reason: "the kernel's default" } };
}
function nodeImageViews(model) {
  const images = model.nodeImages;
  if (images.length < 2) return [model];
  return images.map((image) => model.scopedTo(model.sysctlFiles.find((file) => nodeRootOf(file.path) === image).path));
}
function reliesOnDefaultKeepalive(workload2, model) {
  if (workload2.template === void 0) return false;
  if (workload2.template.hostNetwork?.value === true) return nodeKeepaliveTime(model.scopedTo(workload2.file)).source.kind === "default";
  return !workload2.template.sysctls.some((entry) => entry.name === KEEPALIVE_TIME_KEY && entry.value !== void 0 && parseInteger(entry.value) !== void 0);
}
function podKeepaliveTime(workload2, model) {
  if (workload2.template?.hostNetwork?.value === true) return nodeKeepaliveTime(model.scopedTo(workload2.file));
  const sysctl = workload2.template?.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
  if (sysctl?.valueNotString && sysctl.valueSpan !== void 0) {
    const setting2 = `${KEEPALIVE_TIME_KEY} of ${objectLabel(workload2)} (not a string: refused)`;
    return { value: DEFAULTS.keepaliveTime, source: { kind: "file", file: fileOfValue(workload2, sysctl), span: sysctl.valueSpan, setting: setting2 } };
  }
  const value = sysctl?.value === void 0 ? void 0 : parseInteger(sysctl.value);
  if (sysctl !== void 0 && sysctl.valueSpan !== void 0 && value !== void 0) {
    return { value, source: { kind: "file", file: fileOfValue(workload2, sysctl), span: sysctl.valueSpan, setting: `${KEEPALIVE_TIME_KEY} of ${objectLabel(workload2)}` } };
  }
  return { value: DEFAULTS.keepaliveTime, source: { kind: "default", reason: "the kernel's default in a pod's own network namespace" } };
}
function nodeInteger(model, key) {
  const assignments = model.nodeSysctlAssignments(key);
  const current = lastInteger(assignments);
  if (current === void 0) return void 0;
  const atBoot = lastInteger(bootOrder(assignments));
  const differs = atBoot !== void 0 && atBoot.value !== current.value;
  const setting2 = differs ? `${key} (by sysctl --system; at boot ${atBoot.value}, ${baseName(atBoot.file)}:${atBoot.assignment.line + 1})` : key;
  const choice = nodeImageChoice(current.file, model, scopePathOf(model));
  const source = { kind: "file", file: current.file, span: current.assignment.valueSpan, setting: setting2, ...choice === "" ? {} : { choice } };
  return { value: current.value, source };
}
function lastInteger(assignments) {
  for (let i2 = assignments.length - 1; i2 >= 0; i2--) {
    const value = parseInteger(assignments[i2].assignment.value);
    if (value !== void 0) return { ...assignments[i2], value };
  }
  return void 0;
}
function parseInteger(text) {
  const match = /^\s*(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(?:\s.*)?$/s.exec(text);
  if (match === null) return void 0;
  const digits = match[2];
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith("0") ? parseInt(digits, 8) : Number(digits);
  return match[1] === "-" ? -magnitude : magnitude;
}
function winningNodeAssignment(model, key, accepts = () => true) {
  const assignments = model.nodeSysctlAssignments(key);
  for (let i2 = assignments.length - 1; i2 >= 0; i2--) {
    const value = parseInteger(assignments[i2].assignment.value);
    if (value !== void 0 && accepts(value)) return { ...assignments[i2], value };
  }
  return void 0;
}
function moduleMissingAtBoot(model, key, file) {
  const module2 = moduleOfKey(key);
  const loaded = module2 === void 0 ? void 0 : model.modulesLoadedAtBoot(nodeRootOf(file));
  return loaded === void 0 || loaded.has(module2) ? void 0 : module2;
}
function moduleMissingNote(model, key, file, span) {
  const module2 = moduleMissingAtBoot(model, key, file);
  if (module2 === void 0) return [];
  return [{ file, span, message: `${module2} is not in the node image's modules-load.d: at boot ${key} does not exist yet and systemd-sysctl skips this line` }];
}

// server/src/core/model/mesh.ts
var ISTIO_IDLE_TIMEOUT = 3600;
var ISTIO_INJECT = "sidecar.istio.io/inject";
var LINKERD_INJECT = "linkerd.io/inject";
function meshSidecarOf(workload2, model) {
  const template = workload2.template;
  if (template === void 0 || template.hostNetwork?.value === true) return void 0;
  const pod = objectLabel(workload2);
  const istioPod = template.labels.get(ISTIO_INJECT) ?? template.annotations.get(ISTIO_INJECT);
  const linkerdPod = template.annotations.get(LINKERD_INJECT);
  if (istioPod === "true") return istio(`${ISTIO_INJECT}: "true" on the pods of ${pod}`);
  if (linkerdPod === "enabled") return linkerd(`${LINKERD_INJECT}: enabled on the pods of ${pod}`);
  for (const namespace2 of model.namespacesNamed(workload2.namespace)) {
    const where = `Namespace "${namespace2.namespace}"`;
    if (istioPod !== "false" && namespace2.labels.get("istio-injection") === "enabled") return istio(`label istio-injection=enabled of ${where}`);
    const revision = namespace2.labels.get("istio.io/rev");
    if (istioPod !== "false" && revision !== void 0 && namespace2.labels.get("istio-injection") !== "disabled") return istio(`label istio.io/rev=${revision} of ${where}`);
    if (linkerdPod !== "disabled" && namespace2.annotations.get(LINKERD_INJECT) === "enabled") return linkerd(`${LINKERD_INJECT}: enabled on ${where}`);
  }
  return void 0;
}
function istio(reason) {
  return { mesh: "Istio", reason, idleTimeout: ISTIO_IDLE_TIMEOUT };
}
function linkerd(reason) {
  return { mesh: "Linkerd", reason, idleTimeout: void 0 };
}

// server/src/core/model/exposure.ts
function serviceExposure(service2, model) {
  if (!isProxied(service2)) return notExposed("headless or ExternalName: kube-proxy does not handle it");
  const tcpPorts = service2.ports.filter((port) => port.protocol === "TCP");
  if (service2.ports.length > 0 && tcpPorts.length === 0) return notExposed("no TCP port");
  if (tcpPorts.length > 0 && tcpPorts.every(isMetricsPort)) return notExposed("only metrics ports: a scraper connects every scrape interval, at each pod's own address");
  const plane = effectiveDataPlane(model);
  if (plane.value.name !== "kube-proxy") return notExposed(`${describeDataPlane(plane.value)} forwards Service traffic`);
  if (plane.value.connectTimeBalancing) return notExposed(`${describeDataPlane(plane.value)} picks the backend at connect()`);
  const mode = effectiveProxyMode(model).value;
  if (mode !== "iptables" && mode !== "nftables") return notExposed(`kube-proxy runs in ${mode} mode`);
  const backends = backendsOf(service2, model);
  if (backends.count <= 1) return notExposed("at most one backend");
  const internalLocal = service2.internalTrafficPolicy?.value === "Local";
  if (internalLocal && backends.sources.every((source) => source.workload?.kind === "DaemonSet")) {
    return notExposed("internalTrafficPolicy: Local over a DaemonSet: a client reaches only its own node's pod");
  }
  const sidecars = backends.sources.map((source) => source.workload === void 0 ? void 0 : meshSidecarOf(source.workload, model));
  if (sidecars.every((sidecar) => sidecar !== void 0)) return { exposed: false, reason: `${sidecars[0].mesh} sidecars pick the pod`, sidecar: sidecars[0] };
  const conntrack = effectiveConntrackTimeout(model);
  const unprotected = backends.sources.map((source) => ({ source, keepalive: source.workload === void 0 ? void 0 : podKeepaliveTime(source.workload, model) })).filter(({ keepalive }) => !protects(keepalive, conntrack.value));
  if (unprotected.length === 0) return notExposed(`every backend's pods probe idle connections within ${conntrack.value} s`);
  return { exposed: true, backends, conntrack, unprotected, internalLocal };
}
function protects(keepalive, limit) {
  return keepalive !== void 0 && keepalive.source.kind === "file" && keepalive.value >= 0 && keepalive.value < limit;
}
function notExposed(reason) {
  return { exposed: false, reason };
}
function isMetricsPort(port) {
  return port.name !== void 0 && /(^|-)metrics$|^prom(etheus)?$/i.test(port.name);
}

// server/src/core/edits/podKeepalive.ts
var import_yaml9 = __toESM(require_dist());
function recommendedKeepalive(idleTimeout) {
  return Math.max(1, Math.min(600, Math.floor(idleTimeout / 2)));
}
function addPodKeepalive(model, workload2, seconds) {
  return addPodSysctl(model, workload2, KEEPALIVE_TIME_KEY, String(seconds));
}
function addPodSysctl(model, workload2, name, value) {
  const file = model.file(workload2.file);
  const root = file && objectMap(file, workload2);
  const template = root && (workload2.kind === "Pod" ? root : childMap(childMap(root, "spec") ?? root, "template"));
  const podSpec = template && childMap(template, "spec");
  if (file === void 0 || podSpec === void 0) return void 0;
  const item = [
    { key: "name", value: name },
    { key: "value", value: JSON.stringify(value) }
  ];
  const securityContext = childMap(podSpec, "securityContext");
  const sysctls = securityContext?.reader.get(securityContext.map, "sysctls");
  let edit;
  if (securityContext === void 0) edit = addToMap(file.text, podSpec, [{ key: "securityContext", value: [{ key: "sysctls", value: { list: [item] } }] }], file.path);
  else if ((0, import_yaml9.isSeq)(sysctls)) edit = appendToList(file.text, securityContext, sysctls, item, file.path);
  else edit = addToMap(file.text, securityContext, [{ key: "sysctls", value: { list: [item] } }], file.path);
  const refusal = podKeepaliveRefusal(model, workload2);
  const title = `Add ${name} = ${value} to the securityContext.sysctls of ${objectLabel(workload2)}`;
  return edit && { title: refusal === void 0 ? title : `${title} (${refusal})`, edits: [edit], preferred: refusal === void 0 };
}
var POD_KEEPALIVE_KEYS = ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"];
var RESTRICTING_LEVELS = /* @__PURE__ */ new Set(["baseline", "restricted"]);
function podKeepaliveRefusal(model, workload2, withSource = true) {
  const version = effectiveKubernetesVersion(model);
  if (!podKeepaliveAllowed(version.value)) {
    const source = withSource ? ` (${model.describe(version.source)})` : "";
    return `Kubernetes ${formatKubernetesVersion(version.value)}${source} refuses pods with keepalive sysctls before 1.29`;
  }
  for (const namespace2 of model.namespacesNamed(workload2.namespace)) {
    const level = namespace2.podSecurityEnforce?.value;
    const pinned = namespace2.podSecurityEnforceVersion?.value;
    const pinnedVersion = pinned === void 0 ? void 0 : parseKubernetesVersion(pinned);
    if (level !== void 0 && RESTRICTING_LEVELS.has(level) && pinnedVersion !== void 0 && !podKeepaliveAllowed(pinnedVersion)) {
      return `namespace ${workload2.namespace} enforces Pod Security ${level} at ${pinned}, which rejects keepalive sysctls before v1.29`;
    }
  }
  return void 0;
}
function setSysctlValue(model, key, file, span, newText) {
  const assignments = model.nodeSysctlAssignments(key);
  const winner = assignments.find((entry) => entry.file === file && entry.assignment.valueSpan.start === span.start);
  const edit = { file, span, newText };
  if (winner === void 0) return [edit];
  const root = nodeRootOf(file);
  const value = normalised(winner.assignment.value);
  const repeats = assignments.slice(0, assignments.indexOf(winner)).filter((entry) => nodeRootOf(entry.file) === root && normalised(entry.assignment.value) === value);
  return [...repeats.map((entry) => ({ file: entry.file, span: entry.assignment.valueSpan, newText })), edit];
}
function normalised(value) {
  return value.split(/\s+/).join(" ");
}

// server/src/core/edits/backendKeepalive.ts
function backendKeepaliveFix(model, workload2, keepalive, seconds) {
  if (workload2.template?.hostNetwork?.value === true) return void 0;
  if (keepalive.source.kind !== "file") return addPodKeepalive(model, workload2, seconds);
  return {
    title: `Set ${KEEPALIVE_TIME_KEY} to ${seconds} in ${objectLabel(workload2)}`,
    edits: [replaceSpan(keepalive.source.file, keepalive.source.span, JSON.stringify(String(seconds)))],
    preferred: true
  };
}

// server/src/core/rules/rule.ts
var RULE_DOCS_BASE = "https://github.com/connlint/connlint/blob/main/docs/rules/";
function ruleDocsUrl(id) {
  return `${RULE_DOCS_BASE}${id}.md`;
}
function relatedSource(source, message2) {
  return source.kind === "file" ? [{ file: source.file, span: source.span, message: message2 }] : [];
}
function countOf(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
var MAX_MESSAGE_LENGTH = 200;
function fittingMessage(candidates) {
  const fitting = candidates.find((candidate) => candidate.length <= MAX_MESSAGE_LENGTH);
  if (fitting !== void 0) return fitting;
  const last = candidates[candidates.length - 1];
  return `${last.slice(0, MAX_MESSAGE_LENGTH - 1)}\u2026`;
}

// server/src/core/rules/affinityTimeout.ts
var MIN_AFFINITY_TIMEOUT = 1;
var DEFAULT_AFFINITY_TIMEOUT = 10800;
var ID = "affinity-timeout";
var affinityTimeout = {
  id: ID,
  defaultSeverity: "info",
  description: "A ClientIP timeout the API server rejects, a sessionAffinityConfig it drops, or an affinity that cannot keep an idle connection on its pod.",
  scope: "file",
  check(model, report) {
    for (const service2 of model.services) {
      const findings = [invalidTimeout(model, service2), droppedConfig(model, service2), shortAffinity(model, service2)];
      for (const finding2 of findings) if (finding2 !== void 0) report(finding2);
    }
  }
};
function timeoutProblem(service2, text) {
  const value = service2.affinityTimeoutSeconds?.value;
  if (value === void 0) return `is ${text.slice(0, 20)}, not a whole number of seconds`;
  if (service2.sessionAffinity?.value !== "ClientIP" || value >= MIN_AFFINITY_TIMEOUT && value <= MAX_AFFINITY_TIMEOUT) return void 0;
  return `is ${text.slice(0, 20)}, outside ${MIN_AFFINITY_TIMEOUT}..${MAX_AFFINITY_TIMEOUT} (with ClientIP affinity)`;
}
function invalidTimeout(model, service2) {
  const written = service2.affinityTimeoutText;
  if (written === void 0) return void 0;
  const text = model.file(service2.file).text.slice(written.span.start, written.span.end);
  const problem = timeoutProblem(service2, text);
  if (problem === void 0) return void 0;
  const replacement = clampedTimeout(written.value);
  return {
    file: service2.file,
    span: written.span,
    severity: "error",
    subject: service2,
    message: `timeoutSeconds of Service "${nameOf(service2)}" ${problem}: the API server rejects the Service.`,
    fixes: () => [{ title: `Set timeoutSeconds to ${replacement}`, edits: [replaceSpan(service2.file, written.span, String(replacement))], preferred: true }]
  };
}
function clampedTimeout(text) {
  const number = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(number)) return DEFAULT_AFFINITY_TIMEOUT;
  return Math.min(MAX_AFFINITY_TIMEOUT, Math.max(MIN_AFFINITY_TIMEOUT, Math.round(number)));
}
function droppedConfig(model, service2) {
  const configKey = service2.affinityConfigKey;
  const affinity = service2.sessionAffinity;
  if (configKey === void 0 || affinity !== void 0 && affinity.value !== "None") return void 0;
  const file = model.file(service2.file);
  const state = affinity === void 0 ? "sessionAffinity is unset (None by default)" : "sessionAffinity is None";
  return {
    file: service2.file,
    span: configKey,
    severity: "warning",
    subject: service2,
    message: `Service "${nameOf(service2)}" sets sessionAffinityConfig while ${state}: the API server drops it, so it never applies.`,
    related: affinity === void 0 ? [] : [{ file: service2.file, span: affinity.span, message: "sessionAffinity: None" }],
    fixes: () => {
      const ipvs = effectiveProxyMode(model).value === "ipvs";
      const fixes = [ipvs ? void 0 : setClientIp(file, service2, isProxied(service2)), removeConfig(file, service2, ipvs || !isProxied(service2))];
      return fixes.filter((fix) => fix !== void 0);
    }
  };
}
function setClientIp(file, service2, preferred) {
  const title = "Set sessionAffinity: ClientIP";
  const timeout2 = service2.affinityTimeoutText;
  const value = service2.affinityTimeoutSeconds?.value;
  const clamp2 = timeout2 !== void 0 && (value === void 0 || value < MIN_AFFINITY_TIMEOUT || value > MAX_AFFINITY_TIMEOUT);
  const edits = clamp2 ? [replaceSpan(file.path, timeout2.span, String(clampedTimeout(timeout2.value)))] : [];
  if (service2.sessionAffinity !== void 0) return { title, edits: [replaceSpan(file.path, service2.sessionAffinity.span, "ClientIP"), ...edits], preferred };
  const root = objectMap(file, service2);
  const spec = root && childMap(root, "spec");
  const edit = spec && addToMap(file.text, spec, [{ key: "sessionAffinity", value: "ClientIP" }], file.path);
  return edit && { title, edits: [edit, ...edits], preferred };
}
function removeConfig(file, service2, preferred) {
  const root = objectMap(file, service2);
  const spec = root && childMap(root, "spec");
  const edit = spec && removeKey(file.text, spec, "sessionAffinityConfig", file.path);
  return edit && { title: "Remove sessionAffinityConfig", edits: [edit], preferred };
}
function shortAffinity(model, service2) {
  const affinity = service2.sessionAffinity;
  if (affinity?.value !== "ClientIP") return void 0;
  if (service2.affinityTimeoutText !== void 0 && timeoutProblem(service2, service2.affinityTimeoutText.value) !== void 0) return void 0;
  const timeout2 = clientIpTimeout(service2);
  const exposure = serviceExposure(service2, model);
  if (!exposure.exposed || timeout2.value > exposure.conntrack.value) return void 0;
  const { conntrack } = exposure;
  const unprotected = exposure.unprotected.filter(({ keepalive: keepalive2 }) => keepalive2 === void 0 || keepalive2.value < 0 || keepalive2.value >= conntrack.value);
  if (unprotected.length === 0) return void 0;
  const file = model.file(service2.file);
  const keepalive = recommendedKeepalive(conntrack.value);
  return {
    file: service2.file,
    span: service2.affinityTimeoutSeconds?.span ?? affinity.span,
    subject: service2,
    message: `Service "${nameOf(service2)}": ClientIP timeoutSeconds ${timeout2.value} s is not above the ${conntrack.value} s conntrack timeout; affinity cannot hold a longer-idle connection.`,
    related: [
      ...relatedSource(timeout2.source, `timeoutSeconds: ${timeout2.value} s; only a new connection from the client refreshes the affinity record`),
      ...relatedSource(conntrack.source, `The conntrack established timeout: ${conntrack.value} s`),
      ...unprotected.map((item) => exposedRelated(item))
    ],
    fixes: () => [
      ...unprotected.flatMap(({ source, keepalive: current }) => source.workload && current && backendKeepaliveFix(model, source.workload, current, keepalive) || []),
      ...[ignoreForService(file, service2, ID)].filter((fix) => fix !== void 0)
    ]
  };
}
function clientIpTimeout(service2) {
  const written = service2.affinityTimeoutSeconds;
  if (written === void 0) return { value: DEFAULT_AFFINITY_TIMEOUT, source: { kind: "default", reason: "the API server's default, timeoutSeconds unset" } };
  return { value: written.value, source: { kind: "file", file: service2.file, span: written.span, setting: "timeoutSeconds" } };
}
function exposedRelated({ source, keepalive }) {
  const workload2 = source.workload;
  if (workload2 === void 0 || keepalive === void 0) return { file: source.file, span: source.span, message: `Backend without a known keepalive: ${source.reason}` };
  const name = objectLabel(workload2);
  if (keepalive.source.kind === "file") return { file: keepalive.source.file, span: keepalive.source.span, message: `${KEEPALIVE_TIME_KEY} of ${name}: ${keepalive.value} s` };
  return { file: workload2.file, span: workload2.nameSpan, message: `${name} relies on the default ${KEEPALIVE_TIME_KEY} of ${keepalive.value} s` };
}
function nameOf(service2) {
  return service2.name ?? "(unnamed)";
}

// server/src/core/rules/conntrackLoose.ts
var TCP_LOOSE_KEY = "net.netfilter.nf_conntrack_tcp_loose";
var conntrackLoose = {
  id: "conntrack-loose",
  defaultSeverity: "warning",
  description: "nf_conntrack_tcp_loose = 0 on a node: after its conntrack entry expires, an idle connection hangs instead of resetting.",
  scope: "workspace",
  check(model, report) {
    if (!kubeProxyRuns(model)) return;
    const node = winningNodeAssignment(model, TCP_LOOSE_KEY, (value) => value === 0 || value === 1);
    if (node === void 0 || node.value !== 0) return;
    const conntrack = effectiveConntrackTimeout(model);
    const span = node.assignment.valueSpan;
    const where = model.describe({ kind: "file", file: node.file, span, setting: "set" });
    report({
      file: node.file,
      span,
      message: `${TCP_LOOSE_KEY} is 0 on the node (${where}): an idle connection whose conntrack entry expires after ${conntrack.value} s hangs instead of being reset`,
      related: moduleMissingNote(model, TCP_LOOSE_KEY, node.file, span),
      fixes: () => [{ title: "Set nf_conntrack_tcp_loose to 1", edits: setSysctlValue(model, TCP_LOOSE_KEY, node.file, span, "1"), preferred: true }]
    });
  }
};

// server/src/core/edits/kubeProxyEdits.ts
var import_yaml10 = __toESM(require_dist());
function formatGoDuration(seconds) {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds % 3600 / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  return minutes > 0 ? `${minutes}m${rest}s` : `${rest}s`;
}
function kubeProxyConfigMap(file, configuration) {
  const root = objectMap(file, configuration);
  if (root === void 0 || configuration.embeddedKey === void 0) return root;
  const scalar = root.reader.scalar(root.reader.get(root.map, "data", configuration.embeddedKey));
  if (scalar?.type !== import_yaml10.Scalar.BLOCK_LITERAL) return void 0;
  const embedded = embeddedText(scalar, file.text, root.reader.offset);
  if (embedded === void 0) return void 0;
  const document = (0, import_yaml10.parseDocument)(embedded.text, { prettyErrors: false });
  if (document.errors.length > 0) return void 0;
  const reader = new EmbeddedNodeReader(document, embedded);
  const map = reader.map(document.contents);
  return map && { map, reader, lines: root.lines };
}
function setIpvsTcpTimeout(model, duration2, preferred) {
  const flag = kubeProxyFlag(model, "ipvs-tcp-timeout");
  if (flag !== void 0) {
    return { title: `Set --ipvs-tcp-timeout to ${duration2}`, edits: [replaceSpan(flag.daemonSet.file, flag.flag.value.span, duration2)], preferred };
  }
  const title = `Set ipvs.tcpTimeout to ${duration2}`;
  const configurations = model.kubeProxyConfigurations;
  for (const configuration2 of configurations) {
    const written = configuration2.durations.find((field) => field.field === "ipvs.tcpTimeout");
    if (written !== void 0) return { title, edits: [replaceSpan(configuration2.file, written.span, duration2)], preferred };
  }
  const configuration = configurations.find((candidate) => candidate.mode !== void 0) ?? configurations[0];
  const file = configuration && model.file(configuration.file);
  const root = file && kubeProxyConfigMap(file, configuration);
  if (file === void 0 || root === void 0) return void 0;
  const entry = { key: "tcpTimeout", value: duration2 };
  const ipvs = childMap(root, "ipvs");
  const edit = ipvs !== void 0 ? addToMap(file.text, ipvs, [entry], file.path) : addToMap(file.text, root, [{ key: "ipvs", value: [entry] }], file.path);
  return edit && { title, edits: [edit], preferred };
}

// server/src/core/rules/conntrackOverridden.ts
var ESTABLISHED = {
  key: "net.netfilter.nf_conntrack_tcp_timeout_established",
  field: "tcpEstablishedTimeout",
  flag: "conntrack-tcp-timeout-established",
  kubeProxyDefault: 86400,
  leave: "0s"
};
var CLOSE_WAIT = {
  key: "net.netfilter.nf_conntrack_tcp_timeout_close_wait",
  field: "tcpCloseWaitTimeout",
  flag: "conntrack-tcp-timeout-close-wait",
  kubeProxyDefault: 3600,
  leave: "0s"
};
var MAX_PER_CORE = {
  key: "net.netfilter.nf_conntrack_max",
  field: "maxPerCore",
  flag: "conntrack-max-per-core",
  kubeProxyDefault: 32768,
  leave: "0"
};
var CONNTRACK_MAX_CAP = 1048576;
var KUBE_PROXY_CONNTRACK_MIN = 131072;
var conntrackOverridden = {
  id: "conntrack-overridden",
  defaultSeverity: "warning",
  description: "A node sysctl file sets a conntrack timeout or nf_conntrack_max that kube-proxy overwrites at start-up.",
  scope: "workspace",
  check(model, report) {
    const onlyRaises = kubeProxyOnlyRaisesConntrack(effectiveKubernetesVersion(model).value);
    for (const setting2 of [ESTABLISHED, CLOSE_WAIT]) {
      const node = winningNodeAssignment(model, setting2.key);
      const kubeProxy = node && kubeProxyValue(model, setting2, parseGoDuration);
      if (node === void 0 || kubeProxy === void 0 || kubeProxy.value === node.value) continue;
      if (onlyRaises && node.value > kubeProxy.value) continue;
      report(finding(model, setting2, node, kubeProxy, [kubeProxy], { value: `${kubeProxy.value} s`, why: model.describe(kubeProxy.source) }));
    }
    const maxFinding = conntrackMaxFinding(model);
    if (maxFinding !== void 0) report(maxFinding);
  }
};
function conntrackMaxFinding(model) {
  const node = winningNodeAssignment(model, MAX_PER_CORE.key);
  const perCore = node && kubeProxyValue(model, MAX_PER_CORE, parseInteger);
  if (node === void 0 || perCore === void 0) return void 0;
  const min = kubeProxyValue(model, { ...MAX_PER_CORE, field: "min", flag: "conntrack-min", kubeProxyDefault: KUBE_PROXY_CONNTRACK_MIN }, parseInteger);
  const caps = kubeProxyCapsConntrackMax(effectiveKubernetesVersion(model).value);
  const floor = Math.max(caps ? Math.min(perCore.value, CONNTRACK_MAX_CAP) : perCore.value, min?.value ?? 0);
  if (node.value >= floor) return void 0;
  const capped = caps && perCore.value > CONNTRACK_MAX_CAP ? `, at most ${CONNTRACK_MAX_CAP}` : "";
  const written = { value: `at least ${floor}`, why: `maxPerCore ${perCore.value} \xD7 the node's CPUs${capped}${min === void 0 ? "" : `, min ${min.value}`}` };
  return finding(model, MAX_PER_CORE, node, perCore, min === void 0 ? [perCore] : [perCore, min], written);
}
function finding(model, setting2, node, kubeProxy, sources, written) {
  const nodeSource = { kind: "file", file: node.file, span: node.assignment.valueSpan, setting: "set" };
  const nodeValue = setting2 === MAX_PER_CORE ? String(node.value) : `${node.value} s`;
  const overwritten = `${setting2.key} is ${nodeValue} on the node`;
  return {
    file: node.file,
    span: node.assignment.lineSpan,
    message: fittingMessage([
      `${overwritten} (${model.describe(nodeSource)}), but kube-proxy overwrites it with ${written.value} (${written.why})`,
      `${overwritten}, but kube-proxy overwrites it with ${written.value} (${written.why})`,
      `${overwritten}, but kube-proxy overwrites it with ${written.value}`
    ]),
    related: sources.flatMap(
      (source) => source.source.kind === "file" ? [{ file: source.source.file, span: source.source.span, message: `kube-proxy's ${source.source.setting}: ${source.value}${setting2 === MAX_PER_CORE ? "" : " s"}; it sets ${setting2.key} from it at start-up` }] : []
    ),
    fixes: () => [leaveNodeValue(model, setting2, kubeProxy)].filter((fix) => fix !== void 0)
  };
}
function kubeProxyValue(model, setting2, parse3) {
  if (!kubeProxyRuns(model)) return void 0;
  const flag = kubeProxyFlag(model, setting2.flag);
  const flagValue = flag && parse3(flag.flag.value.value);
  if (flag !== void 0 && flagValue !== void 0) return flagValue > 0 ? { value: flagValue, source: { kind: "file", file: flag.daemonSet.file, span: flagValueSpan(model, flag), setting: `--${flag.flag.name}` }, flag } : void 0;
  const configuration = model.kubeProxyConfigurations[0];
  if (configuration !== void 0) {
    const written = configuredValue(configuration, setting2.field);
    if (written === "unreadable" || written !== void 0 && written.value <= 0) return void 0;
    if (written !== void 0) return { ...written, configuration };
    const reason = `kube-proxy's default, unset in ${baseName(configuration.file)}`;
    return { value: setting2.kubeProxyDefault, source: { kind: "default", reason }, configuration };
  }
  if (!model.hasManifests && model.assumptions.kubeProxy !== true) return void 0;
  return { value: setting2.kubeProxyDefault, source: { kind: "default", reason: "kube-proxy's default, no kube-proxy configuration in the workspace" } };
}
function configuredValue(configuration, field) {
  const setting2 = `conntrack.${field}`;
  const at = (value, span) => ({ value, source: { kind: "file", file: configuration.file, span, setting: setting2 } });
  if (field === "maxPerCore" || field === "min") {
    const located3 = field === "maxPerCore" ? configuration.conntrackMaxPerCore : configuration.conntrackMin;
    return located3 === void 0 ? void 0 : at(located3.value, located3.span);
  }
  const duration2 = configuration.durations.find((candidate) => candidate.field === setting2);
  if (duration2 === void 0) return void 0;
  return duration2.seconds === void 0 ? "unreadable" : at(duration2.seconds, duration2.span);
}
function leaveNodeValue(model, setting2, kubeProxy) {
  if (kubeProxy.flag !== void 0) {
    const flag = kubeProxy.flag;
    const span = flagValueSpan(model, flag);
    const written = model.file(flag.daemonSet.file)?.text.slice(span.start, span.end);
    if (written !== flag.flag.value.value) return void 0;
    return { title: `Set --${setting2.flag} to ${setting2.leave}`, edits: [replaceSpan(flag.daemonSet.file, span, setting2.leave)], preferred: false };
  }
  const configuration = kubeProxy.configuration;
  const file = configuration && model.file(configuration.file);
  const edit = file && configuration && setConntrackField(file, configuration, setting2.field, setting2.leave);
  return edit && { title: `Set conntrack.${setting2.field}: ${setting2.leave}`, edits: [edit], preferred: false };
}
function flagValueSpan(model, flag) {
  const { span, value } = flag.flag.value;
  const exact = { start: span.start, end: span.start + value.length };
  return model.file(flag.daemonSet.file)?.text.slice(exact.start, exact.end) === value ? exact : span;
}
function setConntrackField(file, configuration, field, value) {
  const root = kubeProxyConfigMap(file, configuration);
  if (root === void 0) return void 0;
  const conntrack = childMap(root, "conntrack");
  if (conntrack !== void 0) {
    const current = conntrack.reader.get(conntrack.map, field);
    const span = conntrack.reader.string(current) === void 0 ? void 0 : conntrack.reader.span(current);
    if (span !== void 0) return replaceSpan(file.path, span, value);
    return addToMap(file.text, conntrack, [{ key: field, value }], file.path);
  }
  return addToMap(file.text, root, [{ key: "conntrack", value: [{ key: field, value }] }], file.path);
}

// server/src/core/rules/ipvsConnReuse.ts
var CONN_REUSE_MODE_KEY = "net.ipv4.vs.conn_reuse_mode";
function cost(value) {
  return value === 0 ? "on kernel 5.9 or later, a connection reusing a client port goes to the old, maybe deleted, backend (kubernetes#81775)" : "kube-proxy writes 0 over it on kernels 4.1 to 5.8, and before 5.9, 1 delays new connections under load (kubernetes#70747)";
}
function overwrittenMessage(value, version) {
  return `${CONN_REUSE_MODE_KEY} = ${value} is overwritten: kube-proxy ${formatKubernetesVersion(version)} writes 0 on every kernel from 4.1 (1.22 leaves 5.9+ alone, kubernetes#102122); 0 sends port-reusing clients to deleted pods.`;
}
var ipvsConnReuse = {
  id: "ipvs-conn-reuse",
  defaultSeverity: "info",
  description: "net.ipv4.vs.conn_reuse_mode set on the nodes in IPVS mode: what the value costs, and on which kernels.",
  scope: "workspace",
  check(model, report) {
    const mode = ipvsMode(model);
    if (mode === void 0) return;
    const version = effectiveKubernetesVersion(model);
    const assignments = model.nodeSysctlAssignments(CONN_REUSE_MODE_KEY);
    for (let i2 = assignments.length - 1; i2 >= 0; i2--) {
      const { file, assignment } = assignments[i2];
      const value = parseInteger(assignment.value);
      if (value === void 0) continue;
      const related2 = [...relatedSource(mode.source, "kube-proxy runs in IPVS mode"), ...moduleMissingNote(model, CONN_REUSE_MODE_KEY, file, assignment.valueSpan)];
      if (!kubeProxyLeavesConnReuse(version.value) && value !== 0) {
        report({ file, span: assignment.valueSpan, message: overwrittenMessage(value, version.value), related: [...related2, ...relatedSource(version.source, `Kubernetes ${formatKubernetesVersion(version.value)}`)] });
        return;
      }
      const setting2 = `${CONN_REUSE_MODE_KEY} = ${value}${value === 1 ? " (the kernel's default)" : ""} in IPVS mode`;
      report({
        file,
        span: assignment.valueSpan,
        // Shorter, without where IPVS mode is set: a related location says it.
        message: fittingMessage([`${setting2} (${model.describe(mode.source)}): ${cost(value)}`, `${setting2}: ${cost(value)}`]),
        related: related2
      });
      return;
    }
  }
};

// server/src/core/rules/keepaliveConntrack.ts
var keepaliveConntrack = {
  id: "keepalive-conntrack",
  defaultSeverity: "warning",
  description: "TCP keepalive time not below the conntrack established timeout; idle connections lose their conntrack entry first.",
  scope: "workspace",
  check(model, report) {
    for (const image of nodeImageViews(model)) {
      const finding2 = nodeFinding(image);
      if (finding2 !== void 0) report(finding2);
    }
    const conntrack = effectiveConntrackTimeout(model);
    for (const workload2 of model.workloads) {
      const finding2 = podSysctlFinding(model, workload2, conntrack);
      if (finding2 !== void 0) report(finding2);
    }
    const defaultFinding = defaultKeepaliveFinding(model, conntrack);
    if (defaultFinding !== void 0) report(defaultFinding);
  }
};
function nodeFinding(model) {
  const conntrack = effectiveConntrackTimeout(model);
  const node = nodeKeepaliveTime(model);
  const nodeSource = node.source;
  if (nodeSource.kind !== "file" || node.value < conntrack.value) return void 0;
  return {
    file: nodeSource.file,
    span: nodeSource.span,
    message: belowConntrack(`${KEEPALIVE_TIME_KEY} is ${node.value} s on the node`, conntrack, model),
    related: relatedConntrack(model, conntrack),
    fixes: () => [setKeepalive(setSysctlValue(model, KEEPALIVE_TIME_KEY, nodeSource.file, nodeSource.span, String(recommendedKeepalive(conntrack.value))))]
  };
}
function podSysctlFinding(model, workload2, conntrack) {
  if (workload2.template === void 0 || workload2.template.hostNetwork?.value === true) return void 0;
  const sysctl = workload2.template.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
  const value = sysctl?.value === void 0 ? void 0 : parseInteger(sysctl.value);
  if (sysctl?.valueSpan === void 0 || value === void 0 || value < conntrack.value) return void 0;
  const file = fileOfValue(workload2, sysctl);
  return {
    file,
    span: sysctl.valueSpan,
    subject: workload2,
    message: belowConntrack(`${KEEPALIVE_TIME_KEY} is ${value} s in the pods of ${objectLabel(workload2)}`, conntrack, model),
    related: relatedConntrack(model, conntrack),
    fixes: () => [setKeepalive([{ file, span: sysctl.valueSpan, newText: JSON.stringify(String(recommendedKeepalive(conntrack.value))) }])]
  };
}
function defaultKeepaliveFinding(model, conntrack) {
  const source = conntrack.source;
  if (source.kind !== "file" || conntrack.value > DEFAULTS.keepaliveTime) return void 0;
  const podsOnDefault = model.workloads.filter((workload2) => !workload2.ignoredRules.includes(keepaliveConntrack.id) && reliesOnDefaultKeepalive(workload2, model));
  const nodeOnDefault = (model.sysctlFiles.length > 0 || model.workloads.length === 0) && nodeImageViews(model).some((image) => imageReliesOnDefault(image, source));
  if (!nodeOnDefault && podsOnDefault.length === 0) return void 0;
  const named = [...nodeOnDefault ? ["the node"] : [], ...podsOnDefault.map((w2) => objectLabel(w2))];
  const who = named.length <= 1 ? named[0] ?? "" : `${named[0]} and ${countOf(named.length - 1, "more workload")}`;
  const keepalive = recommendedKeepalive(conntrack.value);
  const relying = (defaultName) => `${source.setting} sets the conntrack established timeout to ${conntrack.value} s, not above the default ${defaultName} of ${DEFAULTS.keepaliveTime} s that ${who} ${named.length === 1 ? "relies" : "rely"} on`;
  return {
    file: source.file,
    span: source.span,
    fixes: () => podsOnDefault.filter((workload2) => workload2.template?.hostNetwork?.value !== true).map((workload2) => addPodKeepalive(model, workload2, keepalive)).filter((fix) => fix !== void 0),
    // Shorter, with "keepalive time" for the key's name.
    message: fittingMessage([relying(KEEPALIVE_TIME_KEY), relying("keepalive time")]),
    related: podsOnDefault.map((workload2) => ({
      file: workload2.file,
      span: workload2.nameSpan,
      message: workload2.template?.hostNetwork?.value === true ? `${objectLabel(workload2)} uses the host network, where the node's default ${KEEPALIVE_TIME_KEY} applies` : `${objectLabel(workload2)} sets no ${KEEPALIVE_TIME_KEY} in its pods' securityContext.sysctls`
    }))
  };
}
function imageReliesOnDefault(image, conntrack) {
  const own = effectiveConntrackTimeout(image).source;
  return nodeKeepaliveTime(image).source.kind === "default" && own.kind === "file" && own.file === conntrack.file && own.span.start === conntrack.span.start;
}
function belowConntrack(keepalive, conntrack, model) {
  const below = `${keepalive}, not below the conntrack established timeout of ${conntrack.value} s`;
  return fittingMessage([`${below} (${model.describe(conntrack.source)})`, below]);
}
function relatedConntrack(model, conntrack) {
  const source = conntrack.source;
  if (source.kind !== "file") return [];
  const onNode = model.file(source.file)?.role === "sysctl" ? moduleMissingNote(model, CONNTRACK_ESTABLISHED_KEY, source.file, source.span) : [];
  return [{ file: source.file, span: source.span, message: `The conntrack established timeout: ${conntrack.value} s` }, ...onNode];
}
function setKeepalive(edits) {
  return { title: `Set ${KEEPALIVE_TIME_KEY} to ${edits[0].newText.replace(/"/g, "")}`, edits, preferred: true };
}

// server/src/core/rules/keepaliveIpvs.ts
var IPVS_TIMEOUT_MARGIN = 300;
var keepaliveIpvs = {
  id: "keepalive-ipvs",
  defaultSeverity: "warning",
  description: "TCP keepalive time not below IPVS's idle timeout in IPVS mode; idle connections through Services are reset.",
  scope: "workspace",
  check(model, report) {
    const mode = ipvsMode(model);
    if (mode === void 0) return;
    const context = { model, mode, timeout: effectiveIpvsTcpTimeout(model) };
    for (const image of nodeImageViews(model)) {
      const node = nodeKeepaliveTime(image);
      if (node.source.kind === "file" && node.value >= context.timeout.value) {
        report(valueFinding(context, node.source.file, node.source.span, `${KEEPALIVE_TIME_KEY} is ${node.value} s on the node`, String(recommendedKeepalive(context.timeout.value))));
      }
    }
    for (const workload2 of model.workloads) {
      if (workload2.template === void 0 || workload2.template.hostNetwork?.value === true) continue;
      const sysctl = workload2.template.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
      const value = sysctl?.value === void 0 ? void 0 : parseInteger(sysctl.value);
      if (sysctl?.valueSpan === void 0 || value === void 0 || value < context.timeout.value) continue;
      const what = `${KEEPALIVE_TIME_KEY} is ${value} s in the pods of ${objectLabel(workload2)}`;
      report({ ...valueFinding(context, fileOfValue(workload2, sysctl), sysctl.valueSpan, what, JSON.stringify(String(recommendedKeepalive(context.timeout.value)))), subject: workload2 });
    }
    const finding2 = defaultKeepaliveFinding2(context);
    if (finding2 !== void 0) report(finding2);
  }
};
function timeoutText({ model, timeout: timeout2 }) {
  return `IPVS's TCP idle timeout of ${timeout2.value} s (${timeout2.source.kind === "default" ? "the kernel's default" : model.describe(timeout2.source)})`;
}
function assumedMode({ model, mode }) {
  return mode.source.kind === "file" ? "" : `, in IPVS mode (${model.describe(mode.source)})`;
}
function valueFinding(context, file, span, what, newText) {
  const { model, mode, timeout: timeout2 } = context;
  return {
    file,
    span,
    message: `${what}, not below ${timeoutText(context)}${assumedMode(context)}`,
    related: [...relatedSource(timeout2.source, `IPVS's idle timeout for established TCP: ${timeout2.value} s`), ...relatedSource(mode.source, "kube-proxy runs in IPVS mode")],
    fixes: () => [{ title: `Set ${KEEPALIVE_TIME_KEY} to ${newText.replace(/"/g, "")}`, edits: setSysctlValue(model, KEEPALIVE_TIME_KEY, file, span, newText), preferred: true }]
  };
}
function defaultKeepaliveFinding2(context) {
  const { model, mode, timeout: timeout2 } = context;
  if (timeout2.value > DEFAULTS.keepaliveTime) return void 0;
  const onDefault = model.workloads.filter((workload2) => !workload2.ignoredRules.includes(keepaliveIpvs.id) && !runsKubeProxy(workload2) && reliesOnDefaultKeepalive(workload2, model));
  const first = onDefault[0];
  if (first === void 0) return void 0;
  const anchor = timeout2.source.kind === "file" ? timeout2.source : mode.source.kind === "file" ? mode.source : { file: first.file, span: first.nameSpan };
  const who = onDefault.length === 1 ? objectLabel(first) : `${objectLabel(first)} and ${countOf(onDefault.length - 1, "more workload")}`;
  const keepalive = recommendedKeepalive(timeout2.value);
  return {
    file: anchor.file,
    span: anchor.span,
    ...anchor.span === first.nameSpan ? { subject: first } : {},
    message: `${timeoutText(context)}${assumedMode(context)}${assumedMode(context) === "" ? "" : ","} is not above the ${DEFAULTS.keepaliveTime} s default ${KEEPALIVE_TIME_KEY} of ${who}`,
    related: [
      ...anchor === timeout2.source ? relatedSource(mode.source, "kube-proxy runs in IPVS mode") : [],
      ...onDefault.filter((workload2) => workload2.nameSpan !== anchor.span).map((workload2) => ({ file: workload2.file, span: workload2.nameSpan, message: defaultReason(workload2) }))
    ],
    fixes: () => [
      ...onDefault.filter((workload2) => workload2.template?.hostNetwork?.value !== true).map((workload2) => addPodKeepalive(model, workload2, keepalive)).filter((fix) => fix !== void 0),
      ...optional(setIpvsTcpTimeout(model, formatGoDuration(DEFAULTS.keepaliveTime + IPVS_TIMEOUT_MARGIN), false))
    ]
  };
}
function defaultReason(workload2) {
  return workload2.template?.hostNetwork?.value === true ? `${objectLabel(workload2)} uses the host network, where the node's default ${KEEPALIVE_TIME_KEY} applies` : `${objectLabel(workload2)} sets no ${KEEPALIVE_TIME_KEY} in its pods' securityContext.sysctls`;
}
function runsKubeProxy(workload2) {
  return workload2.kubeProxyFlags.length > 0 || workload2.kind === "DaemonSet" && workload2.name === "kube-proxy";
}
function optional(value) {
  return value === void 0 ? [] : [value];
}

// server/src/core/sysctl/catalog.ts
var CATALOG_KERNEL = "Linux 6.18";
var SYSCTL_FAMILIES = ["net.ipv4.tcp_", "net.ipv4.vs.", "net.netfilter.nf_conntrack_"];
function sysctlFamilyOf(key) {
  return SYSCTL_FAMILIES.find((prefix) => key.startsWith(prefix) && key.length > prefix.length);
}
function takesSingleInteger(info) {
  return !["triple", "pair", "string", "list"].includes(info.unit);
}
function rangeBounds(range) {
  if (range === void 0) return void 0;
  const between = /^(-?\d+)\.\.(-?\d+)$/.exec(range);
  if (between) return { min: Number(between[1]), max: Number(between[2]) };
  const either = /^(-?\d+) or (-?\d+)$/.exec(range);
  if (either) return { min: Math.min(Number(either[1]), Number(either[2])), max: Math.max(Number(either[1]), Number(either[2])) };
  const atLeast = /^≥ (-?\d+)$/.exec(range);
  return atLeast ? { min: Number(atLeast[1]) } : void 0;
}
var U8 = "0..255";
var BOOL = "0 or 1";
var CT_TIMEOUT = "Seconds a conntrack entry for a TCP connection in this state lives without traffic";
var TCP = [
  ["abort_on_overflow", "flag", "0", U8, "Reset new connections when a listener's accept queue is full, instead of letting the client retry."],
  ["adv_win_scale", "count", "1", "-31..31", "How buffer overhead is counted when the receive window is sized (obsolete since Linux 6.6)."],
  ["allowed_congestion_control", "list", "reno and the default algorithm", void 0, "Congestion control algorithms that unprivileged processes may select (space-separated names)."],
  ["app_win", "count", "31", "0..31", "Share of the window (window / 2^n) held back for the application's buffer; 0 holds back nothing."],
  ["autocorking", "flag", "1", BOOL, "Merge small consecutive writes while earlier packets of the flow still wait in a queue."],
  ["available_congestion_control", "list", "the algorithms registered", void 0, "Congestion control algorithms currently registered (read-only).", "ro"],
  ["available_ulp", "list", "the upper-layer protocols registered", void 0, "Upper-layer protocols (kTLS, say) that can be attached to TCP sockets (read-only).", "g ro"],
  ["backlog_ack_defer", "flag", "1", BOOL, "Send one ACK for a whole socket backlog processed in process context."],
  ["base_mss", "bytes", "1024", void 0, "Starting MSS of packetization-layer path MTU probing."],
  ["challenge_ack_limit", "count", "2147483647 (no limit)", void 0, "Challenge ACKs (RFC 5961) the namespace may send per second."],
  ["child_ehash_entries", "entries", "0", "0..16777216", "Size of the TCP socket hash table of namespaces created later (rounded up to a power of 2); 0 shares the initial namespace's table."],
  ["comp_sack_delay_ns", "nanoseconds", "1000000", void 0, "Longest time SACKs are held back to be compressed."],
  ["comp_sack_nr", "count", "44", U8, "Most SACKs compressed into one; 0 turns SACK compression off."],
  ["comp_sack_rtt_percent", "percent", "33", "1..1000", "Share of the smoothed RTT the SACK compression timer waits."],
  ["comp_sack_slack_ns", "nanoseconds", "10000", void 0, "Slack allowed when the SACK compression timer is armed."],
  ["congestion_control", "string", "chosen when the kernel is built", void 0, "Congestion control algorithm of new connections (a listener's choice passes to the connections it accepts)."],
  ["dsack", "flag", "1", U8, "Send duplicate SACKs (D-SACK)."],
  ["early_demux", "flag", "1", U8, "Find the established socket early on receive, saving a route lookup."],
  ["early_retrans", "mode", "3", "0..4", "Tail loss probe: 0 off, 3 or 4 on."],
  ["ecn", "mode", "2", "0..2", "Explicit Congestion Notification: 0 never, 1 request and accept, 2 accept when asked only."],
  ["ecn_fallback", "flag", "1", BOOL, "Fall back to TCP without ECN when an ECN connection misbehaves."],
  ["ecn_option", "mode", "2", "0..2", "Accurate ECN option once negotiated: 0 never, 1 sparingly, 2 whenever it fits."],
  ["ecn_option_beacon", "count", "3", "0..3", "Accurate ECN options sent at least per RTT when ecn_option is 2."],
  ["ehash_entries", "entries", "derived from memory", void 0, "Buckets of this namespace's TCP socket hash table; negative when it shares the initial namespace's (read-only).", "ro"],
  ["fack", "flag", "0", U8, "Legacy; no effect."],
  ["fastopen", "mode", "1", void 0, "TCP Fast Open bitmap: 0x1 client, 0x2 server, 0x400 server on every listener."],
  ["fastopen_blackhole_timeout_sec", "seconds", "0", "\u2265 0", "Initial time Fast Open stays off after a middlebox seemed to drop it; 0 turns the detection off."],
  ["fastopen_key", "list", "random, created on first use", void 0, "Fast Open cookie keys: a primary and an optional backup key, comma-separated, each four dash-separated hex words."],
  ["fin_timeout", "seconds", "60", void 0, "Time an orphaned connection stays in FIN_WAIT_2 before it is aborted."],
  ["frto", "mode", "2", U8, "Forward RTO-Recovery (RFC 5682); 0 turns it off."],
  ["fwmark_accept", "flag", "0", U8, "Accepted sockets without a mark take the fwmark of the SYN that opened them."],
  ["invalid_ratelimit", "milliseconds", "500", void 0, "Least time between duplicate ACKs sent in answer to invalid segments; 0 lifts the limit."],
  ["keepalive_intvl", "seconds", "75", void 0, "Time between keepalive probes that get no answer."],
  ["keepalive_probes", "count", "9", U8, "Unanswered keepalive probes before the connection is dropped."],
  ["keepalive_time", "seconds", "7200", void 0, "Idle time before TCP sends the first keepalive probe on a socket with SO_KEEPALIVE; every probe refreshes the conntrack entry."],
  ["l3mdev_accept", "flag", "0", BOOL, "Accepted sockets inherit the L3 master device (VRF) the packet came in on."],
  ["limit_output_bytes", "bytes", "4194304", void 0, "TCP Small Queues: bytes one socket may have queued in qdiscs and the device."],
  ["low_latency", "flag", "0", void 0, "Legacy; no effect.", "g"],
  ["max_orphans", "count", "derived from memory", void 0, "TCP sockets no process holds any more; beyond it orphans are reset at once.", "g"],
  ["max_reordering", "count", "300", void 0, "Highest packet reordering degree TCP adapts to."],
  ["max_syn_backlog", "count", "derived from the socket hash table size, at least 128", void 0, "Connection requests in SYN_RECV remembered per listener."],
  ["max_tw_buckets", "count", "half the socket hash table size", void 0, "TIME_WAIT sockets kept at once; beyond it new ones are destroyed at once."],
  ["mem", "triple", "derived from memory", void 0, 'Pages all TCP sockets may use, "min pressure max": no limit below min, moderation above pressure, hard limit at max.', "g"],
  ["migrate_req", "flag", "0", U8, "When an SO_REUSEPORT listener closes, move its pending and unaccepted connections to another listener."],
  ["min_rtt_wlen", "seconds", "300", "0..86400", "Window of the filter that tracks a connection's minimum RTT."],
  ["min_snd_mss", "bytes", "48", "48..65535", "Smallest MSS TCP accepts from a peer's advertisement."],
  ["min_tso_segs", "count", "2", "1..255", "Fewest segments per TSO frame."],
  ["moderate_rcvbuf", "flag", "1", U8, "Auto-tune each socket's receive buffer up to the max of tcp_rmem."],
  ["mtu_probe_floor", "bytes", "48", "48..65535", "Lowest MSS that MTU probing may fall to."],
  ["mtu_probing", "mode", "0", U8, "Packetization-layer path MTU discovery: 0 off, 1 once an ICMP black hole is detected, 2 always."],
  ["no_metrics_save", "flag", "0", U8, "Do not cache metrics of closing connections for later ones to the same host."],
  ["no_ssthresh_metrics_save", "flag", "1", BOOL, "Do not cache ssthresh with a closing connection's metrics."],
  ["notsent_lowat", "bytes", "4294967295", void 0, "Unsent bytes above which a socket without TCP_NOTSENT_LOWAT no longer polls writable."],
  ["orphan_retries", "count", "0 (acts as 8)", U8, "Retransmissions before a connection closed by its process is dropped."],
  ["pacing_ca_ratio", "percent", "120", "0..1000", "Pacing rate relative to the current rate during congestion avoidance."],
  ["pacing_ss_ratio", "percent", "200", "0..1000", "Pacing rate relative to the current rate during slow start."],
  ["pingpong_thresh", "count", "1", "1..255", "Request-response exchanges before a connection is treated as interactive for delayed ACKs."],
  ["plb_cong_thresh", "count", "128", "0..256", "Protective Load Balancing: congestion-marked share of a round (out of 256) that marks it congested."],
  ["plb_enabled", "flag", "0", BOOL, "Protective Load Balancing: re-path a flow (new IPv6 flow label) under lasting congestion, with a congestion control that supports it."],
  ["plb_idle_rehash_rounds", "count", "3", "0..31", "Protective Load Balancing: congested rounds before re-pathing when nothing is in flight."],
  ["plb_rehash_rounds", "count", "12", "0..31", "Protective Load Balancing: congested rounds before a forced re-path."],
  ["plb_suspend_rto_sec", "seconds", "60", U8, "Protective Load Balancing: pause after a retransmission timeout (randomised between 1x and 2x)."],
  ["probe_interval", "seconds", "600", void 0, "Time between path MTU re-probes."],
  ["probe_threshold", "bytes", "8", void 0, "Width of the MTU search range below which probing stops."],
  ["rcvbuf_low_rtt", "microseconds", "1000", "0..2147483647", "RTT below which receive buffer auto-tuning grows the buffer more slowly."],
  ["recovery", "mode", "0x1", U8, "Loss recovery bitmap: 0x1 RACK, 0x2 static RACK reordering window, 0x4 no DUPACK threshold."],
  ["reflect_tos", "flag", "0", BOOL, "Connections of a listener send with the DSCP of the SYN they answered."],
  ["reordering", "count", "3", void 0, "Initial packet reordering degree of a connection."],
  ["retrans_collapse", "flag", "1", U8, "Send bigger packets on retransmission, for buggy peers."],
  ["retries1", "count", "3", U8, "Unanswered retransmissions after which TCP asks the network layer to check the route."],
  ["retries2", "count", "15", U8, "Unanswered retransmissions before an established connection is dropped (15 \u2248 924.6 s at least)."],
  ["rfc1337", "flag", "0", U8, "Follow RFC 1337 in TIME_WAIT (a RST does not end TIME_WAIT early)."],
  ["rmem", "triple", "page size, 131072, between 131072 and 32 MiB by memory", "\u2265 1", 'Receive buffer sizes of TCP sockets in bytes, "min default max".'],
  ["rto_max_ms", "milliseconds", "120000", "1000..120000", "Longest retransmission timeout."],
  ["rto_min_us", "microseconds", "200000", "\u2265 1", "Shortest retransmission timeout."],
  ["sack", "flag", "1", U8, "Selective acknowledgements (SACK)."],
  ["shrink_window", "flag", "0", BOOL, "Let the receive window shrink to stay within the auto-tuned buffer."],
  ["slow_start_after_idle", "flag", "1", U8, "Reset the congestion window after the connection idled for an RTO (RFC 2861)."],
  ["stdurg", "flag", "0", U8, "Read the urgent pointer the host-requirements way (RFC 1122), not the BSD way."],
  ["syn_linear_timeouts", "count", "4", "0..127", "SYN retransmissions with a constant timeout before exponential backoff."],
  ["syn_retries", "count", "6", "1..255", "SYN retransmissions of an outgoing connection attempt."],
  ["synack_retries", "count", "5", U8, "SYN-ACK retransmissions for an incoming connection attempt."],
  ["syncookies", "mode", "1", U8, "SYN cookies: 1 when a listener's SYN queue overflows, 2 always, 0 never."],
  ["thin_linear_timeouts", "flag", "0", U8, "Linear retransmission timeouts for thin streams (fewer than 4 packets in flight)."],
  ["timestamps", "mode", "1", U8, "TCP timestamps: 0 off, 1 on with a random offset per connection, 2 on without it."],
  ["tso_rtt_log", "count", "9", U8, "Bigger TSO packets on small-RTT flows (2^n \xB5s scale); 0 restores the old sizing."],
  ["tso_win_divisor", "count", "3", U8, "Part of the congestion window (1/n) one TSO frame may take."],
  ["tw_reuse", "mode", "2", "0..2", "Reuse TIME_WAIT sockets for new outgoing connections: 0 never, 1 always, 2 on loopback only."],
  ["tw_reuse_delay", "milliseconds", "1000", "1..60000", "Time before a TIME_WAIT socket may be reused."],
  ["window_scaling", "flag", "1", U8, "Window scaling (RFC 1323)."],
  ["wmem", "triple", "page size, 16384, between 65536 and 4 MiB by memory", "\u2265 1", 'Send buffer sizes of TCP sockets in bytes, "min default max".'],
  ["workaround_signed_windows", "flag", "0", U8, "Treat the window of a peer that sent no window scaling option as signed."]
];
var CONNTRACK = [
  ["acct", "flag", "0", BOOL, "Keep byte and packet counters per flow."],
  ["buckets", "entries", "derived from memory (1024..262144)", void 0, "Buckets of the conntrack hash table; writable in the initial namespace only.", "g"],
  ["checksum", "flag", "1", BOOL, "Verify checksums; packets with a bad one are INVALID and not tracked."],
  ["count", "entries", "0", void 0, "Entries in the table now (read-only).", "ro"],
  ["events", "mode", "2", "0..2", "Conntrack events over ctnetlink: 0 off, 1 on, 2 only when a listener asks."],
  ["expect_max", "entries", "nf_conntrack_buckets / 256", "\u2265 1", "Size of the expectation table; node-wide.", "g"],
  ["frag6_high_thresh", "bytes", "262144", void 0, "Memory for IPv6 fragment reassembly above which fragments are dropped until the low threshold is reached."],
  ["frag6_low_thresh", "bytes", "196608", void 0, "Memory for IPv6 fragment reassembly that dropping brings usage back to."],
  ["frag6_timeout", "seconds", "60", void 0, "Time an IPv6 fragment is kept for reassembly."],
  ["generic_timeout", "seconds", "600", void 0, "Seconds an entry of a protocol without its own tracker lives without traffic."],
  ["gre_timeout", "seconds", "30", void 0, "Seconds a GRE entry lives without traffic."],
  ["gre_timeout_stream", "seconds", "180", void 0, "Seconds a GRE entry lives without traffic once traffic went both ways."],
  ["icmp_timeout", "seconds", "30", void 0, "Seconds an ICMP entry lives without traffic."],
  ["icmpv6_timeout", "seconds", "30", void 0, "Seconds an ICMPv6 entry lives without traffic."],
  ["log_invalid", "mode", "0", U8, "Log INVALID packets of this IP protocol number (6 TCP, 17 UDP, 255 any); 0 logs none."],
  ["max", "entries", "derived from memory", void 0, "Size of the conntrack table; node-wide and read-only inside a pod. kube-proxy raises it at start-up.", "g"],
  ["sctp_timeout_closed", "seconds", "10", void 0, "Seconds an SCTP entry in CLOSED lives without traffic."],
  ["sctp_timeout_cookie_echoed", "seconds", "3", void 0, "Seconds an SCTP entry in COOKIE_ECHOED lives without traffic."],
  ["sctp_timeout_cookie_wait", "seconds", "3", void 0, "Seconds an SCTP entry in COOKIE_WAIT lives without traffic."],
  ["sctp_timeout_established", "seconds", "210", void 0, "Seconds an established SCTP association's entry lives without traffic."],
  ["sctp_timeout_heartbeat_sent", "seconds", "30", void 0, "Seconds the entry of an SCTP secondary path lives after a heartbeat."],
  ["sctp_timeout_shutdown_ack_sent", "seconds", "3", void 0, "Seconds an SCTP entry in SHUTDOWN_ACK_SENT lives without traffic."],
  ["sctp_timeout_shutdown_recd", "seconds", "3", void 0, "Seconds an SCTP entry in SHUTDOWN_RECEIVED lives without traffic."],
  ["sctp_timeout_shutdown_sent", "seconds", "3", void 0, "Seconds an SCTP entry in SHUTDOWN_SENT lives without traffic."],
  ["tcp_be_liberal", "flag", "0", BOOL, "Relaxes TCP window checks; it does not revive expired entries."],
  ["tcp_ignore_invalid_rst", "flag", "0", BOOL, "Do not mark out-of-window RSTs INVALID."],
  ["tcp_loose", "flag", "1", BOOL, "Whether conntrack picks up a connection from a mid-stream packet. With 0, the first packet after an entry expired is INVALID and dropped by kube-proxy: the connection hangs instead of resetting."],
  ["tcp_max_retrans", "count", "3", U8, "Retransmissions without an acceptable ACK before the shorter max_retrans timeout applies."],
  ["tcp_no_window_check", "flag", "0", BOOL, "Skip TCP window tracking altogether."],
  ["tcp_timeout_close", "seconds", "10", void 0, `${CT_TIMEOUT} (CLOSE)`],
  ["tcp_timeout_close_wait", "seconds", "60", void 0, `${CT_TIMEOUT} (CLOSE_WAIT). kube-proxy writes 3600 at start-up.`],
  ["tcp_timeout_established", "seconds", "432000", void 0, "Seconds an established TCP connection may stay idle before its conntrack entry expires; after that its next packet is load-balanced again. kube-proxy writes 86400 at start-up."],
  ["tcp_timeout_fin_wait", "seconds", "120", void 0, `${CT_TIMEOUT} (FIN_WAIT)`],
  ["tcp_timeout_last_ack", "seconds", "30", void 0, `${CT_TIMEOUT} (LAST_ACK)`],
  ["tcp_timeout_max_retrans", "seconds", "300", void 0, "Seconds a conntrack entry lives once a packet was retransmitted too often."],
  ["tcp_timeout_syn_recv", "seconds", "60", void 0, `${CT_TIMEOUT} (SYN_RECV)`],
  ["tcp_timeout_syn_sent", "seconds", "120", void 0, `${CT_TIMEOUT} (SYN_SENT)`],
  ["tcp_timeout_time_wait", "seconds", "120", void 0, `${CT_TIMEOUT} (TIME_WAIT)`],
  ["tcp_timeout_unacknowledged", "seconds", "300", void 0, "Seconds a conntrack entry lives while data stays unacknowledged."],
  ["timestamp", "flag", "0", BOOL, "Record when each flow started."],
  ["udp_timeout", "seconds", "30", void 0, "Seconds a UDP entry lives without traffic."],
  ["udp_timeout_stream", "seconds", "120", void 0, "Seconds a UDP entry lives without traffic once it is seen as a stream."]
];
var IPVS = [
  ["am_droprate", "count", "10", void 0, "Drop one packet in n when the drop_packet defense is always on (mode 3)."],
  ["amemthresh", "pages", "1024", void 0, "Free memory below which the automatic defense modes switch on."],
  ["backup_only", "flag", "0", void 0, "Stop directing traffic while the node is a sync backup (avoids loops with DR and TUN)."],
  ["cache_bypass", "flag", "0", void 0, "Send packets straight to their destination when no cache server is available."],
  ["conn_reuse_mode", "mode", "1", void 0, "How IPVS treats a SYN that reuses the ports of a known connection (kernel 5.9 fixed the delays of mode 1)."],
  ["conntrack", "flag", "0", void 0, "Keep conntrack entries for connections IPVS handles (needed by stateful iptables rules on them)."],
  ["debug_level", "count", "0", void 0, "Verbosity of IPVS debug messages (kernels built with CONFIG_IP_VS_DEBUG)."],
  ["drop_entry", "mode", "0", "0..3", "Defense that drops random connection entries: 0 off, 1 and 2 automatic, 3 always."],
  ["drop_packet", "mode", "0", "0..3", "Defense that drops a share of packets: 0 off, 1 and 2 automatic, 3 always."],
  ["est_cpulist", "list", "the housekeeping CPUs", void 0, "CPUs the rate estimation threads may run on (a CPU list; empty stops estimation)."],
  ["est_nice", "count", "0", "-20..19", "Nice value of the rate estimation threads."],
  ["expire_nodest_conn", "flag", "0", void 0, "Whether IPVS drops connections to a removed backend at once; kube-proxy sets 1 in IPVS mode."],
  ["expire_quiescent_template", "flag", "0", void 0, "Whether IPVS expires persistence templates of a backend with weight 0; kube-proxy sets 1 in IPVS mode."],
  ["ignore_tunneled", "flag", "0", void 0, "Leave packets of unrecognised (tunnelled) protocols alone, avoiding routing loops."],
  ["lblc_expiration", "seconds", "86400", void 0, "Idle time after which a locality-based (lblc) scheduler entry is dropped."],
  ["lblcr_expiration", "seconds", "86400", void 0, "Idle time after which a locality-based with replication (lblcr) scheduler entry is dropped."],
  ["nat_icmp_send", "flag", "0", void 0, "Answer with ICMP unreachable when a NAT backend sends for a connection IPVS no longer has."],
  ["pmtu_disc", "flag", "1", void 0, "Reject oversized DF packets with FRAG_NEEDED; 0 lets TUN fragment them."],
  ["run_estimation", "flag", "1", void 0, "Run the rate estimation threads."],
  ["schedule_icmp", "flag", "0", void 0, "Schedule ICMP packets to backends like the first packet of a connection."],
  ["secure_tcp", "mode", "0", "0..3", "Defense with a stricter TCP state table: 0 off, 1 and 2 automatic, 3 always."],
  ["sloppy_sctp", "flag", "0", void 0, "Create an entry from any SCTP chunk, not only INIT."],
  ["sloppy_tcp", "flag", "0", void 0, "Create an entry from any TCP packet, not only a SYN."],
  ["snat_reroute", "flag", "1", void 0, "Route SNATed replies of backends as if the director sent them."],
  ["sync_persist_mode", "mode", "0", void 0, "Connection sync with persistence: 0 sync everything, 1 only persistence templates."],
  ["sync_ports", "count", "1", void 0, "Sync threads (and UDP ports from 8848) of master and backup."],
  ["sync_qlen_max", "count", "derived from memory", void 0, "Sync messages queued but not sent yet."],
  ["sync_refresh_period", "seconds", "0", void 0, "Change of a connection's timer that sends a new sync message."],
  ["sync_retries", "count", "0", "0..3", "Sync message retries, every sync_refresh_period / 8."],
  ["sync_sock_size", "bytes", "0", void 0, "Send (master) or receive (backup) buffer of the sync socket; 0 keeps the system default."],
  ["sync_threshold", "pair", "3 50", void 0, 'Sync a connection every time its incoming packet count modulo the period ("threshold period") equals the threshold.'],
  ["sync_version", "mode", "1", BOOL, "Sync protocol version sent: 0 legacy, 1 current."]
];
function entries2(prefix, rows) {
  return rows.map(([name, unit, defaultValue, range, meaning, options = ""]) => {
    const key = `${prefix}${name}`;
    const flags = options.split(" ");
    const info = {
      key,
      unit,
      defaultValue,
      ...range === void 0 ? {} : { range },
      meaning,
      perNamespace: !flags.includes("g"),
      ...flags.includes("ro") ? { readOnly: true } : {}
    };
    return [key, info];
  });
}
var SYSCTL_CATALOG = new Map([
  ...entries2("net.ipv4.tcp_", TCP),
  ...entries2("net.netfilter.nf_conntrack_", CONNTRACK),
  ...entries2("net.ipv4.vs.", IPVS)
]);

// server/src/core/rules/keepaliveNotInherited.ts
var KEEPALIVE_KEYS = ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"];
var NAMED_IN_MESSAGE = 1;
var keepaliveNotInherited = {
  id: "keepalive-not-inherited",
  defaultSeverity: "info",
  description: "A node sysctl file sets TCP keepalive that pods never get: each pod's network namespace starts from the kernel's defaults.",
  scope: "workspace",
  check(model, report) {
    for (const key of KEEPALIVE_KEYS) {
      const finding2 = notInheritedFinding(model, key);
      if (finding2 !== void 0) report(finding2);
    }
  }
};
function notInheritedFinding(model, key) {
  const info = SYSCTL_CATALOG.get(key);
  const kernelDefault = Number(info.defaultValue);
  const node = winningNodeAssignment(model, key, (value) => key !== "net.ipv4.tcp_keepalive_probes" || value >= 0 && value <= 255);
  if (node === void 0 || node.value <= 0 || node.value === kernelDefault) return void 0;
  const pods = model.workloads.filter((workload2) => setsNone(workload2, key) && !workload2.ignoredRules.includes(keepaliveNotInherited.id));
  if (pods.length === 0) return void 0;
  const unit = (value) => info.unit === "seconds" ? `${value} s` : String(value);
  const names = pods.slice(0, NAMED_IN_MESSAGE).map(objectLabel);
  if (pods.length > NAMED_IN_MESSAGE) names.push(countOf(pods.length - NAMED_IN_MESSAGE, "more workload"));
  const source = { kind: "file", file: node.file, span: node.assignment.valueSpan, setting: "set" };
  return {
    file: node.file,
    span: node.assignment.lineSpan,
    message: `${key} is ${unit(node.value)} on the node (${model.describe(source)}), but pods start from the kernel's default of ${unit(kernelDefault)}: ${joinWithAnd(names)} ${pods.length === 1 ? "sets" : "set"} none of ${pods.length === 1 ? "its" : "their"} own`,
    related: pods.map(
      (workload2) => ({
        file: workload2.file,
        span: workload2.nameSpan,
        message: `${objectLabel(workload2)} sets no ${key} in its pods' securityContext.sysctls: its pods use the kernel's default of ${unit(kernelDefault)}`
      })
    ),
    fixes: () => {
      const value = String(podValue(model, key, node.value));
      return pods.map((workload2) => addPodSysctl(model, workload2, key, value)).filter((fix) => fix !== void 0);
    }
  };
}
function podValue(model, key, nodeValue) {
  if (key !== KEEPALIVE_TIME_KEY) return nodeValue;
  const conntrack = effectiveConntrackTimeout(model).value;
  return nodeValue < conntrack ? nodeValue : recommendedKeepalive(conntrack);
}
function setsNone(workload2, key) {
  const template = workload2.template;
  return template !== void 0 && template.hostNetwork?.value !== true && !template.sysctls.some((entry) => entry.name === key);
}
function joinWithAnd(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// server/src/core/edits/timerEdits.ts
function setAnnotation(file, object, key, value, existing) {
  if (existing !== void 0) {
    const written = file.text.slice(existing.valueSpan.start, existing.valueSpan.end);
    const quote = written.startsWith("'") ? "'" : '"';
    return { file: file.path, span: existing.valueSpan, newText: `${quote}${value}${quote}` };
  }
  const root = objectMap(file, object);
  return root && addToMap(file.text, root, [{ key: "metadata", value: [{ key: "annotations", value: [{ key, value: JSON.stringify(value) }] }] }], file.path);
}
function setDestinationRuleKeepalive(file, rule, time, interval) {
  const root = objectMap(file, rule);
  const keepalive = [
    { key: "time", value: `${time}s` },
    { key: "interval", value: `${interval}s` }
  ];
  const nested = [{ key: "trafficPolicy", value: [{ key: "connectionPool", value: [{ key: "tcp", value: [{ key: "tcpKeepalive", value: keepalive }] }] }] }];
  return root && addToMap(file.text, root, [{ key: "spec", value: nested }], file.path);
}
function addDestinationRule(file, service2, time, interval) {
  const eol = file.lineIndex.eol;
  const name = service2.name ?? "service";
  const text = [
    "---",
    "apiVersion: networking.istio.io/v1",
    "kind: DestinationRule",
    "metadata:",
    `  name: ${name}-keepalive`,
    `  namespace: ${service2.namespace}`,
    "spec:",
    `  host: ${name}.${service2.namespace}.svc.cluster.local`,
    "  trafficPolicy:",
    "    connectionPool:",
    "      tcp:",
    "        tcpKeepalive:",
    `          time: ${time}s`,
    `          interval: ${interval}s`
  ];
  const end = file.text.length;
  const separator = end === 0 || file.text.endsWith("\n") ? "" : eol;
  return { file: file.path, span: { start: end, end }, newText: separator + text.join(eol) + eol };
}
function destinationRuleKeepaliveTitle(rule, service2, time) {
  return rule === void 0 ? `Add a DestinationRule with tcpKeepalive time ${time}s for ${objectLabel(service2)}` : `Set tcpKeepalive time ${time}s in ${objectLabel(rule)}`;
}

// server/src/core/model/idleTimers.ts
var IDLE_DEFAULTS = {
  /** AWS NLB TCP listener, `tcp.idle_timeout.seconds` (AWS ListenerAttribute API reference). */
  awsNlb: 350,
  awsNlbRange: [60, 6e3],
  /** AWS Classic ELB (cloud-provider-aws docs/service_controller.md). */
  awsClassicElb: 60,
  /** AWS ALB `idle_timeout.timeout_seconds` (aws-load-balancer-controller #441). */
  awsAlb: 60,
  /** AWS NAT gateway, not configurable. */
  awsNat: 350,
  /** Azure Load Balancer inbound rule, minutes (Azure docs load-balancer-tcp-idle-timeout). */
  azureLbMinutes: 4,
  azureLbMinutesRange: [4, 100],
  /** Azure NAT gateway, 4 minutes by default. */
  azureNat: 240,
  /** GCP Cloud NAT established TCP. */
  gcpNat: 1200,
  /** GCP VPC firewall connection tracking. */
  gcpFirewall: 600,
  /** Envoy's idle timeout in an Istio sidecar (istio/api #2999). */
  istioSidecar: 3600,
  /** Cilium's `bpf-ct-timeout-regular-tcp` and `bpf-ct-timeout-service-tcp` (cilium #27665). */
  ciliumCt: 8e3,
  /** Calico eBPF `bpfConntrackTimeouts.tcpEstablished` (projectcalico/calico #9607). */
  calicoCt: 3600,
  /** net.ipv4.tcp_keepalive_intvl, the kernel's default. */
  keepaliveInterval: 75
};
function defaultTimer(name, kind, seconds, reason, refreshedByKeepalive) {
  return { name, kind, seconds, source: { kind: "default", reason }, refreshedByKeepalive };
}

// server/src/core/model/nearestIndex.ts
var NearestIndex = class {
  inFile = /* @__PURE__ */ new Map();
  /** By directory (a path up to one of its slashes): the objects under it fewest levels below, and how many. */
  under = /* @__PURE__ */ new Map();
  constructor(objects) {
    for (const object of objects) {
      pushTo(this.inFile, object.file, object);
      const slashes2 = slashPositions(object.file);
      for (let k = 0; k <= slashes2.length; k++) {
        const directory = k === 0 ? "" : object.file.slice(0, slashes2[k - 1]);
        const levels = slashes2.length - k;
        const best = this.under.get(directory);
        if (best === void 0 || levels < best.levels) this.under.set(directory, { levels, objects: [object] });
        else if (levels === best.levels) best.objects.push(object);
      }
    }
  }
  /** The objects nearest to `file`, in the order given; none when there are none. */
  nearest(file) {
    const own = this.inFile.get(file);
    if (own !== void 0) return own;
    const slashes2 = slashPositions(file);
    for (let k = slashes2.length; k >= 0; k--) {
      const found = this.under.get(k === 0 ? "" : file.slice(0, slashes2[k - 1]));
      if (found !== void 0) return found.objects;
    }
    return [];
  }
};
function slashPositions(path9) {
  const positions = [];
  for (let at = path9.indexOf("/"); at !== -1; at = path9.indexOf("/", at + 1)) positions.push(at);
  return positions;
}

// server/src/core/model/loadBalancers.ts
var LB_ANNOTATIONS = {
  awsType: "service.beta.kubernetes.io/aws-load-balancer-type",
  awsListenerAttributes: "service.beta.kubernetes.io/aws-load-balancer-listener-attributes.",
  awsElbIdleTimeout: "service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout",
  azureIdleTimeout: "service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout",
  albAttributes: "alb.ingress.kubernetes.io/load-balancer-attributes",
  albUnread: "alb.ingress.kubernetes.io/connection-idle-timeout"
};
var NLB_IDLE_ATTRIBUTE = "tcp.idle_timeout.seconds";
var ALB_IDLE_ATTRIBUTE = "idle_timeout.timeout_seconds";
function parseAttributes(text) {
  const attributes = /* @__PURE__ */ new Map();
  for (const item of text.split(",")) {
    const at = item.indexOf("=");
    if (at > 0) attributes.set(item.slice(0, at).trim(), item.slice(at + 1).trim());
  }
  return attributes;
}
function wholeNumber(text) {
  return text !== void 0 && /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : void 0;
}
function isAwsNlb(service2) {
  const type = service2.annotations.get(LB_ANNOTATIONS.awsType)?.value;
  return type === "nlb" || type === "external" || type === "nlb-ip" || service2.loadBalancerClass === "service.k8s.aws/nlb";
}
function serviceLoadBalancer(service2, cloud) {
  if (service2.type !== "LoadBalancer") return void 0;
  const keys = [...service2.annotations.keys()];
  if (isAwsNlb(service2)) return { kind: "aws-nlb", label: "AWS NLB", timer: nlbTimer(service2) };
  if (keys.some((key) => key.startsWith("service.beta.kubernetes.io/azure-")) || cloud?.value === "azure") return { kind: "azure", label: "Azure Load Balancer", timer: azureTimer(service2) };
  if (keys.some((key) => key.startsWith("service.beta.kubernetes.io/aws-")) || cloud?.value === "aws") return { kind: "aws-elb", label: "AWS Classic ELB", timer: classicElbTimer(service2) };
  if (cloud?.value === "gcp") return { kind: "gcp", label: "GCP passthrough load balancer", timer: void 0 };
  if (cloud?.value === "none") return { kind: "unknown", label: "load balancer outside any cloud (its idle timer is not known)", timer: void 0 };
  return { kind: "unknown", label: "cloud load balancer (set assume.cloud)", timer: void 0 };
}
function nlbTimer(service2) {
  const ports = service2.ports.filter((port) => port.protocol === "TCP" && port.port !== void 0);
  let shortest;
  for (const port of ports.length > 0 ? ports : [void 0]) {
    const annotation = port === void 0 ? void 0 : service2.annotations.get(`${LB_ANNOTATIONS.awsListenerAttributes}TCP-${port.port}`);
    const seconds = annotation === void 0 ? void 0 : nlbIdleSeconds(annotation);
    const timer = annotation !== void 0 && seconds !== void 0 ? { name: `AWS NLB listener TCP-${port.port}`, kind: "load-balancer", seconds, source: annotationSource(fileOfValue(service2, annotation), annotation, `${LB_ANNOTATIONS.awsListenerAttributes}TCP-${port.port}`), refreshedByKeepalive: true } : defaultTimer(port === void 0 ? "AWS NLB" : `AWS NLB listener TCP-${port.port}`, "load-balancer", IDLE_DEFAULTS.awsNlb, "the NLB's default for TCP listeners", true);
    if (shortest === void 0 || timer.seconds < shortest.seconds) shortest = timer;
  }
  return shortest;
}
function nlbIdleSeconds(annotation) {
  const seconds = wholeNumber(parseAttributes(annotation.value).get(NLB_IDLE_ATTRIBUTE));
  const [min, max] = IDLE_DEFAULTS.awsNlbRange;
  return seconds !== void 0 && seconds >= min && seconds <= max ? seconds : void 0;
}
function classicElbTimer(service2) {
  const annotation = service2.annotations.get(LB_ANNOTATIONS.awsElbIdleTimeout);
  const seconds = wholeNumber(annotation?.value);
  if (annotation !== void 0 && seconds !== void 0 && seconds > 0) {
    return { name: "AWS Classic ELB", kind: "load-balancer", seconds, source: annotationSource(fileOfValue(service2, annotation), annotation, LB_ANNOTATIONS.awsElbIdleTimeout), refreshedByKeepalive: false };
  }
  return defaultTimer("AWS Classic ELB", "load-balancer", IDLE_DEFAULTS.awsClassicElb, "the Classic ELB's default", false);
}
function azureTimer(service2) {
  const annotation = service2.annotations.get(LB_ANNOTATIONS.azureIdleTimeout);
  const minutes = wholeNumber(annotation?.value);
  const [min, max] = IDLE_DEFAULTS.azureLbMinutesRange;
  if (annotation !== void 0 && minutes !== void 0 && minutes >= min && minutes <= max) {
    return { name: "Azure Load Balancer", kind: "load-balancer", seconds: minutes * 60, source: annotationSource(fileOfValue(service2, annotation), annotation, LB_ANNOTATIONS.azureIdleTimeout), refreshedByKeepalive: true };
  }
  return defaultTimer("Azure Load Balancer", "load-balancer", IDLE_DEFAULTS.azureLbMinutes * 60, "Azure Load Balancer's default, 4 minutes", true);
}
function isAlbIngress(ingress2) {
  return ingress2.ingressClassName === "alb" || ingress2.annotations.get("kubernetes.io/ingress.class")?.value === "alb" || [...ingress2.annotations.keys()].some((key) => key.startsWith("alb.ingress.kubernetes.io/"));
}
function ingressLoadBalancer(ingress2) {
  if (!isAlbIngress(ingress2)) return void 0;
  const annotation = ingress2.annotations.get(LB_ANNOTATIONS.albAttributes);
  const seconds = wholeNumber(annotation === void 0 ? void 0 : parseAttributes(annotation.value).get(ALB_IDLE_ATTRIBUTE));
  const timer = annotation !== void 0 && seconds !== void 0 && seconds > 0 ? { name: "AWS ALB", kind: "load-balancer", seconds, source: annotationSource(ingress2.file, annotation, LB_ANNOTATIONS.albAttributes), refreshedByKeepalive: false } : defaultTimer("AWS ALB", "load-balancer", IDLE_DEFAULTS.awsAlb, "the ALB's default", false);
  return { kind: "aws-alb", label: `AWS ALB (Ingress "${ingress2.name ?? "(unnamed)"}")`, timer };
}
function annotationSource(file, annotation, key) {
  return { kind: "file", file, span: annotation.valueSpan, setting: key };
}
function effectiveCloud(model) {
  const assumed = model.assumptions.cloud;
  if (assumed !== void 0) return { value: assumed, source: { kind: "assumption", setting: "assume.cloud" } };
  const carriers = model.workspaceValue("cloudCarriers", cloudCarriers, sameCarriers);
  const scope = scopePathOf(model);
  if (scope === void 0) return carriers.list[0]?.cloud;
  const group = carriers.byCluster.get(carriers.clustered ? model.clusterOf(scope) : void 0);
  return (carriers.several ? group?.index.nearest(scope)[0] : group?.first)?.cloud;
}
function cloudCarriers(model) {
  const carriers = [];
  const seen = /* @__PURE__ */ new Set();
  for (const object of [...model.services, ...model.pathObjects("Ingress")]) {
    for (const [key, annotation] of object.annotations) {
      const cloud = cloudOfAnnotation(key);
      const place = `${cloud}\0${object.file}`;
      if (cloud === void 0 || seen.has(place)) continue;
      seen.add(place);
      const source = { kind: "file", file: fileOfValue(object, annotation), span: annotation.keySpan, setting: key };
      carriers.push({ file: object.file, cluster: model.clusterOf(object.file), cloud: { value: cloud, source } });
    }
  }
  const clustered = (model.assumptions.clusters?.length ?? 0) > 0;
  const groups = /* @__PURE__ */ new Map();
  for (const carrier of carriers) pushTo(groups, clustered ? carrier.cluster : void 0, carrier);
  const byCluster = new Map([...groups].map(([cluster, group]) => [cluster, { first: group[0], index: new NearestIndex(group) }]));
  return { list: carriers, several: new Set(carriers.map((carrier) => carrier.cloud.value)).size > 1, clustered, byCluster };
}
function sameCarriers(a2, b2) {
  return a2.clustered === b2.clustered && a2.list.length === b2.list.length && a2.list.every((carrier, i2) => sameCarrier(carrier, b2.list[i2]));
}
function sameCarrier(a2, b2) {
  const [x2, y2] = [a2.cloud.source, b2.cloud.source];
  return a2.file === b2.file && a2.cluster === b2.cluster && a2.cloud.value === b2.cloud.value && x2.kind === "file" && y2.kind === "file" && x2.file === y2.file && x2.setting === y2.setting && x2.span.start === y2.span.start && x2.span.end === y2.span.end;
}
function cloudOfAnnotation(key) {
  if (key.startsWith("service.beta.kubernetes.io/aws-") || key.startsWith("alb.ingress.kubernetes.io/")) return "aws";
  if (key.startsWith("service.beta.kubernetes.io/azure-")) return "azure";
  if (key.startsWith("cloud.google.com/") || key.startsWith("networking.gke.io/")) return "gcp";
  return void 0;
}

// server/src/core/model/path.ts
var import_picomatch = __toESM(require_picomatch2());

// server/src/core/model/sidecars.ts
function destinationRuleFor(model, service2) {
  const fqdn = `${service2.name ?? ""}.${service2.namespace}.svc.cluster.local`;
  const rules = model.pathObjects("DestinationRule");
  return rules.find((rule) => rule.host !== void 0 && hostNames(rule.host, rule.namespace, fqdn)) ?? void 0;
}
function hostNames(host, ruleNamespace, fqdn) {
  const [name, namespace2] = fqdn.split(".");
  if (host === fqdn || host === `${name}.${namespace2}` || host === `${name}.${namespace2}.svc`) return true;
  if (!host.includes(".")) return host === name && ruleNamespace === namespace2;
  if (host === "*") return true;
  return host.startsWith("*.") && fqdn.endsWith(host.slice(1));
}
function istioSidecarTimer(model, service2) {
  const rule = destinationRuleFor(model, service2);
  if (rule?.idleTimeout !== void 0 && rule.idleTimeout.value > 0) {
    return { name: "Istio sidecar", kind: "sidecar", seconds: rule.idleTimeout.value, source: { kind: "file", file: rule.file, span: rule.idleTimeout.span, setting: `idleTimeout of ${objectLabel(rule)}` }, refreshedByKeepalive: false };
  }
  const mesh = model.pathObjects("MeshConfig").find((config) => config.idleTimeout !== void 0 && config.idleTimeout.value > 0);
  if (mesh?.idleTimeout !== void 0) {
    return { name: "Istio sidecar", kind: "sidecar", seconds: mesh.idleTimeout.value, source: { kind: "file", file: mesh.file, span: mesh.idleTimeout.span, setting: "ISTIO_META_IDLE_TIMEOUT" }, refreshedByKeepalive: false };
  }
  return defaultTimer("Istio sidecar", "sidecar", IDLE_DEFAULTS.istioSidecar, "Envoy's default idle timeout in Istio", false);
}
function sidecarKeepalive(model, service2) {
  const rule = destinationRuleFor(model, service2);
  if (rule?.tcpKeepalive !== void 0) return { setting: rule.tcpKeepalive, source: { kind: "file", file: rule.file, span: rule.tcpKeepalive.span, setting: `tcpKeepalive of ${objectLabel(rule)}` } };
  const mesh = model.pathObjects("MeshConfig").find((config) => config.tcpKeepalive !== void 0);
  if (mesh?.tcpKeepalive !== void 0) return { setting: mesh.tcpKeepalive, source: { kind: "file", file: mesh.file, span: mesh.tcpKeepalive.span, setting: "tcpKeepalive of the mesh configuration" } };
  return void 0;
}
function keepaliveField(field, keepalive, name, fallback) {
  if (field === void 0) return fallback;
  return { value: field.value, source: { kind: "file", file: keepalive.source.file, span: field.span, setting: `tcpKeepalive.${name}` } };
}

// server/src/core/model/path.ts
function connectionPaths(model, service2, known = { cloud: effectiveCloud(model) }) {
  const cloud = known.cloud;
  if (!isProxied(service2)) return [];
  const workloads = backendsOf(service2, model).sources.map((source) => source.object).filter(isWorkload);
  const dataPlane2 = effectiveDataPlane(model);
  const entries3 = [{ entry: "in-cluster", front: [] }];
  const balancer = serviceLoadBalancer(service2, cloud);
  if (balancer !== void 0) entries3.push({ entry: "load-balancer", front: [{ kind: "load-balancer", label: balancer.label, timer: balancer.timer }, ...cloudHops(cloud)] });
  for (const ingress2 of model.pathObjects("Ingress")) {
    const alb = ingress2.namespace === service2.namespace && service2.name !== void 0 && ingress2.serviceNames.includes(service2.name) ? ingressLoadBalancer(ingress2) : void 0;
    if (alb !== void 0) entries3.push({ entry: "ingress", front: [{ kind: "load-balancer", label: alb.label, timer: alb.timer }] });
  }
  const assumed = assumedHops(model, service2);
  return (workloads.length > 0 ? workloads : [void 0]).flatMap((workload2) => {
    const context = { dataPlane: dataPlane2, mesh: workload2 === void 0 ? void 0 : meshSidecarOf(workload2, model) };
    return entries3.map(({ entry, front }) => buildPath(model, { service: service2, workload: workload2, entry, context }, [...assumed, ...front]));
  });
}
function firstToFire(path9, accept = () => true) {
  let first;
  for (const hop of path9.hops) if (hop.timer !== void 0 && accept(hop.timer) && (first === void 0 || hop.timer.seconds < first.timer.seconds)) first = hop;
  return first;
}
function buildPath(model, head, front) {
  const mesh = head.context.mesh?.mesh;
  const meshedInCluster = mesh !== void 0 && head.entry === "in-cluster";
  const client = { kind: "client", label: head.entry === "in-cluster" ? "client pod" : "client", timer: void 0 };
  const pod = { kind: "pod", label: head.workload === void 0 ? "pod" : `pods of ${objectLabel(head.workload)}`, timer: void 0 };
  const sidecar = mesh === void 0 ? [] : [sidecarHop(model, head.service, mesh)];
  const hops = meshedInCluster ? [client, ...sidecar, ...front, pod] : [client, ...front, nodeHop(model, head.context), ...sidecar, pod];
  const keepalive = pathKeepalive(model, head, mesh);
  return { ...head, hops, ...keepalive };
}
function sidecarHop(model, service2, mesh) {
  if (mesh === "Linkerd") return { kind: "sidecar", label: "Linkerd proxy", timer: void 0 };
  return { kind: "sidecar", label: "Istio sidecar", timer: istioSidecarTimer(model, service2) };
}
function nodeHop(model, context) {
  switch (context.dataPlane.value.name) {
    case "cilium":
      return { kind: "node", label: "node (Cilium eBPF)", timer: ciliumTimer(model) };
    case "calico-ebpf":
      return { kind: "node", label: "node (Calico eBPF)", timer: calicoTimer(model) };
    default: {
      if (ipvsMode(model) !== void 0) {
        const ipvs = effectiveIpvsTcpTimeout(model);
        return { kind: "node", label: "node (IPVS)", timer: { name: "IPVS", kind: "ipvs", seconds: ipvs.value, source: ipvs.source, refreshedByKeepalive: true } };
      }
      const conntrack = effectiveConntrackTimeout(model);
      return { kind: "node", label: "node (conntrack)", timer: { name: "conntrack", kind: "conntrack", seconds: conntrack.value, source: conntrack.source, refreshedByKeepalive: true } };
    }
  }
}
function ciliumTimer(model) {
  const config = model.dataPlaneConfigurations.find((candidate) => candidate.provider === "cilium" && candidate.conntrackTimeouts.length > 0);
  const timers = ["bpf-ct-timeout-service-tcp", "bpf-ct-timeout-regular-tcp"].map((key) => {
    const timeout2 = config?.conntrackTimeouts.find((candidate) => candidate.key === key && candidate.seconds > 0);
    return config !== void 0 && timeout2 !== void 0 ? { name: "Cilium conntrack", kind: "ebpf-conntrack", seconds: timeout2.seconds, source: { kind: "file", file: config.file, span: timeout2.span, setting: key }, refreshedByKeepalive: true } : defaultTimer("Cilium conntrack", "ebpf-conntrack", IDLE_DEFAULTS.ciliumCt, `Cilium's default ${key}`, true);
  });
  return timers.reduce((shortest, timer) => timer.seconds < shortest.seconds ? timer : shortest);
}
function calicoTimer(model) {
  for (const config of model.dataPlaneConfigurations) {
    const timeout2 = config.provider === "calico" ? config.conntrackTimeouts.find((candidate) => candidate.key === "bpfConntrackTimeouts.tcpEstablished" && candidate.seconds > 0) : void 0;
    if (timeout2 !== void 0) return { name: "Calico eBPF conntrack", kind: "ebpf-conntrack", seconds: timeout2.seconds, source: { kind: "file", file: config.file, span: timeout2.span, setting: timeout2.key }, refreshedByKeepalive: true };
  }
  return defaultTimer("Calico eBPF conntrack", "ebpf-conntrack", IDLE_DEFAULTS.calicoCt, "Calico eBPF's default for established TCP", true);
}
function cloudHops(cloud) {
  if (cloud?.value !== "gcp") return [];
  return [{ kind: "middlebox", label: "GCP VPC firewall", timer: defaultTimer("GCP VPC firewall", "firewall", IDLE_DEFAULTS.gcpFirewall, "GCP firewall connection tracking", true) }];
}
function assumedHops(model, service2) {
  const names = [`${service2.namespace}/${service2.name ?? ""}`, service2.name ?? ""];
  return (model.assumptions.idleTimers ?? []).filter((timer) => timer.paths.length === 0 || names.some((name) => import_picomatch.default.isMatch(name, [...timer.paths]))).map((timer) => ({ kind: "middlebox", label: timer.name, timer: { name: timer.name, kind: "assumed", seconds: timer.seconds, source: { kind: "assumption", setting: `assume.idleTimers "${timer.name}"` }, refreshedByKeepalive: true } }));
}
function pathKeepalive(model, head, mesh) {
  if (mesh !== void 0 && head.entry !== "in-cluster") return { keepalive: void 0, noKeepaliveReason: "the app's keepalive ends at its sidecar, whose inbound connection has none" };
  if (mesh === "Linkerd") return { keepalive: void 0, noKeepaliveReason: "the app's keepalive ends at the Linkerd proxy" };
  if (mesh === "Istio") {
    const setting2 = sidecarKeepalive(model, head.service);
    if (setting2 === void 0) return { keepalive: void 0, noKeepaliveReason: "the app's keepalive ends at the sidecar, which sets none (no tcpKeepalive in a DestinationRule or the mesh)" };
    const defaultTime = { value: DEFAULTS.keepaliveTime, source: { kind: "default", reason: "the kernel's default in the client pod" } };
    const defaultInterval = { value: IDLE_DEFAULTS.keepaliveInterval, source: { kind: "default", reason: "the kernel's default in the client pod" } };
    return {
      keepalive: { sender: "the client sidecar", time: keepaliveField(setting2.setting.time, setting2, "time", defaultTime), interval: keepaliveField(setting2.setting.interval, setting2, "interval", defaultInterval) },
      noKeepaliveReason: void 0
    };
  }
  if (head.workload === void 0) {
    return { keepalive: { sender: "the backends", time: { value: DEFAULTS.keepaliveTime, source: { kind: "default", reason: "the kernel's default" } }, interval: kernelInterval() }, noKeepaliveReason: void 0 };
  }
  return { keepalive: { sender: `the pods of ${objectLabel(head.workload)}`, time: podKeepaliveTime(head.workload, model), interval: podKeepaliveInterval(head.workload, model) }, noKeepaliveReason: void 0 };
}
function podKeepaliveInterval(workload2, model) {
  if (workload2.template?.hostNetwork?.value === true) {
    const node = winningNodeAssignment(model, KEEPALIVE_INTERVAL_KEY, (value2) => value2 > 0);
    return node === void 0 ? kernelInterval() : { value: node.value, source: { kind: "file", file: node.file, span: node.assignment.valueSpan, setting: KEEPALIVE_INTERVAL_KEY } };
  }
  const sysctl = workload2.template?.sysctls.find((entry) => entry.name === KEEPALIVE_INTERVAL_KEY);
  const value = sysctl?.value === void 0 ? void 0 : parseInteger(sysctl.value);
  if (sysctl?.valueSpan !== void 0 && value !== void 0 && value > 0) return { value, source: { kind: "file", file: fileOfValue(workload2, sysctl), span: sysctl.valueSpan, setting: `${KEEPALIVE_INTERVAL_KEY} of ${objectLabel(workload2)}` } };
  return kernelInterval();
}
var KEEPALIVE_INTERVAL_KEY = "net.ipv4.tcp_keepalive_intvl";
function kernelInterval() {
  return { value: IDLE_DEFAULTS.keepaliveInterval, source: { kind: "default", reason: "the kernel's default" } };
}

// server/src/core/rules/keepalivePath.ts
var keepalivePath = {
  id: "keepalive-path",
  defaultSeverity: "warning",
  description: "TCP keepalive (time plus one probe interval) not below the shortest idle timer on a connection path: load balancer, eBPF conntrack, sidecar upstream, middlebox.",
  scope: "file",
  check(model, report) {
    const seen = /* @__PURE__ */ new Set();
    const known = { cloud: effectiveCloud(model) };
    for (const service2 of model.services) {
      for (const path9 of connectionPaths(model, service2, known)) {
        const timer = firstToFire(path9, (candidate) => candidate.refreshedByKeepalive)?.timer;
        if (timer === void 0 || timer.kind === "conntrack" || timer.kind === "ipvs" || keepaliveFits(path9.keepalive, timer)) continue;
        if (path9.workload === void 0) continue;
        const key = `${service2.file}:${service2.span.start}:${path9.workload?.nameSpan.start ?? ""}:${timer.name}:${timer.seconds}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report(pathFinding(model, path9, timer));
      }
    }
  }
};
function keepaliveFits(keepalive, timer) {
  return keepalive !== void 0 && keepalive.time.value >= 0 && keepalive.time.value + keepalive.interval.value < timer.seconds;
}
function pathFinding(model, path9, timer) {
  const { service: service2, keepalive } = path9;
  const fact = `${timer.name} drops connections idle ${timer.seconds} s`;
  const timerSource = ` (${model.describe(timer.source)})`;
  const keepaliveText = (withSource) => {
    if (keepalive === void 0) return `; no keepalive reaches it: ${path9.noKeepaliveReason ?? ""}`;
    const source = withSource ? ` (${model.describe(keepalive.time.source)})` : "";
    return `; keepalive of ${keepalive.sender} starts at ${keepalive.time.value} s${source}, +${keepalive.interval.value} s retry`;
  };
  const message2 = fittingMessage([fact + timerSource + keepaliveText(true), fact + timerSource + keepaliveText(false), fact + keepaliveText(false)]);
  return {
    file: service2.file,
    span: service2.nameSpan,
    subject: service2,
    message: message2,
    related: relatedOf(path9, timer),
    fixes: () => fixesOf(model, path9, timer)
  };
}
function relatedOf(path9, timer) {
  const keepalive = path9.keepalive;
  const related2 = relatedSource(timer.source, `${timer.name}: idle timeout ${timer.seconds} s`);
  if (keepalive !== void 0 && keepalive.time.source.kind === "file") related2.push(...relatedSource(keepalive.time.source, `Keepalive time of ${keepalive.sender}: ${keepalive.time.value} s`));
  else if (path9.workload !== void 0) {
    const what = keepalive === void 0 ? path9.noKeepaliveReason ?? "" : `${objectLabel(path9.workload)} sets no ${KEEPALIVE_TIME_KEY}: ${keepalive.time.value} s applies`;
    related2.push({ file: path9.workload.file, span: path9.workload.nameSpan, message: what });
  }
  return related2;
}
function fixesOf(model, path9, timer) {
  const fixes = [];
  const interval = path9.keepalive?.interval.value ?? IDLE_DEFAULTS.keepaliveInterval;
  const time = Math.min(recommendedKeepalive(timer.seconds), timer.seconds - interval - 1);
  const meshed = path9.context.mesh?.mesh;
  if (meshed === void 0 && path9.workload !== void 0 && path9.workload.template?.hostNetwork?.value !== true && time >= 1) {
    const fix = podKeepaliveFix(model, path9, time);
    if (fix !== void 0) fixes.push(fix);
  }
  if (meshed === "Istio" && path9.entry === "in-cluster") {
    const fix = destinationRuleFix(model, path9.service, timer);
    if (fix !== void 0) fixes.push(fix);
  }
  const raise = raiseTimerFix(model, path9, timer);
  if (raise !== void 0) fixes.push({ ...raise, preferred: fixes.length === 0 });
  return fixes;
}
function podKeepaliveFix(model, path9, time) {
  const workload2 = path9.workload;
  const written = workload2.template?.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY && entry.valueSpan !== void 0);
  if (written?.valueSpan !== void 0) {
    return { title: `Set ${KEEPALIVE_TIME_KEY} to ${time} in ${objectLabel(workload2)}`, edits: [{ file: fileOfValue(workload2, written), span: written.valueSpan, newText: JSON.stringify(String(time)) }], preferred: true };
  }
  return addPodKeepalive(model, workload2, time);
}
function destinationRuleFix(model, service2, timer) {
  const interval = Math.min(IDLE_DEFAULTS.keepaliveInterval, Math.max(1, Math.floor(timer.seconds / 4)));
  const time = Math.min(recommendedKeepalive(timer.seconds), timer.seconds - interval - 1);
  if (time < 1) return void 0;
  const rule = destinationRuleFor(model, service2);
  const file = model.file(rule?.file ?? service2.file);
  if (file === void 0) return void 0;
  const edit = rule === void 0 ? addDestinationRule(file, service2, time, interval) : setDestinationRuleKeepalive(file, rule, time, interval);
  return edit && { title: destinationRuleKeepaliveTitle(rule, service2, time), edits: [edit], preferred: true };
}
function raiseTimerFix(model, path9, timer) {
  const keepalive = path9.keepalive;
  const file = model.file(path9.service.file);
  if (keepalive === void 0 || file === void 0 || timer.kind !== "load-balancer") return void 0;
  const needed = keepalive.time.value + 2 * keepalive.interval.value;
  const port = /^AWS NLB listener TCP-(\d+)$/.exec(timer.name)?.[1];
  if (port !== void 0 && needed <= IDLE_DEFAULTS.awsNlbRange[1]) {
    const key = `${LB_ANNOTATIONS.awsListenerAttributes}TCP-${port}`;
    const existing = path9.service.annotations.get(key);
    const attributes = parseAttributes(existing?.value ?? "");
    attributes.set(NLB_IDLE_ATTRIBUTE, String(Math.max(needed, IDLE_DEFAULTS.awsNlbRange[0])));
    const value = [...attributes].map(([name, setting2]) => `${name}=${setting2}`).join(",");
    const edit = setAnnotation(annotationFile(model, path9.service, existing) ?? file, path9.service, key, value, existing);
    return edit && { title: `Set ${NLB_IDLE_ATTRIBUTE}=${attributes.get(NLB_IDLE_ATTRIBUTE)} on listener TCP-${port}`, edits: [edit] };
  }
  const minutes = Math.max(IDLE_DEFAULTS.azureLbMinutesRange[0], Math.ceil(needed / 60));
  if (timer.name === "Azure Load Balancer" && minutes <= IDLE_DEFAULTS.azureLbMinutesRange[1]) {
    const key = LB_ANNOTATIONS.azureIdleTimeout;
    const existing = path9.service.annotations.get(key);
    const edit = setAnnotation(annotationFile(model, path9.service, existing) ?? file, path9.service, key, String(minutes), existing);
    return edit && { title: `Set ${key} to ${minutes} (minutes)`, edits: [edit] };
  }
  return void 0;
}
function annotationFile(model, service2, existing) {
  return existing === void 0 ? void 0 : model.file(fileOfValue(service2, existing));
}

// server/src/core/rules/lbIdleTimeout.ts
var [NLB_MIN, NLB_MAX] = IDLE_DEFAULTS.awsNlbRange;
var [AZURE_MIN, AZURE_MAX] = IDLE_DEFAULTS.azureLbMinutesRange;
var lbIdleTimeout = {
  id: "lb-idle-timeout",
  defaultSeverity: "warning",
  description: "Load-balancer idle-timeout annotations that do nothing (wrong load balancer, unread key, missing port) or are rejected (not a number, out of range).",
  scope: "file",
  check(model, report) {
    for (const file of model.files) {
      for (const object of model.objectsFrom(file.path)) {
        if (object.kind === "Service") serviceFindings(model, object).forEach(report);
        else if (object.kind === "Ingress") ingressFindings(file, object).forEach(report);
      }
    }
  }
};
function serviceFindings(model, service2) {
  const findings = [];
  const fileOf = (annotation) => model.file(fileOfValue(service2, annotation));
  const nlb = isAwsNlb(service2);
  const tcpPorts = service2.ports.flatMap((port) => port.protocol === "TCP" && port.port !== void 0 ? [port.port] : []);
  const elb = service2.annotations.get(LB_ANNOTATIONS.awsElbIdleTimeout);
  if (elb !== void 0 && nlb) {
    const seconds = clamp(wholeNumber(elb.value) ?? IDLE_DEFAULTS.awsNlb, NLB_MIN, NLB_MAX);
    const key = renameTarget(service2, tcpPorts);
    const taken = [...service2.annotations.keys()].some((other) => other.startsWith(`${LB_ANNOTATIONS.awsListenerAttributes}TCP-`));
    findings.push(annotationFinding(
      service2,
      elb,
      `${LB_ANNOTATIONS.awsElbIdleTimeout} does nothing on an NLB: its listeners keep ${IDLE_DEFAULTS.awsNlb} s unless a listener attribute sets ${NLB_IDLE_ATTRIBUTE}`,
      "warning",
      () => key === void 0 || taken || isPatched(service2, elb) ? [] : [renameFix(fileOf(elb), elb, key, `${NLB_IDLE_ATTRIBUTE}=${seconds}`)]
    ));
  } else if (elb !== void 0 && wholeNumber(elb.value) === void 0) {
    findings.push(annotationFinding(service2, elb, `${LB_ANNOTATIONS.awsElbIdleTimeout} is ${JSON.stringify(elb.value)}, not a whole number of seconds`, "error"));
  }
  for (const [key, annotation] of service2.annotations) {
    if (key.startsWith(LB_ANNOTATIONS.awsListenerAttributes)) findings.push(...listenerFindings(fileOf(annotation), service2, key, annotation, nlb, tcpPorts));
  }
  const azure = service2.annotations.get(LB_ANNOTATIONS.azureIdleTimeout);
  const minutes = wholeNumber(azure?.value);
  if (azure !== void 0 && (minutes === void 0 || minutes < AZURE_MIN || minutes > AZURE_MAX)) {
    const what = minutes === void 0 ? `${JSON.stringify(azure.value)}, not a whole number of minutes` : `${minutes} minutes, outside ${AZURE_MIN}..${AZURE_MAX}`;
    findings.push(annotationFinding(
      service2,
      azure,
      `${LB_ANNOTATIONS.azureIdleTimeout} is ${what}: the Azure cloud provider rejects it`,
      "error",
      () => minutes === void 0 ? [] : [valueFix(fileOf(azure), service2, LB_ANNOTATIONS.azureIdleTimeout, azure, String(clamp(minutes, AZURE_MIN, AZURE_MAX)))]
    ));
  }
  return findings;
}
function listenerFindings(file, service2, key, annotation, nlb, tcpPorts) {
  const listener = key.slice(LB_ANNOTATIONS.awsListenerAttributes.length);
  if (!nlb) return [annotationFinding(service2, annotation, `${key} does nothing: only the AWS Load Balancer Controller reads it, for an NLB (aws-load-balancer-type: external or nlb)`, "warning")];
  const port = /^TCP-(\d+)$/.exec(listener)?.[1];
  if (port !== void 0 && !tcpPorts.includes(Number(port))) {
    const misplaced = [...service2.annotations.keys()].filter((other) => /^TCP-(\d+)$/.test(other.slice(LB_ANNOTATIONS.awsListenerAttributes.length)) && !tcpPorts.includes(Number(other.slice(other.lastIndexOf("-") + 1))));
    const target = misplaced[0] === key && !isPatched(service2, annotation) ? renameTarget(service2, tcpPorts) : void 0;
    return [annotationFinding(
      service2,
      annotation,
      `Listener attribute for TCP-${port} does nothing: ${objectLabel(service2)} has no TCP port ${port}`,
      "warning",
      () => target === void 0 ? [] : [renameFix(file, annotation, target, withIdleInRange(annotation.value))]
    )];
  }
  const written = parseAttributes(annotation.value).get(NLB_IDLE_ATTRIBUTE);
  const seconds = wholeNumber(written);
  if (written === void 0 || seconds !== void 0 && seconds >= NLB_MIN && seconds <= NLB_MAX) return [];
  const what = seconds === void 0 ? `${JSON.stringify(written)}, not a whole number` : `${seconds}, outside ${NLB_MIN}..${NLB_MAX}`;
  return [annotationFinding(
    service2,
    annotation,
    `${NLB_IDLE_ATTRIBUTE} is ${what}: AWS rejects the listener attribute and the controller fails to reconcile`,
    "error",
    () => seconds === void 0 ? [] : [valueFix(file, service2, key, annotation, withIdleInRange(annotation.value))]
  )];
}
function renameTarget(service2, tcpPorts) {
  const key = tcpPorts.length === 1 ? `${LB_ANNOTATIONS.awsListenerAttributes}TCP-${tcpPorts[0]}` : void 0;
  return key === void 0 || service2.annotations.has(key) ? void 0 : key;
}
function withIdleInRange(value) {
  const attributes = parseAttributes(value);
  const seconds = wholeNumber(attributes.get(NLB_IDLE_ATTRIBUTE));
  if (seconds === void 0) return value;
  attributes.set(NLB_IDLE_ATTRIBUTE, String(clamp(seconds, NLB_MIN, NLB_MAX)));
  return [...attributes].map(([name, setting2]) => `${name}=${setting2}`).join(",");
}
function ingressFindings(file, ingress2) {
  const findings = [];
  const unread = ingress2.annotations.get(LB_ANNOTATIONS.albUnread);
  const attributes = ingress2.annotations.get(LB_ANNOTATIONS.albAttributes);
  if (unread !== void 0) {
    const seconds = wholeNumber(unread.value);
    findings.push(annotationFinding(
      ingress2,
      unread,
      `${LB_ANNOTATIONS.albUnread} does nothing: the controller reads the ALB idle timeout from load-balancer-attributes ${ALB_IDLE_ATTRIBUTE}`,
      "warning",
      () => seconds === void 0 || attributes !== void 0 ? [] : [renameFix(file, unread, LB_ANNOTATIONS.albAttributes, `${ALB_IDLE_ATTRIBUTE}=${seconds}`)]
    ));
  }
  const written = attributes === void 0 ? void 0 : parseAttributes(attributes.value).get(ALB_IDLE_ATTRIBUTE);
  if (attributes !== void 0 && written !== void 0 && wholeNumber(written) === void 0) {
    findings.push(annotationFinding(ingress2, attributes, `${ALB_IDLE_ATTRIBUTE} is ${JSON.stringify(written)}, not a whole number of seconds: the controller fails to reconcile`, "error"));
  }
  return findings;
}
function annotationFinding(object, annotation, message2, severity, fixes) {
  return { file: fileOfValue(object, annotation), span: annotation.keySpan, subject: object, message: message2, severity, ...fixes === void 0 ? {} : { fixes } };
}
function renameFix(file, annotation, key, value) {
  const edits = [
    { file: file.path, span: annotation.keySpan, newText: key },
    { file: file.path, span: annotation.valueSpan, newText: JSON.stringify(value) }
  ];
  return { title: `Replace with ${key}: ${value}`, edits, preferred: false };
}
function valueFix(file, object, key, annotation, value) {
  return { title: `Set ${key} to ${value}`, edits: [setAnnotation(file, object, key, value, annotation)], preferred: false };
}
function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}

// server/src/core/rules/serviceAffinity.ts
var ID2 = "service-affinity";
var serviceAffinity = {
  id: ID2,
  defaultSeverity: "warning",
  description: "A Service with several backends and no keepalive below the conntrack timeout; an idle TCP connection can be re-balanced to another pod and reset.",
  scope: "file",
  check(model, report) {
    for (const service2 of model.services) {
      if (service2.sessionAffinity?.value === "ClientIP") continue;
      const exposure = serviceExposure(service2, model);
      if (!exposure.exposed) continue;
      const file = model.file(service2.file);
      report({
        file: service2.file,
        span: service2.nameSpan,
        subject: service2,
        message: message(service2, exposure),
        related: related(model, service2, exposure),
        fixes: () => fixesOf2(model, file, service2)
      });
    }
  }
};
function fixesOf2(model, file, service2) {
  const exposure = serviceExposure(service2, model);
  if (!exposure.exposed) return [];
  return [keepaliveFix(model, exposure), addClientIpAffinity(file, service2), ignoreForService(file, service2, ID2)].filter((fix) => fix !== void 0);
}
function message(service2, { backends, conntrack, internalLocal }) {
  const name = `Service "${service2.name ?? "(unnamed)"}"`;
  const count = formatCount(backends.count, backends.upTo);
  const tail = internalLocal ? `and internalTrafficPolicy: Local: a connection idle over the ${conntrack.value} s conntrack timeout can be reset by another pod on the client's node.` : `and no ClientIP affinity: a connection idle over the ${conntrack.value} s conntrack timeout can be re-balanced to another pod and reset.`;
  const short = internalLocal ? `${name} has ${count}, internalTrafficPolicy: Local: a connection idle over ${conntrack.value} s can be reset by another pod on its node.` : `${name} has ${count}: a connection idle over ${conntrack.value} s can be re-balanced to another pod and reset.`;
  return fittingMessage([...origins(backends.sources).map((origin) => `${name} has ${count} (${origin}) ${tail}`), `${name} has ${count} ${tail}`, short]);
}
function origins(sources) {
  const first = sources[0];
  const more = sources.length > 1 ? ` and ${sources.length - 1} more` : "";
  const label = `${objectLabel(first.object)}${more}`;
  return sources.length === 1 && first.reason.length <= 80 ? [first.reason, label] : [label];
}
function related(model, service2, exposure) {
  const name = `Service "${service2.name ?? "(unnamed)"}"`;
  const backends = exposure.backends.sources.map((source) => ({ file: source.file, span: source.span, message: `Backend of ${name}: ${source.reason}` }));
  const keepalive = exposure.unprotected.flatMap(
    ({ keepalive: keepalive2 }) => keepalive2?.source.kind === "file" ? [{ file: keepalive2.source.file, span: keepalive2.source.span, message: `${keepalive2.source.setting}: ${keepalive2.value} s, not below ${exposure.conntrack.value} s` }] : []
  );
  return [
    ...backends,
    ...keepalive,
    // Where the workspace holds several kube-proxy configurations, the source's description says which one applies and why.
    ...relatedSource(exposure.conntrack.source, `The conntrack established timeout: ${exposure.conntrack.value} s, ${model.describe(exposure.conntrack.source)}`),
    ...externalPath(service2)
  ];
}
function externalPath(service2) {
  if (service2.type !== "NodePort" && service2.type !== "LoadBalancer" || service2.typeSpan === void 0) return [];
  const policy = service2.externalTrafficPolicy;
  const span = policy?.span ?? service2.typeSpan;
  const file = policy === void 0 ? service2.file : fileOfValue(service2, policy);
  if (policy?.value === "Local") {
    return [{ file, span, message: "externalTrafficPolicy: Local: external connections are not masqueraded and reach only pods on the node they arrive at" }];
  }
  return [{ file, span, message: "externalTrafficPolicy: Cluster (the default): external connections are masqueraded, so after conntrack expiry they are reset even by one backend, and ClientIP affinity cannot help" }];
}
function keepaliveFix(model, exposure) {
  const seconds = recommendedKeepalive(exposure.conntrack.value);
  const fixes = [];
  for (const { source, keepalive } of exposure.unprotected) {
    const fix = source.workload && keepalive && backendKeepaliveFix(model, source.workload, keepalive, seconds);
    if (!fix) return void 0;
    fixes.push(fix);
  }
  if (fixes.length <= 1) return fixes[0];
  const workloads = exposure.unprotected.flatMap(({ source }) => source.workload ? [objectLabel(source.workload)] : []);
  return {
    title: `Set net.ipv4.tcp_keepalive_time to ${seconds} in the pods of ${workloads.join(", ")}`,
    edits: fixes.flatMap((fix) => fix.edits),
    preferred: fixes.every((fix) => fix.preferred === true)
  };
}
var CLIENT_IP_TITLE = "Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)";
function addClientIpAffinity(file, service2) {
  const root = objectMap(file, service2);
  if (root === void 0) return void 0;
  const timeout2 = { key: "timeoutSeconds", value: String(MAX_AFFINITY_TIMEOUT) };
  const spec = childMap(root, "spec");
  const edits = [];
  const specEntries = [];
  if (service2.sessionAffinity !== void 0) edits.push(replaceSpan(file.path, service2.sessionAffinity.span, "ClientIP"));
  else specEntries.push({ key: "sessionAffinity", value: "ClientIP" });
  const config = spec && childMap(spec, "sessionAffinityConfig");
  const clientIp = config && childMap(config, "clientIP");
  if (service2.affinityTimeoutSeconds !== void 0) {
    if (service2.affinityTimeoutSeconds.value !== MAX_AFFINITY_TIMEOUT) edits.push(replaceSpan(file.path, service2.affinityTimeoutSeconds.span, String(MAX_AFFINITY_TIMEOUT)));
  } else if (clientIp !== void 0) pushEdit(edits, addToMap(file.text, clientIp, [timeout2], file.path));
  else if (config !== void 0) pushEdit(edits, addToMap(file.text, config, [{ key: "clientIP", value: [timeout2] }], file.path));
  else specEntries.push({ key: "sessionAffinityConfig", value: [{ key: "clientIP", value: [timeout2] }] });
  if (specEntries.length > 0) pushEdit(edits, spec ? addToMap(file.text, spec, specEntries, file.path) : addToMap(file.text, root, [{ key: "spec", value: specEntries }], file.path));
  return edits.length === 0 ? void 0 : { title: CLIENT_IP_TITLE, edits, preferred: false };
}
function pushEdit(edits, edit) {
  if (edit !== void 0) edits.push(edit);
}

// server/src/core/rules/syntax.ts
var YAML_PARSE_CATEGORY = "yaml-parse";
var yamlSyntax = {
  id: "yaml-syntax",
  defaultSeverity: "error",
  description: "A Kubernetes manifest (or embedded kube-proxy configuration) that is not valid YAML.",
  scope: "file",
  check(model, report) {
    for (const file of model.files) {
      for (const problem of file.syntaxProblems) {
        report({ file: file.path, span: offendingToken(file.text, problem.span), message: problem.message, ...problem.embedded ? {} : { category: YAML_PARSE_CATEGORY } });
      }
    }
  }
};
function offendingToken(text, span) {
  if (span.end - span.start > 1) return span;
  let start = span.start;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (text[start] === " " && /^ *$/.test(text.slice(lineStart, start))) while (text[start] === " ") start++;
  const token = /^[^\s:,[\]{}#]+/.exec(text.slice(start));
  return token === null ? span : { start, end: start + token[0].length };
}
var sysctlSyntax = {
  id: "sysctl-syntax",
  defaultSeverity: "error",
  description: "A sysctl line that is not an assignment, or whose value is empty or quoted.",
  scope: "file",
  check(model, report) {
    for (const file of model.files) {
      for (const problem of file.sysctl?.problems ?? []) report({ file: file.path, span: problem.span, message: problem.message });
    }
  }
};

// server/src/core/sysctl/values.ts
var POSITIVE_KEYS = /* @__PURE__ */ new Set([KEEPALIVE_TIME_KEY, "net.ipv4.tcp_keepalive_intvl"]);
var RANGE_SINCE = { "net.ipv4.tcp_keepalive_probes": "Linux 5.13" };
function kernelInteger(text) {
  const match = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(text);
  if (match === null) return void 0;
  const digits = match[2];
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith("0") ? parseInt(digits, 8) : Number(digits);
  return match[1] === "-" ? -magnitude : magnitude;
}
var FIELDS = { pair: 2, triple: 3 };
function integerFields(key) {
  const info = SYSCTL_CATALOG.get(key);
  if (info === void 0) return void 0;
  return takesSingleInteger(info) ? 1 : FIELDS[info.unit];
}
function admits(range, value) {
  const bounds = rangeBounds(range);
  return bounds === void 0 || (bounds.min === void 0 || value >= bounds.min) && (bounds.max === void 0 || value <= bounds.max);
}
function kernelReading(key, value) {
  const first = kernelInteger(value.trim().split(/\s+/)[0] ?? "");
  const range = SYSCTL_CATALOG.get(key)?.range;
  if (first === void 0 || range !== void 0 && !admits(range, first)) return void 0;
  return first;
}
function kernelAccepts(key, value) {
  const fields = integerFields(key);
  if (fields === void 0) return true;
  if (fields > 1) return value.trim().split(/\s+/).every((field) => kernelInteger(field) !== void 0);
  return kernelReading(key, value) !== void 0;
}
function valueProblem(key, value) {
  const fields = integerFields(key);
  if (fields === void 0) return void 0;
  const comment = /[#;]/.exec(value);
  if (comment !== null) {
    return { kind: "comment", kept: value.slice(0, comment.index).trim(), comment: value.slice(comment.index), accepted: kernelAccepts(key, value) };
  }
  const parts = value.trim().split(/\s+/);
  if (fields > 1) return parts.every((field) => kernelInteger(field) !== void 0) ? void 0 : { kind: "not-integer" };
  const first = kernelInteger(parts[0] ?? "");
  if (first === void 0) return { kind: "not-integer" };
  const range = SYSCTL_CATALOG.get(key)?.range;
  if (range !== void 0 && !admits(range, first)) return { kind: "range", value: first, range, since: RANGE_SINCE[key] };
  if (parts.length > 1) return { kind: "extra-fields", first, rest: parts.slice(1).join(" ") };
  if (POSITIVE_KEYS.has(key) && first <= 0) return { kind: "not-positive", value: first };
  return void 0;
}

// server/src/core/rules/sysctlDuplicate.ts
var sysctlDuplicate = {
  id: "sysctl-duplicate",
  defaultSeverity: "info",
  description: "A node sysctl assignment that a later assignment of the same key overrides; it has no effect.",
  scope: "workspace",
  check(model, report) {
    const keys = new Set(model.sysctlFiles.flatMap((file) => (file.sysctl?.assignments ?? []).map((assignment) => assignment.key)));
    for (const key of keys) {
      for (const assignments of byNodeRoot(model.nodeSysctlAssignments(key))) {
        const accepted = (entry) => kernelAccepts(key, entry.assignment.value);
        const winner = findLastIndex(assignments, accepted);
        const atBoot = bootOrder(assignments);
        const bootWinner = atBoot[findLastIndex(atBoot, accepted)];
        for (let i2 = 0; i2 < winner; i2++) {
          const overridden = assignments[i2];
          if (!accepted(overridden) || sameValue(overridden, assignments[winner]) || overridden === bootWinner) continue;
          report(duplicateFinding(model, key, overridden, assignments[winner]));
        }
        if (bootWinner !== void 0 && winner !== -1 && !sameValue(bootWinner, assignments[winner])) report(appliersDisagree(key, bootWinner, assignments[winner]));
      }
    }
  }
};
function appliersDisagree(key, atBoot, bySystem) {
  const line = (entry) => `${baseName(entry.file)}:${entry.assignment.line + 1}`;
  return {
    file: atBoot.file,
    span: atBoot.assignment.lineSpan,
    message: `${key} = ${atBoot.assignment.value} applies at boot, but sysctl --system ends with ${bySystem.assignment.value} from ${line(bySystem)}, as it applies sysctl.conf last.`,
    related: [{ file: bySystem.file, span: bySystem.assignment.valueSpan, message: `sysctl --system applies this last: ${key} = ${bySystem.assignment.value}` }]
  };
}
function duplicateFinding(model, key, overridden, winner) {
  const where = model.describe({ kind: "file", file: winner.file, span: winner.assignment.valueSpan, setting: `${key} = ${winner.assignment.value}` });
  const file = model.file(overridden.file);
  return {
    file: overridden.file,
    span: overridden.assignment.lineSpan,
    message: `${key} = ${overridden.assignment.value} has no effect: ${where} is applied later and wins`,
    related: [{ file: winner.file, span: winner.assignment.valueSpan, message: `The assignment of ${key} that wins: ${winner.assignment.value}` }],
    fixes: () => [removeLine(file, overridden)]
  };
}
function removeLine(file, entry) {
  const lines = file.lineIndex;
  const line = entry.assignment.line;
  const last = line + 1 >= lines.lineCount;
  const span = last ? { start: line === 0 ? 0 : lines.lineEnd(line - 1), end: file.text.length } : { start: lines.lineStart(line), end: lines.lineStart(line + 1) };
  return { title: "Remove this assignment", edits: [{ file: file.path, span, newText: "" }], preferred: true };
}
function byNodeRoot(assignments) {
  const groups = /* @__PURE__ */ new Map();
  for (const entry of assignments) pushTo(groups, nodeRootOf(entry.file), entry);
  return [...groups.values()];
}
function sameValue(a2, b2) {
  return a2.assignment.value.split(/\s+/).join(" ") === b2.assignment.value.split(/\s+/).join(" ");
}
function findLastIndex(items, predicate) {
  for (let i2 = items.length - 1; i2 >= 0; i2--) if (predicate(items[i2])) return i2;
  return -1;
}

// server/src/core/rules/sysctlValue.ts
var DURATION_FLAGS = /* @__PURE__ */ new Set(["conntrack-tcp-timeout-established", "ipvs-tcp-timeout"]);
var NODE = { noComments: "sysctl files have no inline comments", outcome: "the node keeps its previous value" };
var POD = { noComments: "a sysctl value has no comments", outcome: "the pods do not start" };
function describeProblem(key, value, problem, { noComments, outcome }) {
  const shown = JSON.stringify(value);
  switch (problem.kind) {
    case "comment":
      return problem.accepted ? `${key} is ${shown}: ${noComments}; the kernel reads ${problem.kept} only because a blank comes before the comment.` : `${key} is ${shown}: ${noComments}, and the kernel rejects it: ${outcome}.`;
    case "not-integer":
      return `${key} takes ${integerFields(key) === 1 ? "an integer" : "integers separated by blanks"}; the kernel rejects ${shown}: ${outcome}.`;
    case "range":
      return problem.since === void 0 ? `${key} accepts ${problem.range}; the kernel rejects ${problem.value}: ${outcome}.` : `${key} accepts ${problem.range} from ${problem.since}, which rejects ${problem.value}: ${outcome}. Older kernels accept it.`;
    case "extra-fields":
      return `${key} takes one integer; the kernel sets ${problem.first} and ignores ${JSON.stringify(problem.rest)}.`;
    case "not-positive":
      return notPositiveMessage(key, problem.value);
  }
}
var ACCEPTED_SEVERITY = "warning";
function notPositiveMessage(key, value) {
  const isTime = key === KEEPALIVE_TIME_KEY;
  if (isTime && value === 0) return `${key} is 0 s: an idle socket with SO_KEEPALIVE sends a probe every tcp_keepalive_intvl seconds, not after an idle period.`;
  if (isTime) return `${key} is ${value} s: the kernel accepts it, and a negative keepalive time disables keepalive probes.`;
  if (value === 0) return `${key} is 0 s: unanswered keepalive probes are retried at once, so the peer gets no time to answer before the connection is dropped.`;
  return `${key} is ${value} s: the kernel accepts it, but a negative keepalive interval means nothing.`;
}
var sysctlValue = {
  id: "sysctl-value",
  defaultSeverity: "error",
  description: "A sysctl value the kernel rejects or that does what few intend, a pod sysctl the API or kubelet refuses, or a kube-proxy duration it cannot load.",
  scope: "file",
  check(model, report) {
    for (const file of model.files) {
      for (const assignment of file.sysctl?.assignments ?? []) {
        const finding2 = nodeFinding2(file, assignment);
        if (finding2 !== void 0) report(finding2);
      }
    }
    for (const workload2 of model.workloads) {
      for (const sysctl of workload2.template?.sysctls ?? []) {
        const finding2 = podFinding(model, workload2, sysctl);
        if (finding2 !== void 0) report(finding2);
      }
    }
    durationFindings(model).forEach(report);
  }
};
function nodeFinding2(file, assignment) {
  const problem = valueProblem(assignment.key, assignment.value);
  if (problem === void 0) return void 0;
  return {
    file: file.path,
    span: assignment.valueSpan,
    message: describeProblem(assignment.key, assignment.value, problem, NODE),
    ...problem.kind === "not-positive" ? { severity: ACCEPTED_SEVERITY } : {},
    ...problem.kind === "comment" ? { fixes: () => nodeCommentFixes(file, assignment, problem.kept, problem.comment) } : {}
  };
}
function nodeCommentFixes(file, assignment, kept, comment) {
  if (kept === "") return [];
  const replace = { file: file.path, span: assignment.valueSpan, newText: kept };
  const lineStart = file.lineIndex.lineStart(assignment.line);
  const indent = file.text.slice(lineStart, assignment.lineSpan.start);
  const eol = lineEnding(file.text);
  const commentLine = comment.startsWith("#") || comment.startsWith(";") ? comment : `# ${comment}`;
  return [
    { title: "Remove the comment", edits: [replace], preferred: true },
    { title: "Move the comment to its own line above", edits: [{ file: file.path, span: { start: lineStart, end: lineStart }, newText: `${indent}${commentLine}${eol}` }, replace], preferred: false }
  ];
}
function podFinding(model, workload2, sysctl) {
  const owner = objectLabel(workload2);
  const hostNetwork = workload2.template?.hostNetwork;
  const base = { file: fileOfValue(workload2, sysctl), subject: workload2 };
  if (hostNetwork?.value === true && sysctl.name.startsWith("net.")) {
    return {
      ...base,
      span: sysctl.nameSpan,
      message: `${sysctl.name} is set in the pods of ${owner}, which use the host network: the API server rejects net.* sysctls with hostNetwork: true`,
      related: [{ file: fileOfValue(workload2, hostNetwork), span: hostNetwork.span, message: `${owner} uses the host network` }]
    };
  }
  if (sysctl.name.startsWith("net.netfilter.")) {
    return {
      ...base,
      span: sysctl.nameSpan,
      message: fittingMessage([
        `${sysctl.name} is set in the pods of ${owner}: the kubelet refuses this unsafe sysctl unless --allowed-unsafe-sysctls allows it, and it never affects Service traffic`,
        `${sysctl.name} is set in the pods of ${owner}: the kubelet refuses this unsafe sysctl unless allowed, and it never affects Service traffic`
      ])
    };
  }
  const refusal = POD_KEEPALIVE_KEYS.includes(sysctl.name) ? podKeepaliveRefusal(model, workload2) : void 0;
  if (refusal !== void 0) {
    const refused = `${sysctl.name} is refused in the pods of ${owner}`;
    return { ...base, span: sysctl.nameSpan, message: fittingMessage([`${refused}: ${refusal}.`, `${refused}: ${podKeepaliveRefusal(model, workload2, false)}.`]) };
  }
  if (sysctl.value === void 0) return void 0;
  if (sysctl.valueNotString && sysctl.valueSpan !== void 0) return notStringFinding(workload2, sysctl, sysctl.value, sysctl.valueSpan);
  const problem = valueProblem(sysctl.name, sysctl.value);
  if (problem === void 0) return void 0;
  const valueSpan = sysctl.valueSpan ?? sysctl.nameSpan;
  return {
    ...base,
    span: valueSpan,
    message: `${describeProblem(sysctl.name, sysctl.value, problem, POD)} Set in the pods of ${owner}.`,
    ...problem.kind === "not-positive" ? { severity: ACCEPTED_SEVERITY } : {},
    ...problem.kind === "comment" && problem.kept !== "" && sysctl.valueSpan !== void 0 ? { fixes: () => [{ title: "Remove the comment", edits: [{ file: base.file, span: valueSpan, newText: JSON.stringify(problem.kept) }], preferred: true }] } : {}
  };
}
function notStringFinding(workload2, sysctl, value, span) {
  const file = fileOfValue(workload2, sysctl);
  return {
    file,
    span,
    subject: workload2,
    message: `${sysctl.name} is ${value}, not a string: the API server refuses ${objectLabel(workload2)}, so its pods never run. Quote it: ${JSON.stringify(value)}.`,
    fixes: () => [{ title: `Quote the value: ${JSON.stringify(value)}`, edits: [{ file, span, newText: JSON.stringify(value) }], preferred: true }]
  };
}
var DURATION_CONSEQUENCE = "Write a unit on every number: 24h, 90m, 1h30m";
function durationFindings(model) {
  const findings = [];
  for (const configuration of model.kubeProxyConfigurations) {
    for (const duration2 of configuration.durations) {
      if (duration2.seconds !== void 0) continue;
      findings.push({ file: configuration.file, span: duration2.span, ...configurationDurationProblem(configuration.file, duration2) });
    }
  }
  for (const daemonSet of model.workloads) {
    for (const flag of daemonSet.kubeProxyFlags) {
      const seconds = DURATION_FLAGS.has(flag.name) ? parseGoDuration(flag.value.value) : 0;
      if (seconds !== void 0 && seconds >= 0) continue;
      const what = `--${flag.name} is ${JSON.stringify(flag.value.value)} in ${objectLabel(daemonSet)}`;
      findings.push({
        file: daemonSet.file,
        span: flag.value.span,
        subject: daemonSet,
        message: seconds === void 0 ? `${what}, not a Go duration: kube-proxy does not start. ${DURATION_CONSEQUENCE}.` : `${what}, a negative duration: kube-proxy's validation rejects it and kube-proxy does not start.`
      });
    }
  }
  return findings;
}
function configurationDurationProblem(file, duration2) {
  if (duration2.notString) {
    const seconds = /^\d+$/.test(duration2.text) ? Number(duration2.text) : void 0;
    const quoted = seconds === void 0 ? void 0 : JSON.stringify(formatGoDuration(seconds));
    return {
      message: `${duration2.field} is ${duration2.text}, not a string: kube-proxy cannot load its configuration and does not start. ` + (quoted === void 0 ? 'Write a quoted Go duration, such as "24h0m0s".' : `Write a quoted Go duration: ${quoted}.`),
      ...quoted === void 0 ? {} : { fixes: () => [{ title: `Write ${quoted} (${seconds} seconds)`, edits: [{ file, span: duration2.span, newText: quoted }], preferred: true }] }
    };
  }
  if (parseGoDuration(duration2.text) !== void 0) {
    return { message: `${duration2.field} is ${JSON.stringify(duration2.text)}, a negative duration: kube-proxy's validation rejects it and kube-proxy does not start.` };
  }
  return {
    message: `${duration2.field} is ${JSON.stringify(duration2.text)}, not a Go duration: kube-proxy does not start. ${DURATION_CONSEQUENCE}.`
  };
}

// server/src/core/editDistance.ts
function editDistance(a2, b2, limit = Infinity) {
  if (Math.abs(a2.length - b2.length) >= limit) return limit;
  let before = [];
  let previous = Array.from({ length: b2.length + 1 }, (_2, j) => j);
  for (let i2 = 1; i2 <= a2.length; i2++) {
    const current = [i2];
    let rowMinimum = i2;
    for (let j = 1; j <= b2.length; j++) {
      const cost2 = a2[i2 - 1] === b2[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost2);
      if (i2 > 1 && j > 1 && a2[i2 - 1] === b2[j - 2] && a2[i2 - 2] === b2[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum >= limit) return limit;
    [before, previous] = [previous, current];
  }
  return Math.min(previous[b2.length], limit);
}
function nearestWords(word, candidates, limit) {
  let best = limit + 1;
  let nearest2 = [];
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, best + 1);
    if (distance < best) [best, nearest2] = [distance, [candidate]];
    else if (distance === best) nearest2.push(candidate);
  }
  return best <= limit ? nearest2 : [];
}

// server/src/core/rules/sysctlUnknownKey.ts
function suggestionThreshold(name) {
  return name.length <= 8 ? 1 : name.length <= 16 ? 2 : 3;
}
function closestKeys(key) {
  const family = sysctlFamilyOf(key);
  if (family === void 0) return void 0;
  const name = key.slice(family.length).toLowerCase();
  let best = [];
  let bestDistance = suggestionThreshold(name);
  for (const candidate of SYSCTL_CATALOG.keys()) {
    if (!candidate.startsWith(family)) continue;
    const distance = editDistance(name, candidate.slice(family.length).toLowerCase(), bestDistance + 1);
    if (distance > bestDistance) continue;
    if (distance < bestDistance || best.length === 0) [best, bestDistance] = [[candidate], distance];
    else best.push(candidate);
  }
  return best.length === 0 ? void 0 : { keys: best.sort(), distance: bestDistance };
}
var sysctlUnknownKey = {
  id: "sysctl-unknown-key",
  defaultSeverity: "warning",
  description: "A net.ipv4.tcp_*, net.ipv4.vs.* or net.netfilter.nf_conntrack_* key the kernel does not have (a typo), with the closest real key.",
  scope: "file",
  check(model, report) {
    for (const file of model.files) {
      for (const assignment of file.sysctl?.assignments ?? []) {
        if (assignment.isGlob) continue;
        const finding2 = unknownKeyFinding(file, assignment.key, assignment.keySpan, NODE_CONSEQUENCE, (key) => file.sysctl.assignments.some((other) => other.key === key));
        if (finding2 !== void 0) report(finding2);
      }
    }
    for (const workload2 of model.workloads) {
      for (const sysctl of workload2.template?.sysctls ?? []) {
        const file = model.file(fileOfValue(workload2, sysctl));
        if (file === void 0 || /[*?[]/.test(sysctl.name)) continue;
        const finding2 = unknownKeyFinding(file, sysctl.name, sysctl.nameSpan, podConsequence(workload2), (key) => workload2.template.sysctls.some((other) => other.name === key));
        if (finding2 === void 0) continue;
        const { fixes: _fixes, ...unfixed } = finding2;
        report({ ...isPatched(workload2, sysctl) ? unfixed : finding2, subject: workload2 });
      }
    }
  }
};
var NODE_CONSEQUENCE = "The node skips it.";
function podConsequence(workload2) {
  return `The pods of ${objectLabel(workload2)} cannot set it.`;
}
function unknownKeyFinding(file, key, span, consequence, isSetBeside) {
  const family = sysctlFamilyOf(key);
  if (family === void 0 || SYSCTL_CATALOG.has(key)) return void 0;
  const written = writtenKey(file.text, span);
  const closest = closestKeys(key);
  const count = [...SYSCTL_CATALOG.keys()].filter((candidate) => candidate.startsWith(family)).length;
  const known = `${written.text} is not one of the ${count} ${family}* keys of ${CATALOG_KERNEL}`;
  const suggestion = closest === void 0 ? " and none is close to it." : `; the closest ${closest.keys.length === 1 ? "is" : "are"} ${closest.keys.map((candidate) => inStyle(candidate, written.text)).join(", ")} (${distanceText(closest.distance)}).`;
  return {
    file: file.path,
    span: written.span,
    // Shorter: without what follows from it, then without the number of keys the family has.
    message: fittingMessage([`${known}${suggestion} ${consequence}`, `${known}${suggestion}`, `${written.text} is not a ${family}* key of ${CATALOG_KERNEL}${suggestion}`]),
    fixes: () => (closest?.keys ?? []).map((candidate) => ({
      title: `Replace with ${inStyle(candidate, written.text)}`,
      edits: [{ file: file.path, span: written.span, newText: inStyle(candidate, written.text) }],
      preferred: closest.keys.length === 1 && !isSetBeside(candidate)
    }))
  };
}
function distanceText(distance) {
  return distance === 0 ? "it differs only in case" : `${distance} ${distance === 1 ? "edit" : "edits"} away`;
}
function writtenKey(text, span) {
  const raw = text.slice(span.start, span.end);
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
  const inner = quoted ? { start: span.start + 1, end: span.end - 1 } : span;
  return { text: text.slice(inner.start, inner.end), span: inner };
}
function inStyle(key, written) {
  const slash = written.indexOf("/");
  const dot = written.indexOf(".");
  return slash !== -1 && (dot === -1 || slash < dot) ? key.replace(/\./g, "/") : key;
}

// server/src/core/rules/registry.ts
var RULES = [
  serviceAffinity,
  keepaliveConntrack,
  keepaliveIpvs,
  keepalivePath,
  lbIdleTimeout,
  affinityTimeout,
  affinityIgnored,
  keepaliveNotInherited,
  conntrackOverridden,
  conntrackLoose,
  ipvsConnReuse,
  sysctlValue,
  sysctlUnknownKey,
  sysctlDuplicate,
  yamlSyntax,
  sysctlSyntax
];
function ruleById(id) {
  return RULES.find((rule) => rule.id === id);
}

// server/src/core/findings.ts
var FILE_SCOPED_RULES = RULES.filter((rule) => rule.scope === "file");
var NO_FINDINGS = [];
var NO_RULE_FINDINGS = /* @__PURE__ */ new Map();
var ModelFindings = class {
  constructor(model) {
    this.model = model;
    this.syncFiles();
    model.takeChanges();
  }
  model;
  /** One shard per file of the model, for the file-scoped rules. */
  fileShards = /* @__PURE__ */ new Map();
  /** One shard per whole-workspace rule, made when first asked for. */
  ruleShards = /* @__PURE__ */ new Map();
  results = /* @__PURE__ */ new Map();
  /** Facet → the shards whose current result read it: most facets have one reader, kept without a set. */
  readers = /* @__PURE__ */ new Map();
  listeners = [];
  created = 0;
  /** Calls `listener` with every shard whose findings are outdated, added or removed from now on. */
  listen(listener) {
    this.listeners.push(listener);
  }
  /** Takes in the model's changes: outdated results are dropped, file shards follow added and removed files. */
  refresh() {
    const changes = this.model.takeChanges();
    if (changes === EVERYTHING) {
      for (const shard of [...this.results.keys()]) this.invalidate(shard);
      this.syncFiles();
      return;
    }
    for (const facet of changes) {
      const readers = this.readers.get(facet);
      if (readers instanceof Set) for (const shard of [...readers]) this.invalidate(shard);
      else if (readers !== void 0) this.invalidate(readers);
      if (facet.startsWith("file:")) this.fileChanged(facet.slice("file:".length));
    }
  }
  /** The shards that hold the findings of `rules`, in a stable order. */
  shardsFor(rules) {
    const shards = [];
    if (rules.some(isFileScoped)) shards.push(...this.fileShards.values());
    for (const rule of rules) if (!isFileScoped(rule)) shards.push(this.ruleShard(rule));
    return shards;
  }
  /** Whether a shard is still one of the model's. */
  has(shard) {
    return shard.key === "" ? this.ruleShards.get(shard.rules[0]) === shard : this.fileShards.get(shard.key) === shard;
  }
  /** A rule's findings in a shard, computed when outdated. */
  findingsOf(shard, rule) {
    return this.resultOf(shard).findings.get(rule) ?? NO_FINDINGS;
  }
  /** A shard's findings, computed when outdated. */
  resultOf(shard) {
    let result = this.results.get(shard);
    if (result === void 0) {
      const view = shard.key === "" ? this.model : this.model.scopedTo(shard.key);
      let findings;
      const { reads } = this.model.recordReads(() => {
        for (const rule of shard.rules) {
          const reported = /* @__PURE__ */ new Set();
          rule.check(view, (finding2) => {
            if (this.repeatsBuildFinding(finding2, reported)) return;
            const kept = keptBuildFinding(finding2);
            if (kept === void 0) return;
            flattenMessages(kept);
            pushTo(findings ??= /* @__PURE__ */ new Map(), rule, kept);
          });
        }
      });
      if (shard.key !== "") reads.add(`file:${shard.key}`);
      result = { findings: findings ?? NO_RULE_FINDINGS, reads: [...reads] };
      this.results.set(shard, result);
      for (const facet of reads) {
        const readers = this.readers.get(facet);
        if (readers === void 0) this.readers.set(facet, shard);
        else if (readers instanceof Set) readers.add(shard);
        else if (readers !== shard) this.readers.set(facet, /* @__PURE__ */ new Set([readers, shard]));
      }
    }
    return result;
  }
  /**
   * Whether a finding about an object a kustomize build emits was already reported at the same
   * place by another build: several builds that share a source line get one finding there.
   */
  repeatsBuildFinding(finding2, reported) {
    const subject = finding2.subject;
    if (subject === void 0 || this.model.buildOf(subject) === void 0) return false;
    const key = `${finding2.file}\0${finding2.span.start}\0${finding2.span.end}`;
    if (reported.has(key)) return true;
    reported.add(key);
    return false;
  }
  ruleShard(rule) {
    let shard = this.ruleShards.get(rule);
    if (shard === void 0) {
      this.ruleShards.set(rule, shard = { key: "", rules: [rule], order: this.created++ });
      this.notify(shard);
    }
    return shard;
  }
  invalidate(shard) {
    const result = this.results.get(shard);
    if (result === void 0) return;
    this.results.delete(shard);
    for (const facet of result.reads) {
      const readers = this.readers.get(facet);
      if (readers === shard) this.readers.delete(facet);
      else if (readers instanceof Set) {
        readers.delete(shard);
        if (readers.size === 0) this.readers.delete(facet);
      }
    }
    this.notify(shard);
  }
  fileChanged(path9) {
    const exists = this.model.recordReads(() => this.model.file(path9) !== void 0).result;
    const shard = this.fileShards.get(path9);
    if (exists && shard === void 0) this.addFileShard(path9);
    else if (!exists && shard !== void 0) this.removeFileShard(shard);
  }
  /** Makes the file shards those of the model's files. */
  syncFiles() {
    const paths = /* @__PURE__ */ new Set();
    this.model.recordReads(() => {
      for (const file of this.model.files) paths.add(file.path);
    });
    for (const shard of [...this.fileShards.values()]) if (!paths.has(shard.key)) this.removeFileShard(shard);
    for (const path9 of paths) if (!this.fileShards.has(path9)) this.addFileShard(path9);
  }
  addFileShard(path9) {
    const shard = { key: path9, rules: FILE_SCOPED_RULES, order: this.created++ };
    this.fileShards.set(path9, shard);
    this.notify(shard);
  }
  removeFileShard(shard) {
    this.invalidate(shard);
    this.fileShards.delete(shard.key);
    this.notify(shard);
  }
  notify(shard) {
    for (const listener of this.listeners) listener(shard);
  }
};
function keptBuildFinding(finding2) {
  const subject = finding2.subject;
  if (subject === void 0 || !holdsPatchedValues(subject)) return finding2;
  const inside = (place) => place.file !== subject.file || place.span.start >= subject.span.start && place.span.end <= subject.span.end;
  if (!inside(finding2)) return void 0;
  const { fixes: _fixes, ...rest } = finding2;
  return { ...rest, related: (finding2.related ?? []).filter(inside) };
}
function flattenMessages(finding2) {
  finding2.message.charCodeAt(0);
  for (const related2 of finding2.related ?? []) related2.message.charCodeAt(0);
}
function isFileScoped(rule) {
  return FILE_SCOPED_RULES.includes(rule);
}
var findingsByModel = /* @__PURE__ */ new WeakMap();
function modelFindings(model) {
  let findings = findingsByModel.get(model);
  if (findings === void 0) findingsByModel.set(model, findings = new ModelFindings(model));
  findings.refresh();
  return findings;
}

// server/src/core/lint.ts
function lint(model, settings = {}, rules = RULES) {
  return lintFindings(model, settings, rules).map((linted) => linted.diagnostic);
}
function lintFindings(model, settings = {}, rules = RULES) {
  const findings = modelFindings(model);
  const linted = [];
  for (const shard of findings.shardsFor(rules)) {
    for (const item of shardFindings(model, findings, shard, settings, rules)) linted.push(item);
  }
  return linted.sort(compareLinted);
}
function shardFindings(model, findings, shard, settings, rules) {
  const linted = [];
  for (const rule of shard.rules) {
    if (settings.severities?.[rule.id] === "off" && settings.fileSeverities?.enables(rule.id) !== true || !rules.includes(rule)) continue;
    for (const item of lintedFindingsOf(model, findings.findingsOf(shard, rule), rule, settings)) linted.push(item);
  }
  return linted;
}
function lintedFindingsOf(model, findings, rule, settings) {
  const linted = [];
  for (const finding2 of findings) {
    if (finding2.category !== void 0 && settings.skipCategories?.includes(finding2.category)) continue;
    const configured = settings.fileSeverities?.forFile(finding2.file)?.[rule.id] ?? settings.severities?.[rule.id];
    const item = configured === "off" ? void 0 : lintedFinding((path9) => model.file(path9), rule.id, configured ?? finding2.severity ?? rule.defaultSeverity, finding2);
    if (item !== void 0) linted.push(item);
  }
  return linted;
}
function lintedFinding(fileAt, rule, severity, finding2) {
  const diagnostic = toDiagnostic(fileAt, rule, severity, finding2);
  return diagnostic === void 0 ? void 0 : { diagnostic, finding: finding2 };
}
function toDiagnostic(fileAt, rule, severity, finding2) {
  const file = fileAt(finding2.file);
  if (file === void 0 || finding2.subject?.ignoredRules.includes(rule)) return void 0;
  const range = file.lineIndex.rangeOf(finding2.span);
  if (file.suppressions.isSuppressed(rule, range.start.line)) return void 0;
  const related2 = (finding2.related ?? []).flatMap((item) => {
    const relatedFile = fileAt(item.file);
    return relatedFile === void 0 ? [] : [{ file: item.file, range: relatedFile.lineIndex.rangeOf(item.span), message: item.message }];
  });
  return { file: finding2.file, range, rule, severity, message: finding2.message, related: related2 };
}
function compareLinted(a2, b2) {
  return compareDiagnostics(a2.diagnostic, b2.diagnostic);
}
function compareDiagnostics(a2, b2) {
  return compareText(a2.file, b2.file) || a2.range.start.line - b2.range.start.line || a2.range.start.character - b2.range.start.character || compareText(a2.rule, b2.rule);
}
function compareText(a2, b2) {
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}

// server/src/core/settings.ts
var import_picomatch2 = __toESM(require_picomatch2());

// server/src/core/settingsAssume.ts
var KUBE_PROXY_ASSUMPTIONS = ["auto", "running", "absent"];
var PROXY_MODE_ASSUMPTIONS = ["auto", "iptables", "ipvs", "nftables"];
var CLOUD_SETTINGS = ["auto", "aws", "azure", "gcp", "none"];
var ASSUME_KEYS = "conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers";
function parseAssume(value, problems, base, at) {
  const assume = { ...base };
  if (value === void 0 || value === null) return assume;
  if (!isRecord(value)) {
    problems.push({ key: at, message: `must be a mapping (${ASSUME_KEYS})` });
    return assume;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === "conntrackEstablishedTimeout") {
      if (item === null || typeof item === "number" && Number.isInteger(item) && item > 0) assume.conntrackEstablishedTimeout = item;
      else problems.push({ key: `${at}.conntrackEstablishedTimeout`, message: "must be a whole number of seconds above 0, or null" });
    } else if (key === "kubeProxy") {
      if (typeof item === "string" && KUBE_PROXY_ASSUMPTIONS.includes(item)) assume.kubeProxy = item;
      else problems.push({ key: `${at}.kubeProxy`, message: `must be one of ${KUBE_PROXY_ASSUMPTIONS.join(", ")}` });
    } else if (key === "proxyMode") {
      if (typeof item === "string" && PROXY_MODE_ASSUMPTIONS.includes(item)) assume.proxyMode = item;
      else problems.push({ key: `${at}.proxyMode`, message: `must be one of ${PROXY_MODE_ASSUMPTIONS.join(", ")}` });
    } else if (key === "kubernetesVersion") {
      const problem = kubernetesVersionProblem(item);
      if (problem === void 0) assume.kubernetesVersion = item === null ? null : formatKubernetesVersion(parseKubernetesVersion(item));
      else problems.push({ key: `${at}.kubernetesVersion`, message: problem });
    } else if (key === "cloud") {
      if (typeof item === "string" && CLOUD_SETTINGS.includes(item)) assume.cloud = item;
      else problems.push({ key: `${at}.cloud`, message: `must be one of ${CLOUD_SETTINGS.join(", ")}` });
    } else if (key === "idleTimers") assume.idleTimers = parseIdleTimers(item, problems, `${at}.idleTimers`);
    else problems.push({ key: `${at}.${key}`, message: `unknown setting (allowed: ${ASSUME_KEYS})` });
  }
  return assume;
}
function parseIdleTimers(value, problems, at) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: at, message: "must be a list of { name, seconds, paths }" });
    return [];
  }
  return value.flatMap((entry, index) => {
    const key = `${at}[${index}]`;
    if (!isRecord(entry) || typeof entry["name"] !== "string" || entry["name"].trim() === "") {
      problems.push({ key, message: "must be a mapping with a name" });
      return [];
    }
    const seconds = entry["seconds"];
    const paths = entry["paths"] ?? [];
    if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds <= 0) problems.push({ key: `${key}.seconds`, message: "must be a whole number of seconds above 0" });
    else if (!Array.isArray(paths) || !paths.every((item) => typeof item === "string")) problems.push({ key: `${key}.paths`, message: "must be a list of Service names or globs over namespace/name" });
    else return [{ name: entry["name"], seconds, paths }];
    return [];
  });
}
function kubernetesVersionProblem(item) {
  if (item === null || typeof item === "string" && parseKubernetesVersion(item) !== void 0) return void 0;
  if (typeof item === "number") return `must be a string: write "${item}" in quotes (unquoted, 1.30 reads as 1.3)`;
  return 'must be a Kubernetes version like "1.30", or null';
}
function parseClusters(value, problems, assume) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: "clusters", message: "must be a list of { paths, assume }" });
    return [];
  }
  return value.flatMap((entry, index) => {
    const at = `clusters[${index}]`;
    if (!isRecord(entry)) {
      problems.push({ key: at, message: "must be a mapping with paths and assume" });
      return [];
    }
    for (const key of Object.keys(entry)) if (key !== "paths" && key !== "assume") problems.push({ key: `${at}.${key}`, message: "unknown setting (allowed: paths, assume)" });
    const paths = entry["paths"];
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((item) => typeof item === "string" && item !== "")) {
      problems.push({ key: `${at}.paths`, message: "must be a non-empty list of glob patterns" });
      return [];
    }
    return [{ paths, assume: parseAssume(entry["assume"], problems, assume, `${at}.assume`) }];
  });
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// server/src/core/settings.ts
var DEFAULT_SETTINGS = {
  rules: {},
  exclude: [],
  overrides: [],
  assume: { conntrackEstablishedTimeout: null, kubeProxy: "auto", proxyMode: "auto", kubernetesVersion: null, cloud: "auto", idleTimers: [] }
};
var SEVERITY_LEVELS = ["off", "hint", "info", "warning", "error"];
function parseSettings(raw) {
  const problems = [];
  const input = raw === void 0 || raw === null ? {} : raw;
  if (!isRecord(input)) return { settings: DEFAULT_SETTINGS, problems: [{ key: "", message: "settings must be a mapping" }] };
  for (const key of Object.keys(input)) {
    if (!["rules", "exclude", "overrides", "assume", "clusters"].includes(key)) problems.push({ key, message: "unknown setting (allowed: rules, exclude, overrides, assume, clusters)" });
  }
  const rules = parseRules(input["rules"], problems);
  const exclude = parseExclude(input["exclude"], problems);
  const overrides = parseOverrides(input["overrides"], problems);
  const assume = parseAssume(input["assume"], problems, DEFAULT_SETTINGS.assume, "assume");
  const clusters = parseClusters(input["clusters"], problems, assume);
  return { settings: { rules, exclude, overrides, assume, ...clusters.length === 0 ? {} : { clusters } }, problems };
}
function parseRules(value, problems, key = "rules") {
  const rules = {};
  if (value === void 0 || value === null) return rules;
  if (!isRecord(value)) {
    problems.push({ key, message: "must be a mapping of rule ids to severities" });
    return rules;
  }
  const known = RULES.map((rule) => rule.id);
  for (const [id, level] of Object.entries(value)) {
    if (!known.includes(id)) problems.push({ key: `${key}.${id}`, message: unknownRuleMessage(id, known) });
    else if (typeof level !== "string" || !SEVERITY_LEVELS.includes(level)) {
      problems.push({ key: `${key}.${id}`, message: `must be one of ${SEVERITY_LEVELS.join(", ")}` });
    } else rules[id] = level;
  }
  return rules;
}
function parseOverrides(value, problems) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: "overrides", message: "must be a list of entries { files, excludedFiles, rules }" });
    return [];
  }
  return value.flatMap((entry, index) => {
    const found = [];
    const override = parseOverride(entry, `overrides[${index}]`, found);
    problems.push(...found);
    return found.length === 0 && override !== void 0 ? [override] : [];
  });
}
function parseOverride(entry, key, problems) {
  if (!isRecord(entry)) {
    problems.push({ key, message: "must be a mapping with files, rules and, optionally, excludedFiles" });
    return void 0;
  }
  for (const name of Object.keys(entry)) {
    if (!["files", "excludedFiles", "rules"].includes(name)) problems.push({ key: `${key}.${name}`, message: "unknown key (allowed: files, excludedFiles, rules)" });
  }
  const files = entry["files"];
  if (!isPatternList(files) || files.length === 0) problems.push({ key: `${key}.files`, message: "must be a non-empty list of glob patterns" });
  const excludedFiles = entry["excludedFiles"] ?? [];
  if (!isPatternList(excludedFiles)) problems.push({ key: `${key}.excludedFiles`, message: "must be a list of glob patterns" });
  if (!isRecord(entry["rules"])) problems.push({ key: `${key}.rules`, message: "must be a mapping of rule ids to severities" });
  const rules = isRecord(entry["rules"]) ? parseRules(entry["rules"], problems, `${key}.rules`) : {};
  return isPatternList(files) && isPatternList(excludedFiles) ? { files, excludedFiles, rules } : void 0;
}
function isPatternList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === "string" && item !== "");
}
function unknownRuleMessage(id, known) {
  const nearest2 = nearestWords(id, known, 3);
  return nearest2.length > 0 ? `unknown rule (did you mean ${nearest2.join(" or ")}?)` : `unknown rule (known: ${known.join(", ")})`;
}
function parseExclude(value, problems) {
  if (value === void 0 || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  problems.push({ key: "exclude", message: "must be a list of glob patterns" });
  return [];
}
function lintSettingsOf(settings, relativePath, scope = "") {
  if (settings.overrides.length === 0 || relativePath === void 0) return { severities: settings.rules };
  return { severities: settings.rules, fileSeverities: new FileSeverities(settings.overrides, relativePath, scope) };
}
var FileSeverities = class {
  constructor(overrides, relativePath, scope = "") {
    this.relativePath = relativePath;
    this.matchers = overrides.map((override) => {
      const included = pathMatcher(override.files);
      const excluded = pathMatcher(override.excludedFiles);
      return { matches: (relative4) => included(relative4) && !excluded(relative4), rules: override.rules };
    });
    this.key = JSON.stringify([scope, overrides]);
  }
  relativePath;
  matchers;
  byFile = /* @__PURE__ */ new Map();
  /** Equal keys, equal severities for every file: what caches of linted findings compare. */
  key;
  /** The severities the matching entries set for the file's findings, later entries winning; undefined when none matches. */
  forFile(file) {
    if (this.byFile.has(file)) return this.byFile.get(file);
    const relative4 = this.relativePath(file);
    const matching = relative4 === void 0 ? [] : this.matchers.filter((matcher) => matcher.matches(relative4));
    const severities = matching.length === 0 ? void 0 : Object.assign({}, ...matching.map((matcher) => matcher.rules));
    this.byFile.set(file, severities);
    return severities;
  }
  /** Whether some entry turns the rule on for its files: a rule off in `rules` must still run then. */
  enables(rule) {
    return this.matchers.some((matcher) => matcher.rules[rule] !== void 0 && matcher.rules[rule] !== "off");
  }
};
function assumptionsOf(settings, relativePath = (path9) => path9) {
  if (settings.clusters === void 0 || settings.clusters.length === 0) return assumedValues(settings.assume);
  return {
    ...assumedValues(settings.assume),
    clusters: settings.clusters.map((cluster) => {
      const isMatch = (0, import_picomatch2.default)([...cluster.paths], { dot: true });
      return { name: cluster.paths.join(", "), assumptions: assumedValues(cluster.assume), contains: (path9) => isMatch(relativePath(path9)) };
    })
  };
}
function assumedValues(assume) {
  const { conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers } = assume;
  return {
    ...kubernetesVersion === null ? {} : { kubernetesVersion },
    ...conntrackEstablishedTimeout === null ? {} : { conntrackEstablishedTimeout },
    ...kubeProxy === "auto" ? {} : { kubeProxy: kubeProxy === "running" },
    ...proxyMode === "auto" ? {} : { proxyMode },
    ...cloud === "auto" ? {} : { cloud },
    ...idleTimers.length === 0 ? {} : { idleTimers }
  };
}
function exclusionMatcher(settings) {
  return pathMatcher(settings.exclude);
}
function pathMatcher(patterns) {
  if (patterns.length === 0) return () => false;
  const isMatch = (0, import_picomatch2.default)([...patterns], { dot: true });
  return (relativePath) => {
    const segments = relativePath.split("/");
    return segments.some((_2, index) => isMatch(segments.slice(0, index + 1).join("/")));
  };
}

// server/src/core/skipped.ts
var MAX_QUOTED = 40;
function skippedParts(file) {
  if (file.skipReason !== void 0) {
    const start = { line: 0, character: 0 };
    return [{ file: file.path, range: { start, end: start }, label: "unreadable", reason: `Not linted: ${file.skipReason}.` }];
  }
  return file.skippedDocuments.map((document) => ({
    file: file.path,
    range: file.lineIndex.rangeOf(document.evidence),
    label: document.cause === "helm-chart-template" ? "Helm chart template" : "template",
    reason: skippedDocumentReason(file, document)
  }));
}
function skippedDocumentReason(file, document) {
  const which = document.start === 0 && document.end === file.text.length ? "Not linted" : `Document ${document.index + 1} not linted`;
  if (document.cause === "helm-chart-template") return `${which}: a Helm chart template; lint the rendered chart (helm template \u2026 | connlint -).`;
  const expression = file.text.slice(document.evidence.start, document.evidence.end);
  const quoted = expression.length > MAX_QUOTED ? `${expression.slice(0, MAX_QUOTED - 1)}\u2026` : expression;
  const where = file.role === void 0 ? "a sysctl assignment" : "YAML structure";
  return `${which}: a template, ${quoted} stands where ${where} is; lint the rendered output.`;
}
function isSkippedFile(file) {
  return file.skipReason !== void 0 || file.skippedDocuments.length > 0 && file.documents.length === 0 && file.sysctl === void 0;
}
function coverageOf(files) {
  let filesChecked = 0;
  const filesSkipped = [];
  const skipped = [];
  for (const file of files) {
    const parts = skippedParts(file);
    for (const part of parts) skipped.push(part);
    if (!isSkippedFile(file)) filesChecked++;
    else filesSkipped.push(parts[0]);
  }
  skipped.sort((a2, b2) => a2.file < b2.file ? -1 : a2.file > b2.file ? 1 : a2.range.start.line - b2.range.start.line || a2.range.start.character - b2.range.start.character);
  return { filesChecked, filesSkipped, skipped };
}
function countByLabel(parts) {
  const counts = {};
  for (const label of parts.map((part) => part.label).sort()) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

// server/src/core/analysisReuse.ts
var DocumentReuse = class {
  constructor(previous, blanks) {
    this.previous = previous;
    this.blanks = blanks;
  }
  previous;
  blanks;
  /** The earlier documents by their text; a text written several times has several. */
  byText;
  /**
   * Adds the objects and problems of the earlier document whose text is `slice`'s, moved to the
   * slice, and returns that document; returns undefined when no earlier document has that text.
   */
  take(text, slice, objects, problems) {
    const candidates = this.documents().get(text.slice(slice.start, slice.end));
    const earlier = candidates?.shift();
    if (earlier === void 0) return void 0;
    const delta = slice.start - earlier.start;
    for (let i2 = earlier.firstObject; i2 < earlier.firstObject + earlier.objectCount; i2++) {
      objects.push(Object.assign(moved(this.previous.objects[i2], delta), { documentIndex: slice.index }));
    }
    for (let i2 = earlier.firstProblem; i2 < earlier.firstProblem + earlier.problemCount; i2++) problems.push(moved(this.previous.syntaxProblems[i2], delta));
    return earlier;
  }
  documents() {
    if (this.byText === void 0) {
      this.byText = /* @__PURE__ */ new Map();
      for (const document of this.previous.documents) {
        if (this.blanks || !document.blanked) pushTo(this.byText, this.previous.text.slice(document.start, document.end), document);
      }
    }
    return this.byText;
  }
};
function moved(value, delta) {
  if (Array.isArray(value)) return value.map((item) => moved(item, delta));
  if (value instanceof Map) return [...value.values()].some((item) => typeof item === "object") ? new Map([...value].map(([key, item]) => [key, moved(item, delta)])) : value;
  if (typeof value !== "object" || value === null) return value;
  if (isSpan(value)) return { start: value.start + delta, end: value.end + delta };
  const copy = {};
  for (const [key, field] of Object.entries(value)) copy[key] = moved(field, delta);
  return copy;
}
function isSpan(value) {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.start === "number" && typeof value.end === "number";
}

// server/src/core/k8s/unreadFields.ts
var import_yaml11 = __toESM(require_dist());
var UNREAD_IN_POD_SPEC = ["containers", "initContainers", "ephemeralContainers", "volumes", "affinity", "tolerations", "topologySpreadConstraints"];
var podSpecFields = (podSpec, except = []) => UNREAD_IN_POD_SPEC.filter((field) => !except.includes(field)).map((field) => [...podSpec, field]);
var UNREAD_FIELDS = /* @__PURE__ */ new Map([
  ["Pod", podSpecFields(["spec"])],
  ["Deployment", podSpecFields(["spec", "template", "spec"])],
  ["ReplicaSet", podSpecFields(["spec", "template", "spec"])],
  ["ReplicationController", podSpecFields(["spec", "template", "spec"])],
  ["Rollout", podSpecFields(["spec", "template", "spec"])],
  ["StatefulSet", [...podSpecFields(["spec", "template", "spec"]), ["spec", "volumeClaimTemplates"]]],
  ["DaemonSet", podSpecFields(["spec", "template", "spec"], ["containers", "initContainers"])]
]);
function parseForAnalysis(text, slice, blankUnreadOf) {
  const blanked2 = blankUnreadFields(text, slice, blankUnreadOf);
  if (blanked2 !== void 0) {
    const parsed = parse(blanked2.text, slice.start, true);
    if (parsed.document.errors.length === 0 && blanked2.fields.every((field) => keyOffset(parsed, field.path) === field.keyAt)) return parsed;
  }
  return parse(text.slice(slice.start, slice.end), slice.start, false);
}
var PARSE_OPTIONS = { prettyErrors: false, merge: true };
function parse(source, offset, blanked2) {
  const document = (0, import_yaml11.parseDocument)(source, PARSE_OPTIONS);
  return { document, reader: new NodeReader(document, offset, source), blanked: blanked2 };
}
var blankedDocumentsParse = perAnalysis((file) => {
  const text = parsableText(file.text);
  return file.documents.every((document) => !document.blanked || (0, import_yaml11.parseDocument)(text.slice(document.start, document.end), PARSE_OPTIONS).errors.length === 0);
});
function keyOffset({ document, reader }, path9) {
  const parent = reader.get(document.contents, ...path9.slice(0, -1));
  return reader.span(reader.keyNode(parent, path9.at(-1)))?.start;
}
var PLAIN_KEY = /^([A-Za-z_][A-Za-z0-9_.\/-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$/;
var BLOCK_VALUE = /^(?:(?:[&!][^ \t]*)(?:[ \t]+|$))*(?:#.*)?$/;
function blankUnreadFields(text, span, kind) {
  const unread = kind === null || kind === void 0 ? void 0 : UNREAD_FIELDS.get(kind);
  if (unread === void 0) return void 0;
  const blanks = [];
  const fields = [];
  const open = [];
  for (let lineStart = span.start; lineStart < span.end; ) {
    const line = lineAt(text, lineStart, span.end);
    if (line.indent < 0) return void 0;
    if (line.content === void 0 || line.content === line.start && (text.startsWith("---", line.start) || text.startsWith("...", line.start) || text[line.start] === "%")) {
      if (line.content !== void 0 && text.slice(line.start + 3, line.end).trim() !== "") return void 0;
      lineStart = line.next;
      continue;
    }
    const isItem = startsItem(text, line.content, line.end);
    while (open.length > 0 && (open.at(-1).indent > line.indent || open.at(-1).indent === line.indent && !(isItem && open.at(-1).path !== void 0))) open.pop();
    const parent = open.at(-1);
    if (parent !== void 0 && parent.path === void 0) {
      lineStart = line.next;
      continue;
    }
    const key = isItem ? null : PLAIN_KEY.exec(text.slice(line.content, line.end));
    const path9 = key === null ? void 0 : [...parent?.path ?? [], key[1]];
    const opensBlock = key !== null && BLOCK_VALUE.test(key[2] ?? "");
    if (path9 !== void 0 && opensBlock && unread.some((field) => samePath(field, path9))) {
      const value = blockValue(text, line, span.end);
      if (value === void 0) return void 0;
      if (value.end > value.start) blanks.push(value);
      fields.push({ path: path9, keyAt: line.content });
      lineStart = value.next;
      continue;
    }
    open.push({ indent: line.indent, path: opensBlock ? path9 : void 0 });
    lineStart = line.next;
  }
  return fields.length === 0 ? void 0 : { text: blanked(text, span, blanks), fields };
}
function lineAt(text, start, limit) {
  const newline = text.indexOf("\n", start);
  const end = newline === -1 || newline >= limit ? limit : newline;
  let at = start;
  while (at < end && text[at] === " ") at++;
  const next = end === limit ? limit : end + 1;
  if (text[at] === "	") return { start, end, next, content: void 0, indent: -1 };
  const blank = at === end || text[at] === "#" || text[at] === "\r" && at + 1 === end;
  return { start, end, next, content: blank ? void 0 : at, indent: at - start };
}
function blockValue(text, keyLine, limit) {
  const start = keyLine.next;
  let end = start;
  let next = start;
  for (let lineStart = start; lineStart < limit; ) {
    const line = lineAt(text, lineStart, limit);
    if (line.indent < 0) return void 0;
    if (line.content !== void 0) {
      const inside = line.indent > keyLine.indent || line.indent === keyLine.indent && startsItem(text, line.content, line.end);
      if (!inside) break;
      end = line.end;
      next = line.next;
    }
    lineStart = line.next;
  }
  return { start, end: Math.max(start, end), next };
}
function startsItem(text, content, end) {
  const after = content + 1;
  return text[content] === "-" && (after === end || text[after] === " " || text[after] === "\r");
}
function samePath(a2, b2) {
  return a2.length === b2.length && a2.every((part, index) => part === b2[index]);
}
function blanked(text, span, blanks) {
  let result = "";
  let at = span.start;
  for (const blank of blanks) {
    const lastLine = text.lastIndexOf("\n", blank.end - 1) + 1;
    if (lastLine <= blank.start) continue;
    const lastBreak = Math.max(blank.start, text[lastLine - 2] === "\r" ? lastLine - 2 : lastLine - 1);
    result += text.slice(at, blank.start) + " ".repeat(lastBreak - blank.start);
    at = lastBreak;
  }
  return result + text.slice(at, span.end);
}

// server/src/core/suppressions.ts
var DIRECTIVE = /^[ \t]*[#;][ \t]*connlint-(disable-next-line|disable)(?:[ \t]+([^\r\n]*?))?[ \t]*\r?$/gm;
var NO_SUPPRESSIONS = { isSuppressed: () => false };
function parseSuppressions(fileText) {
  if (!fileText.includes("connlint-disable")) return NO_SUPPRESSIONS;
  const text = parsableText(fileText);
  const nextLine = [];
  const toEnd = [];
  let line = 0;
  let counted = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    const rules = parseRules2(match[2]);
    if (match[1] === "disable-next-line") nextLine.push({ line: line + 1, rules });
    else toEnd.push({ line, rules });
  }
  const covers = (directive, rule) => directive.rules === "all" || directive.rules.has(rule);
  return {
    isSuppressed: (rule, target) => nextLine.some((directive) => directive.line === target && covers(directive, rule)) || toEnd.some((directive) => directive.line <= target && covers(directive, rule))
  };
}
function parseRules2(list) {
  const withoutReason = (list ?? "").split(/(?:^|[ \t])--(?:[ \t]|$)/)[0];
  const rules = withoutReason.split(/[,\s]+/).map((rule) => rule.trim()).filter((rule) => rule !== "");
  return rules.length === 0 ? "all" : new Set(rules);
}
function countNewlines(text, from, to) {
  let count = 0;
  for (let i2 = text.indexOf("\n", from); i2 !== -1 && i2 < to; i2 = text.indexOf("\n", i2 + 1)) count++;
  return count;
}

// server/src/core/yaml/templates.ts
var import_yaml12 = __toESM(require_dist());
var TEMPLATE_MARKER = /\{\{|\{%/g;
function holdsTemplateMarker(text, start, end, markers = TEMPLATE_MARKER) {
  markers.lastIndex = 0;
  return markers.test(text.slice(start, end));
}
function templateInStructure(text, slice) {
  if (!holdsTemplateMarker(text, slice.start, slice.end)) return void 0;
  const source = text.slice(slice.start, slice.end);
  const inert = [];
  for (const token of new import_yaml12.Parser().parse(source)) collectInert(token, false, inert);
  TEMPLATE_MARKER.lastIndex = 0;
  for (let found = TEMPLATE_MARKER.exec(source); found !== null; found = TEMPLATE_MARKER.exec(source)) {
    const at = found.index;
    if (!inert.some((span) => span.start <= at && at + 2 <= span.end)) return templateExpression(text, slice.start + at);
  }
  return void 0;
}
function collectInert(token, isKey, inert) {
  if (token === null || token === void 0) return;
  const length = token.source?.length ?? 0;
  switch (token.type) {
    case "comment":
      inert.push({ start: token.offset, end: token.offset + length });
      return;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
      if (!isKey) inert.push({ start: token.offset, end: token.offset + length });
      collectAll(token.end, inert);
      return;
    case "block-scalar": {
      const header = token.props?.[token.props.length - 1];
      const contentStart = header === void 0 ? token.offset : header.offset + (header.source?.length ?? 0);
      collectAll(token.props, inert);
      if (!isKey) inert.push({ start: contentStart, end: contentStart + length });
      return;
    }
    case "document":
      collectAll(Array.isArray(token.start) ? token.start : [], inert);
      collectInert(token.value, false, inert);
      collectAll(token.end, inert);
      return;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      for (const item of token.items ?? []) {
        collectAll(item.start, inert);
        collectInert(item.key, true, inert);
        collectAll(item.sep, inert);
        collectInert(item.value, false, inert);
      }
      collectAll(token.end, inert);
      return;
    default:
      return;
  }
}
function collectAll(tokens, inert) {
  for (const token of tokens ?? []) collectInert(token, false, inert);
}
var SYSCTL_TEMPLATE_MARKER = /\{\{|\{%|\{#/g;
function templateInSysctl(text) {
  if (!holdsTemplateMarker(text, 0, text.length, SYSCTL_TEMPLATE_MARKER)) return void 0;
  SYSCTL_TEMPLATE_MARKER.lastIndex = 0;
  for (let found = SYSCTL_TEMPLATE_MARKER.exec(text); found !== null; found = SYSCTL_TEMPLATE_MARKER.exec(text)) {
    const lineStart = text.lastIndexOf("\n", found.index - 1) + 1;
    const firstVisible = /\S/.exec(text.slice(lineStart, found.index + 1));
    const isComment = firstVisible !== null && (firstVisible[0] === "#" || firstVisible[0] === ";") && lineStart + firstVisible.index < found.index;
    if (!isComment) return templateExpression(text, found.index);
  }
  return void 0;
}
function templateExpression(text, start) {
  const lineEnd = indexWithin(text, "\n", start, start + 60);
  const limit = lineEnd === -1 ? Math.min(text.length, start + 60) : lineEnd;
  const closer = text[start + 1] === "{" ? "}}" : `${text[start + 1]}}`;
  const close = indexWithin(text, closer, start + 2, limit);
  const end = close === -1 ? limit : close + 2;
  return { start, end: text[end - 1] === "\r" ? end - 1 : end };
}
function firstGoTemplate(text, span) {
  const at = indexWithin(text, "{{", span.start, span.end);
  return at === -1 ? void 0 : templateExpression(text, at);
}

// server/src/core/analyze.ts
function fromPortable(portable) {
  const { path: path9, text, role, skipReason, objects, sysctl, modules, syntaxProblems, documents, skippedDocuments } = portable;
  return analyzed(path9, text, role, skipReason, { objects, syntaxProblems, documents, skippedDocuments }, sysctl, modules);
}
function analyzed(path9, text, role, skipReason, { objects, syntaxProblems, documents, skippedDocuments }, sysctl, modules) {
  const suppressions = skipReason === void 0 ? parseSuppressions(text) : NO_SUPPRESSIONS;
  return { path: path9, text, role, skipReason, objects, sysctl, modules, syntaxProblems, documents, skippedDocuments, suppressions, lineIndex: new LineIndex(text) };
}
var MAX_FILE_SIZE = 10 * 1024 * 1024;
function contentSkipReason(text) {
  if (text.length > MAX_FILE_SIZE) return `larger than ${MAX_FILE_SIZE / 1024 / 1024} MiB (Connlint's limit per file)`;
  if (text.includes("\0")) return "a binary file: it holds a NUL byte";
  return void 0;
}
function fileRole(path9, context = {}) {
  if (context.role !== void 0) return context.role;
  const normalised2 = (context.location ?? path9).replace(/\\/g, "/");
  const segments = normalised2.split("/");
  const name = segments[segments.length - 1].toLowerCase();
  if (name === ".connlint.yaml") return void 0;
  if (/\.(ya?ml|json)$/.test(name) || segments[segments.length - 1] === "Kustomization") return "manifest";
  if (name === "sysctl.conf") return "sysctl";
  if (name.endsWith(".conf") && segments[segments.length - 2] === "sysctl.d") return "sysctl";
  if (name.endsWith(".conf") && segments[segments.length - 2] === "modules-load.d") return "modules-load";
  return context.explicit ? "sysctl" : void 0;
}
function analyzeFile(path9, text, context = {}) {
  const role = fileRole(path9, context);
  const skipReason = role === void 0 ? void 0 : contentSkipReason(text);
  const read = skipReason === void 0 ? role : void 0;
  if (read === "sysctl") return analyzeSysctl(path9, text);
  const previous = context.previous?.path === path9 && context.previous.role === "manifest" ? context.previous : void 0;
  const parsable = read === void 0 ? text : parsableText(text);
  const helmChart = read === "manifest" && text.includes("{{") && isInHelmTemplates(context.location ?? path9, context);
  const skipUnread = context.syntaxReportedElsewhere === true || context.unreadFieldsLater === true;
  const manifests = read === "manifest" ? readManifests(path9, parsable, previous, helmChart, skipUnread) : NO_MANIFESTS;
  return analyzed(path9, text, read, skipReason, manifests, void 0, read === "modules-load" ? parseModulesLoad(parsable) : void 0);
}
function parseModulesLoad(text) {
  return text.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith(";")).map((module2) => module2.replace(/-/g, "_"));
}
function analyzeSysctl(path9, text) {
  const parsable = parsableText(text);
  const evidence = templateInSysctl(parsable);
  if (evidence === void 0) return analyzed(path9, text, "sysctl", void 0, NO_MANIFESTS, parseSysctl(parsable.replace(/^\uFEFF/, " ")), void 0);
  const whole = { start: 0, end: text.length, index: 0, evidence, cause: "template" };
  return analyzed(path9, text, void 0, void 0, { ...NO_MANIFESTS, skippedDocuments: [whole] }, void 0, void 0);
}
var NO_MANIFESTS = { objects: [], syntaxProblems: [], documents: [], skippedDocuments: [] };
function readManifests(path9, text, previous, helmChart, skipUnread) {
  const objects = [];
  const syntaxProblems = [];
  const documents = [];
  const skippedDocuments = [];
  const reuse = previous === void 0 ? void 0 : new DocumentReuse(previous, skipUnread);
  for (const slice of splitDocuments(text)) {
    const template = templateDocument(path9, text, slice, helmChart);
    if (template !== void 0) skippedDocuments.push(template);
    if (template !== void 0 || !mayMatter(path9, text, slice)) continue;
    const [firstObject, firstProblem] = [objects.length, syntaxProblems.length];
    const earlier = reuse?.take(text, slice, objects, syntaxProblems);
    let blanked2 = earlier?.blanked ?? false;
    if (earlier === void 0) {
      try {
        blanked2 = readDocument(path9, text, slice, skipUnread, objects, syntaxProblems);
      } catch (error) {
        const why = error instanceof RangeError ? "it is nested too deeply" : error.message;
        syntaxProblems.push({ span: { start: slice.start, end: slice.start }, message: `This document could not be read: ${why}.` });
      }
    }
    if (helmChart && syntaxProblems.length > firstProblem) {
      skippedDocuments.push({ start: slice.start, end: slice.end, index: slice.index, evidence: syntaxProblems[firstProblem].span, cause: "helm-chart-template" });
      objects.length = firstObject;
      syntaxProblems.length = firstProblem;
      continue;
    }
    documents.push({ start: slice.start, end: slice.end, firstObject, objectCount: objects.length - firstObject, firstProblem, problemCount: syntaxProblems.length - firstProblem, blanked: blanked2 });
  }
  return { objects, syntaxProblems, documents, skippedDocuments };
}
function templateDocument(path9, text, slice, helmChart) {
  const place = { start: slice.start, end: slice.end, index: slice.index };
  if (helmChart) {
    const evidence2 = firstGoTemplate(text, slice);
    return evidence2 === void 0 ? void 0 : { ...place, evidence: evidence2, cause: "helm-chart-template" };
  }
  if (slice.kind !== null && !mayMatter(path9, text, slice)) return void 0;
  const evidence = templateInStructure(text, slice);
  return evidence === void 0 ? void 0 : { ...place, evidence, cause: "template" };
}
function readDocument(path9, text, slice, skipUnread, objects, syntaxProblems) {
  const { document, reader, blanked: blanked2 } = parseForAnalysis(text, slice, skipUnread ? slice.kind : void 0);
  const kind = reader.string(reader.get(document.contents, "kind"));
  const origin = { file: path9, fileText: text, documentIndex: slice.index };
  if (kind === void 0 && isHelmValuesFile(path9)) for (const object of extractObjects(reader, document.contents, origin, [])) objects.push(object);
  if (kind === void 0 || !isModelledKind(kind)) return blanked2;
  const seen = /* @__PURE__ */ new Set();
  for (const error of document.errors) {
    const start = slice.start + error.pos[0];
    const problem = { span: { start, end: Math.max(start, slice.start + error.pos[1]) }, message: firstLine(error.message) };
    const key = `${problem.span.start}:${problem.span.end}:${problem.message}`;
    if (!seen.has(key)) syntaxProblems.push(problem);
    seen.add(key);
  }
  for (const object of extractObjects(reader, document.contents, origin, syntaxProblems)) objects.push(object);
  return blanked2;
}
function mayMatter(path9, text, slice) {
  if (slice.kind === null) return isHelmValuesFile(path9) && (includesWithin(text, "kubeProxyReplacement", slice) || includesWithin(text, "socketLB", slice));
  if (slice.kind === void 0) return true;
  if (slice.kind === "ConfigMap") return includesWithin(text, "KubeProxyConfiguration", slice) || mayHoldPathTimers(text.slice(slice.start, slice.end));
  return isModelledKind(slice.kind);
}
function isHelmValuesFile(path9) {
  return /(^|[\\/])values[^\\/]*\.ya?ml$/i.test(path9);
}
function isModelledKind(kind) {
  return MODELLED_KINDS.has(kind) || kind.endsWith("List") && MODELLED_KINDS.has(kind.slice(0, -4));
}
function includesWithin(text, needle, slice) {
  return indexWithin(text, needle, slice.start, slice.end) !== -1;
}
function isInHelmTemplates(path9, context) {
  if (context.fileExists === void 0) return false;
  const segments = path9.replace(/\\/g, "/").split("/");
  for (let i2 = segments.length - 2; i2 >= 0; i2--) {
    if (segments[i2] === "templates" && context.fileExists([...segments.slice(0, i2), "Chart.yaml"].join("/"))) return true;
  }
  return false;
}

// server/src/core/workspace.ts
var Workspace = class {
  /**
   * `directoryName` names a directory in messages (a kustomize build's): the language server's
   * paths are URIs, which it names relative to their workspace folder.
   */
  constructor(assumptions = {}, fileExists, directoryName) {
    this.fileExists = fileExists;
    this.current = new WorkspaceModel([], assumptions, directoryName);
  }
  fileExists;
  files = /* @__PURE__ */ new Map();
  current;
  options = {};
  /** Replaces what is assumed about the cluster. */
  setAssumptions(assumptions) {
    this.current.setAssumptions(assumptions);
  }
  /** How the files set from now on are read; an analysis made elsewhere (setAnalyzed) must be made with the same options. */
  setAnalysisOptions(options) {
    this.options = options;
  }
  /** Adds or replaces a file; unchanged text keeps its analysis. */
  set(path9, text, context = {}) {
    const current = this.files.get(path9);
    if (current !== void 0 && current.text === text) return current;
    return this.analyze(path9, text, context, current);
  }
  /**
   * Reads whole the documents of a file that its analysis left with unread fields blanked
   * (`unreadFieldsLater`), so that their YAML errors are known, and takes over its other
   * documents as they are. Returns whether the file had any such document.
   */
  readWhole(path9) {
    const current = this.files.get(path9);
    if (current === void 0 || this.options.syntaxReportedElsewhere === true || !current.documents.some((document) => document.blanked)) return false;
    this.analyze(path9, current.text, current.role === void 0 ? {} : { role: current.role }, current);
    return true;
  }
  analyze(path9, text, context, previous) {
    const analyzed2 = analyzeFile(path9, text, { ...this.options, ...context, ...this.fileExists ? { fileExists: this.fileExists } : {}, ...previous ? { previous } : {} });
    this.files.set(path9, analyzed2);
    this.current.setFile(analyzed2);
    return analyzed2;
  }
  /**
   * Adds or replaces a file with an analysis made elsewhere (on a worker thread) by `analyzeFile`
   * with this workspace's context and options; unchanged text keeps the analysis in place.
   */
  setAnalyzed(analyzed2) {
    const current = this.files.get(analyzed2.path);
    if (current !== void 0 && current.text === analyzed2.text) return current;
    this.files.set(analyzed2.path, analyzed2);
    this.current.setFile(analyzed2);
    return analyzed2;
  }
  /** Forgets a file. */
  delete(path9) {
    const deleted = this.files.delete(path9);
    if (deleted) this.current.deleteFile(path9);
    return deleted;
  }
  has(path9) {
    return this.files.has(path9);
  }
  /** The paths of every file. */
  paths() {
    return [...this.files.keys()];
  }
  /** The model of all files, kept up to date as files change (the same object for the workspace's life). */
  model() {
    return this.current;
  }
};

// server/src/cli/config.ts
var import_node_fs2 = require("node:fs");
var path = __toESM(require("node:path"));
var import_yaml13 = __toESM(require_dist());

// server/src/files/read.ts
var import_node_fs = require("node:fs");
function readTextFile(file) {
  const read = readRegularFile(file, MAX_FILE_SIZE);
  if ("tooLarge" in read) return { skipped: tooLarge(read.tooLarge) };
  return "bytes" in read ? decode(read.bytes) : read;
}
function readRegularFile(file, maxBytes) {
  const descriptor = (0, import_node_fs.openSync)(file, import_node_fs.constants.O_RDONLY | (import_node_fs.constants.O_NONBLOCK ?? 0));
  try {
    const info = (0, import_node_fs.fstatSync)(descriptor);
    if (!info.isFile()) return { skipped: "not a regular file" };
    if (info.size > maxBytes) return { tooLarge: info.size };
    const chunks = [];
    let length = 0;
    for (let size = info.size + 1; ; size = 64 * 1024) {
      const chunk = Buffer.allocUnsafe(size);
      const bytesRead = (0, import_node_fs.readSync)(descriptor, chunk, 0, size, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return { tooLarge: length };
    }
    return { bytes: Buffer.concat(chunks, length) };
  } finally {
    (0, import_node_fs.closeSync)(descriptor);
  }
}
function decode(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    return { skipped: "UTF-16 or UTF-32 encoded; Connlint reads UTF-8 (convert it: iconv -f UTF-16 -t UTF-8)" };
  }
  const text = bytes.toString("utf8");
  const skipped = contentSkipReason(text);
  if (skipped !== void 0) return { skipped };
  const lossy = text.includes("\uFFFD") && !Buffer.from(text, "utf8").equals(bytes);
  const bom = text.charCodeAt(0) === 65279;
  return { text: bom ? text.slice(1) : text, bom, lossy };
}
function tooLarge(size) {
  return `larger than ${MAX_FILE_SIZE / 1024 / 1024} MiB (${(size / 1024 / 1024).toFixed(1)} MiB; Connlint's limit per file)`;
}

// server/src/cli/config.ts
var CONFIG_FILE_NAME = ".connlint.yaml";
var MAX_CONFIG_SIZE = 1024 * 1024;
var ConfigError = class extends Error {
};
function loadConfig(cwd, explicit) {
  const file = explicit === void 0 ? findConfig(cwd) : path.resolve(cwd, explicit);
  if (file === void 0) return { settings: DEFAULT_SETTINGS, file: void 0, baseDirectory: cwd };
  let raw;
  try {
    raw = (0, import_yaml13.parse)(readConfigText(file), { prettyErrors: false });
  } catch (error) {
    const reason = error.code === "ENOENT" ? "no such file" : error.message.split("\n")[0];
    throw new ConfigError(`cannot use ${path.relative(cwd, file) || file}: ${reason}`);
  }
  const { settings, problems } = parseSettings(raw);
  if (problems.length > 0) {
    const list = problems.map((problem) => problem.key === "" ? problem.message : `${problem.key}: ${problem.message}`).join("; ");
    throw new ConfigError(`invalid ${path.relative(cwd, file) || file}: ${list}`);
  }
  return { settings, file, baseDirectory: path.dirname(file) };
}
function readConfigText(file) {
  const read = readRegularFile(file, MAX_CONFIG_SIZE);
  if ("bytes" in read) return read.bytes.toString("utf8");
  const limit = `a configuration file is a regular file of at most ${MAX_CONFIG_SIZE / 1024 / 1024} MiB`;
  throw new Error("skipped" in read ? `${read.skipped} (${limit})` : `${(read.tooLarge / 1024 / 1024).toFixed(1)} MiB (${limit})`);
}
function configLintSettings(config, cwd, notOnDisk = /* @__PURE__ */ new Set()) {
  return lintSettingsOf(config.settings, (file) => {
    if (notOnDisk.has(file)) return void 0;
    const relative4 = path.relative(config.baseDirectory, path.resolve(cwd, file)).split(path.sep).join("/");
    return relative4.startsWith("../") || relative4 === ".." || path.isAbsolute(relative4) ? void 0 : relative4;
  });
}
function findConfig(cwd) {
  for (let directory = cwd; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if ((0, import_node_fs2.existsSync)(candidate)) return candidate;
    if (path.dirname(directory) === directory) return void 0;
  }
}

// server/src/cli/format/sarif.ts
var import_node_crypto = require("node:crypto");
var SARIF_VERSION = "2.1.0";
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var SOURCE_ROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "connlint/v1";
function sarifLevel(severity) {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}
function formatSarif(diagnostics, context) {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const fingerprints = new Fingerprints(context.textOf);
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: "connlint",
            version: context.version,
            semanticVersion: context.version,
            informationUri: context.informationUri,
            rules: context.rules.map((rule) => reportingDescriptor(rule, context.fullDescription(rule.id)))
          }
        },
        columnKind: "utf16CodeUnits",
        ...context.skipped !== void 0 && context.skipped.length > 0 ? { invocations: [skippedNotifications(context.skipped, context)] } : {},
        results: diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.rule,
          ...ruleIndex.has(diagnostic.rule) ? { ruleIndex: ruleIndex.get(diagnostic.rule) } : {},
          level: sarifLevel(diagnostic.severity),
          message: { text: diagnostic.message },
          locations: [{ physicalLocation: physicalLocation(diagnostic.file, diagnostic.range, context) }],
          ...diagnostic.related.length > 0 ? {
            relatedLocations: diagnostic.related.map((related2, index) => ({
              id: index + 1,
              physicalLocation: physicalLocation(related2.file, related2.range, context),
              message: { text: related2.message }
            }))
          } : {},
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(diagnostic) }
        }))
      }
    ]
  };
  return inertJson(log);
}
function skippedNotifications(skipped, context) {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: skipped.map((part) => ({
      level: "note",
      message: { text: part.reason },
      locations: [{ physicalLocation: physicalLocation(part.file, part.range, context) }]
    }))
  };
}
function reportingDescriptor(rule, fullDescription) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_2, _dash, letter) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: fullDescription ?? rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) }
  };
}
function physicalLocation(file, range, context) {
  const outside = context.outsideSourceRoot(file);
  return {
    artifactLocation: { uri: fileUri(file), ...outside ? {} : { uriBaseId: SOURCE_ROOT } },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1
    }
  };
}
function fileUri(file) {
  return file.split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
var Fingerprints = class {
  constructor(textOf) {
    this.textOf = textOf;
  }
  textOf;
  seen = /* @__PURE__ */ new Map();
  lines = /* @__PURE__ */ new Map();
  next(diagnostic) {
    const anchor = this.anchorText(diagnostic.file, diagnostic.range);
    const key = [diagnostic.rule, diagnostic.file, anchor].join("\0");
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return (0, import_node_crypto.createHash)("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32);
  }
  anchorText(file, range) {
    let lines = this.lines.get(file);
    if (lines === void 0) {
      lines = (this.textOf(file) ?? "").split(/\r?\n/);
      this.lines.set(file, lines);
    }
    const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    return lines.slice(range.start.line, last + 1).map((line) => line.trim()).join("\n");
  }
};

// server/src/cli/format/stylish.ts
var import_picocolors = __toESM(require_picocolors());
function tally(diagnostics) {
  const count = (severity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") + count("hint") };
}
function formatStylish(diagnostics, options) {
  const c2 = (0, import_picocolors.createColors)(options.color);
  const severityColor = { error: c2.red, warning: c2.yellow, info: c2.blue, hint: c2.dim };
  const out = [];
  for (const [file, rows] of rowsByFile(diagnostics, options.skipped ?? [])) {
    const placeWidth = Math.max(...rows.map((row) => row.place.length));
    const labelWidth = Math.max(...rows.map((row) => row.label.length));
    out.push("", c2.underline(escapeControl(file)));
    for (const row of rows) {
      const label = row.label.padEnd(labelWidth);
      const shown = row.severity === void 0 ? c2.dim(label) : severityColor[row.severity](label);
      out.push(`  ${c2.dim(row.place.padStart(placeWidth))}  ${shown}  ${escapeControl(row.message)}${row.rule === "" ? "" : `  ${c2.dim(row.rule)}`}`);
      for (const related2 of row.related) {
        const where = `${escapeControl(related2.file)}:${related2.range.start.line + 1}:${related2.range.start.character + 1}`;
        out.push(`  ${" ".repeat(placeWidth)}  ${c2.dim(`\u21B3 ${where}  ${escapeControl(related2.message)}`)}`);
      }
    }
  }
  out.push("", summary(tally(diagnostics), options, c2), "");
  return out.join("\n");
}
function rowsByFile(diagnostics, skipped) {
  const byFile = /* @__PURE__ */ new Map();
  const placeOf = (range) => ({ place: `${range.start.line + 1}:${range.start.character + 1}`, line: range.start.line, character: range.start.character });
  for (const d2 of diagnostics) pushTo(byFile, d2.file, { ...placeOf(d2.range), label: d2.severity, severity: d2.severity, message: d2.message, rule: d2.rule, related: d2.related });
  for (const part of skipped) pushTo(byFile, part.file, { ...placeOf(part.range), label: "skipped", severity: void 0, message: part.reason, rule: "", related: [] });
  for (const rows of byFile.values()) rows.sort((a2, b2) => a2.line - b2.line || a2.character - b2.character);
  return new Map([...byFile].sort(([a2], [b2]) => a2 < b2 ? -1 : a2 > b2 ? 1 : 0));
}
function summary(counts, options, c2) {
  const files = `${plural(options.filesChecked, "file")} checked${skippedFiles(options.filesSkipped ?? [])}`;
  const problems = counts.errors + counts.warnings + counts.infos;
  if (problems === 0) return c2.green(`\u2714 No problems (${files})`);
  const parts = [plural(counts.errors, "error"), plural(counts.warnings, "warning"), ...counts.infos > 0 ? [plural(counts.infos, "info")] : []];
  const text = `\u2716 ${plural(problems, "problem")} (${parts.join(", ")}; ${files})`;
  return counts.errors > 0 ? c2.bold(c2.red(text)) : counts.warnings > 0 ? c2.bold(c2.yellow(text)) : c2.bold(text);
}
function skippedFiles(filesSkipped) {
  if (filesSkipped.length === 0) return "";
  const labels = Object.entries(countByLabel(filesSkipped));
  return `, ${filesSkipped.length} skipped: ${labels.length === 1 ? labels[0][0] : labels.map(([label, count]) => `${count} ${label}`).join(", ")}`;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 || noun === "info" ? "" : "s"}`;
}

// server/src/cli/main.ts
var import_promises = require("node:fs/promises");
var path6 = __toESM(require("node:path"));

// server/src/cli/packageInfo.ts
var path2 = __toESM(require("node:path"));
var PACKAGE_ROOT = path2.join(__dirname, "..", "..", "..");
var HOMEPAGE = "https://github.com/connlint/connlint";

// server/src/cli/ruleDocs.ts
var path3 = __toESM(require("node:path"));
var RULE_DOCS_DIRECTORY = path3.join(PACKAGE_ROOT, "docs", "rules");
function ruleSummary(markdown) {
  const paragraphs = markdown.replace(/\r\n/g, "\n").split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    const text = paragraph.trim();
    if (text === "" || text.startsWith("#") || text.startsWith("```") || /^\*\*[^*]+:\*\*/.test(text)) continue;
    return plainText(text.replace(/\s*\n\s*/g, " "));
  }
  return void 0;
}
function plainText(markdown) {
  return markdown.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1").replace(/\*\*([^*]+)\*\*/g, "$1").replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, "$1$2");
}

// server/src/cli/printConfig.ts
var import_yaml14 = __toESM(require_dist());

// server/src/analysis/parallel.ts
var import_node_fs5 = require("node:fs");
var import_node_os = require("node:os");

// server/src/analysis/fileAnalysis.ts
var import_node_fs3 = require("node:fs");
function readAndAnalyze(file) {
  try {
    const read = readTextFile(file.location);
    if ("skipped" in read) return { name: file.name, skipped: read.skipped };
    const analyzed2 = analyzeFile(file.name, read.text, { explicit: file.explicit, location: file.location, fileExists: import_node_fs3.existsSync });
    return { name: file.name, analyzed: analyzed2, bom: read.bom, lossy: read.lossy };
  } catch (error) {
    const { code, message: message2 } = error;
    return { name: file.name, failed: { code, message: message2 ?? String(error) } };
  }
}

// server/src/analysis/pool.ts
var import_node_fs4 = require("node:fs");
var path4 = __toESM(require("node:path"));
var import_node_worker_threads = require("node:worker_threads");
var WORKER_SCRIPT = path4.join(__dirname, "analysisWorker.js");
var YOUNG_GENERATION_MB = 48;
var PoolWorker = class {
  constructor(worker, log) {
    this.worker = worker;
    worker.on("message", (reply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      pending?.resolve(reply.results.map((result) => "analyzed" in result ? { ...result, analyzed: fromPortable(result.analyzed) } : result));
    });
    worker.on("error", (error) => this.fail(`an analysis worker failed: ${error.stack ?? error.message}`, log));
    worker.on("exit", (code) => this.fail(`an analysis worker stopped (exit code ${code})`, log));
    for (const stream of [worker.stdout, worker.stderr]) stream.on("data", (chunk) => log(`analysis worker: ${chunk.toString("utf8").trimEnd()}`));
  }
  worker;
  pending = /* @__PURE__ */ new Map();
  alive = true;
  fail(message2, log) {
    if (!this.alive) return;
    this.alive = false;
    if (this.pending.size > 0) log(message2);
    for (const pending of this.pending.values()) pending.reject(new Error(message2));
    this.pending.clear();
  }
};
var AnalysisPool = class _AnalysisPool {
  constructor(workers) {
    this.workers = workers;
  }
  workers;
  nextId = 0;
  /**
   * Starts `size` workers running `script` (the analysis worker beside this module), or returns
   * undefined when none can start (the script is missing, say).
   */
  static start(size, log, script = WORKER_SCRIPT) {
    if (!(0, import_node_fs4.existsSync)(script)) {
      log(`No analysis worker at ${script}: files are analysed on the server's thread.`);
      return void 0;
    }
    const workers = [];
    try {
      for (let i2 = 0; i2 < size; i2++) workers.push(new PoolWorker(new import_node_worker_threads.Worker(script, { stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), log));
    } catch (error) {
      log(`Cannot start an analysis worker: ${error.message}`);
    }
    return workers.length === 0 ? void 0 : new _AnalysisPool(workers);
  }
  /** How many workers are alive. */
  get size() {
    return this.workers.filter((worker) => worker.alive).length;
  }
  /** Reads and analyses a batch of workspace files, named by URI, on the least busy worker; rejects when no worker can. */
  analyze(uris, options = {}) {
    return this.run({ uris, options });
  }
  /** Reads and analyses a batch of the command line's files on the least busy worker; rejects when no worker can. */
  analyzeFiles(files) {
    return this.run({ files });
  }
  run(job) {
    const live = this.workers.filter((worker) => worker.alive);
    if (live.length === 0) return Promise.reject(new Error("no analysis worker is running"));
    const target = live.reduce((best, worker) => worker.pending.size < best.pending.size ? worker : best);
    const id = this.nextId++;
    return new Promise((resolve5, reject) => {
      target.pending.set(id, { resolve: resolve5, reject });
      target.worker.postMessage({ ...job, id });
    });
  }
  /** Stops every worker: their memory goes back once the scan is over. */
  async close() {
    await Promise.all(this.workers.map((worker) => worker.worker.terminate()));
  }
};

// server/src/analysis/parallel.ts
var MANY_FILES = 32;
var MANY_BYTES = 2 * 1024 * 1024;
var MAX_BATCH = 50;
var BATCHES_PER_WORKER = 4;
var WORKERS = Math.min(3, (0, import_node_os.availableParallelism)() - 1);
function planFor(files, workers = WORKERS, manyFiles = MANY_FILES) {
  const worthIt = workers > 0 && files.length > 1 && (files.length >= manyFiles || totalBytes(files, MANY_BYTES) >= MANY_BYTES);
  const threads = worthIt ? workers + 1 : 1;
  return { workers: worthIt ? workers : 0, batchSize: Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / (32 * threads)))) };
}
async function readAndAnalyzeAll(files, log, plan = planFor(files)) {
  const pool = plan.workers > 0 && (0, import_node_fs5.existsSync)(WORKER_SCRIPT) ? AnalysisPool.start(plan.workers, log) : void 0;
  const results = [];
  const batches = Math.ceil(files.length / plan.batchSize);
  const held = pool === void 0 ? 0 : Math.min(BATCHES_PER_WORKER, Math.ceil(batches / (pool.size + 1))) * pool.size;
  try {
    const inFlight = /* @__PURE__ */ new Set();
    for (let first = 0, index = 0; first < files.length; first += plan.batchSize, index++) {
      const batch = files.slice(first, first + plan.batchSize);
      const at = index;
      if (pool === void 0 || pool.size === 0 || inFlight.size >= held) {
        results[at] = batch.map(readAndAnalyze);
        if (pool !== void 0) await new Promise((resolve5) => setImmediate(resolve5));
        continue;
      }
      const analysed = pool.analyzeFiles(batch).catch(() => batch.map(readAndAnalyze)).then((read) => void (results[at] = read)).finally(() => inFlight.delete(analysed));
      inFlight.add(analysed);
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  return results.flat();
}
function totalBytes(files, enough) {
  let total = 0;
  for (const file of files) {
    try {
      total += (0, import_node_fs5.statSync)(file.location).size;
    } catch {
    }
    if (total >= enough) break;
  }
  return total;
}

// server/src/files/walk.ts
var import_node_fs6 = require("node:fs");
var path5 = __toESM(require("node:path"));
var import_ignore = __toESM(require_ignore());
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set(["node_modules", ".git"]);
var DIRECTORIES_PER_TURN = 64;
var WALK_LIMITS = { maxFiles: 2e4, maxEntries: 5e5 };
async function walk(root, accept, onError, limits = WALK_LIMITS) {
  const found = [];
  let entriesSeen = 0;
  let listed = 0;
  let stopped = false;
  const stop = (what) => {
    stopped = true;
    onError(`stopped walking ${root} after ${what}; the files after that are not linted (leave some out with exclude, or lint a subdirectory)`);
  };
  const visit2 = async (directory, scopes) => {
    if (stopped) return;
    if (++listed % DIRECTORIES_PER_TURN === 0) await new Promise((resolve5) => setImmediate(resolve5));
    let entries3;
    try {
      entries3 = (0, import_node_fs6.readdirSync)(directory, { withFileTypes: true });
    } catch (error) {
      onError(`cannot read directory ${directory}: ${error.code ?? String(error)}`);
      return;
    }
    const own = entries3.some((entry) => entry.name === ".gitignore") ? loadIgnore(directory) : void 0;
    const inScope = own === void 0 ? scopes : [...scopes, own];
    entries3.sort((a2, b2) => a2.name < b2.name ? -1 : a2.name > b2.name ? 1 : 0);
    for (const entry of entries3) {
      if (stopped) return;
      if (++entriesSeen > limits.maxEntries) return stop(`${limits.maxEntries} directory entries`);
      const full = path5.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !isIgnored(inScope, full, true)) await visit2(full, inScope);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && accept(full) && !isIgnored(inScope, full, false)) {
        if (found.length >= limits.maxFiles) return stop(`${limits.maxFiles} files`);
        found.push(full);
      }
    }
  };
  await visit2(root, ancestorScopes(root));
  return found;
}
function ancestorScopes(root) {
  const chain = [];
  for (let directory = path5.dirname(root); ; directory = path5.dirname(directory)) {
    chain.unshift(directory);
    if ((0, import_node_fs6.existsSync)(path5.join(directory, ".git")) || path5.dirname(directory) === directory) break;
  }
  if (!(0, import_node_fs6.existsSync)(path5.join(chain[0], ".git"))) return [];
  return chain.map(loadIgnore).filter((scope) => scope !== void 0);
}
function loadIgnore(directory) {
  let text;
  try {
    text = (0, import_node_fs6.readFileSync)(path5.join(directory, ".gitignore"), "utf8");
  } catch {
    return void 0;
  }
  return { directory, rules: (0, import_ignore.default)({ ignorecase: false }).add(text) };
}
function isIgnored(scopes, full, isDirectory) {
  return scopes.some((scope) => {
    const relative4 = path5.relative(scope.directory, full).split(path5.sep).join("/");
    return relative4 !== "" && !relative4.startsWith("..") && scope.rules.ignores(isDirectory ? `${relative4}/` : relative4);
  });
}

// server/src/core/quickFixes.ts
var import_yaml15 = __toESM(require_dist());

// server/src/cli/main.ts
var STDIN_NAME = "<stdin>";
var InputError = class extends Error {
};
async function loadInputs(options, config, workspace, io) {
  const encodings = { bomFiles: /* @__PURE__ */ new Set(), lossyFiles: /* @__PURE__ */ new Set() };
  const warn = (message2) => void io.stderr.write(`connlint: warning: ${message2}
`);
  const isExcluded = exclusionMatcher(config.settings);
  const excluded = (file) => {
    const relative4 = path6.relative(config.baseDirectory, file).split(path6.sep).join("/");
    return !relative4.startsWith("..") && isExcluded(relative4);
  };
  for (const input of new Set(options.paths)) {
    if (input === "-") {
      const text = stripBom(await io.readStdin());
      const skipped = contentSkipReason(text);
      if (skipped !== void 0) warn(`skipped ${STDIN_NAME}: ${skipped}`);
      workspace.set(STDIN_NAME, text, { role: "manifest" });
      continue;
    }
    const absolute = path6.resolve(io.cwd, input);
    const info = await (0, import_promises.stat)(absolute).catch((error) => {
      throw new InputError(`cannot read ${input}: ${describeIoError(error)}`);
    });
    if (info.isDirectory()) {
      const files = await walk(absolute, (file) => fileRole(file) !== void 0 && !excluded(file), warn);
      await readAll(files, workspace, io, false, encodings, warn);
    } else {
      await readAll([absolute], workspace, io, true, encodings, (message2) => {
        throw new InputError(message2);
      });
    }
  }
  return encodings;
}
async function readAll(files, workspace, io, explicit, encodings, onError) {
  const toRead = files.map((file) => ({ location: file, name: displayPath(io.cwd, file), explicit }));
  const log = (message2) => void io.stderr.write(`connlint: ${message2}
`);
  for (const result of await readAndAnalyzeAll(toRead, log)) {
    if ("failed" in result) onError(`cannot read ${result.name}: ${describeIoError(result.failed)}`);
    else if ("skipped" in result) io.stderr.write(`connlint: warning: skipped ${result.name}: ${result.skipped}
`);
    else {
      if (result.bom) encodings.bomFiles.add(result.name);
      if (result.lossy) encodings.lossyFiles.add(result.name);
      workspace.setAnalyzed(result.analyzed);
    }
  }
}
function displayPath(cwd, file) {
  return path6.relative(cwd, file).split(path6.sep).join("/") || path6.basename(file);
}
function describeIoError(error) {
  switch (error.code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOSPC":
      return "no space left on device";
    default:
      return error.code ?? error.message;
  }
}

// server/src/action/fileCommands.ts
var import_node_crypto2 = require("node:crypto");
function outputCommand(name, value, delimiter = `ghadelimiter_${(0, import_node_crypto2.randomUUID)()}`) {
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name}: the value holds the delimiter ${delimiter}`);
  return `${name}<<${delimiter}
${value}
${delimiter}
`;
}
function workflowCommand(command, message2 = "") {
  return `::${command}::${escapeData(message2)}
`;
}

// server/src/action/inputs.ts
var FAIL_ON = ["error", "warning", "info", "never"];
var ActionInputError = class extends Error {
};
function actionInput(env, name) {
  const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim();
  return value === void 0 || value === "" ? void 0 : value;
}
function splitPaths(value) {
  if (value === void 0) return ["."];
  const lines = value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
  return lines.length > 1 ? lines : value.split(/\s+/).filter((part) => part !== "");
}
function actionInputs(env) {
  const failOn = actionInput(env, "fail-on") ?? "error";
  if (!FAIL_ON.includes(failOn)) throw new ActionInputError(`fail-on must be error, warning, info or never, not "${failOn}"`);
  const paths = splitPaths(actionInput(env, "paths"));
  if (paths.includes("-")) throw new ActionInputError('paths: "-" (standard input) cannot be used in the action; name files or directories');
  return { paths, config: actionInput(env, "config"), failOn, sarif: actionInput(env, "sarif") };
}

// server/src/action/summary.ts
var SUMMARY_FINDINGS_LIMIT = 200;
function jobSummary(diagnostics, filesChecked) {
  const files = `${filesChecked} file${filesChecked === 1 ? "" : "s"} checked`;
  if (diagnostics.length === 0) return `## Connlint

No problems (${files}).
`;
  const counts = tally(diagnostics);
  const lines = [
    "## Connlint",
    "",
    `${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"}: ${counts.errors} error${counts.errors === 1 ? "" : "s"}, ${counts.warnings} warning${counts.warnings === 1 ? "" : "s"}, ${counts.infos} info (${files}).`,
    "",
    "| Rule | Errors | Warnings | Infos | What it finds |",
    "| --- | ---: | ---: | ---: | --- |",
    ...ruleRows(diagnostics),
    "",
    "<details><summary>Findings</summary>",
    "",
    "| Place | Severity | Rule | Message |",
    "| --- | --- | --- | --- |",
    ...diagnostics.slice(0, SUMMARY_FINDINGS_LIMIT).map(findingRow),
    ...diagnostics.length > SUMMARY_FINDINGS_LIMIT ? ["", `And ${diagnostics.length - SUMMARY_FINDINGS_LIMIT} more: see the annotations or the SARIF report.`] : [],
    "",
    "</details>",
    ""
  ];
  return lines.join("\n");
}
function ruleRows(diagnostics) {
  const byRule = /* @__PURE__ */ new Map();
  for (const diagnostic of diagnostics) pushTo(byRule, diagnostic.rule, diagnostic);
  return [...byRule.keys()].sort().map((id) => {
    const counts = tally(byRule.get(id));
    return `| [${markdownCell(id)}](${ruleDocsUrl(id)}) | ${counts.errors} | ${counts.warnings} | ${counts.infos} | ${markdownCell(ruleById(id)?.description ?? "")} |`;
  });
}
function findingRow(diagnostic) {
  const { line, character } = diagnostic.range.start;
  return `| ${markdownCell(`${diagnostic.file}:${line + 1}:${character + 1}`)} | ${diagnostic.severity} | ${markdownCell(diagnostic.rule)} | ${markdownCell(diagnostic.message)} |`;
}
function markdownCell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_[\]|~])/g, "\\$1").replace(/\r\n|\r|\n/g, "<br>").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// server/src/action/run.ts
async function runAction(io) {
  try {
    const inputs = actionInputs(io.env);
    const cwd = path7.resolve(io.env["GITHUB_WORKSPACE"] || process.cwd());
    const config = loadConfig(cwd, inputs.config);
    const workspace = new Workspace(assumptionsOf(config.settings), import_node_fs7.existsSync);
    await loadInputs({ paths: inputs.paths }, config, workspace, cliIo(cwd, io));
    const diagnostics = lint(workspace.model(), configLintSettings(config, cwd, /* @__PURE__ */ new Set([STDIN_NAME])));
    const coverage = coverageOf(workspace.paths().map((file) => workspace.model().file(file)));
    const filesChecked = coverage.filesChecked;
    io.stdout.write(formatGithub(diagnostics));
    io.stdout.write(`${workflowCommand("group", "Connlint report")}${formatStylish(diagnostics, { color: false, ...coverage })}
${workflowCommand("endgroup")}`);
    if (inputs.sarif !== void 0) writeReport(path7.resolve(cwd, inputs.sarif), sarifReport(diagnostics, workspace, io.actionRoot));
    appendTo(io.env["GITHUB_STEP_SUMMARY"], jobSummary(diagnostics, filesChecked));
    appendTo(io.env["GITHUB_OUTPUT"], stepOutputs(diagnostics));
    return failsJob(diagnostics, inputs.failOn) ? 1 : 0;
  } catch (error) {
    if (![ActionInputError, ConfigError, InputError].some((type) => error instanceof type)) throw error;
    io.stdout.write(workflowCommand("error", `connlint: ${error.message}`));
    return 2;
  }
}
function failsJob(diagnostics, failOn) {
  const counts = tally(diagnostics);
  switch (failOn) {
    case "error":
      return counts.errors > 0;
    case "warning":
      return counts.errors + counts.warnings > 0;
    case "info":
      return diagnostics.length > 0;
    case "never":
      return false;
  }
}
function stepOutputs(diagnostics) {
  const counts = tally(diagnostics);
  const values = { errors: counts.errors, warnings: counts.warnings, infos: counts.infos, total: diagnostics.length };
  return Object.entries(values).map(([name, value]) => outputCommand(name, String(value))).join("");
}
function cliIo(cwd, io) {
  const prefix = "connlint: warning: ";
  return {
    cwd,
    stdout: io.stdout,
    stderr: {
      write: (text) => io.stdout.write(
        text.split("\n").filter((line) => line !== "").map((line) => workflowCommand("warning", line.startsWith(prefix) ? `connlint: ${line.slice(prefix.length)}` : line)).join("")
      )
    },
    readStdin: async () => "",
    env: io.env
  };
}
function sarifReport(diagnostics, workspace, actionRoot2) {
  const manifest = JSON.parse((0, import_node_fs7.readFileSync)(path7.join(actionRoot2, "package.json"), "utf8"));
  return formatSarif(diagnostics, {
    version: manifest.version,
    informationUri: HOMEPAGE,
    rules: RULES,
    fullDescription: (id) => {
      const page = path7.join(actionRoot2, "docs", "rules", `${id}.md`);
      return (0, import_node_fs7.existsSync)(page) ? ruleSummary((0, import_node_fs7.readFileSync)(page, "utf8")) : void 0;
    },
    textOf: (file) => workspace.model().file(file)?.text,
    outsideSourceRoot: () => false
  });
}
function writeReport(file, text) {
  try {
    (0, import_node_fs7.mkdirSync)(path7.dirname(file), { recursive: true });
    (0, import_node_fs7.writeFileSync)(file, text);
  } catch (error) {
    throw new ActionInputError(`sarif: cannot write ${file}: ${error.code ?? error.message}`);
  }
}
function appendTo(file, text) {
  if (file !== void 0 && file !== "") (0, import_node_fs7.appendFileSync)(file, text);
}

// server/src/action/main.ts
function actionRoot(start) {
  for (let directory = start; ; directory = path8.dirname(directory)) {
    if ((0, import_node_fs8.existsSync)(path8.join(directory, "action.yml"))) return directory;
    if (path8.dirname(directory) === directory) return path8.resolve(start, "..", "..");
  }
}
runAction({ env: process.env, stdout: process.stdout, actionRoot: actionRoot(__dirname) }).then((code) => {
  process.exitCode = code;
}).catch((error) => {
  process.stdout.write(`::error::${escapeData(`connlint: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)}
`);
  process.exitCode = 2;
});
