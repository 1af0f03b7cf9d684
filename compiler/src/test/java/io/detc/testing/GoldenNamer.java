package io.detc.testing;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/** Places an approved file at {@code testdata/<folder>/<stem>.approved<ext>} instead of beside the test class. */
public record GoldenNamer(Path dir, String stem, String info) implements ApprovalNamer {
    public static GoldenNamer of(String folder, String stem) {
        return new GoldenNamer(TestData.dir().resolve(folder), stem, "");
    }

    @Override
    public File getApprovedFile(String extension) {
        return dir.resolve(stem + info + ".approved" + extension).toFile();
    }

    @Override
    public File getReceivedFile(String extension) {
        return dir.resolve(stem + info + ".received" + extension).toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String additional) {
        return new GoldenNamer(dir, stem, info + "." + additional);
    }

    @Override
    public String getAdditionalInformation() {
        return info;
    }

    @Override
    public String getApprovalName() {
        return stem;
    }

    @Override
    public String getSourceFilePath() {
        return dir.toString() + File.separator;
    }
}
