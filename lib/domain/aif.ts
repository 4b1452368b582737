/**
 * The Argument Interchange Format in the JSON form of AIFdb and OVA.
 *
 * Claims and premises are I-nodes. A support is an RA-node (premise → RA →
 * conclusion); the premises of one linked argument share one RA-node. An
 * attack is a CA-node (attacker → CA → target); an undercut points its
 * CA-node at the RA-node of the inference it attacks. A rephrase is an
 * MA-node. Positions go in the OVA section, as OVA writes them.
 *
 * What AIF has no place for (a node's kind and side, the map's title and
 * motion) rides in a `counterpoint` section that other tools ignore, so our
 * own files round-trip exactly. Import accepts plain AIFdb JSON
 * ({nodes, edges}), OVA's ({AIF, OVA, text}) and xAIF ({AIF, ova: []}), and
 * skips the dialogue layer (L, YA, TA and other locution nodes).
 */

export { exportAif } from './aif-export';
export { parseAif } from './aif-import';
