/**
 * The Argument Interchange Format in the JSON form of AIFdb and OVA.
 *
 * Claims and premises are I-nodes. A support is an RA-node (premise → RA →
 * conclusion); the premises of one linked argument share one RA-node. An
 * attack is a CA-node (attacker → CA → target); an undercut points its
 * CA-node at the RA-node of the inference it attacks. A rephrase is an
 * MA-node. A contradiction, which AIF cannot say with one node, is two
 * CA-nodes, one each way (a mutual attack to any AIF tool), that the
 * `counterpoint` section pairs so import reads them back as one
 * contradiction. Another tool's file has no such section: there two
 * CA-nodes one each way between the same two claims, each joining just
 * those two and naming the same scheme, are one contradiction too (two
 * different schemes stay two attacks). Positions go in the OVA section, as
 * OVA writes them.
 *
 * What AIF has no place for (a node's kind and side, the map's title and
 * motion) rides in a `counterpoint` section that other tools ignore, so our
 * own files round-trip exactly. Import accepts plain AIFdb JSON
 * ({nodes, edges}), OVA's ({AIF, OVA, text}) and xAIF ({AIF, ova: []}), and
 * skips the dialogue layer (L, YA, TA and other locution nodes), with the
 * edges to such nodes a corpus file leaves out. Attackers that share one
 * CA-node attack together (one linked group, like premises that share an
 * RA-node), and are written back as one. A node written twice the same way
 * is one node. A named scheme (not "Default Inference") is kept on the
 * imported connections (a support's from the catalogue as `Edge.scheme`, any
 * other name as `Edge.schemeName`) and written back. What cannot be kept (an S-node with
 * nothing at one end, or joining a claim to itself) is said in the import's `ignored` list.
 */

export { exportAif, keptSchemeName } from './aif-export';
export { parseAif } from './aif-import';
