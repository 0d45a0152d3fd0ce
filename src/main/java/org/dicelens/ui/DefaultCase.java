package org.dicelens.ui;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.dicelens.app.cases.CaseFiles;

/**
 * The case a newcomer sees at start: {@code sample-data/icbm152/} (real anatomy: the ICBM 2009a template's tissue
 * posterior with synthetic lesions) found beside the working directory or the jar (also one folder up, for
 * {@code target/dicelens.jar}), else a generated phantom. The other bundled cases (the geometric brain and lesion
 * phantoms) are listed by {@link #samples()} for the File menu.
 */
public final class DefaultCase {
    public static final String ROOT = "sample-data";
    public static final String SAMPLE = ROOT + "/icbm152";
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

    /**
     * Every case folder of the first {@code sample-data/} found (the default sample first, then by name); empty when
     * there is none.
     */
    public static List<Path> samples() {
        for (Path p : candidates()) {
            Path root = p.getParent();
            if (root != null && Files.isDirectory(root)) {
                try (Stream<Path> s = Files.list(root)) {
                    Path first = p.getFileName();
                    return s.filter(Files::isDirectory).map(d -> d.toAbsolutePath().normalize())
                            .sorted(Comparator.comparing((Path d) -> !d.getFileName().equals(first))
                                    .thenComparing(d -> d.getFileName().toString()))
                            .toList();
                } catch (IOException | RuntimeException e) {
                    return List.of(); // unreadable: the menu then offers the default sample and the phantom only
                }
            }
        }
        return List.of();
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
