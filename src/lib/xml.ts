import { escapeXml } from './markup.ts';

/** An XML element: its name (prefixed names such as `atom:link` included), attributes in writing order, children. */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
}

/** A node of an XML tree: an element or text (escaped when written). */
export type XmlNode = XmlElement | string;

/** An element with its attributes and children; `undefined` children are left out, so an optional element can be written in place. */
export function xmlElement(name: string, attributes: Readonly<Record<string, string>>, ...children: readonly (XmlNode | undefined)[]): XmlElement {
  return { name, attributes, children: children.filter((child) => child !== undefined) };
}

/** Writes a node; `indent` is undefined inside text-bearing elements, where added whitespace would become text. */
function writeNode(node: XmlNode, indent: string | undefined): string {
  if (typeof node === 'string') return escapeXml(node);
  const attributes = Object.entries(node.attributes).map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
  const start = `${indent ?? ''}<${node.name}${attributes}`;
  if (node.children.length === 0) return `${start}/>`;
  if (indent !== undefined && node.children.every((child) => typeof child !== 'string')) {
    const inner = node.children.map((child) => writeNode(child, `${indent}  `)).join('\n');
    return `${start}>\n${inner}\n${indent}</${node.name}>`;
  }
  return `${start}>${node.children.map((child) => writeNode(child, undefined)).join('')}</${node.name}>`;
}

/** A UTF-8 XML document with `root` as its document element, one element a line where that leaves text untouched. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeNode(root, '')}\n`;
}
