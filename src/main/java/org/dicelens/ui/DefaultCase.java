package org.dicelens.ui;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;

/**
 * The case a newcomer sees at start: {@code sample-data/brain/} found beside the working directory or the jar (also
 * one folder up, for {@code target/dicelens.jar}), else a generated phantom.
 */
public final class DefaultCase {
    public static final String SAMPLE = "sample-data/brain";
    public static final String PHANTOM = "brain";

    private DefaultCase() {
    }

    /** Candidate folders, in the order they are tried. */
    public static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of(SAMPLE));
        try {
            Path jar = Path.of(DefaultCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
                out.add(dir.resolve(SAMPLE));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): the working directory is the only place to look
        }
        return out;
    }

    /** The bundled sample when present, else the phantom. */
    public static CaseFiles find() {
        for (Path p : candidates()) {
            if (Files.isDirectory(p)) {
                return CaseFiles.ofFolder(p.toAbsolutePath().normalize());
            }
        }
        return CaseFiles.ofPhantom(PHANTOM);
    }
}
