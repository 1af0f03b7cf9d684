package io.detc.check;

import io.detc.diag.Diagnostics;
import io.detc.rule.Correlation;
import io.detc.rule.Detection;
import io.detc.rule.DetectionItem;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.rule.Selection;
import io.detc.rule.SigmaRule;
import io.detc.value.ItemLowering;

/**
 * Checks one document on its own: the condition against the identifiers, and every detection item's modifiers
 * and values (by lowering it, which is where value errors are found).
 */
public final class RuleCheck {
    private RuleCheck() {
    }

    public static void check(Document d, Diagnostics diags) {
        if (d instanceof SigmaRule r) {
            detection(r.detection(), diags);
        } else if (d instanceof Filter f) {
            detection(f.detection(), diags);
        } else if (d instanceof Correlation) {
            return; // correlations are checked against other documents in LinkCheck
        }
    }

    private static void detection(Detection det, Diagnostics diags) {
        ConditionCheck.check(det, diags);
        det.identifiers().values().forEach(id -> selection(id.selection(), diags));
    }

    private static void selection(Selection s, Diagnostics diags) {
        if (s instanceof Selection.AllOf a) {
            a.items().forEach(i -> item(i, diags));
            a.elements().forEach(g -> element(g, diags));
        } else if (s instanceof Selection.AnyOf a) {
            a.alternatives().forEach(alt -> selection(alt, diags));
        } else if (s instanceof Selection.Keywords k) {
            item(k.item(), diags);
        }
    }

    private static void element(Selection.ElementGroup g, Diagnostics diags) {
        g.items().forEach(i -> item(i, diags));
        g.nested().forEach(n -> element(n, diags));
    }

    private static void item(DetectionItem item, Diagnostics diags) {
        ItemLowering.lower(item, diags);
    }
}
