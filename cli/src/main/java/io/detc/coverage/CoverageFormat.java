package io.detc.coverage;

/** Output formats of {@code detc coverage}. */
public enum CoverageFormat {
    md, csv, json, html, navigator;

    public String render(Coverage c, String name) {
        return switch (this) {
            case md -> MarkdownCoverage.render(c);
            case csv -> CsvCoverage.render(c);
            case json -> JsonCoverage.render(c);
            case html -> HtmlCoverage.render(c);
            case navigator -> NavigatorLayer.render(c, name);
        };
    }
}
