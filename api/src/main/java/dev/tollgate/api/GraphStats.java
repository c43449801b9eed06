package dev.tollgate.api;

/**
 * Summary statistics of a {@link DependencyGraph}, as {@link DependencyGraph#stats()} computes them.
 * Counts exclude the root; link nodes are counted apart from packages.
 *
 * <p>Immutable and thread-safe.
 *
 * @param packages nodes other than the root and links
 * @param prod packages with none of the dev, optional, devOptional or peer flags
 * @param dev packages flagged dev
 * @param optional packages flagged optional
 * @param devOptional packages flagged devOptional
 * @param peer packages flagged peer
 * @param links link nodes
 * @param edges all edges
 * @param missingEdges required edges (not optional, not peerOptional) that resolve to nothing
 * @param maxDepth the longest shortest-path from the root, in edges
 * @param unreachable nodes no edge path from the root reaches
 * @param duplicatedNames names installed in more than one version
 * @param installScripts packages with install scripts
 * @param unscanned packages that could not be evaluated
 * @since 0.1
 */
public record GraphStats(int packages, int prod, int dev, int optional, int devOptional, int peer,
    int links, int edges, int missingEdges, int maxDepth, int unreachable, int duplicatedNames,
    int installScripts, int unscanned) {
}
