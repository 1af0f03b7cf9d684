package io.detc.yaml;

/**
 * Limits against hostile YAML. A Sigma rule is a few kilobytes; these leave a wide margin for real rules while
 * keeping an alias bomb, a 10,000-deep nesting or a 50 MB file from costing more than a diagnostic.
 *
 * @param maxCodePoints the largest document stream snakeyaml may read
 * @param maxAliasesForCollections aliases to collections allowed per file (the "billion laughs" guard)
 * @param maxDepth the deepest nesting of lists and mappings
 * @param maxNodes the most nodes one file may expand to (aliases counted at every use)
 */
public record YamlLimits(int maxCodePoints, int maxAliasesForCollections, int maxDepth, int maxNodes) {
    public static final YamlLimits DEFAULT = new YamlLimits(8 * 1024 * 1024, 50, 64, 1_000_000);
}
