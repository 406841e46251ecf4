/**
 * Read-only index over a template version: nodes by id, edges by id, outgoing and incoming
 * edges in definition order (the order exclusive gateways test conditions in).
 */
import type { Definition, Edge, Node, NodeOf, NodeType } from '../definition/schema';
import { DefinitionError } from './errors';

export class ProcessGraph {
  private readonly nodes = new Map<string, Node>();
  private readonly edges = new Map<string, Edge>();
  private readonly outgoingEdges = new Map<string, Edge[]>();
  private readonly incomingEdges = new Map<string, Edge[]>();

  constructor(readonly definition: Definition) {
    for (const node of definition.nodes) this.nodes.set(node.id, node);
    for (const edge of definition.edges) {
      this.edges.set(edge.id, edge);
      push(this.outgoingEdges, edge.source, edge);
      push(this.incomingEdges, edge.target, edge);
    }
  }

  /** @throws DefinitionError when the node does not exist (a template defect). */
  node(id: string): Node {
    const node = this.nodes.get(id);
    if (!node) throw new DefinitionError(`Node '${id}' does not exist in template ${this.definition.key}`, id);
    return node;
  }

  /** The node, narrowed to `type`. @throws DefinitionError when missing or of another type. */
  nodeOf<T extends NodeType>(id: string, type: T): NodeOf<T> {
    const node = this.node(id);
    if (node.type !== type) throw new DefinitionError(`Node '${id}' is a ${node.type}, expected ${type}`, id);
    return node as NodeOf<T>;
  }

  find(id: string): Node | undefined {
    return this.nodes.get(id);
  }

  edge(id: string): Edge | undefined {
    return this.edges.get(id);
  }

  outgoing(nodeId: string): Edge[] {
    return this.outgoingEdges.get(nodeId) ?? [];
  }

  incoming(nodeId: string): Edge[] {
    return this.incomingEdges.get(nodeId) ?? [];
  }

  /** A parallel gateway with several incoming edges waits for all of them. */
  isJoin(nodeId: string): boolean {
    return this.nodes.get(nodeId)?.type === 'parallelGateway' && this.incoming(nodeId).length > 1;
  }

  /** @throws DefinitionError when the template has no start node. */
  start(): Node {
    const start = this.definition.nodes.find((node) => node.type === 'start');
    if (!start) throw new DefinitionError(`Template ${this.definition.key} has no start node`);
    return start;
  }

  /**
   * The edges a node leaves on normally: all outgoing edges except the ones reserved for a
   * boundary event (a user task's overdue edge, a message catch's timeout edge).
   */
  normalOutgoing(node: Node): Edge[] {
    const reserved = reservedEdge(node);
    return this.outgoing(node.id).filter((edge) => edge.id !== reserved);
  }
}

function reservedEdge(node: Node): string | undefined {
  if (node.type === 'userTask' && node.onOverdue !== undefined && node.onOverdue !== 'escalate') return node.onOverdue;
  if (node.type === 'messageCatch') return node.timeoutEdge;
  return undefined;
}

function push(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
